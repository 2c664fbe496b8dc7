import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { compensationSentences, genericInterest } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * France: the mise en demeure de payer (art. 1344 Code civil), sent by registered letter with
 * acknowledgement of receipt. It says unambiguously what is owed (amount, invoice references),
 * the late-payment penalties of L441-10 Code de commerce and the 40 € indemnité forfaitaire per
 * invoice (D441-5) between professionals – or, against a consumer, that the notice makes
 * interest at the legal rate run (art. 1344-1) – a délai (8 days by default) and the
 * consequences (injonction de payer, the competent court).
 *
 * For a claim of at most 5 000 € it adds that a prior amicable attempt may be required before
 * the tribunal judiciaire (art. 750-1 CPC). [U] Whether that applies to an injonction de payer,
 * and the article's numbering after décret 2025-660, are open (LEGAL.md §3.3, §12.2): the wording
 * says "may" and offers an amicable settlement rather than asserting the rule.
 *
 * @example miseEnDemeure(demandFacts({ caseFile, date: '2026-06-15' }, translator('fr'))).title // 'Mise en demeure de payer'
 * @see Code civil art. 1344, 1344-1; Code de commerce L441-10, D441-5; CPC art. 750-1; shared/LEGAL.md §3.1, §3.3, §10
 */
export function miseEnDemeure(f: DemandFacts): LetterContent {
  const { t, interest } = f;
  const deadline = t.date(f.deadline);
  const business = f.debtor.kind === 'business';
  let interestLines: string[];
  if (interest.has && business) {
    interestLines = [
      t.t('legal.mdd.penalties', { rate: interest.rate, interest: interest.amount, date: t.date(f.date) }),
      ...compensationSentences(f),
    ];
  } else if (!interest.has && !business) {
    // a consumer: no commercial penalties; the formal notice itself makes civil interest run (art. 1344-1)
    interestLines = [t.t('legal.mdd.civilInterest'), ...compensationSentences(f)];
  } else {
    interestLines = genericInterest(f);
  }
  const blocks = [
    block.para(f.contract ? t.t('legal.mdd.introContract', { contract: f.contract }) : t.t('legal.mdd.introNoContract')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.mdd.principal', { amount: f.principal })),
    ...interestLines.map((s) => block.para(s)),
    block.para(t.t('legal.mdd.demand', { total: f.total, days: f.days, deadline }), true),
    block.sums(f.breakdown),
    block.para(t.t('legal.mdd.consequences')),
    ...(f.claimAtMost('EUR', 5000) ? [block.para(t.t('legal.mdd.amicable'))] : []),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
  ];
  return {
    title: t.t('legal.mdd.title'),
    dispatch: t.t('legal.mdd.dispatch'),
    subject: t.t('legal.mdd.subject', { numbers: f.invoiceNumbers }),
    salutation: t.t('legal.demand.salutation', { name: 'none' }),
    blocks,
    closing: t.t('legal.mdd.closing'),
    enclosures: [t.t('legal.demand.invoiceCopies', { numbers: f.invoiceNumbers }), t.t('legal.demand.statementTitle', { date: t.date(f.date) })],
    annexes: [{ type: 'statement', title: t.t('legal.demand.statementTitle', { date: t.date(f.date) }), view: f.statement }],
  };
}
