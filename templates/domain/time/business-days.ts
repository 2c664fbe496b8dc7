import { addCalendarDays, isoWeekday, type PlainDate } from './plain-date.ts';
import { holidayOn } from './holidays.ts';
import { weekendDays } from './weekend-days.ts';

/** Where business days are counted: the debtor's country and, optionally, its subdivision. */
export interface BusinessCalendar {
  /** ISO 3166-1 alpha-2, e.g. `IL` */
  country: string;
  /** ISO 3166-2 subdivision code without the country prefix, e.g. `ENG` for England */
  region?: string | undefined;
}

/** Why a day is not a business day, for showing skipped days to the owner. */
export type NonBusinessReason = { kind: 'weekend' } | { kind: 'holiday'; name: string };

/** `undefined` when `date` is a business day in `calendar`, otherwise why not. */
export function nonBusinessReason(date: PlainDate, calendar: BusinessCalendar): NonBusinessReason | undefined {
  if (weekendDays(calendar.country).includes(isoWeekday(date))) return { kind: 'weekend' };
  const holiday = holidayOn(date, calendar.country, calendar.region);
  return holiday ? { kind: 'holiday', name: holiday.name } : undefined;
}

/** @example isBusinessDay('2026-04-03', { country: 'IL' }) // false: Friday */
export function isBusinessDay(date: PlainDate, calendar: BusinessCalendar): boolean {
  return nonBusinessReason(date, calendar) === undefined;
}

/**
 * Moves `amount` business days from `date` (negative: backwards), skipping the country's weekend
 * and public holidays. With `amount` 0 the date itself is returned even on a holiday; use
 * {@link nextBusinessDay} to roll it.
 *
 * @example addBusinessDays('2026-12-24', 1, { country: 'GB', region: 'ENG' }) // '2026-12-29'
 */
export function addBusinessDays(date: PlainDate, amount: number, calendar: BusinessCalendar): PlainDate {
  if (!Number.isInteger(amount)) throw new RangeError(`Business days must be a whole number: ${amount}`);
  const step = amount < 0 ? -1 : 1;
  let left = Math.abs(amount);
  let day = date;
  while (left > 0) {
    day = addCalendarDays(day, step);
    if (isBusinessDay(day, calendar)) left--;
  }
  return day;
}

/** `date` itself when it is a business day, otherwise the next one. */
export function nextBusinessDay(date: PlainDate, calendar: BusinessCalendar): PlainDate {
  let day = date;
  while (!isBusinessDay(day, calendar)) day = addCalendarDays(day, 1);
  return day;
}
