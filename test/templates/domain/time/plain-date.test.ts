import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  daysBetween,
  endOfCalendarMonth,
  isoWeekday,
  isValidPlainDate,
  PlainDateSchema,
} from '#domain/time/plain-date.ts';

describe('plain dates', () => {
  it('validates real calendar dates only', () => {
    expect(isValidPlainDate('2024-02-29')).toBe(true);
    expect(isValidPlainDate('2025-02-29')).toBe(false);
    expect(isValidPlainDate('2025-13-01')).toBe(false);
    expect(isValidPlainDate('2025-1-01')).toBe(false);
    expect(PlainDateSchema.safeParse('2025-02-30').error?.issues[0]?.message).toBe('is not a real calendar date');
    expect(PlainDateSchema.safeParse('30/01/2025').error?.issues.map((i) => i.message)).toEqual(['must be a date written YYYY-MM-DD']);
  });
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-29', -1)).toBe('2026-03-28'); // the European DST Sunday is just a day
  });
  it('adds months with end-of-month clamping', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-01-31', 2)).toBe('2025-03-31');
  });
  it('counts days and weekdays', () => {
    expect(daysBetween('2024-01-31', '2024-04-30')).toBe(90);
    expect(daysBetween('2024-04-30', '2024-01-31')).toBe(-90);
    expect(endOfCalendarMonth('2024-02-10')).toBe('2024-02-29');
    expect(isoWeekday('2026-11-23')).toBe(1); // a Monday
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
