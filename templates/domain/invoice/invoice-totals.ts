import Fraction from 'fraction.js';
import { currencyOf } from '../money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../money/money.ts';
import { roundMinor } from '../money/round.ts';
import type { Invoice } from '../schemas/invoice.ts';
import type { PlainDate } from '../time/plain-date.ts';

export interface TaxLine {
  /** rate, % */
  rate: string;
  /** sum of the line nets at this rate */
  base: Money;
  tax: Money;
}

export interface InvoiceTotals {
  /** each line's net: quantity × unit price, rounded half up to the minor unit */
  lines: Money[];
  net: Money;
  taxes: TaxLine[];
  tax: Money;
  gross: Money;
  paid: Money;
  /** gross − paid; negative when overpaid */
  balance: Money;
}

/**
 * The totals of an invoice, exactly.
 *
 * Rounding rule (documented, and the one EU VAT practice accepts, Directive 2006/112/EC art. 226
 * (8)–(10) listing the taxable amount and VAT per rate):
 * 1. each line net = quantity × unit price, rounded half up to the currency's minor unit;
 * 2. per tax rate, tax = (sum of the line nets at that rate) × rate, rounded half up once;
 * 3. gross = net + tax; balance = gross − payments (payments dated after `asOf` are ignored).
 *
 * @example invoiceTotals({ currency: 'EUR', lines: [{ quantity: '3', unitPrice: '33.333', taxRate: '20' }], … })
 *   // net 100.00 (99.999 → 100.00), tax 20.00, gross 120.00
 */
export function invoiceTotals(invoice: Pick<Invoice, 'currency' | 'lines' | 'payments'>, asOf?: PlainDate): InvoiceTotals {
  const { currency } = invoice;
  const exponent = currencyOf(currency)?.exponent;
  if (exponent === undefined) throw new RangeError(`Unknown currency ${currency}`);
  const unit = 10n ** BigInt(exponent);
  const money = (minor: bigint): Money => ({ currency, amount: decimalOf(Number(minor), exponent) });

  const lineNets = invoice.lines.map((line) =>
    roundMinor(new Fraction(line.quantity).mul(new Fraction(line.unitPrice)).mul(new Fraction(unit)), 'halfUp'),
  );
  const byRate = new Map<string, bigint>();
  invoice.lines.forEach((line, i) => {
    const rate = normalizePercent(line.taxRate);
    byRate.set(rate, (byRate.get(rate) ?? 0n) + lineNets[i]!);
  });
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([rate, base]) => ({ rate, base, tax: roundMinor(new Fraction(base).mul(new Fraction(rate)).div(100), 'halfUp') }));
  const net = lineNets.reduce((a, b) => a + b, 0n);
  const tax = taxes.reduce((a, t) => a + t.tax, 0n);
  const paid = invoice.payments
    .filter((p) => asOf === undefined || p.date <= asOf)
    .reduce((sum, p) => sum + BigInt(minorUnits(amountOf(p.amount.amount, p.amount.currency))), 0n);
  return {
    lines: lineNets.map(money),
    net: money(net),
    taxes: taxes.map((t) => ({ rate: t.rate, base: money(t.base), tax: money(t.tax) })),
    tax: money(tax),
    gross: money(net + tax),
    paid: money(paid),
    balance: money(net + tax - paid),
  };
}

function normalizePercent(p: string): string {
  return new Fraction(p).toString();
}
