import Fraction from 'fraction.js';
import { currencyOf } from '../money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../money/money.ts';
import { roundMinor } from '../money/round.ts';

/**
 * Simple interest on `base` at `annualPercent` % a year for `days` over a `yearDays`-day year,
 * rounded half up to the currency's minor unit:
 * - `total` (default): base × rate × days / yearDays, exactly, rounded once;
 * - `daily`: the daily amount base × rate / yearDays rounded first, then × days (gov.uk).
 *
 * The building block of `computeInterest`, exported so a published figure can be checked from
 * the rate and days it states.
 *
 * @example simpleInterest({ currency: 'GBP', amount: '1000.00' }, '8.25', 60, 365) // { currency: 'GBP', amount: '13.56' }
 * @example simpleInterest({ currency: 'GBP', amount: '1000.00' }, '8.5', 50, 365, 'daily') // '11.50' (23p a day); 'total' gives '11.64'
 * @see shared/LEGAL.md §0.2 (simple interest), §0.5 and §1.1 (gov.uk's daily rounding)
 */
export function simpleInterest(base: Money, annualPercent: string, days: number, yearDays: number, rounding: 'total' | 'daily' = 'total'): Money {
  const exponent = currencyOf(base.currency)?.exponent;
  if (exponent === undefined) throw new RangeError(`Unknown currency ${base.currency}`);
  const baseMinor = BigInt(minorUnits(amountOf(base.amount, base.currency)));
  const percent = new Fraction(annualPercent);
  const minor =
    rounding === 'daily'
      ? roundMinor(exactSimpleInterest(baseMinor, percent, 1, yearDays), 'halfUp') * BigInt(days)
      : roundMinor(exactSimpleInterest(baseMinor, percent, days, yearDays), 'halfUp');
  return { currency: base.currency, amount: decimalOf(Number(minor), exponent) };
}

/**
 * The exact interest in minor units: baseMinor × percent / 100 × days / yearDays.
 *
 * @example exactSimpleInterest(100000n, new Fraction('8.25'), 60, 365) // 1356.16… (pence)
 */
export function exactSimpleInterest(baseMinor: bigint, percent: Fraction, days: number, yearDays: number): Fraction {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0: ${days}`);
  if (!Number.isInteger(yearDays) || yearDays <= 0) throw new RangeError(`yearDays must be a whole number > 0: ${yearDays}`);
  return new Fraction(baseMinor).mul(percent).mul(days).div(100 * yearDays);
}
