import { addCalendarDays, dateParts, daysBetween, type PlainDate } from '../time/plain-date.ts';

/**
 * How days are counted and what a year is:
 * - `act/365`: actual days over 365, leap years included (gov.uk, bpifrance: "/ 365");
 * - `act/act`: actual days over the days of that calendar year, 365 or 366 (Russia; the German
 *   "Effektivzinsmethode"); a segment using it never crosses 31 December;
 * - `30E/360`: every month 30 days – the 31st and the last day of February count as the 30th –
 *   over 360 (the German "deutsche Zinsmethode", ISDA 2006 §4.16(h) "30E/360 (ISDA)"; one
 *   reading of German court practice).
 */
export type DayCountConvention = 'act/365' | 'act/act' | '30E/360';

/** The count for one segment: `days` counted over `yearDays`. */
export interface DayCount {
  convention: DayCountConvention;
  /** the days that earn interest under the convention (equal to the calendar days except for 30E/360) */
  days: number;
  /** the divisor: 365, 366 or 360 */
  yearDays: number;
}

/**
 * Counts the interest days of a segment from `from` to `to`, both days included (the first day
 * is the day after the due date or after a change; the last is a payment day, the day before a
 * change, or the computation date).
 *
 * @throws RangeError when `to` is before `from`, or an `act/act` segment crosses a year end.
 * @example dayCount('2024-02-01', '2024-03-01', 'act/365') // { days: 30, yearDays: 365 }
 * @example dayCount('2024-02-01', '2024-03-01', 'act/act') // { days: 30, yearDays: 366 }
 * @example dayCount('2024-02-01', '2024-03-01', '30E/360') // { days: 31, yearDays: 360 } (31 Jan counts as the 30th, February as 30 days)
 * @see shared/LEGAL.md §0.3 (day counts), §4.1 (German day count [U])
 */
export function dayCount(from: PlainDate, to: PlainDate, convention: DayCountConvention): DayCount {
  const calendarDays = daysBetween(from, to) + 1;
  if (calendarDays < 1) throw new RangeError(`A segment cannot end (${to}) before it starts (${from})`);
  switch (convention) {
    case 'act/365':
      return { convention, days: calendarDays, yearDays: 365 };
    case 'act/act': {
      const { year } = dateParts(from);
      if (dateParts(to).year !== year) throw new RangeError(`An act/act segment must stay within one year: ${from} to ${to}`);
      return { convention, days: calendarDays, yearDays: isLeapYear(year) ? 366 : 365 };
    }
    case '30E/360':
      // interest runs over the days after `from − 1` up to `to`, so count from the day before
      return { convention, days: serial30E360(to) - serial30E360(addCalendarDays(from, -1)), yearDays: 360 };
  }
}

function serial30E360(date: PlainDate): number {
  const { year, month, day } = dateParts(date);
  const endOfFebruary = month === 2 && day === (isLeapYear(year) ? 29 : 28);
  return year * 360 + (month - 1) * 30 + (endOfFebruary ? 30 : Math.min(day, 30));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
