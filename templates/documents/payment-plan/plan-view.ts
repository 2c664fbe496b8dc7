import { amountOf, decimalOf, minorUnits, type Money } from '../../domain/money/money.ts';
import { currencyOf } from '../../domain/money/currency.ts';
import type { Contract } from '../../domain/schemas/contract.ts';
import type { Invoice } from '../../domain/schemas/invoice.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { PaymentPlan } from '../../domain/schemas/payment-plan.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { agreementFrame, type AgreementBlock, type AgreementView } from './agreement-view.ts';
import { debtTable } from './debt-table.ts';
import { paymentBlocks } from './payment-blocks.ts';

/** What a payment-plan agreement needs: the parties, the unpaid invoices, the plan, the contract if any. */
export interface PlanSource {
  creditor: Party;
  debtor: Party;
  contract?: Contract | undefined;
  /** the invoices whose balance the plan pays */
  invoices: Invoice[];
  plan: PaymentPlan;
  /** the date of the agreement; defaults to `plan.agreedOn` */
  date?: PlainDate | undefined;
  /** the reference to quote with each payment; defaults to the invoice numbers */
  reference?: string | undefined;
}

/** The instalment schedule as a table: number, due date, amount, and the total. */
export interface InstalmentTableBlock {
  kind: 'table';
  table: 'instalments';
  columns: string[];
  rows: string[][];
  total: { label: string; value: string };
}

const k = (key: string) => key as MessageKey;

/**
 * The payment-plan agreement in one language: the debt acknowledged (invoices and balance, from
 * `invoiceTotals`), the instalment schedule (number, due date, amount, from the
 * {@link PaymentPlan}; build one with `planInstalments`), whether interest is waived while the
 * plan is kept, what a missed instalment triggers (the whole balance falls due, reminders and
 * collection resume, interest and compensation may be claimed from the original due dates), how
 * to pay, and both parties' signatures.
 *
 * @example planView({ creditor, debtor, invoices, plan: { total, frequency: 'monthly', instalments: planInstalments(total, { count: 20, firstDueDate: '2026-06-01', frequency: 'monthly' }), interestWaived: true } }, translator('en'))
 * @see shared/DOMAIN.md "Payment-plan offer" and "What stops or pauses a ladder"
 */
export function planView(source: PlanSource, t: Translator): AgreementView {
  const { plan, contract } = source;
  const date = source.date ?? plan.agreedOn;
  const { block: debt, balance } = debtTable(source.invoices, t, date);
  const clauses: { heading: string; blocks: AgreementBlock[] }[] = [];
  const para = (text: string): AgreementBlock => ({ kind: 'para', text });
  const add = (heading: string, blocks: AgreementBlock[]) => clauses.push({ heading: t.t(k(`plan.clause.${heading}`)), blocks });

  // 1. the debt
  const debtBlocks: AgreementBlock[] = [para(t.t('plan.debt.acknowledge', { balance: t.money(balance), count: source.invoices.length })), debt];
  const difference = minorOf(plan.total) - minorOf(balance);
  const differenceMoney = money(Math.abs(difference), plan.total.currency);
  if (difference > 0) debtBlocks.push(para(t.t('plan.debt.withCharges', { charges: t.money(differenceMoney), total: t.money(plan.total) })));
  if (difference < 0) debtBlocks.push(para(t.t('plan.debt.partial', { total: t.money(plan.total), rest: t.money(differenceMoney) })));
  add('debt', debtBlocks);

  // 2. the instalments
  const first = plan.instalments[0]!;
  const last = plan.instalments[plan.instalments.length - 1]!;
  const scheduleTotal = plan.instalments.reduce((sum, i) => sum + minorOf(i.amount), 0);
  const instalmentBlocks: AgreementBlock[] = [
    para(t.t('plan.instalments.summary', { total: t.money(plan.total), count: plan.instalments.length, frequency: plan.frequency })),
    {
      kind: 'table',
      table: 'instalments',
      columns: [t.t('plan.instalments.columns.number'), t.t('plan.instalments.columns.due'), t.t('plan.instalments.columns.amount')],
      rows: plan.instalments.map((i) => [String(i.number), t.date(i.dueDate), t.money(i.amount)]),
      total: { label: t.t('plan.instalments.columns.total'), value: t.money(money(scheduleTotal, plan.total.currency)) },
    },
  ];
  if (plan.instalments.length > 1) instalmentBlocks.push(para(t.t('plan.instalments.dates', { first: t.date(first.dueDate), last: t.date(last.dueDate) })));
  instalmentBlocks.push(para(t.t('plan.instalments.early')));
  add('instalments', instalmentBlocks);

  // 3. interest while the plan is kept
  add('interest', [para(plan.interestWaived ? t.t('plan.interest.waived') : t.t('plan.interest.continues'))]);

  // 4. a missed instalment. [U] No grace period and no formal notice period before the whole
  // balance falls due (the instalment ladder sends its "missed" notice one business day later);
  // French courts may require a mise en demeure before a "déchéance du terme" is enforced: the
  // clause says the Creditor notifies the Debtor in writing, counsel should confirm per country.
  const items = ['balance', 'reminders', plan.interestWaived ? 'interestRevives' : 'interestClaim', 'credited'];
  add('missed', [
    para(t.t('plan.missed.lead')),
    ...items.map((item, i): AgreementBlock => ({ kind: 'item', label: t.t('plan.itemLabel', { n: i + 1 }), text: t.t(k(`plan.missed.${item}`)) })),
  ]);

  // 5. payment
  const reference = source.reference ?? source.invoices.map((i) => i.number).join(', ');
  add('payment', paymentBlocks(source, reference, t));

  // 6. other terms
  add('other', [
    para(contract ? t.t('plan.other.contract', { number: t.ltr(contract.number), date: t.date(contract.date) }) : t.t('plan.other.invoices')),
    para(t.t('plan.other.settled', { total: t.money(plan.total) })),
  ]);

  return agreementFrame(source, t, date, 'plan', clauses);
}

function minorOf(m: Money): number {
  return minorUnits(amountOf(m.amount, m.currency));
}

function money(minor: number, currency: string): Money {
  return { currency, amount: decimalOf(minor, currencyOf(currency)!.exponent) };
}
