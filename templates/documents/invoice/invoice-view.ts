import { invoiceTotals } from '../../domain/invoice/invoice-totals.ts';
import { epcPayload } from '../../domain/invoice/epc-payload.ts';
import { computeInterest } from '../../domain/interest/compute-interest.ts';
import type { Contract } from '../../domain/schemas/contract.ts';
import type { Invoice } from '../../domain/schemas/invoice.ts';
import type { Jurisdiction } from '../../domain/schemas/jurisdiction.ts';
import type { Party } from '../../domain/schemas/party.ts';
import { addCalendarDays } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/** What an invoice needs: the parties, the jurisdiction, the contract if any, and the invoice. */
export interface InvoiceSource {
  creditor: Party;
  debtor: Party;
  jurisdiction: Jurisdiction;
  contract?: Contract | undefined;
  invoice: Invoice;
}

/** Every string the invoice prints, already computed and formatted: the template only lays it out. */
export interface InvoiceView {
  title: string;
  heading: string;
  meta: { label: string; value: string }[];
  contractLine?: string | undefined;
  columns: { description: string; quantity: string; unitPrice: string; taxRate: string; amount: string };
  lines: string[][];
  totals: { label: string; value: string; strong?: boolean }[];
  payments: string[];
  termsHeading: string;
  terms: string[];
  bank?: { heading: string; lines: string[]; qr?: string | undefined; qrCaption: string } | undefined;
  contact: string;
}

/**
 * The invoice's figures and mentions in one language. Amounts come from `invoiceTotals`; the
 * late-payment mentions follow the jurisdiction (France's four mentions, LEGAL.md §8; Germany's
 * §286(3) notice for consumers) and quote the rate in force from the interest engine.
 */
