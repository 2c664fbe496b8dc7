import { addBusinessDays, nextBusinessDay } from '#domain/time/business-days.ts';
import { localDateTime, zonedInstant } from '#domain/time/zoned-instant.ts';
import type { CaseFile } from '#domain/schemas/case.ts';
import type { StageRecord } from '../ports/records.ts';

/**
 * A system check stage (channel `check`): at its time the sender looks at the case and decides
 * (a promise that ran out, an instalment that was missed, a settlement that lapsed). It is dated
 * `businessDaysAfter` business days after `date`, at `time` on the debtor's wall clock.
 */
export function checkStage(
  file: CaseFile,
  caseId: string,
  generation: number,
  seq: number,
  key: string,
  template: string,
  date: string,
  options: { businessDaysAfter?: number; time?: string; instalment?: number } = {},
): StageRecord {
  const calendar = { country: file.debtor.address.country, region: file.debtor.address.region };
  const day = options.businessDaysAfter ? addBusinessDays(date, options.businessDaysAfter, calendar) : nextBusinessDay(date, calendar);
  const time = options.time ?? '10:00';
  return {
    caseId,
    id: `g${generation}.${key}`,
    generation,
    seq,
    key,
    channel: 'check',
    template,
    instant: zonedInstant(day, time, file.debtor.timeZone),
    localDate: day,
    localTime: time,
    timeZone: file.debtor.timeZone,
    status: 'scheduled',
    attempts: 0,
    ...(options.instalment !== undefined ? { instalment: options.instalment } : {}),
  };
}

/** A letter to send as soon as possible (a confirmation, an offer), in the same generation. */
export function immediateLetter(file: CaseFile, caseId: string, generation: number, seq: number, key: string, template: string, now: string): StageRecord {
  const local = localDateTime(now, file.debtor.timeZone);
  return {
    caseId,
    id: `g${generation}.${key}`,
    generation,
    seq,
    key,
    channel: 'email',
    template,
    instant: now,
    localDate: local.date,
    localTime: local.time,
    timeZone: file.debtor.timeZone,
    status: 'scheduled',
    attempts: 0,
  };
}
