import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestNotApplicableError } from '#domain/interest/interest-error.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

const eur = (amount: string) => ({ currency: 'EUR', amount });

describe('EU Directive 2011/7/EU minimum', () => {
  it('splits at 1 July and uses each half-year\'s ECB rate + 8', () => {
    // 21–30 Jun 2024 (10 days): MRO on 1 Jan 2024 = 4.50 % + 8 = 12.50 % → 10000 × 12.5 % × 10/365 = 34.2465…
    // 1–10 Jul 2024 (10 days): MRO on 1 Jul 2024 = 4.25 % (since 12 Jun) + 8 = 12.25 % → 33.5616…
    // total 67.8082… → 67.81, plus €40
    const r = computeInterest({ jurisdiction: 'EU', principal: eur('10000.00'), dueDate: '2024-06-20', until: '2024-07-10' });
    expect(r.rule).toMatchObject({ id: 'EU-statutory', rateModel: 'half-yearly' });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.rate.percent, s.interest.amount])).toEqual([
      ['2024-06-21', '2024-06-30', 10, '12.50', '34.25'],
      ['2024-07-01', '2024-07-10', 10, '12.25', '33.56'],
    ]);
    expect(r.totals.interest).toEqual(eur('67.81'));
    expect(r.totals.fixedCompensation).toEqual(eur('40.00'));
    expect(r.segments[1]!.rate.explanation).toBe('ECB main refinancing rate 4.25 % on 2024-07-01 (2H2024) + 8 points = 12.25 %');
  });

  it.each([
    // LEGAL.md §2: "Directive minimum rate by semester"
    ['2023-01-01', '10.50'],
    ['2023-07-01', '12.00'],
    ['2024-01-01', '12.50'],
    ['2024-07-01', '12.25'],
    ['2025-01-01', '11.15'],
    ['2025-07-01', '10.15'],
    ['2026-01-01', '10.15'],
  ])('half-year starting %s: %s percent', (start, percent) => {
    const r = computeInterest({ jurisdiction: 'EU', principal: eur('100.00'), dueDate: addCalendarDays(start, -1), until: addCalendarDays(start, 5) });
    expect(r.segments[0]!.rate.percent).toBe(percent);
  });

  it('is provisional for 2H2026, whose ECB rate on 1 July is not in the table', () => {
    const r = computeInterest({ jurisdiction: 'EU', principal: eur('1000.00'), dueDate: '2026-06-25', until: '2026-07-05' });
    expect(r.segments.map((s) => [s.rate.percent, s.provisional])).toEqual([
      ['10.15', false],
      ['10.15', true],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['rate-beyond-table']);
    expect(r.warnings[0]!.message).toMatch(/^ECB main refinancing operations rate is known only until 2026-02-05; for 2026-07-01 onwards/);
  });

  it('excludes consumer transactions', () => {
    expect(() => computeInterest({ jurisdiction: 'EU', debtor: 'consumer', principal: eur('100.00'), dueDate: '2024-01-31', until: '2024-02-10' })).toThrow(
      new InterestNotApplicableError(
        "EU: the Late Payment Directive 2011/7/EU covers commercial transactions only; consumer transactions are excluded. Use the contract's own late-payment terms or the Member State's civil-law interest.",
        'Directive 2011/7/EU art. 1(2)',
      ),
    );
  });
});
