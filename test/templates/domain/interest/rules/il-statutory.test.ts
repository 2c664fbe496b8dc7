import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { RateUnavailableError } from '#domain/interest/interest-error.ts';

const ils = (amount: string) => ({ currency: 'ILS', amount });

describe('IL', () => {
  it('refuses statutory interest rather than guess', () => {
    const attempt = () => computeInterest({ jurisdiction: 'IL', principal: ils('10000.00'), dueDate: '2025-01-31', until: '2025-03-02' });
    expect(attempt).toThrow(RateUnavailableError);
    expect(attempt).toThrow(
      "IL: Israeli statutory interest and linkage (הפרשי הצמדה וריבית, ריבית פיגורים; Interest and Linkage Adjudication Law 1961) needs the CPI and the Accountant General's rates, and its method changed with Amendment 9 in force on 1 October 2024. These are not in Overdue's tables, so it is not computed rather than guessed. Use contractual terms (a contract rate), or ask an Israeli lawyer for the statutory figure.",
    );
  });

  it('computes a contractual monthly rate', () => {
    // 1.5 % a month = 18 % a year: 10000 × 18 % × 30/365 = 147.9452… → 147.95
    const r = computeInterest({
      jurisdiction: 'IL',
      principal: ils('10000.00'),
      dueDate: '2025-01-31',
      until: '2025-03-02',
      terms: { interest: { kind: 'contractual', rate: { percent: '1.5', per: 'month' } } },
    });
    expect(r.segments[0]!.rate).toEqual({
      percent: '18.00',
      kind: 'contractual',
      contractual: { percent: '1.5', per: 'month' },
      explanation: 'Contract rate 1.50 % a month (18.00 % a year)',
    });
    expect(r.totals.interest).toEqual(ils('147.95'));
  });
});
