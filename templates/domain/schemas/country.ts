import { z } from 'zod';

/**
 * ISO 3166-1 alpha-2 country code, checked against the host's CLDR region names (`Intl.DisplayNames`),
 * which know every assigned code; user-assigned and reserved codes (`XA`, `ZZ`) are refused.
 */
const exceptionallyReserved = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'FX', 'IC', 'SU', 'TA', 'UK', 'UN']);

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  if (/^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(code)) return false; // user-assigned
  if (exceptionallyReserved.has(code)) return false; // UK, EU…: not countries, and CLDR names them
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

export const CountryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code in capitals (for example GB, FR, DE, RU, IL, US)' })
  .describe('ISO 3166-1 alpha-2');
