import { IntlMessageFormat } from 'intl-messageformat';
import { currencyOf } from '../domain/money/currency.ts';
import type { Money } from '../domain/money/money.ts';
import { baseLanguage, rtlLanguages, type SupportedLanguage } from '../domain/schemas/language.ts';
import type { PlainDate } from '../domain/time/plain-date.ts';
import { catalogs, flatten, type MessageKey } from './catalogs.ts';

export type Direction = 'ltr' | 'rtl';

/** Everything a document needs to speak one language: messages and locale formatting. */
export interface Translator {
  /** the supported language (`en`, `ru`, `fr`, `he`) */
  lang: SupportedLanguage;
  /** the BCP 47 tag used for Intl formatting (`en-GB`, `fr`, `he`) */
  locale: string;
  dir: Direction;
  /** an ICU message with its values */
  t(key: MessageKey, values?: Record<string, string | number | Date>): string;
  /** money in the locale's currency format, exact (the decimal string is formatted, never a float) */
  money(money: Money): string;
  /** a calendar date, `long` (3 March 2026) or `short` (03/03/2026) */
  date(date: PlainDate, style?: 'long' | 'short'): string;
  /** an instant in a time zone, with the time */
  dateTime(instant: string, timeZone: string): string;
  /** a percentage given as a decimal string ("12.5" → 12.5 %, "12,5 %", …) */
  percent(percent: string): string;
  /** a decimal number (quantities) */
  number(value: string): string;
  /**
   * Wraps text that is always left-to-right (an IBAN, an e-mail address, a reference with digits
   * and dashes) in a left-to-right isolate (U+2066 … U+2069) in a right-to-left language, so the
   * bidi algorithm cannot reorder its parts; returns it unchanged in a left-to-right language.
   */
  ltr(text: string): string;
}

const flat = new Map<SupportedLanguage, Map<string, string>>();
const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<string, Translator>();

/**
 * A translator for a BCP 47 tag among the supported languages. Formatting uses the full tag
 * (`en-GB` writes 3 March 2026 and £; `en-US` March 3, 2026), messages the base language.
 *
 * @example translator('he').money({ currency: 'ILS', amount: '1250.00' }) // '‏1,250.00 ‏₪'
 * @throws RangeError for a language without a catalog
 */
export function translator(tag: string): Translator {
  const cached = translators.get(tag);
  if (cached) return cached;
  const lang = baseLanguage(tag);
  if (!lang) throw new RangeError(`No catalog for language "${tag}"`);
  const locale = Intl.getCanonicalLocales(tag)[0]!;
  let messages = flat.get(lang);
  if (!messages) {
    messages = flatten(catalogs[lang]);
    flat.set(lang, messages);
  }
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions) => {
    let f = numberFormats.get(key);
    if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const t: Translator = {
    lang,
    locale,
    dir: rtlLanguages.includes(lang) ? 'rtl' : 'ltr',
    t(key, values) {
      const id = `${lang}:${key}`;
      let format = compiled.get(id);
      if (!format) {
        const message = messages!.get(key);
        if (message === undefined) throw new RangeError(`Missing message "${key}" in ${lang}`);
        format = new IntlMessageFormat(message, locale);
        compiled.set(id, format);
      }
      return String(format.format(values));
    },
    money(m) {
      const digits = currencyOf(m.currency)?.exponent ?? 2;
      return nf(`c:${m.currency}`, { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        m.amount as Intl.StringNumericLiteral,
      );
    },
    date(date, style = 'long') {
      return (style === 'long' ? longDate : shortDate).format(new Date(`${date}T00:00:00Z`));
    },
    dateTime(instant, timeZone) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(instant));
    },
    percent(p) {
      return nf('pct', { style: 'percent', maximumFractionDigits: 4 }).format(`${p}e-2` as Intl.StringNumericLiteral);
    },
    number(value) {
      return nf('num', { maximumFractionDigits: 6 }).format(value as Intl.StringNumericLiteral);
    },
    ltr(text) {
      return rtlLanguages.includes(lang) ? `\u2066${text}\u2069` : text;
    },
  };
  translators.set(tag, t);
  return t;
}
