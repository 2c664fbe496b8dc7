import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { apportionRounded } from '#domain/interest/apportion-rounded.ts';
import { roundMinor } from '#domain/money/round.ts';

describe('apportionRounded', () => {
  it('gives the leftover unit to the largest remainder, the earlier first among equals', () => {
    expect(apportionRounded([new Fraction('858.9041'), new Fraction('720.5479')], 1579n)).toEqual([859n, 720n]);
    expect(apportionRounded([new Fraction(1, 2), new Fraction(1, 2)], 1n)).toEqual([1n, 0n]);
    expect(apportionRounded([new Fraction('0.4'), new Fraction('0.4'), new Fraction('0.4')], 1n)).toEqual([1n, 0n, 0n]);
    expect(apportionRounded([], 0n)).toEqual([]);
  });

  it('refuses a total that is not the rounded sum', () => {
    expect(() => apportionRounded([new Fraction(1)], 3n)).toThrow('total 3 cannot be apportioned over 1 amounts');
  });

  it('property: the parts add up to the rounded sum, each within one unit', () => {
    const amount = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 })).map(([n, d]) => new Fraction(n, d));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), (parts) => {
        const total = roundMinor(parts.reduce((s, p) => s.add(p), new Fraction(0)), 'halfUp');
        const shares = apportionRounded(parts, total);
        expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
        shares.forEach((s, i) => expect(new Fraction(s).sub(parts[i]!).abs().lt(1)).toBe(true));
      }),
    );
  });
});
