import { interestForInvoices, type InterestSummary } from '../../domain/interest/interest-for-invoices.ts';
import { InterestError, RateUnavailableError } from '../../domain/interest/interest-error.ts';
import type { InterestRequest } from '../../domain/interest/interest-input.ts';
import { invoiceTotals, type InvoiceTotals } from '../../domain/invoice/invoice-totals.ts';
import type { Invoice } from '../../domain/schemas/invoice.ts';
import type { LatePaymentTerms } from '../../domain/schemas/terms.ts';
import { daysBetween, type PlainDate } from '../../domain/time/plain-date.ts';
import type { LetterSource } from './letter-source.ts';
import { LetterSourceError } from './letter-source-error.ts';

/** One invoice as a letter quotes it, on the letter date. */
export interface LetterInvoice {
  invoice: Invoice;
  /** totals with the payments received up to the letter date */
  totals: InvoiceTotals;
  /** the due date is before the letter date */
  overdue: boolean;
}

/**
 * What lateness adds, as the interest engine sees it on the letter date:
 * - `computed`: the engine's summary over the overdue invoices (figures may be zero)
 * - `unavailable`: the rule applies but no rate can be determined (Israel's statutory interest, a
 *   date outside a rate table): the letter names the rule and prints no figure
 * - `not-claimed`: nothing is overdue, the contract claims nothing, or the rule does not apply to
 *   this debt (a business-to-business statute against a consumer, a currency the statute does
 *   not cover): the letter claims nothing; `error` says why when the engine refused
 */
export type LetterCharges =
  | { status: 'computed'; summary: InterestSummary; provisional: boolean }
  | { status: 'unavailable'; error: RateUnavailableError }
  | { status: 'not-claimed'; error?: InterestError | undefined };

/** The figures of one letter, before any wording. */
export interface LetterFigures {
  /** invoices with something left to pay on the letter date, earliest due first */
  open: LetterInvoice[];
  /** the open invoices whose due date has passed */
  overdue: LetterInvoice[];
  /** the late-payment terms applied: the contract's, else statutory interest and compensation */
  terms: LatePaymentTerms;
  charges: LetterCharges;
  /** days from the earliest due date among the overdue invoices to the letter date; 0 when none */
  daysOverdue: number;
}

/**
 * The open invoices of a case on the letter date and the interest and compensation on the
 * overdue ones, from `interestForInvoices` with `until` = the letter date. Engine refusals
 * (`InterestError`) become a `charges` status, never an exception: a letter is still sent, with
 * the balance and, where the rule applies but has no figure, the rule without a figure.
 *
 * @throws LetterSourceError when nothing is left to pay on the letter date (no letter to write)
 * @example letterFigures({ caseFile, stage: { template: 'overdue-firm' }, date: '2026-04-16' }).charges.summary.totals.interest
 * @see shared/LEGAL.md §0 (interest runs from the day after the due date), §0.7 (compensation per invoice)
 */
export function letterFigures(source: LetterSource): LetterFigures {
  const { caseFile, date } = source;
  const open = caseFile.invoices
    .map((invoice) => ({ invoice, totals: invoiceTotals(invoice, date), overdue: invoice.dueDate < date }))
    .filter((line) => Number(line.totals.balance.amount) > 0)
    .sort((a, b) => (a.invoice.dueDate < b.invoice.dueDate ? -1 : a.invoice.dueDate > b.invoice.dueDate ? 1 : 0));
  if (open.length === 0) {
    throw new LetterSourceError(`Nothing is left to pay on ${date}: every invoice of the case is paid, so there is no letter to write`);
  }
  const overdue = open.filter((line) => line.overdue);
  const terms: LatePaymentTerms = caseFile.contract?.latePayment ?? { interest: { kind: 'statutory' }, fixedCompensation: true, penaltyClause: false };
  return {
    open,
    overdue,
    terms,
    charges: overdue.length === 0 ? { status: 'not-claimed' } : charges(source, overdue, terms),
    daysOverdue: overdue.length === 0 ? 0 : daysBetween(overdue[0]!.invoice.dueDate, date),
  };
}

function charges(source: LetterSource, overdue: LetterInvoice[], terms: LatePaymentTerms): LetterCharges {
  const { caseFile, date } = source;
  const requests: InterestRequest[] = overdue.map(({ invoice, totals }) => ({
    reference: invoice.number.slice(0, 80),
    principal: totals.gross,
    dueDate: invoice.dueDate,
    until: date,
    payments: invoice.payments.filter((p) => p.date <= date).map((p) => ({ date: p.date, amount: p.amount })),
    jurisdiction: caseFile.jurisdiction,
    debtor: caseFile.debtor.kind,
    terms,
  }));
  try {
    const summary = interestForInvoices(requests);
    return { status: 'computed', summary, provisional: summary.invoices.some((r) => r.segments.some((s) => s.provisional)) };
  } catch (error) {
    if (error instanceof RateUnavailableError) return { status: 'unavailable', error };
    if (error instanceof InterestError) return { status: 'not-claimed', error };
    throw error;
  }
}
