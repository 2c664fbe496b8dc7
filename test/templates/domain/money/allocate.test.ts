import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateAmount, allocateMinor } from '#domain/money/allocate.ts';
import { amountOf, toMoney } from '#domain/money/money.ts';

const split = (total: string, currency: string, weights: (string | number)[]) =>
  allocateAmount(amountOf(total, currency), weights).map((a) => toMoney(a).amount);

describe('allocateAmount', () => {
  it('splits 30/30/40 exactly', () => {
    expect(split('1000.00', 'EUR', ['30', '30', '40'])).toEqual(['300.00', '300.00', '400.00']);
  });
  it('gives leftover units to the largest fractional share, the earliest on a tie', () => {
    // 100.00 / 3 = 33.333… each: all remainders equal → the first part gets the cent
    expect(split('100.00', 'EUR', [1, 1, 1])).toEqual(['33.34', '33.33', '33.33']);
    // 1000.01 × 0.3 = 300.003, × 0.4 = 400.004 → the 40 % part has the largest remainder
    expect(split('1000.01', 'EUR', ['30', '30', '40'])).toEqual(['300.00', '300.00', '400.01']);
    // yen have no minor unit
    expect(split('10000', 'JPY', [1, 1, 1])).toEqual(['3334', '3333', '3333']);
  });
  it('accepts decimal weights and zero weights', () => {
    expect(split('10.000', 'KWD', ['33.33', '0', '66.67'])).toEqual(['3.333', '0.000', '6.667']);
  });
  it('refuses no weights or only zeros', () => {
    expect(() => allocateMinor(100n, [])).toThrow('allocate needs at least one weight');
    expect(() => allocateMinor(100n, [0, '0'])).toThrow('allocate needs at least one weight above zero');
    expect(() => allocateMinor(100n, ['-1'])).toThrow('Weight must be a non-negative decimal: -1');
  });
  it('always adds up to the total, and no part is more than one unit away from its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateMinor(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            const exactFloor = (total * BigInt(weights[i]!)) / sum;
            expect(part === exactFloor || part === exactFloor + 1n).toBe(true);
          });
        },
      ),
    );
  });
  it('is the same whatever the order of equal weights (no engine-dependent sort)', () => {
    expect(allocateMinor(5n, [1, 1, 1, 1, 1, 1, 1])).toEqual([1n, 1n, 1n, 1n, 1n, 0n, 0n]);
  });
});
