import type { PlainDate } from '../time/plain-date.ts';
import type { InterestOptions } from './interest-options.ts';
import { RateUnavailableError } from './interest-error.ts';
import type { RateReference } from './interest-result.ts';
import { rateInForce, type RateEntry } from './rate-table.ts';
import { rateTables, type RateTableId } from './rate-tables.ts';

/**
 * Reads the rate in force on `date` from a stored table, applying the `beyondRateTable` policy:
 * - before the table's first row: no rate can be determined → `RateUnavailableError`;
 * - after the table's `validUntil`: with `assume-last-known` the last row is carried forward and
 *   the reference is marked `provisional` (the result then carries a `rate-beyond-table`
 *   warning); with `refuse` → `RateUnavailableError`.
 *
 * `purpose` completes the error message ("GB statutory interest starting 2026-07-01").
 *
 * @example lookupRate('gb-bank-rate', '2023-12-31', 'assume-last-known', '…').reference // { percent: '5.25', entryFrom: '2023-08-03', provisional: false, … }
 * @see shared/LEGAL.md (intro: say clearly when a period runs past the end of a table)
 */
export function lookupRate(
  tableId: RateTableId,
  date: PlainDate,
  policy: InterestOptions['beyondRateTable'],
  purpose: string,
): { reference: RateReference; entry: RateEntry } {
  const table = rateTables[tableId];
  const entry = rateInForce(table, date);
  if (!entry) {
    throw new RateUnavailableError(
      `No ${table.name} for ${date}: the table (rates/${tableId}.json) starts on ${table.entries[0]!.from}, so ${purpose} cannot be computed`,
    );
  }
  const provisional = date > table.validUntil;
  if (provisional && policy === 'refuse') {
    throw new RateUnavailableError(
      `The ${table.name} for ${date} is not known: rates/${tableId}.json is valid until ${table.validUntil}, so ${purpose} is refused (option beyondRateTable: refuse). ${table.validUntilNote}`,
    );
  }
  return { reference: { table: tableId, date, entryFrom: entry.from, percent: entry.percent, provisional }, entry };
}
