import { amountOf, decimalOf, minorUnits, type Money } from '../../domain/money/money.ts';
import { currencyOf } from '../../domain/money/currency.ts';
import type { Contract } from '../../domain/schemas/contract.ts';
import type { Invoice } from '../../domain/schemas/invoice.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { Settlement } from '../../domain/schemas/payment-plan.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { Translator } from '../../i18n/translator.ts';
import { agreementFrame, type AgreementBlock, type AgreementView } from './agreement-view.ts';
import { debtTable } from './debt-table.ts';
import { paymentBlocks } from './payment-blocks.ts';

/** What a settlement agreement needs: the parties, the unpaid invoices, the settlement terms. */
export interface SettlementSource {
  creditor: Party;
  debtor: Party;
  contract?: Contract | undefined;
  invoices: Invoice[];
  settlement: Settlement;
  /** the date of the agreement; defaults to `settlement.offeredOn` */
  date?: PlainDate | undefined;
  reference?: string | undefined;
}

/**
 * The settlement agreement in one language ("accept 6,000 in full and final settlement of 10,000
 * if paid by a date"): the debt acknowledged, the reduced amount and its deadline, what is
 * waived on payment, and that the offer lapses (the whole debt with interest and charges stays
 * due, any payment credited) if the amount is not received in full by the date.
 *
 * @example settlementView({ creditor, debtor, invoices, settlement: { accept: { currency: 'EUR', amount: '6000.00' }, inFullOf: { currency: 'EUR', amount: '10000.00' }, payBy: '2026-06-30' } }, translator('fr'))
 * @see shared/DOMAIN.md "Settlement offer"
 */
export function settlementView(source: SettlementSource, t: Translator): AgreementView {
  const { settlement } = source;
  const date = source.date ?? settlement.offeredOn;
  const { block: debt, balance } = debtTable(source.invoices, t, date);
  const para = (text: string): AgreementBlock => ({ kind: 'para', text });
  const waivedMinor = minorOf(settlement.inFullOf) - minorOf(settlement.accept);
  const waived: Money = { currency: settlement.accept.currency, amount: decimalOf(waivedMinor, currencyOf(settlement.accept.currency)!.exponent) };
  const values = { accept: t.money(settlement.accept), debt: t.money(settlement.inFullOf), payBy: t.date(settlement.payBy), waived: t.money(waived) };
  const reference = source.reference ?? source.invoices.map((i) => i.number).join(', ');
  const clauses = [
    { heading: t.t('plan.clause.debt'), blocks: [para(t.t('plan.debt.acknowledge', { balance: t.money(balance), count: source.invoices.length })), debt] },
    {
      heading: t.t('plan.clause.settlement'),
      blocks: [para(t.t('plan.settlement.offer', values)), para(t.t('plan.settlement.waiver', values)), para(t.t('plan.settlement.lapse', values))],
    },
    { heading: t.t('plan.clause.payment'), blocks: paymentBlocks(source, reference, t) },
  ];
  return agreementFrame(source, t, date, 'settlement', clauses);
}

function minorOf(m: Money): number {
  return minorUnits(amountOf(m.amount, m.currency));
}
