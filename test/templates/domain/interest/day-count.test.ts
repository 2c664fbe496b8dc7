import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayCount } from '#domain/interest/day-count.ts';
import { halfYearOf, halfYearStarts } from '#domain/interest/half-year.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

describe('dayCount', () => {
  it('counts both ends', () => {
    expect(dayCount('2024-02-01', '2024-02-01', 'act/365')).toEqual({ convention: 'act/365', days: 1, yearDays: 365 });
    expect(dayCount('2024-02-01', '2024-03-01', 'act/365')).toEqual({ convention: 'act/365', days: 30, yearDays: 365 });
  });

  it('act/act takes the year\'s length and refuses to cross a year end', () => {
    expect(dayCount('2024-02-01', '2024-03-01', 'act/act').yearDays).toBe(366);
    expect(dayCount('2100-02-01', '2100-03-01', 'act/act').yearDays).toBe(365); // 2100 is not a leap year
    expect(dayCount('2000-02-01', '2000-03-01', 'act/act').yearDays).toBe(366);
    expect(() => dayCount('2024-12-31', '2025-01-01', 'act/act')).toThrow('An act/act segment must stay within one year: 2024-12-31 to 2025-01-01');
  });

  it('30E/360: months of 30 days, the 31st and the end of February as the 30th', () => {
    expect(dayCount('2024-02-01', '2024-03-01', '30E/360').days).toBe(31); // from 31 Jan (= 30th) to 1 Mar
    expect(dayCount('2024-03-01', '2024-03-31', '30E/360').days).toBe(30); // from 29 Feb 2024 (= 30th)
    expect(dayCount('2024-03-31', '2024-03-31', '30E/360').days).toBe(0); // the 31st earns nothing
    expect(dayCount('2023-02-01', '2023-02-28', '30E/360').days).toBe(30); // February counts 30 days
    expect(dayCount('2024-02-01', '2024-02-28', '30E/360').days).toBe(28); // 28 Feb is not the end of February 2024
    expect(dayCount('2023-01-01', '2023-12-31', '30E/360')).toEqual({ convention: '30E/360', days: 360, yearDays: 360 });
  });

  it('property: 30E/360 days add up over adjacent segments', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), (from, a, b) => {
        const middle = addCalendarDays(from, a);
        const to = addCalendarDays(middle, b);
        const whole = dayCount(from, to, '30E/360').days;
        expect(dayCount(from, middle, '30E/360').days + dayCount(addCalendarDays(middle, 1), to, '30E/360').days).toBe(whole);
      }),
    );
  });

  it('refuses a reversed segment', () => {
    expect(() => dayCount('2024-02-02', '2024-02-01', 'act/365')).toThrow('A segment cannot end (2024-02-01) before it starts (2024-02-02)');
  });
});

describe('half-years', () => {
  it('halfYearOf', () => {
    expect(halfYearOf('2024-06-30')).toEqual({ start: '2024-01-01', end: '2024-06-30', label: '1H2024' });
    expect(halfYearOf('2024-07-01')).toEqual({ start: '2024-07-01', end: '2024-12-31', label: '2H2024' });
  });

  it('halfYearStarts lists the 1 Jan / 1 Jul after the first day up to the last', () => {
    expect(halfYearStarts('2024-06-16', '2025-01-15')).toEqual(['2024-07-01', '2025-01-01']);
    expect(halfYearStarts('2024-07-01', '2024-12-31')).toEqual([]);
    expect(halfYearStarts('2024-06-30', '2024-07-01')).toEqual(['2024-07-01']);
  });
});
