/**
 * The lists the forms offer. Codes only: names come from Intl in the page's language
 * (`Intl.DisplayNames`), so they need no catalog entries and are always current.
 */

/** Countries offered for addresses: the jurisdictions' countries first, then common ones. Any ISO code can still be imported. */
export const countryCodes = [
  'GB', 'IE', 'FR', 'DE', 'BE', 'NL', 'LU', 'ES', 'IT', 'PT', 'AT', 'CH', 'PL', 'CZ', 'SE', 'DK', 'FI', 'NO', 'EE', 'LV', 'LT',
  'GR', 'CY', 'MT', 'RU', 'BY', 'KZ', 'UA', 'IL', 'US', 'CA', 'AU', 'NZ',
] as const;

/** Currencies offered; the first ones are the jurisdictions'. */
export const currencyChoices = ['EUR', 'GBP', 'USD', 'ILS', 'RUB', 'CHF', 'PLN', 'CZK', 'SEK', 'DKK', 'NOK', 'CAD', 'AUD', 'JPY', 'KZT'] as const;

/** IANA zones offered for a party's local time (letters go out at the client's local hour). */
export const timeZoneChoices = [
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Brussels', 'Europe/Amsterdam', 'Europe/Luxembourg',
  'Europe/Berlin', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Rome', 'Europe/Madrid', 'Europe/Warsaw', 'Europe/Prague',
  'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Helsinki', 'Europe/Tallinn', 'Europe/Riga', 'Europe/Vilnius',
  'Europe/Athens', 'Asia/Nicosia', 'Europe/Malta', 'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg',
  'Asia/Novosibirsk', 'Asia/Vladivostok', 'Europe/Minsk', 'Asia/Almaty', 'Europe/Kyiv', 'Asia/Jerusalem', 'America/New_York',
  'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto', 'America/Vancouver', 'Australia/Sydney',
  'Pacific/Auckland', 'UTC',
] as const;

/** Languages a document can be written in (tags: the region sets date and number formats). */
export const documentLanguages = ['en-GB', 'en-US', 'ru', 'fr', 'he'] as const;

export const jurisdictionChoices = ['GB', 'EU', 'FR', 'DE', 'RU', 'IL', 'US-NY', 'US-CA'] as const;

export interface Option {
  value: string;
  label: string;
  lang?: string | undefined;
}

function names(locale: string, type: 'region' | 'currency' | 'language'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type });
  } catch {
    return undefined;
  }
}

/** Countries with their names in `locale`, sorted by name. */
export function countryOptions(locale: string): Option[] {
  const dn = names(locale, 'region');
  const collator = new Intl.Collator(locale);
  return countryCodes.map((code) => ({ value: code, label: dn?.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
}

export function currencyOptions(locale: string): Option[] {
  const dn = names(locale, 'currency');
  return currencyChoices.map((code) => ({ value: code, label: `${code} – ${dn?.of(code) ?? code}` }));
}

/** Each document language named in the page's language and in its own. */
export function documentLanguageOptions(locale: string): Option[] {
  const dn = names(locale, 'language');
  return documentLanguages.map((tag) => {
    const own = names(tag, 'language')?.of(tag) ?? tag;
    const here = dn?.of(tag) ?? tag;
    return { value: tag, label: here === own ? here : `${here} (${own})` };
  });
}

export function timeZoneOptions(): Option[] {
  return timeZoneChoices.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}
