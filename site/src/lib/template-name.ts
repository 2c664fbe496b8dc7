import type { SiteKey, SiteT } from './site-t.ts';

/** A stage's template in the page's language ("Firm reminder", "Call"); the key itself when unknown. */
export function templateName(t: SiteT, template: string): string {
  const key = `templates.${template}`;
  return t.has(key) ? t.t(key as SiteKey) : template;
}
