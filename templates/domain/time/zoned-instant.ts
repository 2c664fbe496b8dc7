import { TZDate } from '@date-fns/tz';
import { formatInTimeZone } from './format-in-zone.ts';
import { dateParts, type PlainDate } from './plain-date.ts';

/**
 * The UTC instant at which the wall clock in `timeZone` shows `date` `time`, using the zone's
 * own DST rules through @date-fns/tz (never by adding hours).
 *
 * DST edges: a time that does not exist (in the spring-forward gap, e.g. 02:30 in Paris on the
 * last Sunday of March) moves forward by the gap (03:30 local); a time that exists twice (the
 * autumn fall-back hour) is taken in standard time, the second of the two. Overdue's ladders send between 08:00 and 18:00,
 * where neither happens in any zone that changes at night.
 *
 * @example zonedInstant('2026-03-30', '10:00', 'Europe/Paris') // '2026-03-30T08:00:00.000Z'
 */
export function zonedInstant(date: PlainDate, time: string, timeZone: string): string {
  const { year, month, day } = dateParts(date);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime()).toISOString();
}

/** The local calendar date and `HH:MM` of a UTC instant in `timeZone`. */
export function localDateTime(instant: string | Date, timeZone: string): { date: PlainDate; time: string } {
  return {
    date: formatInTimeZone(instant, timeZone, 'yyyy-MM-dd'),
    time: formatInTimeZone(instant, timeZone, 'HH:mm'),
  };
}
