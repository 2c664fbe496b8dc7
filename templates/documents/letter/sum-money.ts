import { currencyOf } from '../../domain/money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../../domain/money/money.ts';

/**
 * Adds amounts per currency, in the order the currencies first appear: the totals of a letter
 * whose invoices are in two currencies are two amounts, never one sum.
 *
 * @see shared/DESIGN.md "Money is exact"
 * @example sumMoney([{ currency: 'EUR', amount: '1.50' }, { currency: 'EUR', amount: '2.25' }]) // [{ currency: 'EUR', amount: '3.75' }]
 */
export function sumMoney(amounts: readonly Money[]): Money[] {
  const sums = new Map<string, bigint>();
  for (const m of amounts) sums.set(m.currency, (sums.get(m.currency) ?? 0n) + BigInt(minorUnits(amountOf(m.amount, m.currency))));
  return [...sums].map(([currency, minor]) => ({ currency, amount: decimalOf(Number(minor), currencyOf(currency)!.exponent) }));
}
