import { invoiceTotals } from '#domain/invoice/invoice-totals.ts';
import { currencyOf } from '#domain/money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '#domain/money/money.ts';
import type { CaseFile } from '#domain/schemas/case.ts';

function signedMinor(money: Money): number {
  const negative = money.amount.startsWith('-');
  const minor = minorUnits(amountOf(negative ? money.amount.slice(1) : money.amount, money.currency));
  return negative ? -minor : minor;
}

/** What the debtor still owes across the case's invoices, in minor units (negative: overpaid). */
export function caseBalanceMinor(file: CaseFile, asOf?: string): number {
  return file.invoices.reduce((sum, inv) => sum + signedMinor(invoiceTotals(inv, asOf).balance), 0);
}

/**
 * What the debtor still owes across the case's invoices (principal and tax; interest and
 * compensation are computed by the letters as of their date).
 */
export function caseBalance(file: CaseFile, asOf?: string): Money {
  const currency = file.invoices[0]!.currency;
  return { currency, amount: decimalOf(caseBalanceMinor(file, asOf), currencyOf(currency)!.exponent) };
}

/** True when nothing is left to pay. */
export function isPaid(file: CaseFile, asOf?: string): boolean {
  return caseBalanceMinor(file, asOf) <= 0;
}

/** Payments received on or after `since`, in minor units (instalments and settlements count them). */
export function paidSinceMinor(file: CaseFile, since: string): number {
  return file.invoices
    .flatMap((i) => i.payments)
    .filter((p) => p.date >= since)
    .reduce((s, p) => s + minorUnits(amountOf(p.amount.amount, p.amount.currency)), 0);
}
