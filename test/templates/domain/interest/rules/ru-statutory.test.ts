import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestNotApplicableError, RateUnavailableError } from '#domain/interest/interest-error.ts';

const rub = (amount: string) => ({ currency: 'RUB', amount });

describe('RU ст. 395 ГК РФ', () => {
  it('splits at the year end: 366 days in 2024, 365 in 2025', () => {
    // 21–31 Dec 2024 (11 days, 2024 has 366): 100000 × 21 % × 11/366 = 631.1475…
    // 1–10 Jan 2025 (10 days, 365):           100000 × 21 % × 10/365 = 575.3424…
    // total 1206.4900… → 1206.49; per segment 631.15 + 575.34 = 1206.49
    const r = computeInterest({ jurisdiction: 'RU', principal: rub('100000.00'), dueDate: '2024-12-20', until: '2025-01-10', options: { rounding: 'segment' } });
    expect(r.rule).toMatchObject({ id: 'RU-statutory', rateModel: 'each-change' });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.dayCount.yearDays, s.rate.percent, s.interest.amount])).toEqual([
      ['2024-12-21', '2024-12-31', 11, 366, '21.00', '631.15'],
      ['2025-01-01', '2025-01-10', 10, 365, '21.00', '575.34'],
    ]);
    expect(r.totals.interest).toEqual(rub('1206.49'));
    expect(r.fixedCompensation).toEqual([]);
    expect(r.assumptions).toEqual([]); // nothing uncertain was decided: act/act is settled law in Russia
  });

  it('splits at every key-rate change', () => {
    // 2–8 Jun 2025 (7 days) at 21 %: 100000 × 21 % × 7/365 = 402.7397…
    // 9–15 Jun 2025 (7 days) at 20 % (from 9 Jun): 100000 × 20 % × 7/365 = 383.5616…; total 786.3013… → 786.30
    const r = computeInterest({ jurisdiction: 'RU', principal: rub('100000.00'), dueDate: '2025-06-01', until: '2025-06-15' });
    expect(r.segments.map((s) => [s.from, s.to, s.rate.percent, s.rate.reference?.entryFrom])).toEqual([
      ['2025-06-02', '2025-06-08', '21.00', '2024-10-28'],
      ['2025-06-09', '2025-06-15', '20.00', '2025-06-09'],
    ]);
    expect(r.totals.interest).toEqual(rub('786.30'));
    expect(r.rateEntries.map((e) => [e.table, e.from, e.percent])).toEqual([
      ['ru-key-rate', '2024-10-28', '21.00'],
      ['ru-key-rate', '2025-06-09', '20.00'],
    ]);
  });

  it('a partial payment lowers the debt from the day after it (payment day counted, п. 3)', () => {
    // 2–8 Jun at 21 % on 100000: 402.7397…; payment of 40000 on 8 Jun → 60000 from 9 Jun;
    // 9–15 Jun at 20 % on 60000: 60000 × 20 % × 7/365 = 230.1369…; total 632.8767… → 632.88
    const r = computeInterest({
      jurisdiction: 'RU',
      principal: rub('100000.00'),
      dueDate: '2025-06-01',
      until: '2025-06-15',
      payments: [{ date: '2025-06-08', amount: rub('40000.00') }],
    });
    expect(r.segments.map((s) => [s.from, s.to, s.base.amount])).toEqual([
      ['2025-06-02', '2025-06-08', '100000.00'],
      ['2025-06-09', '2025-06-15', '60000.00'],
    ]);
    expect(r.totals.interest).toEqual(rub('632.88'));
    expect(r.totals.amountDue).toEqual(rub('60632.88'));
  });

  it('warns when the period overlaps the 2022 moratorium', () => {
    // 2 Mar – 10 Apr 2022 (40 days) at 20 %: 2191.7808…; 11–15 Apr (5 days) at 17 %: 232.8767…; total 2424.66
    const r = computeInterest({ jurisdiction: 'RU', principal: rub('100000.00'), dueDate: '2022-03-01', until: '2022-04-15' });
    expect(r.totals.interest).toEqual(rub('2424.66'));
    expect(r.warnings.map((w) => w.code)).toEqual(['moratorium-2022']);
  });

  it('carries the last key rate forward past the table, in its own provisional segment', () => {
    // the table is valid until 23 Mar 2026 (15 %): 24 Mar onwards is provisional
    const r = computeInterest({ jurisdiction: 'RU', principal: rub('10000.00'), dueDate: '2026-03-20', until: '2026-03-30' });
    expect(r.segments.map((s) => [s.from, s.to, s.rate.percent, s.provisional])).toEqual([
      ['2026-03-21', '2026-03-22', '15.50', false],
      ['2026-03-23', '2026-03-23', '15.00', false],
      ['2026-03-24', '2026-03-30', '15.00', true],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['rate-beyond-table']);
    expect(() => computeInterest({ jurisdiction: 'RU', principal: rub('10000.00'), dueDate: '2026-03-20', until: '2026-03-30', options: { beyondRateTable: 'refuse' } })).toThrow(
      RateUnavailableError,
    );
  });

  it('is not applicable when the contract sets its own penalty (п. 4)', () => {
    const attempt = () =>
      computeInterest({ jurisdiction: 'RU', principal: rub('1000.00'), dueDate: '2025-06-01', until: '2025-06-15', terms: { interest: { kind: 'statutory' }, penaltyClause: true } });
    expect(attempt).toThrow(
      new InterestNotApplicableError(
        'RU: the contract sets its own penalty (неустойка) for late payment, so interest under ст. 395 ГК РФ is not recoverable (ст. 395 п. 4). Claim the contractual penalty instead (contractual terms).',
        'ГК РФ ст. 395 п. 4',
      ),
    );
    // the contractual penalty itself is computed
    const contract = computeInterest({
      jurisdiction: 'RU',
      principal: rub('1000.00'),
      dueDate: '2025-06-01',
      until: '2025-06-15',
      terms: { interest: { kind: 'contractual', rate: { percent: '36.5', per: 'year' } }, penaltyClause: true },
    });
    expect(contract.totals.interest).toEqual(rub('14.00')); // 1000 × 36.5 % × 14/365 = 14
  });

  it('refuses a date before the table', () => {
    expect(() => computeInterest({ jurisdiction: 'RU', principal: rub('1000.00'), dueDate: '2022-02-01', until: '2022-03-15' })).toThrow(
      'No Bank of Russia key rate (ключевая ставка) for 2022-02-02: the table (rates/ru-key-rate.json) starts on 2022-02-28, so interest under ст. 395 from 2022-02-02 cannot be computed',
    );
  });
});
