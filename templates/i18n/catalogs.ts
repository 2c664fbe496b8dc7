import type { SupportedLanguage } from '../domain/schemas/language.ts';
import enCommon from '../locales/en/common.json' with { type: 'json' };
import enInvoice from '../locales/en/invoice.json' with { type: 'json' };
import enContract from '../locales/en/contract.json' with { type: 'json' };
import enStatement from '../locales/en/statement.json' with { type: 'json' };
import enLetters from '../locales/en/letters.json' with { type: 'json' };
import enEmail from '../locales/en/email.json' with { type: 'json' };
import enLegal from '../locales/en/legal.json' with { type: 'json' };
import enPlan from '../locales/en/plan.json' with { type: 'json' };
import enSite from '../locales/en/site.json' with { type: 'json' };
import enBundle from '../locales/en/bundle.json' with { type: 'json' };
import ruCommon from '../locales/ru/common.json' with { type: 'json' };
import ruInvoice from '../locales/ru/invoice.json' with { type: 'json' };
import ruContract from '../locales/ru/contract.json' with { type: 'json' };
import ruStatement from '../locales/ru/statement.json' with { type: 'json' };
import ruLetters from '../locales/ru/letters.json' with { type: 'json' };
import ruEmail from '../locales/ru/email.json' with { type: 'json' };
import ruLegal from '../locales/ru/legal.json' with { type: 'json' };
import ruPlan from '../locales/ru/plan.json' with { type: 'json' };
import ruSite from '../locales/ru/site.json' with { type: 'json' };
import ruBundle from '../locales/ru/bundle.json' with { type: 'json' };
import frCommon from '../locales/fr/common.json' with { type: 'json' };
import frInvoice from '../locales/fr/invoice.json' with { type: 'json' };
import frContract from '../locales/fr/contract.json' with { type: 'json' };
import frStatement from '../locales/fr/statement.json' with { type: 'json' };
import frLetters from '../locales/fr/letters.json' with { type: 'json' };
import frEmail from '../locales/fr/email.json' with { type: 'json' };
import frLegal from '../locales/fr/legal.json' with { type: 'json' };
import frPlan from '../locales/fr/plan.json' with { type: 'json' };
import frSite from '../locales/fr/site.json' with { type: 'json' };
import frBundle from '../locales/fr/bundle.json' with { type: 'json' };
import heCommon from '../locales/he/common.json' with { type: 'json' };
import heInvoice from '../locales/he/invoice.json' with { type: 'json' };
import heContract from '../locales/he/contract.json' with { type: 'json' };
import heStatement from '../locales/he/statement.json' with { type: 'json' };
import heLetters from '../locales/he/letters.json' with { type: 'json' };
import heEmail from '../locales/he/email.json' with { type: 'json' };
import heLegal from '../locales/he/legal.json' with { type: 'json' };
import hePlan from '../locales/he/plan.json' with { type: 'json' };
import heSite from '../locales/he/site.json' with { type: 'json' };
import heBundle from '../locales/he/bundle.json' with { type: 'json' };

/**
 * The message catalogs: one folder per language under templates/locales/, one JSON file per
 * namespace (common, invoice, contract, letters, …). Messages are ICU MessageFormat
 * (plurals, selects, placeholders); `test/templates/i18n/catalogs.test.ts` fails when any
 * language lacks a key another has, or a message does not parse.
 *
 * Namespaces: common, invoice, contract, statement, letters, email, legal (annexes and formal
 * letters' legal text), plan (payment-plan agreement), site (the web app's interface), bundle (the lawyer bundle's index). Adding one: add the JSON file in every
 * language folder and import it here.
 */
export const catalogs = {
  en: { common: enCommon, invoice: enInvoice, contract: enContract, statement: enStatement, letters: enLetters, email: enEmail, legal: enLegal, plan: enPlan, site: enSite, bundle: enBundle },
  ru: { common: ruCommon, invoice: ruInvoice, contract: ruContract, statement: ruStatement, letters: ruLetters, email: ruEmail, legal: ruLegal, plan: ruPlan, site: ruSite, bundle: ruBundle },
  fr: { common: frCommon, invoice: frInvoice, contract: frContract, statement: frStatement, letters: frLetters, email: frEmail, legal: frLegal, plan: frPlan, site: frSite, bundle: frBundle },
  he: { common: heCommon, invoice: heInvoice, contract: heContract, statement: heStatement, letters: heLetters, email: heEmail, legal: heLegal, plan: hePlan, site: heSite, bundle: heBundle },
} satisfies Record<SupportedLanguage, Record<string, unknown>>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, from the English catalog (`invoice.title`, `common.page`). */
export type MessageKey = Leaves<(typeof catalogs)['en']>;

/** Flattens a catalog to dotted keys. */
export function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
