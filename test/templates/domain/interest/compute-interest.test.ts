import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { roundMinor } from '#domain/money/round.ts';
import { addCalendarDays, daysBetween } from '#domain/time/plain-date.ts';

const gbp = (amount: string) => ({ currency: 'GBP', amount });

describe('computeInterest', () => {
  const gb = { jurisdiction: 'GB' as const, principal: gbp('1000.00'), dueDate: '2024-01-31', until: '2024-04-30' };

  it('a partial payment lowers the principal from the day after it is received', () => {
    // 13.25 % (Bank Rate 5.25 % on 31 Dec 2023 + 8). 1 Feb – 1 Mar (30 days, payment day included) on 1000:
    // 1000 × 13.25 % × 30/365 = 10.8904…; 2 Mar – 30 Apr (60 days) on 600: 600 × 13.25 % × 60/365 = 13.0684…
    // total 23.9589… → 23.96; + £70 (the debt was £1,000); due: 600 + 23.96 + 70 = 693.96
    const r = computeInterest({ ...gb, payments: [{ date: '2024-03-01', amount: gbp('400.00') }] });
    expect(r.payments).toEqual([{ date: '2024-03-01', amount: gbp('400.00'), reducesPrincipalFrom: '2024-03-02' }]);
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.base.amount, s.interest.amount, s.unroundedInterest])).toEqual([
      ['2024-02-01', '2024-03-01', 30, '1000.00', '10.89', '10.89041096'],
      ['2024-03-02', '2024-04-30', 60, '600.00', '13.07', '13.06849315'],
    ]);
    expect(r.totals).toEqual({
      interest: gbp('23.96'),
      fixedCompensation: gbp('70.00'),
      flatFee: gbp('0.00'),
      charges: gbp('93.96'),
      paid: gbp('400.00'),
      outstandingPrincipal: gbp('600.00'),
      amountDue: gbp('693.96'),
    });
    expect(r.interestPeriod).toEqual({ from: '2024-02-01', to: '2024-04-30', days: 90 });
  });

  it('paymentDay: not-interest-day lowers the principal on the payment day', () => {
    // 1 – 29 Feb (29 days) on 1000: 10.5273…; 1 Mar – 30 Apr (61 days) on 600: 13.2863…; total 23.8136… → 23.81
    const r = computeInterest({ ...gb, payments: [{ date: '2024-03-01', amount: gbp('400.00') }], options: { paymentDay: 'not-interest-day' } });
    expect(r.segments.map((s) => [s.from, s.to, s.base.amount])).toEqual([
      ['2024-02-01', '2024-02-29', '1000.00'],
      ['2024-03-01', '2024-04-30', '600.00'],
    ]);
    expect(r.totals.interest).toEqual(gbp('23.81'));
    expect(r.assumptions[0]).toMatchObject({ option: 'paymentDay', value: 'not-interest-day' });
  });

  it('stops when the principal is paid in full, and charges nothing when paid on time', () => {
    // paid in full on 15 Feb: 1 – 15 Feb = 15 days: 1000 × 13.25 % × 15/365 = 5.4452… → 5.45
    const r = computeInterest({ ...gb, payments: [{ date: '2024-02-15', amount: gbp('1000.00') }] });
    expect(r.segments.map((s) => [s.from, s.to])).toEqual([['2024-02-01', '2024-02-15']]);
    expect(r.totals).toMatchObject({ interest: gbp('5.45'), outstandingPrincipal: gbp('0.00'), amountDue: gbp('75.45') });
    const onTime = computeInterest({ ...gb, payments: [{ date: '2024-01-31', amount: gbp('1000.00') }] });
    expect(onTime).toMatchObject({ late: false, segments: [], fixedCompensation: [], flatFee: null });
    expect(onTime.totals.amountDue).toEqual(gbp('0.00'));
    // a part paid before the due date lowers the base from the start
    const early = computeInterest({ ...gb, payments: [{ date: '2024-01-15', amount: gbp('250.00') }] });
    expect(early.segments.map((s) => s.base.amount)).toEqual(['750.00']);
  });

  it('a debt paid the day after the due date is late even when that day earns no interest', () => {
    const r = computeInterest({ ...gb, payments: [{ date: '2024-02-01', amount: gbp('1000.00') }], options: { paymentDay: 'not-interest-day' } });
    expect(r).toMatchObject({ late: true, segments: [] });
    expect(r.totals).toMatchObject({ interest: gbp('0.00'), fixedCompensation: gbp('70.00') });
  });

  it('rounding modes: total, segment, daily', () => {
    // two segments (1000 for 30 days, 600 for 60 days) at 13.25 %:
    // total:   10.8904… + 13.0684… = 23.9589… → 23.96
    // segment: 10.89 + 13.07 = 23.96
    // daily:   1000 × 13.25 % / 365 = 0.3630… → 0.36 × 30 = 10.80; 600 × 13.25 % / 365 = 0.2178… → 0.22 × 60 = 13.20; 24.00
    const request = { ...gb, payments: [{ date: '2024-03-01', amount: gbp('400.00') }] };
    expect(computeInterest(request).totals.interest).toEqual(gbp('23.96'));
    expect(computeInterest({ ...request, options: { rounding: 'segment' } }).totals.interest).toEqual(gbp('23.96'));
    const daily = computeInterest({ ...request, options: { rounding: 'daily' } });
    expect(daily.segments.map((s) => [s.dailyAmount?.amount, s.interest.amount])).toEqual([
      ['0.36', '10.80'],
      ['0.22', '13.20'],
    ]);
    expect(daily.totals.interest).toEqual(gbp('24.00'));
    expect(daily.rounding.description).toBe('Each segment\'s daily amount is rounded half up to the minor unit, then multiplied by the days (the gov.uk illustration).');
  });

  it('handles currencies with 0 and 3 decimals', () => {
    // JPY: 1000000 × 10 % × 30/365 = 8219.17… → 8219
    const jpy = computeInterest({
      jurisdiction: 'US-NY',
      principal: { currency: 'JPY', amount: '1000000' },
      dueDate: '2025-01-31',
      until: '2025-03-02',
      terms: { interest: { kind: 'contractual', rate: { percent: '10', per: 'year' } } },
    });
    expect(jpy.totals.interest).toEqual({ currency: 'JPY', amount: '8219' });
    expect(jpy.segments[0]!.unroundedInterest).toBe('8219.178082');
    // KWD: 1000 × 10 % × 30/365 = 8.219178… → 8.219
    const kwd = computeInterest({
      jurisdiction: 'US-NY',
      principal: { currency: 'KWD', amount: '1000.000' },
      dueDate: '2025-01-31',
      until: '2025-03-02',
      terms: { interest: { kind: 'contractual', rate: { percent: '10', per: 'year' } } },
    });
    expect(kwd.totals.interest).toEqual({ currency: 'KWD', amount: '8.219' });
  });

  it('is plain JSON: a round trip changes nothing', () => {
    const r = computeInterest({ ...gb, reference: 'INV-007', payments: [{ date: '2024-03-01', amount: gbp('400.00') }] });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.reference).toBe('INV-007');
  });

  const date = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays('2022-01-01', n));
  const debt = fc.record({
    due: date,
    span: fc.integer({ min: 0, max: 600 }),
    principal: fc.integer({ min: 1, max: 10_000_000 }),
    payments: fc.array(fc.record({ offset: fc.integer({ min: -30, max: 600 }), share: fc.integer({ min: 1, max: 40 }) }), { maxLength: 4 }),
    percent: fc.integer({ min: 0, max: 500_000 }).map((n) => new Fraction(n, 10_000).toString()),
    jurisdiction: fc.constantFrom('GB' as const, 'DE' as const, 'RU' as const, 'FR' as const),
    rounding: fc.constantFrom('total' as const, 'segment' as const, 'daily' as const),
  });
  function build(d: { due: string; span: number; principal: number; payments: { offset: number; share: number }[]; percent: string; jurisdiction: 'GB' | 'DE' | 'RU' | 'FR'; rounding: 'total' | 'segment' | 'daily' }) {
    const currency = d.jurisdiction === 'GB' ? 'GBP' : d.jurisdiction === 'RU' ? 'RUB' : 'EUR';
    const until = addCalendarDays(d.due, d.span);
    let left = d.principal;
    const payments = d.payments
      .map((p) => ({ date: addCalendarDays(d.due, Math.min(p.offset, d.span)), minor: Math.max(1, Math.floor((d.principal * p.share) / 100)) }))
      .filter((p) => {
        if (p.minor > left) return false;
        left -= p.minor;
        return true;
      })
      .map((p) => ({ date: p.date, amount: { currency, amount: (p.minor / 100).toFixed(2) } }));
    return {
      jurisdiction: d.jurisdiction,
      principal: { currency, amount: (d.principal / 100).toFixed(2) },
      dueDate: d.due,
      until,
      payments,
      terms: { interest: { kind: 'contractual' as const, rate: { percent: d.percent, per: 'year' as const } } },
      options: { rounding: d.rounding },
    };
  }
  const cents = (m: { amount: string }) => Math.round(Number(m.amount) * 100);

  it('property: segments tile the late days, bases fall, figures add up to the totals', () => {
    fc.assert(
      fc.property(debt, (d) => {
        const r = computeInterest(build(d));
        const sum = r.segments.reduce((s, x) => s + cents(x.interest), 0);
        expect(sum).toBe(cents(r.totals.interest));
        expect(cents(r.totals.amountDue)).toBe(cents(r.totals.outstandingPrincipal) + cents(r.totals.charges));
        r.segments.forEach((s, i) => {
          expect(s.days).toBe(daysBetween(s.from, s.to) + 1);
          const next = r.segments[i + 1];
          if (next) {
            expect(next.from).toBe(addCalendarDays(s.to, 1));
            expect(cents(next.base)).toBeLessThanOrEqual(cents(s.base));
          }
          // every shown figure within one cent of the exact one, except daily rounding (up to ½ cent a day)
          const off = Math.abs(cents(s.interest) - Number(s.unroundedInterest) * 100);
          expect(off).toBeLessThanOrEqual(d.rounding === 'daily' ? s.dayCount.days / 2 + 0.01 : 1);
        });
        const request = build(d);
        const first = addCalendarDays(d.due, 1);
        const unpaidAfterDue = request.payments.reduce((b, p) => (p.date <= d.due ? b - cents(p.amount) : b), d.principal);
        expect(r.late).toBe(d.span >= 1 && unpaidAfterDue > 0);
        expect(r.segments.length > 0).toBe(r.late); // the payment day is an interest day (default)
        if (r.segments.length > 0) expect(r.segments[0]!.from).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the total equals a day-by-day sum (payment day counted; act/365 in GB, 365/366 in RU)', () => {
    fc.assert(
      fc.property(debt, (d) => {
        const request = build({ ...d, rounding: 'total', jurisdiction: d.jurisdiction === 'RU' ? 'RU' : 'GB' });
        const r = computeInterest(request);
        // the oracle: every late day on its own, base = principal − payments received before that day
        let exact = new Fraction(0);
        for (let day = addCalendarDays(request.dueDate, 1); day <= request.until; day = addCalendarDays(day, 1)) {
          const base = request.payments.reduce((b, p) => (p.date < day ? b - cents(p.amount) : b), d.principal);
          const year = Number(day.slice(0, 4));
          const yearDays = request.jurisdiction === 'RU' && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 366 : 365;
          exact = exact.add(new Fraction(base).mul(new Fraction(d.percent)).div(100 * yearDays));
        }
        expect(cents(r.totals.interest)).toBe(Number(roundMinor(exact, 'halfUp')));
      }),
      { numRuns: 200 },
    );
  });

  it('property: a later until never lowers the interest; an extra payment never raises it', () => {
    fc.assert(
      fc.property(debt, fc.integer({ min: 1, max: 100 }), (d, extra) => {
        const request = { ...build({ ...d, rounding: 'total' }) };
        const base = cents(computeInterest(request).totals.interest);
        const later = cents(computeInterest({ ...request, until: addCalendarDays(request.until, extra) }).totals.interest);
        expect(later).toBeGreaterThanOrEqual(base);
        const fewer = cents(computeInterest({ ...request, payments: request.payments.slice(1) }).totals.interest);
        expect(fewer).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 100 },
    );
  });
});
