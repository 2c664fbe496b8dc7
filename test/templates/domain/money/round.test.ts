import { describe, expect, it } from 'vitest';
import Fraction from 'fraction.js';
import { roundMinor } from '#domain/money/round.ts';

describe('roundMinor', () => {
  it('rounds half up by default', () => {
    expect(roundMinor(new Fraction(5, 2))).toBe(3n); // 2.5 → 3
    expect(roundMinor(new Fraction(249, 100))).toBe(2n); // 2.49 → 2
    expect(roundMinor(new Fraction(-5, 2))).toBe(-2n); // −2.5 → −2 (towards +∞)
  });
  it('rounds half to even on request', () => {
    expect(roundMinor(new Fraction(5, 2), 'halfEven')).toBe(2n);
    expect(roundMinor(new Fraction(7, 2), 'halfEven')).toBe(4n);
    expect(roundMinor(new Fraction(51, 20), 'halfEven')).toBe(3n); // 2.55
  });
  it('truncates towards zero with down', () => {
    expect(roundMinor(new Fraction(299, 100), 'down')).toBe(2n);
    expect(roundMinor(new Fraction(-299, 100), 'down')).toBe(-2n);
  });
  it('is exact on large values', () => {
    expect(roundMinor(new Fraction(10n ** 20n + 1n, 2n))).toBe(5n * 10n ** 19n + 1n);
  });
});
