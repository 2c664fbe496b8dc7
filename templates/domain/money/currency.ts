import * as iso4217 from 'dinero.js/currencies';
import type { DineroCurrency } from 'dinero.js';
import { z } from 'zod';

/**
 * ISO 4217 currencies with their minor-unit exponent (JPY 0, EUR 2, KWD 3), as shipped by
 * dinero.js (which tracks the ISO 4217 list maintained by SIX).
 *
 * @see https://www.six-group.com/en/products-services/financial-information/data-standards.html
 */
const table: ReadonlyMap<string, DineroCurrency<number>> = new Map(
  Object.values(iso4217 as Record<string, DineroCurrency<number>>).map((c) => [c.code, c]),
);

/**
 * The ISO 4217 currency with the given code, or `undefined` when the code is not a currency.
 *
 * @example currencyOf('KWD') // { code: 'KWD', base: 10, exponent: 3 }
 */
export function currencyOf(code: string): DineroCurrency<number> | undefined {
  return table.get(code);
}

/** Every ISO 4217 code this build knows, sorted. */
export const currencyCodes: readonly string[] = [...table.keys()].sort();

/** An ISO 4217 alphabetic code that this build knows, e.g. `EUR`. */
export const CurrencyCodeSchema = z
  .string()
  .refine((code) => table.has(code), { message: 'is not an ISO 4217 currency code (for example EUR, GBP, USD, ILS, RUB)' })
  .describe('ISO 4217 currency code');

export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;
