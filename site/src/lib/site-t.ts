import { IntlMessageFormat } from 'intl-messageformat';
import type enSite from '../../../templates/locales/en/site.json';
import { directionOf, formatLocale, type SupportedLanguage } from './languages.ts';
import type { SiteMessages } from './site-messages.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the `site` namespace, without the `site.` prefix (`nav.contract`). */
export type SiteKey = Leaves<typeof enSite>;

export interface Money {
  currency: string;
  amount: string;
}

/**
 * The site's interface language in an island: ICU messages of the `site` namespace and Intl
 * formatting with the page's locale. The formatting options are the documents' translator's
 * (templates/i18n/translator.ts), so a figure reads the same on the page and in the PDF; that
 * translator is not imported here because it brings every catalog of every language.
 */
export interface SiteT {
  lang: SupportedLanguage;
  locale: string;
  dir: 'ltr' | 'rtl';
  t(key: SiteKey, values?: Record<string, string | number>): string;
  /** the message exists (for keys built from data: a template name, a status) */
  has(key: string): boolean;
  money(m: Money): string;
  date(date: string, style?: 'long' | 'short' | 'weekday'): string;
  dateTime(instant: string, timeZone?: string): string;
  percent(p: string): string;
  number(value: string | number): string;
  /** text that must stay left-to-right (codes, e-mail addresses) inside a right-to-left message */
  ltr(text: string): string;
}

const exponents: Record<string, number> = {};

function exponentOf(currency: string): number {
  if (!(currency in exponents)) {
    try {
      exponents[currency] = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponents[currency] = 2;
    }
  }
  return exponents[currency]!;
}

/**
 * @example siteT('fr', messages).money({ currency: 'EUR', amount: '1250.5' }) // '1 250,50 €'
 */
export function siteT(lang: SupportedLanguage, messages: SiteMessages): SiteT {
  const locale = formatLocale[lang];
  const dir = directionOf(lang);
  const compiled = new Map<string, IntlMessageFormat>();
  const isolate = (s: string) => (dir === 'rtl' ? `\u2066${s}\u2069` : s);
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const weekdayDate = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions) => {
    let f = numbers.get(key);
    if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  return {
    lang,
    locale,
    dir,
    t(key, values) {
      let format = compiled.get(key);
      if (!format) {
        const message = messages[key];
        if (message === undefined) return key;
        format = new IntlMessageFormat(message, locale);
        compiled.set(key, format);
      }
      return String(format.format(values));
    },
    has: (key) => key in messages,
    money(m) {
      // domain amounts carry the currency's ISO 4217 exponent in their digits ('12.50', 'JPY 1250')
      const decimals = m.amount.split('.')[1]?.length;
      const digits = decimals ?? exponentOf(m.currency);
      try {
        return nf(`c:${m.currency}`, { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
          m.amount as Intl.StringNumericLiteral,
        );
      } catch {
        return `${m.amount} ${m.currency}`;
      }
    },
    date(date, style = 'long') {
      const d = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return date;
      return (style === 'long' ? longDate : style === 'short' ? shortDate : weekdayDate).format(d);
    },
    dateTime(instant, timeZone) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(instant));
    },
    percent(p) {
      return nf('pct', { style: 'percent', maximumFractionDigits: 4 }).format(`${p}e-2` as Intl.StringNumericLiteral);
    },
    number(value) {
      return nf('num', { maximumFractionDigits: 6 }).format(String(value) as Intl.StringNumericLiteral);
    },
    ltr: isolate,
  };
}
