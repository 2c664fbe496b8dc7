import { rtlLanguages, supportedLanguages } from '../../../templates/domain/schemas/language.ts';
import { catalogs, flatten } from '../../../templates/i18n/catalogs.ts';
import { assertSiteLanguages, type SupportedLanguage } from './languages.ts';

assertSiteLanguages({ supported: supportedLanguages, rtl: rtlLanguages });

/** The flat `site` namespace of one language (`nav.contract` → message), handed to islands as a prop. */
export type SiteMessages = Record<string, string>;

/**
 * The site's interface messages for one language, for an island's props: only the `site`
 * namespace (the document catalogs stay in the PDF worker), so a page ships one language's
 * interface text in its HTML instead of every catalog in its JavaScript.
 *
 * @example siteMessages('he')['nav.contract'] // 'חוזה'
 */
export function siteMessages(lang: SupportedLanguage): SiteMessages {
  return Object.fromEntries(flatten(catalogs[lang].site));
}
