import { invoiceTotals } from '../../domain/invoice/invoice-totals.ts';
import { interestForInvoices, type InterestSummary } from '../../domain/interest/interest-for-invoices.ts';
import { InterestError } from '../../domain/interest/interest-error.ts';
import type { InterestRequest } from '../../domain/interest/interest-input.ts';
import type { InterestResult } from '../../domain/interest/interest-result.ts';
import { currencyOf } from '../../domain/money/currency.ts';
import { amountOf, minorUnits, type Money } from '../../domain/money/money.ts';
import type { CaseFile } from '../../domain/schemas/case.ts';
import type { Invoice, Payment } from '../../domain/schemas/invoice.ts';
import type { LatePaymentTerms } from '../../domain/schemas/terms.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';

/** One invoice as it stands on the statement date. */
export interface StatementInvoice {
  invoice: Invoice;
  /** the invoice total, VAT included (the base interest runs on: LEGAL.md §0.6) */
  gross: Money;
  /** payments received up to the statement date, in date order */
  payments: Payment[];
  paid: Money;
  /** gross − paid */
  balance: Money;
  /** `not-due`: the due date is after the statement date (no interest, not claimed yet) */
  status: 'due' | 'not-due';
  /** the engine's result for this invoice, when it is due and the engine computed */
  interest?: InterestResult | undefined;
}

/** What the engine said about the due invoices: a result, a refusal, or nothing to compute. */
export type StatementInterest =
  | { outcome: 'computed'; summary: InterestSummary }
  | { outcome: 'refused'; error: InterestError }
  | { outcome: 'nothing-due' };

/** The figures of a statement of account, before any wording: every amount exact. */
export interface StatementFigures {
  date: PlainDate;
  caseFile: CaseFile;
  /** the terms the engine was asked to apply (the contract's, or the statutory default) */
  terms: LatePaymentTerms;
  /** invoices issued on or before the statement date, in issue-date order */
  invoices: StatementInvoice[];
  interest: StatementInterest;
  /** per currency (one entry in a normal case): what is owed now, what is not yet due, what is claimed */
  totals: StatementTotals[];
}

export interface StatementTotals {
  currency: string;
  /** balances of the invoices already due */
  outstandingDue: Money;
  /** balances of the invoices not yet due */
  notYetDue: Money;
  /** interest + fixed compensation + flat fees from the engine; zero when it refused */
  charges: Money;
  interest: Money;
  fixedCompensation: Money;
  flatFee: Money;
  /** outstandingDue + charges: the sum a formal demand asks for */
  totalClaimed: Money;
}

/** Late-payment terms when the case has no contract: the statute of the jurisdiction, with its fixed sum. */
const statutoryDefault: LatePaymentTerms = { interest: { kind: 'statutory' }, fixedCompensation: true, penaltyClause: false };

/**
 * The figures of a statement of account on `date`: each invoice issued by then with its total,
 * the payments received by then and its balance; for the invoices already due, late-payment
 * interest, fixed compensation and flat fees from the interest engine (`interestForInvoices`,
 * `until` = the statement date, the contract's terms or else the jurisdiction's statute).
 *
 * The engine's refusals (`InterestError`: Israeli statutory interest, a rate table without a
 * row, a statute that does not apply to this debtor …) are kept as `interest.outcome: 'refused'`
 * with the error, never thrown: the statement then prints the balances and the engine's message
 * instead of a figure.
 *
 * @example statementFigures(caseFile, '2026-06-15').totals[0].totalClaimed // { currency: 'GBP', amount: '2981.14' }
 * @see shared/LEGAL.md §0 (engine rules), §10 (statement of account in formal letters)
 */
export function statementFigures(caseFile: CaseFile, date: PlainDate): StatementFigures {
  const terms = caseFile.contract?.latePayment ?? statutoryDefault;
  const invoices: StatementInvoice[] = caseFile.invoices
    .filter((invoice) => invoice.issueDate <= date)
    .sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0))
    .map((invoice) => {
      const totals = invoiceTotals(invoice, date);
      const payments = invoice.payments.filter((p) => p.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return {
        invoice,
        gross: totals.gross,
        payments,
        paid: totals.paid,
        balance: totals.balance,
        status: invoice.dueDate < date ? 'due' : 'not-due',
      };
    });

  const due = invoices.filter((line) => line.status === 'due');
  let interest: StatementInterest = { outcome: 'nothing-due' };
  if (due.length > 0) {
    const requests: InterestRequest[] = due.map((line) => ({
      reference: line.invoice.number,
      principal: line.gross,
      dueDate: line.invoice.dueDate,
      until: date,
      payments: line.payments.filter((p) => /[1-9]/.test(p.amount.amount)).map((p) => ({ date: p.date, amount: p.amount })),
      jurisdiction: caseFile.jurisdiction,
      debtor: caseFile.debtor.kind,
      terms,
    }));
    try {
      const summary = interestForInvoices(requests);
      summary.invoices.forEach((result, i) => (due[i]!.interest = result));
      interest = { outcome: 'computed', summary };
    } catch (error) {
      if (!(error instanceof InterestError)) throw error;
      interest = { outcome: 'refused', error };
    }
  }

  const currencies = [...new Set(invoices.map((line) => line.invoice.currency))];
  const totals = currencies.map((currency): StatementTotals => {
    const mine = invoices.filter((line) => line.invoice.currency === currency);
    const sum = (pick: (line: StatementInvoice) => Money | undefined) => addMoney(currency, mine.map(pick));
    const outstandingDue = sum((l) => (l.status === 'due' ? l.balance : undefined));
    const interestSum = sum((l) => l.interest?.totals.interest);
    const fixedCompensation = sum((l) => l.interest?.totals.fixedCompensation);
    const flatFee = sum((l) => l.interest?.totals.flatFee);
    const charges = sum((l) => l.interest?.totals.charges);
    return {
      currency,
      outstandingDue,
      notYetDue: sum((l) => (l.status === 'not-due' ? l.balance : undefined)),
      charges,
      interest: interestSum,
      fixedCompensation,
      flatFee,
      totalClaimed: addMoney(currency, [outstandingDue, charges]),
    };
  });

  return { date, caseFile, terms, invoices, interest, totals };
}

/** Exact sum of amounts in one currency (`undefined` entries are skipped); negative balances are kept. */
function addMoney(currency: string, amounts: (Money | undefined)[]): Money {
  const exponent = currencyOf(currency)?.exponent ?? 2;
  let minor = 0n;
  for (const m of amounts) {
    if (!m) continue;
    const negative = m.amount.startsWith('-');
    const value = BigInt(minorUnits(amountOf(negative ? m.amount.slice(1) : m.amount, currency)));
    minor += negative ? -value : value;
  }
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  return { currency, amount: sign + (exponent > 0 ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits) };
}
