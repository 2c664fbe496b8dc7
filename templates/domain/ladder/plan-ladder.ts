import type { Ladder, Stage } from '../schemas/ladder.ts';
import { addBusinessDays, nextBusinessDay, nonBusinessReason, type BusinessCalendar, type NonBusinessReason } from '../time/business-days.ts';
import { addCalendarDays, type PlainDate } from '../time/plain-date.ts';
import { zonedInstant } from '../time/zoned-instant.ts';
import { applyCatchUp, type CatchUpPolicy } from './apply-catch-up.ts';

/** Where and when the debtor reads mail: the country (and region) for business days, the IANA zone for send times. */
export interface DebtorCalendar extends BusinessCalendar {
  timeZone: string;
}

/** Why a stage's date is not simply due date + offset. */
export type Shift =
  | { kind: 'weekend' | 'holiday'; from: PlainDate; name?: string | undefined }
  | { kind: 'after-previous'; from: PlainDate };

export type StageStatus = 'planned' | 'skipped';
export type SkipReason = 'missed' | 'before-issue';

/** A stage with its real date: local date and time in the debtor's zone and the UTC instant. */
export interface PlannedStage {
  key: string;
  index: number;
  channel: Stage['channel'];
  template: Stage['template'];
  localDate: PlainDate;
  localTime: string;
  timeZone: string;
  /** ISO 8601 UTC instant, e.g. 2026-03-30T08:00:00.000Z */
  instant: string;
  shifts: Shift[];
  status: StageStatus;
  skipReason?: SkipReason | undefined;
  /** set when the catch-up policy moved a past stage to "now" */
  caughtUp?: boolean | undefined;
}

export interface PlanOptions {
  /** the moment of planning; stages before it follow `catchUp` (default: no catch-up, plan as if now were before every stage) */
  now?: string | Date | undefined;
  /** what to do with stages whose time has passed; default `latest` */
  catchUp?: CatchUpPolicy | undefined;
  /** stages dated before this day (usually the invoice's issue date) are skipped */
  notBefore?: PlainDate | undefined;
}

/**
 * Turns a ladder into dated stages for an invoice due on `dueDate`, in the debtor's calendar.
 *
 * - Calendar offsets: due date + N days; with `rollToBusinessDay` a weekend or public holiday
 *   of the debtor's country rolls to the next business day (the shift is recorded).
 * - Business offsets: N business days from the due date, skipping the country's weekend (Israel: Friday and Saturday) and its
 *   public holidays (date-holidays). A due date that is itself not a business day counts
 *   from the next business day: 0 is that day (shift recorded), +1 the business day after it.
 * - The send time is the wall-clock time `at` in the debtor's IANA zone, converted with the
 *   zone's own DST rules; 10:00 stays 10:00 local on both sides of a DST change.
 * - Instants are strictly increasing: a stage that would land on or before the previous one
 *   (two calendar stages rolled onto the same Monday) moves to the next business day after it.
 * - Then the catch-up policy (see `applyCatchUp`) decides what happens to stages already past.
 *
 * @example planLadder(readyLadders.tracking, '2026-03-31', { country: 'FR', timeZone: 'Europe/Paris' })
 */
export function planLadder(ladder: Ladder, dueDate: PlainDate, debtor: DebtorCalendar, options: PlanOptions = {}): PlannedStage[] {
  const calendar: BusinessCalendar = { country: debtor.country, region: debtor.region };
  const planned: PlannedStage[] = [];
  let previous: PlannedStage | undefined;
  ladder.stages.forEach((stage, index) => {
    const shifts: Shift[] = [];
    let date: PlainDate;
    if (stage.offset.unit === 'business') {
      // on or after the due date, count from the first business day on or after it
      date = stage.offset.days >= 0 ? addBusinessDays(rolled(dueDate, calendar, shifts), stage.offset.days, calendar) : addBusinessDays(dueDate, stage.offset.days, calendar);
      if (stage.offset.days > 0) shifts.length = 0; // counting from the rolled day is not a shift of this stage
    } else {
      date = addCalendarDays(dueDate, stage.offset.days);
      if (ladder.rollToBusinessDay) date = rolled(date, calendar, shifts);
    }
    let instant = zonedInstant(date, stage.at, debtor.timeZone);
    if (previous && instant <= previous.instant) {
      const from = date;
      date = nextBusinessDay(addCalendarDays(previous.localDate, 1), calendar);
      instant = zonedInstant(date, stage.at, debtor.timeZone);
      shifts.push({ kind: 'after-previous', from });
    }
    const entry: PlannedStage = {
      key: stage.key,
      index,
      channel: stage.channel,
      template: stage.template,
      localDate: date,
      localTime: stage.at,
      timeZone: debtor.timeZone,
      instant,
      shifts,
      status: 'planned',
    };
    if (options.notBefore && date < options.notBefore) {
      entry.status = 'skipped';
      entry.skipReason = 'before-issue';
    }
    planned.push(entry);
    previous = entry;
  });
  return options.now === undefined ? planned : applyCatchUp(planned, options.now, options.catchUp ?? 'latest', { ...calendar, timeZone: debtor.timeZone });
}

function rolled(date: PlainDate, calendar: BusinessCalendar, shifts: Shift[]): PlainDate {
  const reason: NonBusinessReason | undefined = nonBusinessReason(date, calendar);
  if (!reason) return date;
  shifts.push({ kind: reason.kind, from: date, name: reason.kind === 'holiday' ? reason.name : undefined });
  return nextBusinessDay(date, calendar);
}
