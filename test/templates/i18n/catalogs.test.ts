import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, flatten } from '../../../templates/i18n/catalogs.ts';
import { translator } from '../../../templates/i18n/translator.ts';

const languages = Object.keys(catalogs) as (keyof typeof catalogs)[];
const keys = Object.fromEntries(languages.map((l) => [l, flatten(catalogs[l])]));

/** ICU argument names used by a message (`{rate}`, `{days, plural, …}`), sorted. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.type !== 0 && node.type !== 7 && node.value) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

describe('message catalogs', () => {
  it.each(languages)('%s has exactly the keys every other language has', (lang) => {
    const mine = [...keys[lang]!.keys()].sort();
    for (const other of languages) {
      const theirs = [...keys[other]!.keys()].sort();
      expect({ lang, missing: theirs.filter((k) => !keys[lang]!.has(k)) }).toEqual({ lang, missing: [] });
      expect(mine.length).toBe(theirs.length);
    }
  });
  it.each(languages)('every %s message parses as ICU and uses the same arguments as English', (lang) => {
    for (const [key, message] of keys[lang]!) {
      expect({ key, args: argumentsOf(message, lang) }).toEqual({ key, args: argumentsOf(keys.en!.get(key)!, 'en') });
    }
  });
  it('Russian and Hebrew plurals are right', () => {
    const ru = translator('ru');
    const days = (n: number) => ru.t('invoice.terms.discount', { percent: '2 %', date: '1', days: n });
    expect(days(1)).toContain('1 день');
    expect(days(3)).toContain('3 дня');
    expect(days(5)).toContain('5 дней');
    expect(days(21)).toContain('21 день');
    expect(days(11)).toContain('11 дней');
    const he = translator('he');
    expect(he.t('invoice.terms.discount', { percent: '2%', date: '1', days: 1 })).toContain('יום אחד');
    expect(he.t('invoice.terms.discount', { percent: '2%', date: '1', days: 2 })).toContain('יומיים');
    expect(he.t('invoice.terms.discount', { percent: '2%', date: '1', days: 10 })).toContain('10 ימים');
  });
  it('formats money, dates and percentages per locale, exactly', () => {
    expect(translator('fr').money({ currency: 'EUR', amount: '1234567.50' })).toBe('1\u202f234\u202f567,50\u00a0€');
    expect(translator('en-GB').money({ currency: 'GBP', amount: '0.10' })).toBe('£0.10');
    expect(translator('en').money({ currency: 'KWD', amount: '1.005' })).toBe('KWD\u00a01.005');
    expect(translator('en').money({ currency: 'EUR', amount: '90071992547409.93' })).toBe('€90,071,992,547,409.93');
    expect(translator('ru').date('2026-03-02')).toBe('2 марта 2026 г.');
    expect(translator('he').date('2026-03-02')).toBe('2 במרץ 2026');
    expect(translator('fr').percent('12.15')).toBe('12,15\u00a0%');
    expect(translator('he').dir).toBe('rtl');
    expect(translator('he').ltr('IL62 0108')).toBe('\u2066IL62 0108\u2069');
    expect(translator('en').ltr('x')).toBe('x');
  });
});
