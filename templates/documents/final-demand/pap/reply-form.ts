import type { DemandAnnex } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';

/**
 * The Reply Form of a letter of claim under the Pre-Action Protocol for Debt Claims: the debtor's
 * details, whether debt advice is being sought, then boxes A–D – A: I accept I owe the debt;
 * B: I accept I owe part of it; C: I do not know whether I owe it (I need information or
 * documents); D: I dispute the debt – each with the fields to fill in, then signature and date,
 * with where to send it.
 *
 * [U] A plain-language paraphrase of the form's structure as shared/LEGAL.md §1.4 summarises it
 * (boxes A–D: accept / part / don't know / dispute), not the official annex: check it against
 * the Reply Form published in Annex 1 of the Protocol and use the official wording if required.
 *
 * @example replyForm(facts).sections.map((s) => s.box) // [undefined, undefined, 'A', 'B', 'C', 'D', undefined, undefined]
 * @see Pre-Action Protocol for Debt Claims para 3.1(h), Annex 1; shared/LEGAL.md §1.4
 */
export function replyForm(f: DemandFacts): Extract<DemandAnnex, { type: 'form' }> {
  const { t } = f;
  const key = (k: string) => t.t(`legal.pap.reply.${k}` as Parameters<typeof t.t>[0]);
  return {
    type: 'form',
    title: t.t('legal.pap.reply.title'),
    intro: [
      {
        type: 'para',
        text: t.t('legal.pap.reply.intro', { address: f.creditorAddress, email: t.ltr(f.creditor.emails[0]!), deadline: t.date(f.deadline) }),
      },
      { type: 'para', text: t.t('legal.pap.reply.reference', { reference: f.reference, amount: f.total }) },
    ],
    sections: [
      {
        heading: key('detailsHeading'),
        items: [
          { type: 'field', label: key('name') },
          { type: 'field', label: key('address'), lines: 2 },
          { type: 'field', label: key('phoneEmail') },
        ],
      },
      {
        heading: key('adviceHeading'),
        items: [
          { type: 'check', label: key('adviceSeeking') },
          { type: 'field', label: key('adviser') },
          { type: 'field', label: key('adviceBy') },
          { type: 'check', label: key('moreTime') },
        ],
      },
      {
        heading: key('boxA'),
        box: 'A',
        items: [
          { type: 'check', label: key('payFull') },
          { type: 'check', label: key('payInstalments') },
          { type: 'field', label: key('offer') },
        ],
      },
      {
        heading: key('boxB'),
        box: 'B',
        items: [
          { type: 'amount', label: key('partAmount') },
          { type: 'check', label: key('payPart') },
          { type: 'check', label: key('payInstalments') },
          { type: 'field', label: key('partWhy'), lines: 3 },
        ],
      },
      {
        heading: key('boxC'),
        box: 'C',
        items: [
          { type: 'check', label: key('needDocuments') },
          { type: 'field', label: key('whichDocuments'), lines: 3 },
        ],
      },
      {
        heading: key('boxD'),
        box: 'D',
        items: [
          { type: 'field', label: key('disputeWhy'), lines: 4 },
          { type: 'check', label: key('disputeDocuments') },
        ],
      },
      {
        heading: key('otherHeading'),
        items: [{ type: 'field', label: key('other'), lines: 2 }],
      },
      {
        heading: key('signHeading'),
        items: [
          { type: 'field', label: key('signature') },
          { type: 'field', label: key('date') },
        ],
      },
    ],
  };
}
