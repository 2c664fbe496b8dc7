import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountOf, decimalOf, minorUnits, MoneySchema, toMoney } from '#domain/money/money.ts';
import { currencyOf } from '#domain/money/currency.ts';

describe('currency exponents come from ISO 4217', () => {
  it.each([
    ['JPY', 0],
    ['EUR', 2],
    ['GBP', 2],
    ['ILS', 2],
    ['RUB', 2],
    ['KWD', 3],
  ])('%s has %i decimals', (code, exponent) => {
    expect(currencyOf(code)?.exponent).toBe(exponent);
  });
  it('does not know made-up codes', () => {
    expect(currencyOf('XYZ')).toBeUndefined();
    expect(currencyOf('eur')).toBeUndefined();
  });
});

describe('amountOf / toMoney', () => {
  it('reads decimal strings into exact minor units', () => {
    expect(minorUnits(amountOf('1250.5', 'EUR'))).toBe(125050);
    expect(minorUnits(amountOf('7', 'JPY'))).toBe(7);
    expect(minorUnits(amountOf('1.234', 'KWD'))).toBe(1234);
  });
  it('writes amounts back at the currency exponent', () => {
    expect(toMoney(amountOf('5', 'EUR'))).toEqual({ currency: 'EUR', amount: '5.00' });
    expect(toMoney(amountOf('12', 'JPY'))).toEqual({ currency: 'JPY', amount: '12' });
    expect(toMoney(amountOf('0.5', 'KWD'))).toEqual({ currency: 'KWD', amount: '0.500' });
  });
  it('refuses more decimals than the currency has', () => {
    expect(() => amountOf('1.234', 'EUR')).toThrow('EUR has 2 decimal places: 1.234');
    expect(() => amountOf('1', 'XYZ')).toThrow('Unknown currency XYZ');
  });
  it('round-trips any amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.constantFrom('JPY', 'EUR', 'KWD'), (minor, code) => {
        const exponent = currencyOf(code)!.exponent;
        const text = decimalOf(minor, exponent);
        expect(minorUnits(amountOf(text, code))).toBe(minor);
      }),
    );
  });
});

describe('MoneySchema', () => {
  const errors = (value: unknown) => MoneySchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  it('accepts exact amounts', () => {
    expect(MoneySchema.parse({ currency: 'KWD', amount: '10.125' })).toEqual({ currency: 'KWD', amount: '10.125' });
  });
  it('names the field and the problem', () => {
    expect(errors({ currency: 'EUR', amount: '1.234' })).toEqual(['amount: EUR has 2 decimal places, 1.234 has 3']);
    expect(errors({ currency: 'JPY', amount: '1.5' })).toEqual(['amount: JPY has no minor unit: use a whole number']);
    expect(errors({ currency: 'EUX', amount: '1' })).toEqual(['currency: is not an ISO 4217 currency code (for example EUR, GBP, USD, ILS, RUB)']);
    expect(errors({ currency: 'EUR', amount: '1,50' })).toEqual([
      'amount: must be a decimal number such as 1250 or 1250.50 (a dot, no spaces or thousands separators)',
    ]);
    expect(errors({ currency: 'EUR', amount: '-5' })).toHaveLength(1);
  });
});

describe('MoneySchema size check', () => {
  it('accepts ordinary amounts whose float product is inexact (19.99 × 100 = 1998.9999…)', () => {
    for (const amount of ['19.99', '1.15', '4.35', '0.07', '90071992547409.91']) {
      expect(MoneySchema.safeParse({ currency: 'EUR', amount }).success, amount).toBe(true);
    }
    expect(MoneySchema.safeParse({ currency: 'EUR', amount: '90071992547409.92' }).error?.issues[0]?.message).toBe('is too large');
  });
});
