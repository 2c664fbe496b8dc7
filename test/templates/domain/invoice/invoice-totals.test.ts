import { describe, expect, it } from 'vitest';
import { invoiceTotals } from '#domain/invoice/invoice-totals.ts';
import type { Invoice } from '#domain/schemas/invoice.ts';

const line = (quantity: string, unitPrice: string, taxRate = '0') => ({ description: 'x', quantity, unitPrice, taxRate });

describe('invoiceTotals', () => {
  it('rounds each line, then the tax once per rate', () => {
    const totals = invoiceTotals({
      currency: 'EUR',
      lines: [line('3', '33.333', '20'), line('1.5', '80', '5.5'), line('1', '0.01', '20')],
      payments: [],
    });
    // 3 × 33.333 = 99.999 → 100.00; 1.5 × 80 = 120.00; 0.01
    expect(totals.lines.map((m) => m.amount)).toEqual(['100.00', '120.00', '0.01']);
    // 20 %: 100.01 × 0.2 = 20.002 → 20.00; 5.5 %: 120 × 0.055 = 6.60
    expect(totals.taxes).toEqual([
      { rate: '5.5', base: { currency: 'EUR', amount: '120.00' }, tax: { currency: 'EUR', amount: '6.60' } },
      { rate: '20', base: { currency: 'EUR', amount: '100.01' }, tax: { currency: 'EUR', amount: '20.00' } },
    ]);
    expect(totals.net.amount).toBe('220.01');
    expect(totals.gross.amount).toBe('246.61');
    expect(totals.balance.amount).toBe('246.61');
  });
  it('applies partial payments, optionally as of a date', () => {
    const invoice: Pick<Invoice, 'currency' | 'lines' | 'payments'> = {
      currency: 'JPY',
      lines: [line('10', '1500', '10')],
      payments: [
        { date: '2026-02-01', amount: { currency: 'JPY', amount: '5000' } },
        { date: '2026-03-01', amount: { currency: 'JPY', amount: '6000' } },
      ],
    };
    expect(invoiceTotals(invoice).gross.amount).toBe('16500');
    expect(invoiceTotals(invoice).balance.amount).toBe('5500');
    expect(invoiceTotals(invoice, '2026-02-15').balance.amount).toBe('11500');
  });
  it('reports overpayment as a negative balance', () => {
    const totals = invoiceTotals({ currency: 'KWD', lines: [line('1', '1.001')], payments: [{ date: '2026-01-01', amount: { currency: 'KWD', amount: '2' } }] });
    expect(totals.balance.amount).toBe('-0.999');
  });
});
