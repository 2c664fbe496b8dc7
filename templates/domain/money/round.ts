import Fraction from 'fraction.js';

/**
 * Named rounding of an exact rational to an integer number of minor units.
 *
 * - `halfUp`: ties go up (towards +∞); the default everywhere in Overdue (what courts and the
 *   published late-payment examples use).
 * - `halfEven`: ties go to the even neighbour (banker's rounding).
 * - `down`: truncate towards zero.
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down';

/**
 * Rounds an exact value expressed in minor units (for example 1356.16438… pence) to an integer.
 *
 * @example roundMinor(new Fraction(27123, 20), 'halfUp') // 1356n (1356.15 → 1356)
 */
export function roundMinor(value: Fraction, mode: RoundingMode = 'halfUp'): bigint {
  const n = value.n * value.s; // fraction.js keeps the sign apart
  const d = value.d;
  const floor = floorDiv(n, d);
  const remainder2 = 2n * (n - floor * d); // 2 × fractional part, scaled by d
  switch (mode) {
    case 'down':
      return n < 0n && n % d !== 0n ? floor + 1n : floor;
    case 'halfUp':
      return remainder2 >= d ? floor + 1n : floor;
    case 'halfEven':
      if (remainder2 > d) return floor + 1n;
      if (remainder2 < d) return floor;
      return floor % 2n === 0n ? floor : floor + 1n;
  }
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}