export function invoiceView(source: InvoiceSource, t: Translator): InvoiceView {
  const { invoice, creditor, debtor, contract } = source;
  const totals = invoiceTotals(invoice);
  const money = t.money;
  const discount = invoice.earlyPaymentDiscount ?? contract?.earlyPaymentDiscount ?? null;
  const terms: string[] = [t.t('invoice.terms.dueOn', { date: t.date(invoice.dueDate) })];
  if (discount) {
    terms.push(
      t.t('invoice.terms.discount', {
        percent: t.percent(discount.percent),
        date: t.date(addCalendarDays(invoice.issueDate, discount.withinDays)),
        days: discount.withinDays,
      }),
    );
  } else {
    terms.push(t.t('invoice.terms.noDiscount'));
  }
  terms.push(...lateMentions(source, totals.gross, t));
  const bank = creditor.bank;
  const reference = invoice.number;
  return {
    title: t.t('invoice.title'),
    heading: t.t('invoice.heading', { number: t.ltr(invoice.number) }),
    meta: [
      { label: t.t('invoice.issued'), value: t.date(invoice.issueDate) },
      { label: t.t('invoice.due'), value: t.date(invoice.dueDate) },
    ],
    contractLine: contract ? t.t('invoice.contract', { number: t.ltr(contract.number), date: t.date(contract.date), title: contract.title }) : undefined,
    columns: {
      description: t.t('invoice.lines.description'),
      quantity: t.t('invoice.lines.quantity'),
      unitPrice: t.t('invoice.lines.unitPrice'),
      taxRate: t.t('invoice.lines.taxRate'),
      amount: t.t('invoice.lines.amount'),
    },
    lines: invoice.lines.map((line, i) => [
      line.description,
      t.number(line.quantity),
      money({ currency: invoice.currency, amount: line.unitPrice }),
      t.percent(line.taxRate),
      money(totals.lines[i]!),
    ]),
    totals: [
      { label: t.t('invoice.totals.net'), value: money(totals.net) },
      ...totals.taxes
        .filter((tax) => Number(tax.rate) > 0)
        .map((tax) => ({ label: t.t('invoice.totals.tax', { rate: t.percent(tax.rate), base: money(tax.base) }), value: money(tax.tax) })),
      { label: t.t('invoice.totals.gross'), value: money(totals.gross), strong: invoice.payments.length === 0 },
      ...(invoice.payments.length > 0
        ? [
            { label: t.t('invoice.totals.paid'), value: money(totals.paid) },
            { label: t.t('invoice.totals.balance'), value: money(totals.balance), strong: true },
          ]
        : []),
    ],
    payments: invoice.payments.map((p) => t.t('invoice.payments.row', { date: t.date(p.date), amount: money(p.amount) })),
    termsHeading: t.t('invoice.terms.heading'),
    terms: invoice.schedulePart ? [t.t('invoice.schedulePart', { part: invoice.schedulePart }), ...terms] : terms,
    bank: bank
      ? {
          heading: t.t('common.bank.heading'),
          lines: [
            t.t('common.bank.accountName', { name: bank.accountName }),
            ...(bank.iban ? [t.t('common.bank.iban', { iban: t.ltr(bank.iban.replace(/(.{4})/g, '$1 ').trim()) })] : []),
            ...(bank.bic ? [t.t('common.bank.bic', { bic: bank.bic })] : []),
            ...(bank.details ? [bank.details] : []),
            t.t('common.bank.reference', { reference: t.ltr(reference) }),
          ],
          qr: epcPayload({ name: bank.accountName, iban: bank.iban, bic: bank.bic, amount: totals.balance, remittance: reference }),
          qrCaption: t.t('common.bank.qr'),
        }
      : undefined,
    contact: t.t('common.contact', { email: t.ltr(creditor.emails[0]!), phone: creditor.phone ? t.ltr(creditor.phone) : 'none' }),
  };

  function lateMentions(src: InvoiceSource, gross: { currency: string; amount: string }, tr: Translator): string[] {
    const late = contract?.latePayment ?? { interest: { kind: 'statutory' as const }, fixedCompensation: true, penaltyClause: false };
    const out: string[] = [];
    if (late.penaltyClause) out.push(tr.t('invoice.terms.latePenaltyClause'));
    else if (late.interest.kind === 'contractual') {
      out.push(tr.t('invoice.terms.lateContractual', { rate: tr.percent(late.interest.rate.percent), per: late.interest.rate.per }));
    } else if (late.interest.kind === 'statutory') {
      const key = src.jurisdiction === 'DE' && debtor.kind === 'consumer' ? 'DEconsumer' : src.jurisdiction;
      out.push(tr.t(`invoice.terms.lateStatutory.${key}` as MessageKey));
      const rate = rateInForce(src, gross);
      if (rate) out.push(tr.t('invoice.terms.rateNow', { rate: tr.percent(rate) }));
    } else out.push(tr.t('invoice.terms.noLate'));
    if (late.flatFee) out.push(tr.t('invoice.terms.flatFee', { amount: tr.money(late.flatFee) }));
    if (src.jurisdiction === 'DE' && debtor.kind === 'consumer') out.push(tr.t('invoice.terms.consumerDefault'));
    return out;
  }
}

/**
 * The statutory annual rate that would apply from the day after the due date, asked of the
 * interest engine for a one-day delay; `undefined` when the engine cannot say (a rate table that
 * has no row yet, a rule that does not apply), in which case the invoice names the rule only.
 */
function rateInForce(src: InvoiceSource, gross: { currency: string; amount: string }): string | undefined {
  try {
    const result = computeInterest({
      jurisdiction: src.jurisdiction,
      debtor: src.debtor.kind,
      principal: gross,
      dueDate: src.invoice.dueDate,
      until: addCalendarDays(src.invoice.dueDate, 1),
      terms: { interest: { kind: 'statutory' }, fixedCompensation: false, penaltyClause: false },
    });
    return result.segments[0]?.rate.percent;
  } catch {
    return undefined;
  }
}
