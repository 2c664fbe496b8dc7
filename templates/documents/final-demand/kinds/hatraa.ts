import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { compensationSentences } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * Israel: the warning letter before legal proceedings (מכתב התראה לפני נקיטת הליכים משפטיים),
 * sent by registered mail with delivery confirmation. The amount, its basis (contract,
 * invoices), a deadline (14 days by default), the consequence (a claim in court or at the
 * Enforcement and Collection Authority), and interest: the contract's rate with the engine's
 * figure when the contract sets one; otherwise "הפרשי הצמדה וריבית כחוק" without a figure – the
 * engine refuses Israeli statutory figures after Amendment 9 (1 October 2024) and the letter
 * never invents one (the enclosed statement prints the engine's message).
 *
 * For a claim of at most NIS 75,000 it mentions the fixed-sum route of s. 81א1 of the Execution
 * Law. [U] The statutory warning that route requires (form, waiting period) is not verified
 * (LEGAL.md §6.3, §12.5): the letter reserves the right to use the route after a warning
 * served as the law requires, and does not claim to be that warning.
 *
 * @example hatraa(demandFacts({ caseFile, date: '2026-06-15' }, translator('he'))).title // 'מכתב התראה לפני נקיטת הליכים משפטיים'
 * @see חוק ההוצאה לפועל, התשכ"ז-1967, s. 81א1; חוק פסיקת ריבית והצמדה, התשכ"א-1961; shared/LEGAL.md §6.1, §6.3, §10
 */
export function hatraa(f: DemandFacts): LetterContent {
  const { t, interest } = f;
  const deadline = t.date(f.deadline);
  const firstDue = f.figures.invoices.find((line) => line.status === 'due')?.invoice.dueDate;
  let interestLines: string[];
  if (interest.has && interest.rule?.id === 'contractual') {
    interestLines = [t.t('legal.hatraa.interestContract', { rate: interest.rate, interest: interest.amount, date: t.date(f.date) })];
  } else if (interest.has && interest.ruleText) {
    interestLines = [t.t('legal.demand.interest.computed', { under: interest.under, rate: interest.rate, from: interest.from, date: t.date(f.date), interest: interest.amount })];
  } else if (f.figures.terms.interest.kind === 'none') {
    interestLines = [];
  } else {
    interestLines = [t.t('legal.hatraa.interestLaw', { from: firstDue ? t.date(firstDue) : '' })];
  }
  interestLines.push(...compensationSentences(f));
  const blocks = [
    block.para(t.t('legal.hatraa.intro', { creditor: f.creditorName })),
    block.para(f.contract ? t.t('legal.hatraa.factsContract', { contract: f.contract }) : t.t('legal.hatraa.factsNoContract')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.hatraa.unpaid', { amount: f.principal })),
    ...interestLines.map((s) => block.para(s)),
    block.para(t.t('legal.hatraa.demand', { days: f.days, deadline, total: f.total }), true),
    block.sums(f.breakdown),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
    block.para(t.t('legal.hatraa.consequences')),
    ...(f.claimAtMost('ILS', 75000) ? [block.para(t.t('legal.hatraa.route81'))] : []),
    block.para(t.t('legal.hatraa.withoutPrejudice')),
  ];
  return {
    title: t.t('legal.hatraa.title'),
    dispatch: t.t('legal.hatraa.dispatch'),
    // the title on its own line, then the subject ("הנדון: …")
    subject: `${t.t('legal.hatraa.title')}\n${t.t('legal.hatraa.subject', { numbers: f.invoiceNumbers })}`,
    salutation: t.t('legal.demand.salutation', { name: f.addressee }),
    blocks,
    closing: t.t('legal.demand.closing', { name: f.addressee }),
    enclosures: [t.t('legal.demand.invoiceCopies', { numbers: f.invoiceNumbers }), t.t('legal.demand.statementTitle', { date: t.date(f.date) })],
    annexes: [{ type: 'statement', title: t.t('legal.demand.statementTitle', { date: t.date(f.date) }), view: f.statement }],
  };
}
