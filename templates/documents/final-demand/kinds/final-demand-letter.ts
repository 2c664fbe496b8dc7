import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { genericInterest } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * New York, California and the EU Directive minimum: a final demand for payment. The invoices,
 * the amount, interest at the applicable statutory rate – New York 9 % (CPLR 5001, 5004),
 * California 10 % after breach (Civ. Code § 3289(b)), the Directive's ECB + 8 points with at
 * least €40 per invoice – or at the contract's rate, 10 days to pay, and the consequences.
 *
 * A creditor collecting its own debt in its own name is not a "debt collector" under the FDCPA
 * (LEGAL.md §7.2), so no validation notice is added; a third-party collector's letter would
 * need one.
 *
 * @example finalDemandLetter(demandFacts({ caseFile, date: '2026-06-15' }, translator('en-US'))).title // 'Final demand for payment'
 * @see N.Y. CPLR 5001, 5004; Cal. Civ. Code § 3289; Directive 2011/7/EU arts 3, 6; shared/LEGAL.md §2, §7, §10
 */
export function finalDemandLetter(f: DemandFacts): LetterContent {
  const { t } = f;
  const deadline = t.date(f.deadline);
  const blocks = [
    block.para(f.contract ? t.t('legal.final.introContract', { contract: f.contract }) : t.t('legal.final.introNoContract')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.final.unpaid', { amount: f.principal })),
    ...genericInterest(f).map((s) => block.para(s)),
    block.para(t.t('legal.final.demand', { total: f.total, days: f.days, deadline }), true),
    block.sums(f.breakdown),
    block.para(t.t('legal.final.consequences', { deadline })),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
    block.para(t.t('legal.final.contactBefore', { deadline })),
  ];
  return {
    title: t.t('legal.final.title'),
    subject: t.t('legal.final.subject', { numbers: f.invoiceNumbers }),
    salutation: t.t('legal.demand.salutation', { name: f.addressee }),
    blocks,
    closing: t.t('legal.demand.closing', { name: f.addressee }),
    enclosures: [t.t('legal.demand.statementTitle', { date: t.date(f.date) })],
    annexes: [{ type: 'statement', title: t.t('legal.demand.statementTitle', { date: t.date(f.date) }), view: f.statement }],
  };
}
