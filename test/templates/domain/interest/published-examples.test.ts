import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { simpleInterest } from '#domain/interest/simple-interest.ts';

/**
 * Every published example of shared/LEGAL.md (top of the file), to the cent, under the rounding
 * mode it was published with. Each is checked twice: from the rate and days it states
 * (`simpleInterest`), and through the engine with dates that give those days and that rate
 * (statutory where a table rate equals the published one, contractual otherwise).
 */
describe('LEGAL.md published examples', () => {
  const gbp = (amount: string) => ({ currency: 'GBP', amount });
  const eur = (amount: string) => ({ currency: 'EUR', amount });

  it('UK: £1,000 at 8.25 % for 60 days → £13.56 (the GB statutory rate for 1H2022)', () => {
    // 1000 × 8.25 % × 60 / 365 = 13.5616… → 13.56
    expect(simpleInterest(gbp('1000.00'), '8.25', 60, 365)).toEqual(gbp('13.56'));
    // due 31 Jan 2022: interest from 1 Feb (1H2022 → Bank Rate on 31 Dec 2021 = 0.25 % + 8 = 8.25 %);
    // 1 Feb – 1 Apr 2022 = 28 + 31 + 1 = 60 days
    const r = computeInterest({ jurisdiction: 'GB', principal: gbp('1000.00'), dueDate: '2022-01-31', until: '2022-04-01' });
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({ days: 60, rate: { percent: '8.25' } });
    expect(r.totals.interest).toEqual(gbp('13.56'));
    expect(r.totals.fixedCompensation).toEqual(gbp('70.00')); // £1,000 is in the £1,000–£9,999.99 band
  });

  it('UK: £2,500 at 12.5 % for 30 days → £25.68', () => {
    // 2500 × 12.5 % × 30 / 365 = 25.6849… → 25.68
    expect(simpleInterest(gbp('2500.00'), '12.5', 30, 365)).toEqual(gbp('25.68'));
    const r = computeInterest({
      jurisdiction: 'GB',
      principal: gbp('2500.00'),
      dueDate: '2025-03-31',
      until: '2025-04-30', // 1–30 April = 30 days
      terms: { interest: { kind: 'contractual', rate: { percent: '12.5', per: 'year' } } },
    });
    expect(r.totals.interest).toEqual(gbp('25.68'));
  });

  it('UK: £500 at 12.5 % for 14 days → £2.40, plus £40 fixed compensation', () => {
    // 500 × 12.5 % × 14 / 365 = 2.3972… → 2.40; a debt under £1,000 → £40
    expect(simpleInterest(gbp('500.00'), '12.5', 14, 365)).toEqual(gbp('2.40'));
    const r = computeInterest({
      jurisdiction: 'GB',
      principal: gbp('500.00'),
      dueDate: '2025-03-31',
      until: '2025-04-14',
      terms: { interest: { kind: 'contractual', rate: { percent: '12.5', per: 'year' } }, fixedCompensation: true },
    });
    expect(r.totals.interest).toEqual(gbp('2.40'));
    expect(r.fixedCompensation).toEqual([
      { label: 'Fixed compensation: debt under £1,000', amount: gbp('40.00'), citation: 'Late Payment of Commercial Debts (Interest) Act 1998 s.5A', debt: gbp('500.00') },
    ]);
    expect(r.totals.charges).toEqual(gbp('42.40'));
  });

  it('France: 5 000 € at 10 % for 30 days → 41,10 €', () => {
    // 5000 × 10 % × 30 / 365 = 41.0958… → 41.10
    expect(simpleInterest(eur('5000.00'), '10', 30, 365)).toEqual(eur('41.10'));
    // a contractual 10 % in 2H2025 is above the floor (3 × 2.76 % = 8.28 %), so it applies as agreed
    const r = computeInterest({
      jurisdiction: 'FR',
      principal: eur('5000.00'),
      dueDate: '2025-09-30',
      until: '2025-10-30',
      terms: { interest: { kind: 'contractual', rate: { percent: '10', per: 'year' } } },
    });
    expect(r.segments[0]!.rate).toMatchObject({ percent: '10.00', floor: { percent: '8.28', applied: false } });
    expect(r.totals.interest).toEqual(eur('41.10'));
    expect(r.totals.fixedCompensation).toEqual(eur('40.00'));
  });

  it('France: 1 000 € at 14.5 % for 30 days → 11,92 € (the default rate for 1H2024)', () => {
    // 1000 × 14.5 % × 30 / 365 = 11.9178… → 11.92
    expect(simpleInterest(eur('1000.00'), '14.5', 30, 365)).toEqual(eur('11.92'));
    // due 29 Feb 2024: 1–30 March = 30 days, ECB MRO on 1 Jan 2024 = 4.50 % + 10 = 14.50 %
    const r = computeInterest({ jurisdiction: 'FR', principal: eur('1000.00'), dueDate: '2024-02-29', until: '2024-03-30' });
    expect(r.segments[0]).toMatchObject({ days: 30, rate: { percent: '14.50', reference: { table: 'ecb-mro', date: '2024-01-01', percent: '4.50' } } });
    expect(r.totals.interest).toEqual(eur('11.92'));
    expect(r.totals.fixedCompensation).toEqual(eur('40.00'));
  });

  it('Germany: 1 000 € (consumer), 5.12 %, 25 days → 3,51 €', () => {
    // 1000 × 5.12 % × 25 / 365 = 3.5068… → 3.51 (in a 365-day year; act/act gives the same)
    expect(simpleInterest(eur('1000.00'), '5.12', 25, 365)).toEqual(eur('3.51'));
    const r = computeInterest({
      jurisdiction: 'DE',
      debtor: 'consumer',
      principal: eur('1000.00'),
      dueDate: '2023-03-31',
      until: '2023-04-25',
      terms: { interest: { kind: 'contractual', rate: { percent: '5.12', per: 'year' } } },
    });
    expect(r.segments[0]!.dayCount).toEqual({ convention: 'act/act', days: 25, yearDays: 365 });
    expect(r.totals.interest).toEqual(eur('3.51'));
    expect(r.fixedCompensation).toEqual([]); // no 40 € against a consumer (§288(5))
  });

  it('gov.uk: £1,000 at 8.5 % for 50 days → £11.50 rounding the daily amount, £11.64 unrounded', () => {
    // daily 1000 × 8.5 % / 365 = 0.232876… → £0.23; × 50 = £11.50. Unrounded 11.6438… → 11.64
    expect(simpleInterest(gbp('1000.00'), '8.5', 50, 365, 'daily')).toEqual(gbp('11.50'));
    expect(simpleInterest(gbp('1000.00'), '8.5', 50, 365)).toEqual(gbp('11.64'));
    const request = {
      jurisdiction: 'GB' as const,
      principal: gbp('1000.00'),
      dueDate: '2025-03-31',
      until: '2025-05-20', // 30 days of April + 20 of May = 50
      terms: { interest: { kind: 'contractual' as const, rate: { percent: '8.5', per: 'year' as const } } },
    };
    const daily = computeInterest({ ...request, options: { rounding: 'daily' } });
    expect(daily.segments[0]).toMatchObject({ days: 50, dailyAmount: gbp('0.23'), interest: gbp('11.50'), unroundedInterest: '11.64383562' });
    expect(daily.totals.interest).toEqual(gbp('11.50'));
    expect(computeInterest(request).totals.interest).toEqual(gbp('11.64'));
  });
});
