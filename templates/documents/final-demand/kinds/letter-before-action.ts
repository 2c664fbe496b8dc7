import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { genericInterest } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * England & Wales, debtor a company: a letter before action under the Practice Direction –
 * Pre-Action Conduct and Protocols (no specific protocol for business-to-business debts). It
 * gives the basis of the claim, a summary of the facts, what the claimant wants and how the
 * amount is calculated (statutory interest and fixed compensation under the 1998 Act, from the
 * interest engine), 14 days to pay or respond, invites ADR, and says that proceedings may be
 * issued without further notice. The statement of account is enclosed.
 *
 * @example letterBeforeAction(demandFacts({ caseFile, date: '2026-06-15' }, translator('en-GB'))).subject
 * @see PD-PAC para 6; shared/LEGAL.md §1.4, §10
 */
export function letterBeforeAction(f: DemandFacts): LetterContent {
  const { t } = f;
  const deadline = t.date(f.deadline);
  const blocks = [
    block.para(t.t('legal.lba.intro', { amount: f.total, debtor: f.debtorName, creditor: f.creditorName })),
    block.heading(t.t('legal.lba.basisHeading')),
    block.para(
      f.contract
        ? t.t('legal.lba.basisContract', { creditor: f.creditorName, debtor: f.debtorName, contract: f.contract })
        : t.t('legal.lba.basisNoContract', { creditor: f.creditorName, debtor: f.debtorName }),
    ),
    block.heading(t.t('legal.lba.factsHeading')),
    block.para(t.t('legal.demand.invoicedAs')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.lba.factsUnpaid', { balance: f.principal })),
    block.heading(t.t('legal.lba.wantHeading')),
    block.para(t.t('legal.lba.want', { amount: f.total })),
    block.sums(f.breakdown),
    block.heading(t.t('legal.lba.calcHeading')),
    block.para(t.t('legal.lba.calcPrincipal')),
    ...genericInterest(f).map((s) => block.para(s)),
    block.para(t.t('legal.lba.calcStatement')),
    block.heading(t.t('legal.lba.nextHeading')),
    block.para(t.t('legal.lba.deadline', { days: f.days, deadline })),
    block.para(t.t('legal.lba.adr', { deadline })),
    block.para(t.t('legal.lba.proceedings', { deadline })),
    block.para(t.t('legal.lba.documents', { contract: f.contract ? 'yes' : 'no' })),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
  ];
  return {
    title: t.t('legal.lba.title'),
    subject: t.t('legal.lba.subject', { numbers: f.invoiceNumbers }),
    salutation: t.t('legal.demand.salutation', { name: f.addressee }),
    blocks,
    closing: t.t('legal.demand.closing', { name: f.addressee }),
    enclosures: [t.t('legal.demand.statementTitle', { date: t.date(f.date) })],
    annexes: [{ type: 'statement', title: t.t('legal.demand.statementTitle', { date: t.date(f.date) }), view: f.statement }],
  };
}
