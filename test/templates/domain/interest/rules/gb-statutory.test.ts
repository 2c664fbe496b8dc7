import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestNotApplicableError, RateUnavailableError } from '#domain/interest/interest-error.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

const gbp = (amount: string) => ({ currency: 'GBP', amount });

describe('GB statutory interest (Late Payment of Commercial Debts (Interest) Act 1998)', () => {
  it('fixes the rate for the whole delay, through Bank Rate changes and a year end', () => {
    // due 30 Jun 2024 → interest from 1 Jul 2024 (2H2024) → Bank Rate on 30 Jun 2024 = 5.25 % + 8 = 13.25 %.
    // Bank Rate fell on 1 Aug and 7 Nov 2024: no effect. 1 Jul 2024 – 31 Jan 2025 = 184 + 31 = 215 days.
    // 5000 × 13.25 % × 215 / 365 = 390.2397… → 390.24; debt £5,000 → £70
    const r = computeInterest({ jurisdiction: 'GB', principal: gbp('5000.00'), dueDate: '2024-06-30', until: '2025-01-31' });
    expect(r.rule.rateModel).toBe('fixed-for-whole-delay');
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({
      from: '2024-07-01',
      to: '2025-01-31',
      days: 215,
      rate: {
        percent: '13.25',
        margin: '8',
        reference: { table: 'gb-bank-rate', date: '2024-06-30', entryFrom: '2023-08-03', percent: '5.25', provisional: false },
        explanation: 'Bank Rate 5.25 % on 2024-06-30 (the reference date before interest started on 2024-07-01) + 8 points = 13.25 %, fixed for the whole delay',
      },
    });
    expect(r.totals.interest).toEqual(gbp('390.24'));
    expect(r.totals.amountDue).toEqual(gbp('5460.24')); // 5000 + 390.24 + 70
  });

  it.each([
    // [due date (interest starts the next day), statutory rate] — LEGAL.md §1.2, "Statutory late-payment rate by when interest starts"
    ['2019-12-31', '8.75'], // 1H2020: 0.75 % on 31 Dec 2019
    ['2020-06-30', '8.10'], // 2H2020: 0.10 % on 30 Jun 2020
    ['2020-12-31', '8.10'],
    ['2021-06-30', '8.10'],
    ['2021-12-31', '8.25'], // 0.25 % from 16 Dec 2021
    ['2022-06-30', '9.25'],
    ['2022-12-31', '11.50'],
    ['2023-06-30', '13.00'],
    ['2023-12-31', '13.25'],
    ['2024-06-30', '13.25'],
    ['2024-12-31', '12.75'],
    ['2025-06-30', '12.25'],
    ['2025-12-31', '11.75'],
    ['2025-06-29', '12.75'], // interest starting 30 Jun 2025 is still 1H2025
  ])('due %s → %s percent', (due, percent) => {
    const r = computeInterest({ jurisdiction: 'GB', principal: gbp('100.00'), dueDate: due, until: addCalendarDays(due, 10) });
    expect(r.segments[0]!.rate.percent).toBe(percent);
    expect(r.warnings).toEqual([]);
  });

  it('divides by 365 in a leap year by default, by 366 with leapYearDivisor: actual', () => {
    // due 15 Dec 2023 → 2H2023 → Bank Rate on 30 Jun 2023 = 5.00 % + 8 = 13 %; 16 Dec 2023 – 15 Jan 2024 = 31 days
    const request = { jurisdiction: 'GB' as const, principal: gbp('1000.00'), dueDate: '2023-12-15', until: '2024-01-15' };
    // 365: 1000 × 13 % × 31 / 365 = 11.0410… → 11.04, one segment
    const fixed = computeInterest(request);
    expect(fixed.segments.map((s) => s.dayCount)).toEqual([{ convention: 'act/365', days: 31, yearDays: 365 }]);
    expect(fixed.totals.interest).toEqual(gbp('11.04'));
    expect(fixed.assumptions.map((a) => `${a.option}=${a.value}`)).toEqual(['leapYearDivisor=365']);
    // actual: split at the year end; 1000 × 13 % × (16/365 + 15/366) = 5.6986… + 5.3278… = 11.0264… → 11.03
    const actual = computeInterest({ ...request, options: { leapYearDivisor: 'actual' } });
    expect(actual.segments.map((s) => [s.from, s.to, s.dayCount.yearDays, s.interest.amount])).toEqual([
      ['2023-12-16', '2023-12-31', 365, '5.70'],
      ['2024-01-01', '2024-01-15', 366, '5.33'],
    ]);
    expect(actual.totals.interest).toEqual(gbp('11.03'));
  });

  it('warns and marks provisional when the reference rate is past the table (2H2026), or refuses on request', () => {
    // due 10 Jul 2026 → 2H2026 → Bank Rate on 30 Jun 2026: the table is valid until 30 Apr 2026.
    // Assumed 3.75 % + 8 = 11.75 %: 1000 × 11.75 % × 30 / 365 = 9.6575… → 9.66
    const request = { jurisdiction: 'GB' as const, principal: gbp('1000.00'), dueDate: '2026-07-10', until: '2026-08-09' };
    const r = computeInterest(request);
    expect(r.segments[0]).toMatchObject({ provisional: true, rate: { percent: '11.75', reference: { date: '2026-06-30', provisional: true } } });
    expect(r.totals.interest).toEqual(gbp('9.66'));
    expect(r.warnings).toEqual([
      {
        code: 'rate-beyond-table',
        message:
          'Bank of England Bank Rate is known only until 2026-04-30; for 2026-06-30 onwards the last known rate, 3.75 %, is assumed and the segments using it are marked provisional. Held at 3.75 % on 5 Feb, 19 Mar and 30 Apr 2026; no later decision was checked. The reference rate for interest starting in 2H2026 (Bank Rate on 30 Jun 2026) is not known. Add the new figure to templates/domain/interest/rates/gb-bank-rate.json and compute again.',
      },
    ]);
    expect(() => computeInterest({ ...request, options: { beyondRateTable: 'refuse' } })).toThrow(
      new RateUnavailableError(
        'The Bank of England Bank Rate for 2026-06-30 is not known: rates/gb-bank-rate.json is valid until 2026-04-30, so GB statutory interest starting 2026-07-11 is refused (option beyondRateTable: refuse). Held at 3.75 % on 5 Feb, 19 Mar and 30 Apr 2026; no later decision was checked. The reference rate for interest starting in 2H2026 (Bank Rate on 30 Jun 2026) is not known.',
      ),
    );
  });

  it('does not look a rate up, nor warn, when the debt was not late', () => {
    const r = computeInterest({ jurisdiction: 'GB', principal: gbp('1000.00'), dueDate: '2026-07-10', until: '2026-07-10' });
    expect(r).toMatchObject({ late: false, interestPeriod: null, segments: [], fixedCompensation: [], warnings: [] });
    expect(r.totals.amountDue).toEqual(gbp('1000.00'));
  });

  it('refuses a reference date before the table', () => {
    expect(() => computeInterest({ jurisdiction: 'GB', principal: gbp('1000.00'), dueDate: '2019-06-30', until: '2019-08-01' })).toThrow(
      new RateUnavailableError(
        'No Bank of England Bank Rate for 2019-06-30: the table (rates/gb-bank-rate.json) starts on 2019-12-31, so GB statutory interest starting 2019-07-01 cannot be computed',
      ),
    );
  });

  it('does not apply against a consumer', () => {
    const attempt = () => computeInterest({ jurisdiction: 'GB', debtor: 'consumer', principal: gbp('1000.00'), dueDate: '2024-01-31', until: '2024-04-30' });
    expect(attempt).toThrow(InterestNotApplicableError);
    expect(attempt).toThrow(
      "GB: statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 applies only between businesses, not against a consumer. Use the contract's own late-payment terms, or the interest a court may award on a claim (usually 8 % simple).",
    );
  });

  it.each([
    ['999.99', '40.00'],
    ['1000.00', '70.00'],
    ['9999.99', '70.00'],
    ['10000.00', '100.00'],
  ])('fixed compensation for a £%s debt is £%s', (debt, compensation) => {
    const r = computeInterest({ jurisdiction: 'GB', principal: gbp(debt), dueDate: '2024-01-31', until: '2024-02-01' });
    expect(r.totals.fixedCompensation).toEqual(gbp(compensation));
  });
});

