import { z } from 'zod';
import { PlainDateSchema, type PlainDate } from '../time/plain-date.ts';

/** A signed percentage as a decimal string: `"5.25"`, `"-0.88"`, `"0"`. */
const SignedPercentSchema = z.string().regex(/^-?\d{1,3}(\.\d{1,6})?$/, { message: 'must be a percentage such as 5.25 or -0.88' });

/** One row of a rate table: the rate in force from `from` until the next row's `from`. */
export const RateEntrySchema = z.object({
  from: PlainDateSchema,
  percent: SignedPercentSchema,
  /** where this row comes from, when narrower than the table's `source` */
  source: z.string().min(1).optional(),
  /** anything a reader must know about this row (uncertain day, inferred date …) */
  note: z.string().min(1).optional(),
});
export type RateEntry = z.infer<typeof RateEntrySchema>;

/**
 * A dated rate table as stored in `templates/domain/interest/rates/*.json`: reference rates that
 * change on given days (Bank Rate, ECB MRO, Basiszinssatz, Bank of Russia key rate, French legal
 * rate), with where they come from and how far they are known.
 *
 * - `lastChecked`: the day the rows were last compared with their sources.
 * - `validUntil`: the last day whose rate the table determines. For a table of change dates this
 *   is the last day known to carry no further change; for a rate published for a whole half-year
 *   (Basiszinssatz, French legal rate) it is the end of the last published half-year, which may be
 *   after `lastChecked`. A rate needed for a later day is *provisional* (see `lookupRate`).
 * - `entries`: sorted by `from`, no two on the same day.
 *
 * @example { id: 'gb-bank-rate', validUntil: '2026-04-30', entries: [{ from: '2025-12-18', percent: '3.75' }] }
 * @see shared/LEGAL.md (intro: "the product must say clearly when a period runs past the end of a table")
 */
export const RateTableSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    unit: z.literal('percent per year'),
    source: z.string().min(1),
    lastChecked: PlainDateSchema,
    validUntil: PlainDateSchema,
    validUntilNote: z.string().min(1),
    /** extra per-row columns and what they mean (the French legal rate has two) */
    columns: z.record(z.string(), z.string()).optional(),
    entries: z.array(RateEntrySchema.catchall(z.string())).min(1),
  })
  .superRefine((table, ctx) => {
    table.entries.forEach((entry, i) => {
      const previous = table.entries[i - 1];
      if (previous && previous.from >= entry.from) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'from'], message: `must be after the previous row (${previous.from})` });
      }
    });
    const last = table.entries.at(-1);
    if (last && table.validUntil < last.from) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `must not be before the last row (${last.from})` });
    }
  });
export type RateTable = z.infer<typeof RateTableSchema>;

/**
 * The row in force on `date` (the last row whose `from` is on or before it), or `undefined` when
 * the date is before the table's first row. Says nothing about `validUntil`: see `lookupRate`.
 *
 * @example rateInForce(rateTables.ecbMro, '2024-07-01')?.percent // '4.25' (in force since 2024-06-12)
 */
export function rateInForce<E extends { from: PlainDate }>(table: { entries: readonly E[] }, date: PlainDate): E | undefined {
  let found: E | undefined;
  for (const entry of table.entries) {
    if (entry.from > date) break;
    found = entry;
  }
  return found;
}
