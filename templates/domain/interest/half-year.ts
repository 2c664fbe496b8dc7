import { dateParts, type PlainDate } from '../time/plain-date.ts';

/** A calendar half-year: 1 Jan–30 Jun or 1 Jul–31 Dec. */
export interface HalfYear {
  /** 1 January or 1 July: the day whose reference rate the Directive, France and Germany use */
  start: PlainDate;
  end: PlainDate;
  /** e.g. `1H2024`, `2H2024`, the labels LEGAL.md's tables use */
  label: string;
}

/**
 * The half-year a date falls in. The Directive's reference rate for the first semester is the
 * rate in force on 1 January, for the second on 1 July (art. 3(2)); France (L441-10 II) and
 * Germany (§247 BGB) follow the same calendar.
 *
 * @example halfYearOf('2024-08-15') // { start: '2024-07-01', end: '2024-12-31', label: '2H2024' }
 * @see shared/LEGAL.md §0.1 (semester-variable model)
 */
export function halfYearOf(date: PlainDate): HalfYear {
  const { year, month } = dateParts(date);
  const y = String(year).padStart(4, '0');
  return month <= 6
    ? { start: `${y}-01-01`, end: `${y}-06-30`, label: `1H${y}` }
    : { start: `${y}-07-01`, end: `${y}-12-31`, label: `2H${y}` };
}

/**
 * The first days of the half-years that begin after `first` and on or before `last`: the days on
 * which a semester-variable rate may change inside an interest period.
 *
 * @example halfYearStarts('2024-06-16', '2025-01-15') // ['2024-07-01', '2025-01-01']
 */
export function halfYearStarts(first: PlainDate, last: PlainDate): PlainDate[] {
  const out: PlainDate[] = [];
  for (let y = dateParts(first).year; y <= dateParts(last).year; y++) {
    for (const start of [`${String(y).padStart(4, '0')}-01-01`, `${String(y).padStart(4, '0')}-07-01`]) {
      if (start > first && start <= last) out.push(start);
    }
  }
  return out;
}
