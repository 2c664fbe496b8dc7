import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDateTime, zonedInstant } from '#domain/time/zoned-instant.ts';
import { isTimeZone, TimeZoneSchema } from '#domain/time/time-zone.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

describe('zonedInstant', () => {
  it('uses each side of a DST change', () => {
    // Paris: CET (UTC+1) until Sun 29 Mar 2026 02:00, then CEST (UTC+2)
    expect(zonedInstant('2026-03-27', '10:00', 'Europe/Paris')).toBe('2026-03-27T09:00:00.000Z');
    expect(zonedInstant('2026-03-30', '10:00', 'Europe/Paris')).toBe('2026-03-30T08:00:00.000Z');
    // New York changes on 8 Mar 2026, two weeks before Europe
    expect(zonedInstant('2026-03-09', '10:00', 'America/New_York')).toBe('2026-03-09T14:00:00.000Z');
    // Jerusalem: Friday 27 Mar 2026 02:00 → UTC+3
    expect(zonedInstant('2026-03-26', '10:00', 'Asia/Jerusalem')).toBe('2026-03-26T08:00:00.000Z');
    expect(zonedInstant('2026-03-29', '10:00', 'Asia/Jerusalem')).toBe('2026-03-29T07:00:00.000Z');
    // Moscow has no DST
    expect(zonedInstant('2026-07-01', '10:00', 'Europe/Moscow')).toBe('2026-07-01T07:00:00.000Z');
  });
  it('moves a time in the spring-forward gap forward and takes standard time in the repeated hour', () => {
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Paris')).toBe('2026-10-25T01:30:00.000Z'); // 02:30 CET
  });
  it('keeps 10:00 at 10:00 local on every day around a DST change, in every zone', () => {
    const zones = ['Europe/Paris', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Jerusalem', 'Australia/Sydney', 'Europe/Moscow'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.constantFrom('08:00', '10:00', '13:00', '17:45'), (zone, d, time) => {
        const date = d.toISOString().slice(0, 10);
        for (const day of [date, addCalendarDays(date, 1)]) {
          expect(localDateTime(zonedInstant(day, time, zone), zone)).toEqual({ date: day, time });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('time zones', () => {
  it('accept IANA names only', () => {
    expect(isTimeZone('Asia/Jerusalem')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(isTimeZone('CET')).toBe(false);
    expect(TimeZoneSchema.safeParse('Europe/Pariss').error?.issues[0]?.message).toBe(
      'is not an IANA time zone name (for example Europe/Paris, Asia/Jerusalem, America/New_York)',
    );
  });
});
