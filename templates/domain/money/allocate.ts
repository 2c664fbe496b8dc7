import { toSnapshot } from 'dinero.js';
import { fromMinor, minorUnits, type Amount } from './money.ts';

/**
 * Splits an amount into parts proportional to `weights`, exactly: the parts always add up to
 * the total to the minor unit.
 *
 * Remainder rule (largest remainder, Hamilton's method): each part first gets the floor of its
 * exact share in minor units; the units left over go one at a time to the parts whose exact share
 * had the largest fractional remainder, and among equal remainders to the earlier part. So
 * 100.00 split 1/1/1 is 33.34, 33.33, 33.33 (the deposit, first, absorbs the cent) and 1000.01
 * split 30/30/40 is 300.00, 300.00, 400.01 (40 % has the largest remainder, .004).
 *
 * Written here rather than taken from dinero.js `allocate`: dinero orders the remainder by the
 * JavaScript engine's sort with a comparator that is not antisymmetric for equal ratios, so the
 * cent can land on a different part in another browser. A split must be the same everywhere.
 *
 * Weights are non-negative decimal strings ("33.33") or integers; zero weights get zero.
 *
 * @example allocateAmount(amountOf('1000.00', 'EUR'), ['30', '30', '40']) // 300.00, 300.00, 400.00
 * @see https://en.wikipedia.org/wiki/Largest_remainder_method
 */
export function allocateAmount(total: Amount, weights: readonly (string | number)[]): Amount[] {
  const { currency } = toSnapshot(total);
  return allocateMinor(BigInt(minorUnits(total)), weights).map((m) => fromMinor(Number(m), currency.code));
}

/** {@link allocateAmount} on integers (minor units), for callers that already hold them. */
export function allocateMinor(total: bigint, weights: readonly (string | number)[]): bigint[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  const scaled = toScaledIntegers(weights.map(String));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('allocate needs at least one weight above zero');
  const sign = total < 0n ? -1n : 1n;
  const magnitude = total * sign;
  const shares = scaled.map((w) => (magnitude * w) / sum);
  const remainders = scaled.map((w, index) => ({ index, rest: (magnitude * w) % sum, weight: w }));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  remainders
    .filter((r) => r.weight > 0n)
    .sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1))
    .forEach((r) => {
      if (left > 0n) {
        shares[r.index]! += 1n;
        left -= 1n;
      }
    });
  return shares.map((s) => s * sign);
}

/** Decimal-string weights as integers at a common scale ("33.33", "66.67" → 3333n, 6667n). */
function toScaledIntegers(weights: string[]): bigint[] {
  for (const w of weights) {
    if (!/^\d{1,15}(\.\d{1,12})?$/.test(w)) throw new RangeError(`Weight must be a non-negative decimal: ${w}`);
  }
  const scale = Math.max(0, ...weights.map((w) => (w.split('.')[1] ?? '').length));
  return weights.map((w) => {
    const [whole, fraction = ''] = w.split('.');
    return BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
  });
}
