import { currencyOf } from '../money/currency.ts';
import { amountOf, minorUnits, type Money } from '../money/money.ts';
import { computeInterest } from './compute-interest.ts';
import { InterestError, InterestInputError, InterestNotApplicableError, RateUnavailableError } from './interest-error.ts';
import type { InterestRequest } from './interest-input.ts';
import type { InterestResult, InterestWarning } from './interest-result.ts';

/** Several invoices' results and their sums, in one currency. */
export interface InterestSummary {
  currency: string;
  /** one `computeInterest` result per invoice, in the order given */
  invoices: InterestResult[];
  totals: {
    principal: Money;
    paid: Money;
    outstandingPrincipal: Money;
    interest: Money;
    /** the sum of each invoice's own fixed compensation (it is due per invoice) */
    fixedCompensation: Money;
    flatFee: Money;
    charges: Money;
    amountDue: Money;
  };
  /** every invoice's warnings, with the invoice's position and reference */
  warnings: (InterestWarning & { invoice: number; reference?: string })[];
}

/**
 * Interest and compensation over several invoices of one debtor (a statement of account): each
 * invoice is computed on its own by `computeInterest` – so fixed compensation is counted per
 * invoice (£40/£70/£100 by each invoice's size, 40 € each) – and the totals are added.
 *
 * All invoices must be in one currency. An error in one invoice is rethrown with its position
 * (`invoices[1] (INV-002): …`), nothing is summed.
 *
 * @example interestForInvoices([gbInvoice500, gbInvoice2500]).totals.fixedCompensation // £110.00 (£40 + £70)
 * @see shared/LEGAL.md §0.7 (fixed compensation per invoice / per late payment)
 */
export function interestForInvoices(requests: readonly InterestRequest[]): InterestSummary {
  if (requests.length === 0) throw new InterestInputError([{ path: 'invoices', message: 'needs at least one invoice' }]);
  const invoices = requests.map((request, index) => {
    try {
      return computeInterest(request);
    } catch (error) {
      throw located(error, index, request);
    }
  });
  const currency = invoices[0]!.principal.currency;
  invoices.forEach((result, index) => {
    if (result.principal.currency !== currency) {
      throw new InterestInputError([
        { path: `invoices[${index}].principal.currency`, message: `must be ${currency} like invoices[0]: the totals are added in one currency` },
      ]);
    }
  });
  const exponent = currencyOf(currency)!.exponent;
  const sum = (pick: (r: InterestResult) => Money): Money => {
    const minor = invoices.reduce((total, r) => total + BigInt(minorUnits(amountOf(pick(r).amount, currency))), 0n);
    const digits = minor.toString().padStart(exponent + 1, '0');
    return { currency, amount: exponent > 0 ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits };
  };
  return {
    currency,
    invoices,
    totals: {
      principal: sum((r) => r.principal),
      paid: sum((r) => r.totals.paid),
      outstandingPrincipal: sum((r) => r.totals.outstandingPrincipal),
      interest: sum((r) => r.totals.interest),
      fixedCompensation: sum((r) => r.totals.fixedCompensation),
      flatFee: sum((r) => r.totals.flatFee),
      charges: sum((r) => r.totals.charges),
      amountDue: sum((r) => r.totals.amountDue),
    },
    warnings: invoices.flatMap((r, invoice) => r.warnings.map((w) => ({ ...w, invoice, ...(r.reference === undefined ? {} : { reference: r.reference }) }))),
  };
}

function located(error: unknown, index: number, request: InterestRequest): unknown {
  if (!(error instanceof InterestError)) return error;
  const reference = typeof request === 'object' && request !== null && typeof request.reference === 'string' ? ` (${request.reference})` : '';
  if (error instanceof InterestInputError) {
    return new InterestInputError(error.issues.map((i) => ({ path: `invoices[${index}]${i.path === '(the file)' ? '' : `.${i.path}`}`, message: i.message })));
  }
  const prefix = `invoices[${index}]${reference}: `;
  if (error instanceof InterestNotApplicableError) return new InterestNotApplicableError(prefix + error.message, error.citation);
  if (error instanceof RateUnavailableError) return new RateUnavailableError(prefix + error.message);
  return error;
}
