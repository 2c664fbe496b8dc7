import { z } from 'zod';
import { TimeZoneSchema } from '../time/time-zone.ts';
import { CountryCodeSchema } from './country.ts';
import { LanguageSchema } from './language.ts';

/** Visible text: trimmed, not empty, no control characters, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), { message: 'must not contain control characters' });

export const AddressSchema = z.strictObject({
  lines: z.array(text(200)).min(1, { message: 'needs at least one street line' }).max(4),
  city: text(100),
  postalCode: text(20).optional(),
  /** ISO 3166-2 subdivision without the country prefix (ENG, NY, BY); selects regional holidays */
  region: z.string().regex(/^[A-Z0-9]{1,3}$/, { message: 'must be an ISO 3166-2 subdivision code such as ENG, NY or BY' }).optional(),
  country: CountryCodeSchema,
});
export type Address = z.infer<typeof AddressSchema>;

export const BankAccountSchema = z.strictObject({
  accountName: text(140),
  iban: z
    .string()
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, { message: 'is not an IBAN' }))
    .optional(),
  bic: z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: 'is not a BIC (8 or 11 characters)' }).optional(),
  /** for accounts without an IBAN: free-form details (sort code and number, routing and account) */
  details: text(300).optional(),
});
export type BankAccount = z.infer<typeof BankAccountSchema>;

/**
 * A creditor or a debtor. `kind` decides which law applies (business-to-business late-payment
 * statutes, consumer protection) and which formal letter a final demand becomes.
 */
export const PartySchema = z.strictObject({
  kind: z.enum(['business', 'consumer'], { message: 'must be business or consumer' }),
  /** sole traders are businesses in law but individuals for the English Pre-Action Protocol */
  soleTrader: z.boolean().default(false),
  legalName: text(200),
  tradingName: text(200).optional(),
  contactName: text(200).optional(),
  address: AddressSchema,
  emails: z.array(z.email({ message: 'is not an e-mail address' })).min(1, { message: 'needs at least one e-mail address' }).max(5),
  phone: z.string().regex(/^\+?[0-9 ().-]{5,25}$/, { message: 'is not a phone number' }).optional(),
  language: LanguageSchema,
  timeZone: TimeZoneSchema,
  taxId: text(40).optional(),
  companyId: text(40).optional(),
  bank: BankAccountSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;
