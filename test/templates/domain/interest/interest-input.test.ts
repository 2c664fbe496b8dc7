import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestInputError } from '#domain/interest/interest-error.ts';
import { InterestInputSchema, parseInterestInput } from '#domain/interest/interest-input.ts';

const valid = {
  jurisdiction: 'GB' as const,
  principal: { currency: 'GBP', amount: '1000.00' },
  dueDate: '2024-01-31',
  until: '2024-04-30',
};

/** The message computeInterest throws for `request`, and checks it is an InterestInputError. */
function messageOf(request: unknown): string {
  try {
    computeInterest(request as never);
  } catch (error) {
    expect(error).toBeInstanceOf(InterestInputError);
    return (error as InterestInputError).message;
  }
  throw new Error('computeInterest accepted the request');
}

describe('interest input validation', () => {
  it('fills the defaults', () => {
    expect(parseInterestInput(valid)).toEqual({
      ...valid,
      payments: [],
      debtor: 'business',
      terms: { interest: { kind: 'statutory' }, fixedCompensation: true, penaltyClause: false },
      options: { rounding: 'total', leapYearDivisor: '365', germanDayCount: 'act/act', paymentDay: 'interest-day', frenchDefaultRateFloor: false, beyondRateTable: 'assume-last-known' },
    });
  });

  it('accepts amounts whose float × 100 is not an integer (19.99, 1.15)', () => {
    const r = computeInterest({ ...valid, principal: { currency: 'GBP', amount: '19.99' }, payments: [{ date: '2024-02-10', amount: { currency: 'GBP', amount: '1.15' } }] });
    expect(r.totals.outstandingPrincipal).toEqual({ currency: 'GBP', amount: '18.84' });
  });

  it.each([
    ['a negative principal', { principal: { currency: 'GBP', amount: '-100.00' } }, 'principal.amount: must not be negative (-100.00)'],
    ['a zero principal', { principal: { currency: 'GBP', amount: '0.00' } }, 'principal.amount: must be more than zero'],
    ['too many decimals', { principal: { currency: 'GBP', amount: '10.005' } }, 'principal.amount: GBP has 2 decimal places, 10.005 has 3'],
    ['a thousands separator', { principal: { currency: 'GBP', amount: '1,000.00' } }, 'principal.amount: must be a decimal number such as 1250 or 1250.50 (a dot, no spaces or thousands separators)'],
    ['an unknown currency', { principal: { currency: 'XYZ', amount: '1.00' } }, 'principal.currency: is not an ISO 4217 currency code (for example EUR, GBP, USD, ILS, RUB)'],
    ['an unknown jurisdiction', { jurisdiction: 'ES' }, 'jurisdiction: must be one of GB, EU, FR, DE, RU, IL, US-NY, US-CA'],
    ['until before the due date', { until: '2024-01-01' }, 'until: 2024-01-01 is before the due date 2024-01-31'],
    ['an impossible date', { dueDate: '2024-02-30' }, 'dueDate: is not a real calendar date'],
    [
      'a payment after until',
      { payments: [{ date: '2024-05-01', amount: { currency: 'GBP', amount: '10.00' } }] },
      'payments[0].date: 2024-05-01 is after the date interest is computed to (until 2024-04-30)',
    ],
    ['a payment in another currency', { payments: [{ date: '2024-03-01', amount: { currency: 'EUR', amount: '10.00' } }] }, "payments[0].amount.currency: must be GBP, the principal's currency"],
    ['a zero payment', { payments: [{ date: '2024-03-01', amount: { currency: 'GBP', amount: '0' } }] }, 'payments[0].amount.amount: must be more than zero'],
    [
      'payments above the principal',
      {
        payments: [
          { date: '2024-03-01', amount: { currency: 'GBP', amount: '600.00' } },
          { date: '2024-02-01', amount: { currency: 'GBP', amount: '500.00' } },
        ],
      },
      'payments[0].amount.amount: payments up to 2024-03-01 total 1100.00, more than the principal 1000.00 (payments reduce the principal; leave out payments of interest)',
    ],
    [
      'GB statutory interest on a EUR debt',
      { principal: { currency: 'EUR', amount: '1000.00' } },
      'principal.currency: GB statutory interest is computed for debts in GBP, not EUR (use contractual terms for a debt in another currency)',
    ],
    [
      'FR statutory interest on a GBP debt',
      { jurisdiction: 'FR' },
      'principal.currency: FR statutory interest is computed for debts in EUR, not GBP (use contractual terms for a debt in another currency)',
    ],
    [
      'RU statutory interest on a USD debt',
      { jurisdiction: 'RU', principal: { currency: 'USD', amount: '1000.00' } },
      'principal.currency: RU statutory interest is computed for debts in RUB, not USD (use contractual terms for a debt in another currency)',
    ],
    [
      'a fixed sum in GBP on a EUR debt with a contract rate',
      { principal: { currency: 'EUR', amount: '1000.00' }, terms: { interest: { kind: 'contractual', rate: { percent: '8', per: 'year' } } } },
      'principal.currency: GB fixed compensation is a sum in GBP and cannot be added to a EUR debt (set terms.fixedCompensation to false)',
    ],
    ['a penalty clause outside Russia', { terms: { interest: { kind: 'statutory' }, penaltyClause: true } }, 'terms.penaltyClause: only applies to contracts under Russian law (RU)'],
    ['a flat fee in another currency', { terms: { interest: { kind: 'none' }, flatFee: { currency: 'EUR', amount: '10.00' } } }, "terms.flatFee.currency: must be GBP, the principal's currency"],
    ['an unknown interest kind', { terms: { interest: { kind: 'penalty' } } }, 'terms.interest.kind: kind must be statutory, contractual or none'],
    ['a rate above 200 %', { terms: { interest: { kind: 'contractual', rate: { percent: '250', per: 'year' } } } }, 'terms.interest.rate.percent: must be at most 200 %'],
    ['an unknown option value', { options: { rounding: 'bankers' } }, 'options.rounding: must be total, segment or daily'],
    ['an unknown option', { options: { roundingMode: 'total' } }, 'options: has unknown field roundingMode'],
    ['an unknown field', { interestRate: 8 }, 'has unknown field interestRate'],
    ['a missing field', { until: undefined }, 'until: is required'],
  ])('refuses %s', (_what, change, message) => {
    expect(messageOf({ ...valid, ...change })).toBe(message);
  });

  it('lists every problem at once', () => {
    expect(messageOf({ ...valid, jurisdiction: 'XX', principal: { currency: 'GBP', amount: '-1' }, dueDate: 'tomorrow' })).toBe(
      // (PlainDateSchema reports both of its checks for a non-date)
      'principal.amount: must not be negative (-1); dueDate: must be a date written YYYY-MM-DD; jurisdiction: must be one of GB, EU, FR, DE, RU, IL, US-NY, US-CA',
    );
  });

  it('carries field errors for the API', () => {
    const parsed = InterestInputSchema.safeParse({ ...valid, until: '2024-01-01' });
    expect(parsed.success).toBe(false);
    try {
      parseInterestInput({ ...valid, until: '2024-01-01' });
    } catch (error) {
      expect((error as InterestInputError).issues).toEqual([{ path: 'until', message: '2024-01-01 is before the due date 2024-01-31' }]);
      expect((error as InterestInputError).code).toBe('invalid-input');
    }
  });
});
