import { block, type DemandAnnex } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';

/**
 * The Information Sheet sent with a letter of claim under the Pre-Action Protocol for Debt
 * Claims: what the letter is, the 30 days to reply, what each Reply Form box is for, free debt
 * advice, and what the court may do if the Protocol is not followed.
 *
 * [U] The wording is a plain-language paraphrase written from the Protocol's structure as
 * shared/LEGAL.md §1.4 summarises it, not the official annex text: check it against the
 * Information Sheet published in Annex 1 of the Pre-Action Protocol for Debt Claims
 * (justice.gov.uk) before relying on it, and replace it with the official wording if required.
 *
 * @example informationSheet(facts).blocks[0]
 * @see Pre-Action Protocol for Debt Claims, Annex 1; shared/LEGAL.md §1.4
 */
export function informationSheet(f: DemandFacts): Extract<DemandAnnex, { type: 'text' }> {
  const { t } = f;
  return {
    type: 'text',
    title: t.t('legal.pap.info.title'),
    blocks: [
      block.para(t.t('legal.pap.info.why', { creditor: f.creditorName })),
      block.heading(t.t('legal.pap.info.whatHeading')),
      block.para(t.t('legal.pap.info.reply', { days: f.days, deadline: t.date(f.deadline) }), true),
      block.list([t.t('legal.pap.info.boxA'), t.t('legal.pap.info.boxB'), t.t('legal.pap.info.boxC'), t.t('legal.pap.info.boxD')]),
      block.para(t.t('legal.pap.info.instalments')),
      block.heading(t.t('legal.pap.info.adviceHeading')),
      block.para(t.t('legal.pap.info.advice')),
      block.para(t.t('legal.pap.info.moreTime')),
      block.heading(t.t('legal.pap.info.courtHeading')),
      block.para(t.t('legal.pap.info.court')),
      block.para(t.t('legal.pap.info.keepCopies')),
    ],
  };
}
