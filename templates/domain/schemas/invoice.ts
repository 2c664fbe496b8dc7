import { z } from 'zod';
import { CurrencyCodeSchema } from '../money/currency.ts';
import { MoneySchema } from '../money/money.ts';
import { PlainDateSchema } from '../time/plain-date.ts';
import { text } from './party.ts';
import { PercentSchema } from './percent.ts';
import { EarlyPaymentDiscountSchema } from './terms.ts';

/** A quantity: a positive decimal with up to 4 decimals (hours 7.5, items 3). */
export const QuantitySchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, { message: 'must be a quantity such as 3 or 7.5' })
  .refine((s) => Number(s) > 0, { message: 'must be more than 0' });

/** A unit price: a decimal with up to 6 decimals (per-unit prices may be finer than the currency). */
export const UnitPriceSchema = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, { message: 'must be a price such as 85 or 0.125' });

export const InvoiceLineSchema = z.strictObject({
  description: text(1_000),
  quantity: QuantitySchema,
  unit: z.string().trim().max(20).optional(),
  unitPrice: UnitPriceSchema,
  /** VAT/sales tax rate of this line, % */
  taxRate: PercentSchema.default('0'),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const PaymentSchema = z.strictObject({
  date: PlainDateSchema,
  amount: MoneySchema,
  method: z.enum(['bank-transfer', 'card', 'cash', 'cheque', 'other']).optional(),
  reference: z.string().trim().max(140).optional(),
});
export type Payment = z.infer<typeof PaymentSchema>;

const invoiceFields = {
  number: text(40),
  issueDate: PlainDateSchema,
  currency: CurrencyCodeSchema,
  lines: z.array(InvoiceLineSchema).min(1, { message: 'needs at least one line' }).max(500),
  payments: z.array(PaymentSchema).max(500).default([]),
  /** the contract this invoice bills, and which part of its schedule */
  contractNumber: text(40).optional(),
  schedulePart: z.string().max(120).optional(),
  earlyPaymentDiscount: EarlyPaymentDiscountSchema.nullable().default(null),
  notes: z.string().trim().max(2_000).optional(),
};

function checkInvoice(inv: { issueDate: string; dueDate?: string | undefined; currency: string; payments: { amount: { currency: string } }[] }, ctx: z.RefinementCtx) {
  if (inv.dueDate !== undefined && inv.dueDate < inv.issueDate) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `must not be before the issue date ${inv.issueDate}` });
  }
  inv.payments.forEach((p, i) => {
    if (p.amount.currency !== inv.currency) {
      ctx.addIssue({ code: 'custom', path: ['payments', i, 'amount', 'currency'], message: `must be ${inv.currency}, the invoice's currency` });
    }
  });
}

/**
 * An invoice. `dueDate` is always a calendar date; when an invoice is drawn from a contract it is
 * computed from the contract's due-date rule (`dueDate` in terms/due-date.ts) and then stored,
 * never re-derived.
 */
export const InvoiceSchema = z.strictObject({ ...invoiceFields, dueDate: PlainDateSchema }).superRefine(checkInvoice);
export type Invoice = z.infer<typeof InvoiceSchema>;
export type InvoiceInput = z.input<typeof InvoiceSchema>;

/** An invoice as written in a case file: the due date may be left out when the case has a contract. */
export const InvoiceDraftSchema = z.strictObject({ ...invoiceFields, dueDate: PlainDateSchema.optional() }).superRefine(checkInvoice);
export type InvoiceDraft = z.infer<typeof InvoiceDraftSchema>;
