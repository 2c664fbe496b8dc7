import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestNotApplicableError } from '#domain/interest/interest-error.ts';

const usd = (amount: string) => ({ currency: 'USD', amount });

describe('US statutory rates', () => {
  it('New York: 9 % (CPLR 5004)', () => {
    // 10000 × 9 % × 30/365 = 73.9726… → 73.97; no fixed compensation in the US
    const r = computeInterest({ jurisdiction: 'US-NY', principal: usd('10000.00'), dueDate: '2025-01-31', until: '2025-03-02' });
    expect(r.rule).toMatchObject({ id: 'US-NY-statutory', citation: 'N.Y. CPLR 5001(a), 5004', rateModel: 'fixed' });
    expect(r.segments[0]).toMatchObject({ days: 30, rate: { percent: '9', kind: 'statutory-fixed' } });
    expect(r.totals.interest).toEqual(usd('73.97'));
    expect(r.fixedCompensation).toEqual([]);
    expect(r.rateEntries).toEqual([
      expect.objectContaining({ table: 'us-statutory-rates', from: null, percent: '9', source: 'Lexology; newyorkappellatedigest (N.Y. CPLR 5001(a), 5004)' }),
    ]);
  });

  it('California: 10 % after breach (§3289(b)), also against a consumer', () => {
    // 10000 × 10 % × 30/365 = 82.1917… → 82.19
    const r = computeInterest({ jurisdiction: 'US-CA', debtor: 'consumer', principal: usd('10000.00'), dueDate: '2025-01-31', until: '2025-03-02' });
    expect(r.totals.interest).toEqual(usd('82.19'));
  });

  it('New York against a consumer: refused (a different rate since 2022, not in the tables)', () => {
    expect(() => computeInterest({ jurisdiction: 'US-NY', debtor: 'consumer', principal: usd('100.00'), dueDate: '2025-01-31', until: '2025-03-02' })).toThrow(
      InterestNotApplicableError,
    );
  });

  it('days after the figures were last checked are provisional', () => {
    const r = computeInterest({ jurisdiction: 'US-CA', principal: usd('1000.00'), dueDate: '2026-04-20', until: '2026-05-10' });
    expect(r.segments.map((s) => [s.from, s.to, s.provisional])).toEqual([
      ['2026-04-21', '2026-05-01', false],
      ['2026-05-02', '2026-05-10', true],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['rate-beyond-table']);
  });
});
