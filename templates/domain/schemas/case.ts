import { z } from 'zod';
import { LadderSchema } from './ladder.ts';
import { ContractSchema } from './contract.ts';
import { InvoiceDraftSchema, InvoiceSchema, type Invoice } from './invoice.ts';
import { JurisdictionSchema } from './jurisdiction.ts';
import { PartySchema } from './party.ts';
import { PaymentPlanSchema, SettlementSchema } from './payment-plan.ts';
import { dueDate } from '../terms/due-date.ts';
import { currencyOf } from '../money/currency.ts';

export const caseLadderKeys = ['tracking', 'pressure-scale', 'gentle'] as const;

/** A ready ladder by key, or a ladder of the owner's own. */
export const LadderChoiceSchema = z.union([
  z.enum(caseLadderKeys, { message: `must be one of ${caseLadderKeys.join(', ')} or a ladder object` }),
  LadderSchema,
]);

/**
 * A case as the owner writes it (a case file, the API's create body, the site's export): the
 * two parties, the contract if there is one, the invoices, the ladder and the catch-up policy.
 *
 * Invoices may leave `dueDate` out when the case has a contract: it is then computed from the
 * contract's due-date rule and stored as a calendar date. The jurisdiction is the contract's,
 * or must be given when there is no contract.
 */
export const CaseFileSchema = z
  .object({
    $schema: z.string().optional(),
    reference: z.string().trim().min(1).max(60).optional(),
    creditor: PartySchema,
    debtor: PartySchema,
    contract: ContractSchema.optional(),
    jurisdiction: JurisdictionSchema.optional(),
    invoices: z.array(InvoiceDraftSchema).min(1, { message: 'needs at least one invoice' }).max(50),
    ladder: LadderChoiceSchema.default('tracking'),
    catchUp: z.enum(['latest', 'none']).default('latest'),
  })
  .superRefine((file, ctx) => {
    if (!file.contract && !file.jurisdiction) {
      ctx.addIssue({ code: 'custom', path: ['jurisdiction'], message: 'is required when the case has no contract' });
    }
    if (file.contract && file.jurisdiction && file.jurisdiction !== file.contract.jurisdiction) {
      ctx.addIssue({ code: 'custom', path: ['jurisdiction'], message: `differs from the contract's jurisdiction ${file.contract.jurisdiction}` });
    }
    const numbers = new Set<string>();
    file.invoices.forEach((inv, i) => {
      if (numbers.has(inv.number)) ctx.addIssue({ code: 'custom', path: ['invoices', i, 'number'], message: `invoice ${inv.number} appears twice` });
      numbers.add(inv.number);
      if (!inv.dueDate && !file.contract) {
        ctx.addIssue({ code: 'custom', path: ['invoices', i, 'dueDate'], message: 'is required when the case has no contract to compute it from' });
      }
      if (!inv.dueDate && file.contract) {
        const computed = dueDate(file.contract.dueDateRule, inv.issueDate);
        if (computed < inv.issueDate) {
          ctx.addIssue({ code: 'custom', path: ['invoices', i, 'dueDate'], message: `the contract's fixed due date ${computed} is before the issue date ${inv.issueDate}` });
        }
      }
      if (file.contract && currencyOf(inv.currency) && inv.currency !== file.contract.price.currency) {
        ctx.addIssue({ code: 'custom', path: ['invoices', i, 'currency'], message: `must be ${file.contract.price.currency}, the contract's currency` });
      }
    });
  })
  .transform((file) => ({
    ...file,
    jurisdiction: file.jurisdiction ?? file.contract!.jurisdiction,
    invoices: file.invoices.map(
      (inv): Invoice => ({ ...inv, dueDate: inv.dueDate ?? dueDate(file.contract!.dueDateRule, inv.issueDate) }),
    ),
  }));
export type CaseFile = z.output<typeof CaseFileSchema>;
export type CaseFileInput = z.input<typeof CaseFileSchema>;

/** Where a case stands. Only `active` cases send letters. */
export const caseStatuses = ['active', 'promised', 'disputed', 'paused', 'plan', 'settlement', 'paid', 'cancelled'] as const;
export const CaseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** A case as stored: the case file plus identity, status and any agreed plan or settlement. */
export const CaseSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  createdAt: z.iso.datetime(),
  status: CaseStatusSchema,
  file: z.custom<CaseFile>(),
  paymentPlan: PaymentPlanSchema.optional(),
  settlement: SettlementSchema.optional(),
  /** promise to pay: the case is paused until this date */
  promisedBy: z.string().optional(),
});
export type Case = z.infer<typeof CaseSchema>;
