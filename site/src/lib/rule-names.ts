import { catalogs, flatten } from '../../../templates/i18n/catalogs.ts';
import type { SupportedLanguage } from './languages.ts';

/**
 * The statutory interest rules' names and one-sentence bases in one language, from the `legal`
 * catalog the documents use (`legal.rule.<id>.name`), computed when the page is built so the
 * contract builder can name the rule the interest engine applies without shipping the catalog.
 */
export function ruleNames(lang: SupportedLanguage): Record<string, { name: string; basis: string }> {
  const legal = flatten(catalogs[lang].legal, 'legal');
  const out: Record<string, { name: string; basis: string }> = {};
  for (const [key, value] of legal) {
    const match = /^legal\.rule\.([^.]+)\.name$/.exec(key);
    if (match) out[match[1]!] = { name: value, basis: legal.get(`legal.rule.${match[1]}.basis`) ?? '' };
  }
  return out;
}
