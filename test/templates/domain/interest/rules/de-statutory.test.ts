import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

const eur = (amount: string) => ({ currency: 'EUR', amount });

describe('DE Verzugszinsen (BGB §288)', () => {
  const request = { jurisdiction: 'DE' as const, principal: eur('10000.00'), dueDate: '2024-06-15', until: '2024-07-15' };

  it('B2B: Basiszinssatz + 9 per half-year, act/act in the leap year 2024, plus 40 €', () => {
    // 16–30 Jun (15 days): 3.62 % + 9 = 12.62 % → 10000 × 12.62 % × 15/366 = 51.7213…
    // 1–15 Jul (15 days): 3.37 % + 9 = 12.37 % → 10000 × 12.37 % × 15/366 = 50.6967…
    // total 102.4180… → 102.42
    const r = computeInterest(request);
    expect(r.segments.map((s) => [s.from, s.to, s.rate.percent, s.dayCount.days, s.dayCount.yearDays])).toEqual([
      ['2024-06-16', '2024-06-30', '12.62', 15, 366],
      ['2024-07-01', '2024-07-15', '12.37', 15, 366],
    ]);
    expect(r.totals.interest).toEqual(eur('102.42'));
    expect(r.fixedCompensation.map((f) => [f.amount.amount, f.citation])).toEqual([['40.00', 'BGB §288(5)']]);
    expect(r.assumptions).toEqual([expect.objectContaining({ option: 'germanDayCount', value: 'act/act' })]);
  });

  it('consumer: + 5 points and no 40 €', () => {
    // 10000 × (8.62 % + 8.37 %) × 15/366 = 35.3278… + 34.3032… = 69.6311… → 69.63
    const r = computeInterest({ ...request, debtor: 'consumer' });
    expect(r.segments.map((s) => s.rate.percent)).toEqual(['8.62', '8.37']);
    expect(r.totals.interest).toEqual(eur('69.63'));
    expect(r.fixedCompensation).toEqual([]);
    expect(r.warnings).toEqual([
      { code: 'fixed-compensation-not-granted', message: 'DE: the fixed compensation (BGB §288(5)) is not due from a consumer debtor; it is not added.' },
    ]);
  });

  it('germanDayCount act/365 and 30E/360 (where the half-up tie shows)', () => {
    // act/365: 10000 × (12.62 % + 12.37 %) × 15/365 = 102.6986… → 102.70
    expect(computeInterest({ ...request, options: { germanDayCount: 'act/365' } }).totals.interest).toEqual(eur('102.70'));
    // 30E/360: 16–30 Jun = 15 days, 1–15 Jul = 15 days; 10000 × 24.99 % × 15/360 = 104.125 exactly → 104.13 (half up)
    const thirty = computeInterest({ ...request, options: { germanDayCount: '30E/360' } });
    expect(thirty.segments.map((s) => s.dayCount)).toEqual([
      { convention: '30E/360', days: 15, yearDays: 360 },
      { convention: '30E/360', days: 15, yearDays: 360 },
    ]);
    expect(thirty.totals.interest).toEqual(eur('104.13'));
    // per segment: 52.5833… → 52.58 and 51.5416… → 51.54 = 104.12
    expect(computeInterest({ ...request, options: { germanDayCount: '30E/360', rounding: 'segment' } }).totals.interest).toEqual(eur('104.12'));
  });

  it('splits at the year end even when the Basiszinssatz does not change', () => {
    // 21–31 Dec 2025 (11/365) and 1–10 Jan 2026 (10/365), both 1.27 % + 9 = 10.27 %:
    // 10000 × 10.27 % × 11/365 = 30.9506…, × 10/365 = 28.1369…, total 59.0876… → 59.09
    const r = computeInterest({ jurisdiction: 'DE', principal: eur('10000.00'), dueDate: '2025-12-20', until: '2026-01-10' });
    expect(r.segments.map((s) => [s.from, s.to, s.rate.percent, s.rate.reference?.date])).toEqual([
      ['2025-12-21', '2025-12-31', '10.27', '2025-07-01'],
      ['2026-01-01', '2026-01-10', '10.27', '2026-01-01'],
    ]);
    expect(r.totals.interest).toEqual(eur('59.09'));
  });

  it.each([
    // LEGAL.md §4.1 Basiszinssatz table: B2B (+9) and B2C (+5)
    ['2022-07-01', '8.12', '4.12'],
    ['2023-01-01', '10.62', '6.62'],
    ['2023-07-01', '12.12', '8.12'],
    ['2024-01-01', '12.62', '8.62'],
    ['2024-07-01', '12.37', '8.37'],
    ['2025-01-01', '11.27', '7.27'],
    ['2025-07-01', '10.27', '6.27'],
    ['2026-01-01', '10.27', '6.27'],
  ])('half-year starting %s: %s percent B2B, %s percent consumer', (start, b2b, b2c) => {
    const base = { jurisdiction: 'DE' as const, principal: eur('100.00'), dueDate: addCalendarDays(start, -1), until: addCalendarDays(start, 5) };
    expect(computeInterest(base).segments[0]!.rate.percent).toBe(b2b);
    expect(computeInterest({ ...base, debtor: 'consumer' }).segments[0]!.rate.percent).toBe(b2c);
  });

  it('refuses a half-year before the table', () => {
    expect(() => computeInterest({ jurisdiction: 'DE', principal: eur('100.00'), dueDate: '2016-03-01', until: '2016-04-01' })).toThrow(
      'No Basiszinssatz (BGB §247) for 2016-01-01: the table (rates/de-basiszinssatz.json) starts on 2016-07-01, so German Verzugszinsen for 1H2016 cannot be computed',
    );
  });
});
