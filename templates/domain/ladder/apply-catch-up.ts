import { nextBusinessDay, isBusinessDay } from '../time/business-days.ts';
import { addCalendarDays } from '../time/plain-date.ts';
import { localDateTime, zonedInstant } from '../time/zoned-instant.ts';
import type { DebtorCalendar, PlannedStage } from './plan-ladder.ts';

/**
 * What happens to stages whose time has already passed when a ladder is planned or re-planned
 * (a case created late, a promise to pay that ran out, a server that was down):
 * - `latest` (default): only the most recent past stage is still sent, at the next sensible
 *   moment; every earlier past stage is skipped. Never a burst of all the missed letters.
 * - `none`: every past stage is skipped; the ladder continues with the next future stage.
 */
export type CatchUpPolicy = 'latest' | 'none';

/** Local working hours in which a caught-up letter may go out at once. */
export const sendWindow = { from: '08:00', to: '18:00' } as const;

/**
 * Applies a catch-up policy at `now`. The caught-up stage goes out at `now` when that is within
 * the debtor's working hours on a business day, otherwise at its own local time on the next
 * business day. If that moment is not before the next future stage, the next stage supersedes
 * it and it is skipped too.
 *
 * @example applyCatchUp(stages, '2026-04-20T12:00:00Z', 'latest', { country: 'FR', timeZone: 'Europe/Paris' })
 */
export function applyCatchUp(stages: PlannedStage[], now: string | Date, policy: CatchUpPolicy, debtor: DebtorCalendar): PlannedStage[] {
  const nowIso = new Date(now).toISOString();
  const result = stages.map((s) => ({ ...s, shifts: [...s.shifts] }));
  const past = result.filter((s) => s.status === 'planned' && s.instant < nowIso);
  if (past.length === 0) return result;
  for (const s of past) {
    s.status = 'skipped';
    s.skipReason = 'missed';
  }
  if (policy === 'none') return result;
  const latest = past[past.length - 1]!;
  const moment = catchUpMoment(nowIso, latest.localTime, debtor);
  const nextFuture = result.find((s) => s.status === 'planned' && s.instant >= nowIso);
  if (nextFuture && moment.instant >= nextFuture.instant) return result;
  latest.status = 'planned';
  latest.skipReason = undefined;
  latest.caughtUp = true;
  latest.localDate = moment.date;
  latest.localTime = moment.time;
  latest.instant = moment.instant;
  return result;
}

function catchUpMoment(nowIso: string, stageTime: string, debtor: DebtorCalendar): { date: string; time: string; instant: string } {
  const local = localDateTime(nowIso, debtor.timeZone);
  if (isBusinessDay(local.date, debtor)) {
    if (local.time >= sendWindow.from && local.time < sendWindow.to) return { ...local, instant: nowIso };
    if (local.time < sendWindow.from) {
      const instant = zonedInstant(local.date, stageTime, debtor.timeZone);
      if (instant > nowIso) return { date: local.date, time: stageTime, instant };
    }
  }
  const date = nextBusinessDay(addCalendarDays(local.date, 1), debtor);
  return { date, time: stageTime, instant: zonedInstant(date, stageTime, debtor.timeZone) };
}
