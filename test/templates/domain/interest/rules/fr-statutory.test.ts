import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

const eur = (amount: string) => ({ currency: 'EUR', amount });

describe('FR pénalités de retard (L441-10 II)', () => {
  it('splits at 1 January: ECB + 10 per half-year, / 365 even in 2024', () => {
    // 21–31 Dec 2024 (11 days): MRO on 1 Jul 2024 = 4.25 % + 10 = 14.25 % → 2000 × 14.25 % × 11/365 = 8.5890…
    // 1–10 Jan 2025 (10 days): MRO on 1 Jan 2025 = 3.15 % + 10 = 13.15 % → 2000 × 13.15 % × 10/365 = 7.2054…
    // total 15.7945… → 15.79 (rounding each segment: 8.59 + 7.21 = 15.80)
    const request = { jurisdiction: 'FR' as const, principal: eur('2000.00'), dueDate: '2024-12-20', until: '2025-01-10' };
    const r = computeInterest(request);
    expect(r.segments.map((s) => [s.from, s.to, s.rate.percent, s.dayCount.yearDays])).toEqual([
      ['2024-12-21', '2024-12-31', '14.25', 365],
      ['2025-01-01', '2025-01-10', '13.15', 365],
    ]);
    expect(r.totals.interest).toEqual(eur('15.79'));
    // shown per segment: 858.90 + 720.54 cents floored = 1578, the 1 cent left goes to the larger remainder (.90)
    expect(r.segments.map((s) => s.interest.amount)).toEqual(['8.59', '7.20']);
    expect(computeInterest({ ...request, options: { rounding: 'segment' } }).totals.interest).toEqual(eur('15.80'));
    // 2H2024: 3 × the legal rate (3 × 4.92 % = 14.76 %) is above 14.25 %: flagged, not applied by default
    expect(r.warnings).toEqual([
      {
        code: 'default-rate-below-floor',
        message:
          'FR 2H2024: 3 × the legal interest rate for 2H2024 (3 × 4.92 % = 14.76 %) is above the default rate ECB + 10 (14.25 %). L441-10 II applies that floor to a contractual rate only, so 14.25 % is used; whether the default rate is floored too is uncertain [U] (option frenchDefaultRateFloor applies the floor).',
      },
    ]);
    expect(r.assumptions).toContainEqual(expect.objectContaining({ option: 'frenchDefaultRateFloor', value: 'false' }));
  });

  it('raises the default rate to 3 × the legal rate with frenchDefaultRateFloor', () => {
    // 2H2024 floored to 14.76 %: 2000 × 14.76 % × 11/365 = 8.8964…; 1H2025 stays 13.15 % (floor 11.13 %): 7.2054…
    // total 16.1019… → 16.10
    const r = computeInterest({ jurisdiction: 'FR', principal: eur('2000.00'), dueDate: '2024-12-20', until: '2025-01-10', options: { frenchDefaultRateFloor: true } });
    expect(r.segments.map((s) => [s.rate.percent, s.rate.floor?.percent, s.rate.floor?.applied])).toEqual([
      ['14.76', '14.76', true],
      ['13.15', '11.13', false],
    ]);
    expect(r.segments[0]!.rate.explanation).toBe(
      'ECB main refinancing rate 4.25 % on 2024-07-01 (2H2024) + 10 points = 14.25 %, raised to the floor of 3 × the legal interest rate for 2H2024 (3 × 4.92 % = 14.76 %) (option frenchDefaultRateFloor)',
    );
    expect(r.totals.interest).toEqual(eur('16.10'));
    expect(r.warnings).toEqual([]);
  });

  it.each([
    // LEGAL.md §3.1 penalty-rate table: default rate and minimum contractual rate (3 × legal rate)
    ['2023-01-01', '12.50', '6.18'],
    ['2023-07-01', '14.00', '12.66'],
    ['2024-01-01', '14.50', '15.21'],
    ['2024-07-01', '14.25', '14.76'],
    ['2025-01-01', '13.15', '11.13'],
    ['2025-07-01', '12.15', '8.28'],
    ['2026-01-01', '12.15', '7.86'],
  ])('half-year starting %s: default %s percent, floor %s percent', (start, defaultRate, floor) => {
    const request = { jurisdiction: 'FR' as const, principal: eur('100.00'), dueDate: addCalendarDays(start, -1), until: addCalendarDays(start, 5) };
    expect(computeInterest(request).segments[0]!.rate.percent).toBe(defaultRate);
    const contract = computeInterest({ ...request, terms: { interest: { kind: 'contractual', rate: { percent: '1', per: 'year' } } } });
    expect(contract.segments[0]!.rate.floor?.percent).toBe(floor);
  });

  it('does not apply against a consumer', () => {
    expect(() => computeInterest({ jurisdiction: 'FR', debtor: 'consumer', principal: eur('100.00'), dueDate: '2024-01-31', until: '2024-02-10' })).toThrow(
      "FR: late-payment penalties under Code de commerce L441-10 apply between professionals. Against a consumer, interest at the legal rate runs from a formal notice (mise en demeure, art. 1344-1 Code civil), which Overdue does not compute. Use the contract's own late-payment terms.",
    );
  });
});
