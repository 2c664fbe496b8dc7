import { describe, expect, it } from 'vitest';
import { InterestInputError, InterestNotApplicableError } from '#domain/interest/interest-error.ts';
import { interestForInvoices } from '#domain/interest/interest-for-invoices.ts';

const gbp = (amount: string) => ({ currency: 'GBP', amount });

describe('interestForInvoices', () => {
  it('adds invoices up, with fixed compensation per invoice', () => {
    // INV-1: £500, 13.25 % (1H2024), 1 Feb – 30 Apr = 90 days: 500 × 13.25 % × 90/365 = 16.3356… → 16.34; £40
    // INV-2: £2,500, 2H2024 13.25 %, 1 Jul – 30 Sep = 92 days: 2500 × 13.25 % × 92/365 = 83.4931… → 83.49; £70
    const summary = interestForInvoices([
      { reference: 'INV-1', jurisdiction: 'GB', principal: gbp('500.00'), dueDate: '2024-01-31', until: '2024-04-30' },
      { reference: 'INV-2', jurisdiction: 'GB', principal: gbp('2500.00'), dueDate: '2024-06-30', until: '2024-09-30' },
    ]);
    expect(summary.invoices.map((r) => [r.reference, r.totals.interest.amount, r.totals.fixedCompensation.amount])).toEqual([
      ['INV-1', '16.34', '40.00'],
      ['INV-2', '83.49', '70.00'],
    ]);
    expect(summary.totals).toEqual({
      principal: gbp('3000.00'),
      paid: gbp('0.00'),
      outstandingPrincipal: gbp('3000.00'),
      interest: gbp('99.83'),
      fixedCompensation: gbp('110.00'),
      flatFee: gbp('0.00'),
      charges: gbp('209.83'),
      amountDue: gbp('3209.83'),
    });
    expect(summary.currency).toBe('GBP');
  });

  it('keeps each warning with its invoice', () => {
    const summary = interestForInvoices([
      { reference: 'A', jurisdiction: 'GB', principal: gbp('100.00'), dueDate: '2024-01-31', until: '2024-02-10' },
      { reference: 'B', jurisdiction: 'GB', principal: gbp('100.00'), dueDate: '2026-07-10', until: '2026-07-20' },
    ]);
    expect(summary.warnings.map((w) => [w.invoice, w.reference, w.code])).toEqual([[1, 'B', 'rate-beyond-table']]);
  });

  it('refuses mixed currencies, an empty list, and names the invoice at fault', () => {
    expect(() =>
      interestForInvoices([
        { jurisdiction: 'GB', principal: gbp('100.00'), dueDate: '2024-01-31', until: '2024-02-10' },
        { jurisdiction: 'FR', principal: { currency: 'EUR', amount: '100.00' }, dueDate: '2024-01-31', until: '2024-02-10' },
      ]),
    ).toThrow(new InterestInputError([{ path: 'invoices[1].principal.currency', message: 'must be GBP like invoices[0]: the totals are added in one currency' }]));
    expect(() => interestForInvoices([])).toThrow('invoices: needs at least one invoice');
    expect(() => interestForInvoices([{ jurisdiction: 'GB', principal: gbp('100.00'), dueDate: '2024-01-31', until: '2024-01-01' }])).toThrow(
      'invoices[0].until: 2024-01-01 is before the due date 2024-01-31',
    );
    const notApplicable = () => interestForInvoices([{ reference: 'X-9', jurisdiction: 'GB', debtor: 'consumer', principal: gbp('100.00'), dueDate: '2024-01-31', until: '2024-02-10' }]);
    expect(notApplicable).toThrow(InterestNotApplicableError);
    expect(notApplicable).toThrow(/^invoices\[0\] \(X-9\): GB: statutory interest under/);
  });
});
