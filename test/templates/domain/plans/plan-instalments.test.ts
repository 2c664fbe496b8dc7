import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planInstalments } from '#domain/plans/plan-instalments.ts';
import { PaymentPlanSchema, SettlementSchema } from '#domain/schemas/payment-plan.ts';

describe('planInstalments', () => {
  it('pays 10,000 as 20 monthly payments of 500', () => {
    const plan = planInstalments({ currency: 'EUR', amount: '10000.00' }, { count: 20, firstDueDate: '2026-01-31', frequency: 'monthly' });
    expect(plan).toHaveLength(20);
    expect(new Set(plan.map((p) => p.amount.amount))).toEqual(new Set(['500.00']));
    expect(plan.slice(0, 4).map((p) => p.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(plan[19]!.dueDate).toBe('2027-08-31');
    expect(PaymentPlanSchema.safeParse({ total: { currency: 'EUR', amount: '10000.00' }, frequency: 'monthly', instalments: plan }).success).toBe(true);
  });
  it('splits uneven amounts exactly, the first instalments taking the extra cent', () => {
    const plan = planInstalments({ currency: 'EUR', amount: '100.00' }, { count: 3, firstDueDate: '2026-05-01', frequency: 'fortnightly' });
    expect(plan.map((p) => [p.dueDate, p.amount.amount])).toEqual([
      ['2026-05-01', '33.34'],
      ['2026-05-15', '33.33'],
      ['2026-05-29', '33.33'],
    ]);
  });
  it('adds up for any balance and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 10 }), fc.integer({ min: 1, max: 120 }), (minor, count) => {
        const plan = planInstalments({ currency: 'EUR', amount: (minor / 100).toFixed(2) }, { count, firstDueDate: '2026-01-15', frequency: 'weekly' });
        expect(plan.reduce((s, p) => s + Math.round(Number(p.amount.amount) * 100), 0)).toBe(minor);
        for (let i = 1; i < plan.length; i++) expect(plan[i]!.dueDate > plan[i - 1]!.dueDate).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('refuses impossible counts', () => {
    expect(() => planInstalments({ currency: 'EUR', amount: '1.00' }, { count: 0, firstDueDate: '2026-01-01', frequency: 'monthly' })).toThrow(
      'An instalment plan has 1 to 120 instalments, not 0',
    );
  });
});

describe('SettlementSchema', () => {
  it('accepts 6,000 in full and final payment of 10,000', () => {
    expect(SettlementSchema.safeParse({ accept: { currency: 'EUR', amount: '6000' }, inFullOf: { currency: 'EUR', amount: '10000' }, payBy: '2026-06-30' }).success).toBe(true);
  });
  it('refuses an offer that is not a reduction', () => {
    const error = SettlementSchema.safeParse({ accept: { currency: 'EUR', amount: '10000' }, inFullOf: { currency: 'EUR', amount: '10000' }, payBy: '2026-06-30' }).error;
    expect(error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['accept.amount: must be more than 0 and less than the debt 10000']);
  });
});
