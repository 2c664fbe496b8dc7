import { z } from 'zod';

/** Languages with complete catalogs. Adding one: see README, "Add a language". */
export const supportedLanguages = ['en', 'ru', 'fr', 'he'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** Right-to-left languages among the supported ones. */
export const rtlLanguages: readonly SupportedLanguage[] = ['he'];

/**
 * The supported base language of a BCP 47 tag: `fr-CA` → `fr`, `iw` → `he`; `undefined` if the
 * tag is malformed or its language has no catalog.
 */
export function baseLanguage(tag: string): SupportedLanguage | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const language = new Intl.Locale(canonical!).language;
    return (supportedLanguages as readonly string[]).includes(language) ? (language as SupportedLanguage) : undefined;
  } catch {
    return undefined;
  }
}

/** A BCP 47 language tag whose language Overdue writes: en, ru, fr or he, with an optional region (`en-GB`). */
export const LanguageSchema = z
  .string()
  .refine((tag) => baseLanguage(tag) !== undefined, {
    message: `must be a BCP 47 language tag for one of ${supportedLanguages.join(', ')} (for example en, en-GB, fr, he)`,
  })
  .describe('BCP 47 language tag');
