import { invoiceTotals } from '../../domain/invoice/invoice-totals.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../../domain/money/money.ts';
import { currencyOf } from '../../domain/money/currency.ts';
import type { Invoice } from '../../domain/schemas/invoice.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The acknowledged debt as a table: one row per invoice and the total balance. */
export interface DebtTableBlock {
  kind: 'table';
  table: 'debt';
  columns: string[];
  rows: string[][];
  total: { label: string; value: string };
}

/**
 * The unpaid invoices a payment-plan or settlement agreement acknowledges, as a table (invoice,
 * date, due date, amount, paid, balance) with the total balance, figures from `invoiceTotals`
 * (payments after `asOf` ignored). Also returns the balance as {@link Money} for the wording.
 *
 * @example debtTable([invoice], translator('en-GB'), '2026-05-01').balance // { currency: 'GBP', amount: '2880.00' }
 * @throws RangeError when the invoices are in different currencies (one agreement, one currency)
 * @see shared/LEGAL.md §10 (amounts, invoice references and due dates in every formal document)
 */
export function debtTable(invoices: readonly Invoice[], t: Translator, asOf?: PlainDate): { block: DebtTableBlock; balance: Money } {
  const currency = invoices[0]?.currency;
  if (!currency) throw new RangeError('A payment agreement needs at least one invoice');
  const other = invoices.find((i) => i.currency !== currency);
  if (other) throw new RangeError(`Invoice ${other.number} is in ${other.currency}, the others in ${currency}: one agreement covers one currency`);
  let balanceMinor = 0;
  const rows = invoices.map((invoice) => {
    const totals = invoiceTotals(invoice, asOf);
    balanceMinor += minorUnits(amountOf(totals.balance.amount.replace('-', ''), currency)) * (totals.balance.amount.startsWith('-') ? -1 : 1);
    return [t.ltr(invoice.number), t.date(invoice.issueDate, 'short'), t.date(invoice.dueDate, 'short'), t.money(totals.gross), t.money(totals.paid), t.money(totals.balance)];
  });
  const balance: Money = { currency, amount: decimalOf(balanceMinor, currencyOf(currency)!.exponent) };
  return {
    block: {
      kind: 'table',
      table: 'debt',
      columns: [
        t.t('plan.debt.columns.invoice'),
        t.t('plan.debt.columns.issued'),
        t.t('plan.debt.columns.due'),
        t.t('plan.debt.columns.amount'),
        t.t('plan.debt.columns.paid'),
        t.t('plan.debt.columns.balance'),
      ],
      rows,
      total: { label: t.t('plan.debt.columns.total'), value: t.money(balance) },
    },
    balance,
  };
}
