import Fraction from 'fraction.js';

/**
 * A rate as a plain decimal string with at least two decimals, exact when it terminates (every
 * rate built from the tables does: sums, × 3, × 12), otherwise to six decimals.
 *
 * @example formatPercent(new Fraction('5.25').add(8)) // '13.25'
 * @example formatPercent(new Fraction('0.10').add(8)) // '8.10'
 * @example formatPercent(new Fraction('1.125').mul(12)) // '13.50'
 */
export function formatPercent(value: Fraction): string {
  let d = value.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  const text = (d === 1n ? value : value.round(6)).toString();
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
