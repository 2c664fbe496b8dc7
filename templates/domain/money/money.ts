import { dinero, toDecimal, transformScale, halfUp, toSnapshot, type Dinero } from 'dinero.js';
import { z } from 'zod';
import { currencyOf, CurrencyCodeSchema } from './currency.ts';

/** A plain decimal string: digits, an optional dot and fraction digits. No sign, no grouping. */
export const DecimalStringSchema = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,12})?$/, { message: 'must be a decimal number such as 1250 or 1250.50 (a dot, no spaces or thousands separators)' });

/**
 * An exact amount of money as it appears in files and in the API: an ISO 4217 currency and a
 * decimal string with no more fraction digits than the currency has (EUR 2, JPY 0, KWD 3).
 *
 * @example { currency: 'EUR', amount: '1250.50' }
 */
export const MoneySchema = z
  .object({
    currency: CurrencyCodeSchema,
    amount: DecimalStringSchema,
  })
  .superRefine((value, ctx) => {
    const currency = currencyOf(value.currency);
    if (!currency || !DecimalStringSchema.safeParse(value.amount).success) return;
    const decimals = value.amount.split('.')[1]?.length ?? 0;
    if (decimals > currency.exponent) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message:
          currency.exponent === 0
            ? `${value.currency} has no minor unit: use a whole number`
            : `${value.currency} has ${currency.exponent} decimal places, ${value.amount} has ${decimals}`,
      });
    } else if (BigInt(value.amount.replace('.', '') + '0'.repeat(currency.exponent - decimals)) > BigInt(Number.MAX_SAFE_INTEGER)) {
      // digits, not floats: Number('19.99') * 100 is 1998.9999999999998
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is too large' });
    }
  });

export type Money = z.infer<typeof MoneySchema>;

/** Money inside the domain: a dinero.js object in the currency's minor units. */
export type Amount = Dinero<number>;

/**
 * Turns a validated decimal string into exact minor units (`'12.5'` EUR → 1250 cents).
 *
 * @throws RangeError when the currency is unknown or the string has more decimals than the currency.
 * @example amountOf('1250.50', 'EUR') // dinero({ amount: 125050, currency: EUR })
 */
export function amountOf(amount: string, currencyCode: string): Amount {
  const currency = currencyOf(currencyCode);
  if (!currency) throw new RangeError(`Unknown currency ${currencyCode}`);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new RangeError(`Not a decimal amount: ${amount}`);
  const fraction = match[2] ?? '';
  if (fraction.length > currency.exponent) {
    throw new RangeError(`${currencyCode} has ${currency.exponent} decimal places: ${amount}`);
  }
  const minor = Number(`${match[1]}${fraction.padEnd(currency.exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount too large: ${amount}`);
  return dinero({ amount: minor, currency });
}

/** `amountOf` for a {@link Money} value. */
export function toAmount(money: Money): Amount {
  return amountOf(money.amount, money.currency);
}

/** A zero amount in the currency. */
export function zero(currencyCode: string): Amount {
  return amountOf('0', currencyCode);
}

/**
 * Exact minor units at the currency's exponent; an amount at a finer scale is rounded half up.
 *
 * @example minorUnits(amountOf('12.34', 'EUR')) // 1234
 */
export function minorUnits(amount: Amount): number {
  const { currency, scale } = toSnapshot(amount);
  const normal = scale === currency.exponent ? amount : transformScale(amount, currency.exponent, halfUp);
  return toSnapshot(normal).amount;
}

/** An amount from exact minor units. */
export function fromMinor(minor: number, currencyCode: string): Amount {
  const currency = currencyOf(currencyCode);
  if (!currency) throw new RangeError(`Unknown currency ${currencyCode}`);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor units must be a safe integer: ${minor}`);
  return dinero({ amount: minor, currency });
}

/**
 * Back to the file/API shape, at the currency's exponent (rounded half up if finer).
 *
 * @example toMoney(amountOf('5', 'EUR')) // { currency: 'EUR', amount: '5.00' }
 */
export function toMoney(amount: Amount): Money {
  const { currency } = toSnapshot(amount);
  const minor = minorUnits(amount);
  return { currency: currency.code, amount: decimalOf(minor, currency.exponent) };
}

/** The decimal string of `minor` units at `exponent` (negative amounts keep their sign). */
export function decimalOf(minor: number, exponent: number): string {
  return toDecimal(dinero({ amount: minor, currency: { code: 'XXX', base: 10, exponent } }));
}
