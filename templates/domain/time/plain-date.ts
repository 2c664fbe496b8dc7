import { UTCDate } from '@date-fns/utc';
// per-function subpaths: the date-fns root pulls in ~250 modules (and Node re-reads its 200 KB
// package.json for each), which cost the CLI two seconds of start-up
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { isValid } from 'date-fns/isValid';
import { z } from 'zod';

/**
 * A calendar date with no time and no zone, as ISO 8601 `YYYY-MM-DD`. Due dates, issue dates and
 * the local date of a stage are calendar dates: arithmetic on them never meets a DST change.
 * Internally the date-fns functions run on `UTCDate` so that the host's zone cannot leak in.
 */
export type PlainDate = string;

export const PlainDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((s) => isValidPlainDate(s), { message: 'is not a real calendar date' })
  .describe('calendar date, YYYY-MM-DD');

export function isValidPlainDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = toUTCDate(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/** @internal the date at midnight UTC, for date-fns arithmetic */
export function toUTCDate(date: PlainDate): UTCDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

function fromUTCDate(d: Date): PlainDate {
  return format(new UTCDate(d), 'yyyy-MM-dd');
}

/** @example addCalendarDays('2024-02-28', 2) // '2024-03-01' */
export function addCalendarDays(date: PlainDate, days: number): PlainDate {
  return fromUTCDate(addDays(toUTCDate(date), days));
}

/** Adds months, clamping to the month's last day: `addCalendarMonths('2024-01-31', 1)` → '2024-02-29'. */
export function addCalendarMonths(date: PlainDate, months: number): PlainDate {
  return fromUTCDate(addMonths(toUTCDate(date), months));
}

/** @example endOfCalendarMonth('2024-02-10') // '2024-02-29' */
export function endOfCalendarMonth(date: PlainDate): PlainDate {
  return fromUTCDate(endOfMonth(toUTCDate(date)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return differenceInCalendarDays(toUTCDate(to), toUTCDate(from));
}

/** ISO weekday, 1 = Monday … 7 = Sunday (the numbering CLDR and `Intl.Locale#getWeekInfo` use). */
export function isoWeekday(date: PlainDate): number {
  const day = getDay(toUTCDate(date));
  return day === 0 ? 7 : day;
}

/** Lexicographic order is chronological for `YYYY-MM-DD`. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Year, month (1–12) and day of a plain date. */
export function dateParts(date: PlainDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
