import type { Translator } from '../../i18n/translator.ts';

/**
 * Items joined as the language joins a list: "12 and 13", "12 et 13", "12 и 13", "12 ו-13".
 *
 * @example listOf(translator('fr'), ['F-1', 'F-2', 'F-3']) // 'F-1, F-2 et F-3'
 * @see https://tc39.es/ecma402/#listformat-objects
 */
export function listOf(t: Pick<Translator, 'locale'>, items: string[]): string {
  return new Intl.ListFormat(t.locale, { type: 'conjunction', style: 'long' }).format(items);
}
