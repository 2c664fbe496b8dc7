import { formatInTimeZone } from '#domain/time/format-in-zone.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import type { ScheduleEntry } from '../../ports/scheduler.ts';

/** When a one-time schedule fires: the `at(...)` expression, its zone and the UTC instant they mean. */
export interface ScheduleTime {
  /** `at(yyyy-mm-ddThh:mm:ss)`: wall-clock time in `timeZone` */
  expression: string;
  timeZone: string;
  /** the UTC instant the expression denotes (ISO 8601) */
  instant: string;
  /** set when the stage's own wall clock could not be used as it is, and why */
  adjusted?: 'due-now' | 'wall-clock-differs' | undefined;
}

const minute = 60_000;

/**
 * The `at(...)` expression and ScheduleExpressionTimezone for a stage. EventBridge Scheduler reads
 * `at()` as the wall clock of the zone and fires within that minute, so a ladder's "10:00 in
 * Paris" stays 10:00 across DST (and across later tz-database changes):
 *
 * - normally the stage's own `localDate` + `localTime` in its `timeZone`, written out as they are
 *   (never from a Date's UTC fields), when they denote the stage's instant;
 * - when they do not (the instant was moved, e.g. a resend; a letter planned "now" with a UTC
 *   clock reading; a time in a DST gap), the instant's wall clock in the zone, rounded up to the
 *   minute (so never before the instant), and `adjusted: 'wall-clock-differs'`;
 * - when the instant is less than `leadMs` (default 60 s) away or already past, the first whole
 *   minute at least `leadMs` from now, and `adjusted: 'due-now'`: a one-time schedule for a
 *   moment already gone would never fire, and one-minute precision needs the margin.
 *
 * @example
 * scheduleAt({ caseId, stageId, instant: '2026-03-30T08:00:00.000Z', localDate: '2026-03-30', localTime: '10:00', timeZone: 'Europe/Paris' }, now)
 * // { expression: 'at(2026-03-30T10:00:00)', timeZone: 'Europe/Paris', instant: '2026-03-30T08:00:00.000Z' }
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#one-time
 */
export function scheduleAt(entry: ScheduleEntry, now: Date, options: { leadMs?: number } = {}): ScheduleTime {
  const { timeZone } = entry;
  const due = Date.parse(entry.instant);
  const earliest = now.getTime() + (options.leadMs ?? minute);
  if (!(due >= earliest)) return fromInstant(Math.ceil(earliest / minute) * minute, timeZone, 'due-now');
  const wall = localDateTime(entry.instant, timeZone);
  if (due % minute === 0 && wall.date === entry.localDate && wall.time === entry.localTime) {
    return { expression: `at(${entry.localDate}T${entry.localTime}:00)`, timeZone, instant: new Date(due).toISOString() };
  }
  return fromInstant(Math.ceil(due / minute) * minute, timeZone, 'wall-clock-differs');
}

function fromInstant(ms: number, timeZone: string, adjusted: ScheduleTime['adjusted']): ScheduleTime {
  return { expression: `at(${formatInTimeZone(new Date(ms), timeZone, "yyyy-MM-dd'T'HH:mm:ss")})`, timeZone, instant: new Date(ms).toISOString(), adjusted };
}
