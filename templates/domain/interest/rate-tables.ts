import deBasiszinssatz from './rates/de-basiszinssatz.json' with { type: 'json' };
import ecbMro from './rates/ecb-mro.json' with { type: 'json' };
import frLegalRate from './rates/fr-legal-rate.json' with { type: 'json' };
import gbBankRate from './rates/gb-bank-rate.json' with { type: 'json' };
import ruKeyRate from './rates/ru-key-rate.json' with { type: 'json' };
import { RateTableSchema, type RateTable } from './rate-table.ts';

/** The identifiers of the stored reference-rate tables (the `id` inside each JSON file). */
export type RateTableId = 'gb-bank-rate' | 'ecb-mro' | 'de-basiszinssatz' | 'fr-legal-rate' | 'ru-key-rate';

/**
 * The reference-rate tables, read from `rates/*.json` and checked against `RateTableSchema` when
 * this module is first imported, so a mistyped row fails loudly instead of producing a wrong sum.
 * To add a row: append `{ "from": "YYYY-MM-DD", "percent": "…", "source": "…" }` to the file,
 * move `validUntil` (and `lastChecked`) forward, and run the tests.
 *
 * @example rateTables['gb-bank-rate'].entries.at(-1) // { from: '2025-12-18', percent: '3.75', … }
 * @see shared/LEGAL.md §1.2 (Bank Rate), §2 (ECB MRO), §3.1 (taux légal), §4.1 (Basiszinssatz), §5.2 (key rate)
 */
export const rateTables: Readonly<Record<RateTableId, RateTable>> = {
  'gb-bank-rate': load('gb-bank-rate', gbBankRate),
  'ecb-mro': load('ecb-mro', ecbMro),
  'de-basiszinssatz': load('de-basiszinssatz', deBasiszinssatz),
  'fr-legal-rate': load('fr-legal-rate', frLegalRate),
  'ru-key-rate': load('ru-key-rate', ruKeyRate),
};

function load(id: RateTableId, data: unknown): RateTable {
  const parsed = RateTableSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`rates/${id}.json is not a valid rate table: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.id !== id) throw new Error(`rates/${id}.json has id "${parsed.data.id}"`);
  return parsed.data;
}
