import type { SupportedLanguage } from '../../../templates/domain/schemas/language.ts';

/**
 * The site's languages: every language with complete catalogs. Routes are `/<lang>/…`.
 * Direction comes from the language (Starlight's habit), never from a per-page flag.
 *
 * Written out here rather than imported from templates/domain/schemas/language.ts because that
 * module builds a zod schema when it loads, which would put zod into every page's first
 * JavaScript; `assertSiteLanguages` (called when the pages are built) keeps the two lists equal.
 */
export const siteLanguages = ['en', 'ru', 'fr', 'he'] as const satisfies readonly SupportedLanguage[];

const rtl: readonly SupportedLanguage[] = ['he'];

/** The page language's own name, for the language switcher (shown in that language). */
export const endonyms: Record<SupportedLanguage, string> = { en: 'English', ru: 'Русский', fr: 'Français', he: 'עברית' };

/** The tag used for Intl formatting on the site's pages (English pages write 3 March 2026). */
export const formatLocale: Record<SupportedLanguage, string> = { en: 'en-GB', ru: 'ru', fr: 'fr', he: 'he' };

export function directionOf(lang: SupportedLanguage): 'ltr' | 'rtl' {
  return rtl.includes(lang) ? 'rtl' : 'ltr';
}

/**
 * Fails the build when the domain gains or loses a language (or a right-to-left one) and this
 * file was not told.
 */
export function assertSiteLanguages(domain: { supported: readonly string[]; rtl: readonly string[] }): void {
  if (domain.supported.join() !== siteLanguages.join() || domain.rtl.join() !== rtl.join()) {
    throw new Error(`site/src/lib/languages.ts lists ${siteLanguages.join(', ')} (rtl: ${rtl.join(', ')}); the domain has ${domain.supported.join(', ')} (rtl: ${domain.rtl.join(', ')})`);
  }
}

/** `getStaticPaths` for the `[lang]` routes. */
export function languagePaths() {
  return siteLanguages.map((lang) => ({ params: { lang } }));
}

export type { SupportedLanguage };
