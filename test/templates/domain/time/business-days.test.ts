import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessDays, isBusinessDay, nextBusinessDay, nonBusinessReason } from '#domain/time/business-days.ts';
import { holidayOn } from '#domain/time/holidays.ts';
import { addCalendarDays, isoWeekday } from '#domain/time/plain-date.ts';
import { weekendDays, weekendExceptions } from '#domain/time/weekend-days.ts';

describe('weekends', () => {
  it('are Friday–Saturday in Israel and Saturday–Sunday in Europe', () => {
    expect(weekendDays('IL')).toEqual([5, 6]);
    expect(weekendDays('FR')).toEqual([6, 7]);
    expect(nonBusinessReason('2026-04-03', { country: 'IL' })).toEqual({ kind: 'weekend' }); // Friday
    expect(isBusinessDay('2026-04-05', { country: 'IL' })).toBe(true); // Sunday
    expect(isBusinessDay('2026-04-05', { country: 'FR' })).toBe(false);
  });
  it('match CLDR as the host Intl ships it', () => {
    const countries = [...weekendExceptions, 'GB', 'FR', 'DE', 'RU', 'US', 'AE', 'JP'];
    for (const country of countries) {
      const info = (new Intl.Locale(`und-${country}`) as Intl.Locale & { getWeekInfo(): { weekend: number[] } }).getWeekInfo();
      expect(weekendDays(country), country).toEqual(info.weekend);
    }
  });
});

describe('public holidays', () => {
  it('come from date-holidays for the country and region', () => {
    expect(holidayOn('2026-07-14', 'FR')?.name).toBe('Bastille Day');
    expect(holidayOn('2026-12-28', 'GB', 'ENG')?.name).toBe('Boxing Day (substitute day)');
    expect(holidayOn('2026-04-02', 'IL')?.name).toMatch(/Passover/);
    expect(holidayOn('2026-01-07', 'RU')?.name).toBeDefined(); // Orthodox Christmas
    expect(holidayOn('2026-03-15', 'GB', 'ENG')).toBeUndefined(); // Mother's Day is an observance
  });
});

describe('addBusinessDays', () => {
  it('skips weekends and holidays, both ways', () => {
    // Thu 24 Dec 2026 + 1: Fri 25 Christmas, weekend, Mon 28 Boxing Day (substitute) → Tue 29
    expect(addBusinessDays('2026-12-24', 1, { country: 'GB', region: 'ENG' })).toBe('2026-12-29');
    // Mon 6 Apr 2026 (Easter Monday) − 1 in England: Fri 3 is Good Friday → Thu 2
    expect(addBusinessDays('2026-04-06', -1, { country: 'GB', region: 'ENG' })).toBe('2026-04-02');
    // Israel: Sun 5 Apr is a working day
    expect(addBusinessDays('2026-04-02', 1, { country: 'IL' })).toBe('2026-04-05');
    expect(nextBusinessDay('2026-07-14', { country: 'FR' })).toBe('2026-07-15');
  });
  it('never lands on a weekend or a holiday of the country', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: -25, max: 60 }).filter((n) => n !== 0),
        fc.constantFrom(
          { country: 'IL' },
          { country: 'FR' },
          { country: 'GB', region: 'ENG' },
          { country: 'DE' },
          { country: 'RU' },
          { country: 'US', region: 'NY' },
        ),
        (d, n, calendar) => {
          const start = d.toISOString().slice(0, 10);
          const result = addBusinessDays(start, n, calendar);
          expect(weekendDays(calendar.country)).not.toContain(isoWeekday(result));
          expect(holidayOn(result, calendar.country, calendar.region)).toBeUndefined();
          expect(n > 0 ? result > start : result < start).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('counts exactly n business days between start and result', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 30 }), (d, n) => {
        const start = d.toISOString().slice(0, 10);
        const end = addBusinessDays(start, n, { country: 'IL' });
        let count = 0;
        for (let day = addCalendarDays(start, 1); day <= end; day = addCalendarDays(day, 1)) if (isBusinessDay(day, { country: 'IL' })) count++;
        expect(count).toBe(n);
      }),
      { numRuns: 100 },
    );
  });
  it('refuses fractions of a day', () => {
    expect(() => addBusinessDays('2026-01-05', 1.5, { country: 'FR' })).toThrow('Business days must be a whole number: 1.5');
  });
});
