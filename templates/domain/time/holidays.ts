import Holidays from 'date-holidays';
import type { PlainDate } from './plain-date.ts';

/**
 * Public holidays come from `date-holidays` (maintained rules for 200+ countries and their
 * subdivisions, e.g. GB-ENG, US-NY, DE-BY). A day counts as a holiday when the library types it
 * `public` or `bank` (days off by law or bank closure); `observance`, `school` and `optional`
 * days are ordinary working days.
 *
 * @see https://github.com/commenthol/date-holidays
 */
export interface Holiday {
  date: PlainDate;
  name: string;
}

const nonWorking = new Set(['public', 'bank']);
const calendars = new Map<string, Holidays | null>();
const years = new Map<string, ReadonlyMap<PlainDate, string>>();

/** Holidays of a country (optionally a subdivision, ISO 3166-2 without the country, e.g. `ENG`) in a year. */
export function holidaysIn(country: string, year: number, region?: string): ReadonlyMap<PlainDate, string> {
  const key = `${country}-${region ?? ''}-${year}`;
  let days = years.get(key);
  if (!days) {
    const calendar = calendarOf(country, region);
    const map = new Map<PlainDate, string>();
    for (const h of calendar?.getHolidays(year, 'en') ?? []) {
      if (!nonWorking.has(h.type)) continue;
      // h.date is the local calendar date ('2026-04-02 00:00:00 -0600' for a feast starting at
      // sunset the evening before); its first ten characters are the day the holiday is kept.
      const date = h.date.slice(0, 10);
      if (!map.has(date)) map.set(date, h.name);
    }
    days = map;
    years.set(key, days);
  }
  return days;
}

/** The holiday on `date`, if any. */
export function holidayOn(date: PlainDate, country: string, region?: string): Holiday | undefined {
  const name = holidaysIn(country, Number(date.slice(0, 4)), region).get(date);
  return name === undefined ? undefined : { date, name };
}

/** True when date-holidays has rules for the country (and region, when given). */
export function hasHolidayRules(country: string, region?: string): boolean {
  return calendarOf(country, region) !== undefined;
}

function calendarOf(country: string, region?: string): Holidays | undefined {
  const key = `${country}-${region ?? ''}`;
  if (!calendars.has(key)) {
    const catalogue = new Holidays();
    const known = country in catalogue.getCountries() && (!region || region in (catalogue.getStates(country) ?? {}));
    calendars.set(key, known ? (region ? new Holidays(country, region) : new Holidays(country)) : null);
  }
  return calendars.get(key) ?? undefined;
}
