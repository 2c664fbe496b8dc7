import { invoiceTotals } from '../../../templates/domain/invoice/invoice-totals.ts';
import { currencyOf } from '../../../templates/domain/money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../../../templates/domain/money/money.ts';
import type { CaseFile } from '../../../templates/domain/schemas/case.ts';
import { daysBetween } from '../../../templates/domain/time/plain-date.ts';

export const agingBuckets = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export interface AgingRow {
  bucket: AgingBucket;
  amount: Money;
  invoices: number;
}

/** Receivables of one currency by age (amounts of different currencies are never added up). */
export interface Aging {
  currency: string;
  rows: AgingRow[];
  total: Money;
}

/** The bucket of an invoice `daysLate` days past its due date (0 or less: not yet due). */
export function bucketOf(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'current';
  if (daysLate <= 30) return '1-30';
  if (daysLate <= 60) return '31-60';
  if (daysLate <= 90) return '61-90';
  return '90+';
}

/**
 * Receivables aging: every open invoice of every case still being chased, its balance on `today`
 * (from `invoiceTotals`) put in the bucket of its own due date, per currency.
 *
 * @example aging([{ file, status: 'active' }], '2026-06-01')[0].rows[2] // { bucket: '31-60', amount: { currency: 'EUR', amount: '1200.00' }, invoices: 1 }
 */
export function aging(cases: readonly { file: CaseFile; status: string }[], today: string): Aging[] {
  const byCurrency = new Map<string, Map<AgingBucket, { minor: number; invoices: number }>>();
  for (const { file, status } of cases) {
    if (status === 'paid' || status === 'cancelled') continue;
    for (const invoice of file.invoices) {
      const balance = invoiceTotals(invoice, today).balance;
      if (balance.amount.startsWith('-')) continue;
      const minor = minorUnits(amountOf(balance.amount, balance.currency));
      if (minor <= 0) continue;
      const buckets = byCurrency.get(balance.currency) ?? new Map();
      byCurrency.set(balance.currency, buckets);
      const bucket = bucketOf(daysBetween(invoice.dueDate, today));
      const entry = buckets.get(bucket) ?? { minor: 0, invoices: 0 };
      buckets.set(bucket, { minor: entry.minor + minor, invoices: entry.invoices + 1 });
    }
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, buckets]) => {
      const exponent = currencyOf(currency)!.exponent;
      const money = (minor: number): Money => ({ currency, amount: decimalOf(minor, exponent) });
      const rows = agingBuckets.map((bucket) => ({ bucket, amount: money(buckets.get(bucket)?.minor ?? 0), invoices: buckets.get(bucket)?.invoices ?? 0 }));
      return { currency, rows, total: money([...buckets.values()].reduce((s, e) => s + e.minor, 0)) };
    });
}

/** Each invoice's totals as of `today`, for the case page's invoice table. */
export function invoiceLines(file: CaseFile, today: string) {
  return file.invoices.map((invoice) => {
    const totals = invoiceTotals(invoice, today);
    return { number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, gross: totals.gross, paid: totals.paid, balance: totals.balance, daysLate: Math.max(0, daysBetween(invoice.dueDate, today)) };
  });
}
