import { z } from 'zod';

/**
 * Jurisdictions whose late-payment law Overdue encodes (shared/LEGAL.md):
 * - `GB`  England & Wales (Late Payment of Commercial Debts (Interest) Act 1998)
 * - `EU`  the Late Payment Directive 2011/7/EU minimum, for a Member State not listed
 * - `FR`  France (Code de commerce L441-10), `DE` Germany (BGB §§286, 288), `RU` Russia (ГК РФ ст. 395)
 * - `IL`  Israel, `US-NY` New York (CPLR 5004), `US-CA` California (Civ. Code §3289)
 */
export const jurisdictions = ['GB', 'EU', 'FR', 'DE', 'RU', 'IL', 'US-NY', 'US-CA'] as const;
export const JurisdictionSchema = z.enum(jurisdictions, {
  message: `must be one of ${jurisdictions.join(', ')}`,
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
