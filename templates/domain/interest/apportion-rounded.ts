import Fraction from 'fraction.js';

/**
 * Rounds exact non-negative amounts (in minor units) to integers that add up to `total`: each
 * gets its floor, and the units left over go one at a time to the largest fractional parts
 * (the earlier one first among equals). Each result is within one unit of its exact value when
 * `total` is the exact sum rounded. Used to print segment interest that adds up to the total.
 *
 * @example apportionRounded([new Fraction(1, 2), new Fraction(1, 2)], 1n) // [1n, 0n]
 * @see https://en.wikipedia.org/wiki/Largest_remainder_method
 */
export function apportionRounded(exact: readonly Fraction[], total: bigint): bigint[] {
  const floors = exact.map((x) => x.floor());
  const shares = floors.map((f) => f.n * f.s);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  if (left < 0n || left > BigInt(exact.length)) throw new RangeError(`total ${total} cannot be apportioned over ${exact.length} amounts`);
  const order = exact
    .map((x, index) => ({ index, rest: x.sub(floors[index]!) }))
    .sort((a, b) => b.rest.compare(a.rest) || a.index - b.index);
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares;
}
