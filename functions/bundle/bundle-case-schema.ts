import { z } from 'zod';
import { MoneySchema } from '#domain/money/money.ts';

const Party = z.object({
  kind: z.enum(['business', 'consumer']),
  legalName: z.string(),
  address: z.object({ lines: z.array(z.string()), city: z.string(), postalCode: z.string().optional(), country: z.string().length(2) }),
  emails: z.array(z.string()),
  phone: z.string().optional(),
  taxId: z.string().optional(),
  companyId: z.string().optional(),
});

const Document = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  kind: z.enum(['index', 'final-demand', 'contract', 'invoice', 'statement', 'letter-pdf', 'letter-eml', 'data', 'chronology']),
});

/**
 * case.json, the machine-readable hand-off in the lawyer bundle: for an agency's or a court's
 * system. Its JSON Schema is published beside it as case.schema.json (generated from this
 * schema, so the two cannot drift). Amounts are decimal strings with their currency.
 */
export const BundleCaseSchema = z
  .object({
    $schema: z.literal('./case.schema.json'),
    format: z.literal('overdue-case/1'),
    caseId: z.string(),
    reference: z.string().nullable(),
    bundleDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    jurisdiction: z.string(),
    status: z.string(),
    creditor: Party,
    debtor: Party,
    contract: z.object({ number: z.string(), date: z.string(), title: z.string(), price: MoneySchema }).nullable(),
    invoices: z.array(
      z.object({
        number: z.string(),
        issueDate: z.string(),
        dueDate: z.string(),
        total: MoneySchema,
        paid: MoneySchema,
        balance: MoneySchema,
        payments: z.array(z.object({ date: z.string(), amount: MoneySchema, reference: z.string().optional() })),
      }),
    ),
    amounts: z.object({
      principal: MoneySchema,
      paid: MoneySchema,
      balance: MoneySchema,
      interest: MoneySchema.nullable(),
      fixedCompensation: MoneySchema.nullable(),
      flatFees: MoneySchema.nullable(),
      totalClaimed: MoneySchema,
      interestNote: z.string().nullable(),
    }),
    interestSegments: z.array(
      z.object({ invoice: z.string(), from: z.string(), to: z.string(), days: z.number(), ratePercent: z.string(), base: MoneySchema, interest: MoneySchema }),
    ),
    lettersSent: z.array(
      z.object({
        stage: z.string(),
        template: z.string(),
        sentAt: z.string(),
        messageId: z.string(),
        subject: z.string(),
        to: z.array(z.string()),
        pdf: z.string().nullable(),
        eml: z.string().nullable(),
        deliveryEvents: z.array(z.object({ at: z.string(), type: z.string(), detail: z.string() })),
      }),
    ),
    warnings: z.array(z.object({ code: z.string(), stage: z.string().nullable(), message: z.string() })),
    documents: z.array(Document),
  })
  .strict();

export type BundleCase = z.infer<typeof BundleCaseSchema>;

/** The published JSON Schema of case.json (draft 2020-12). */
export function bundleCaseJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(BundleCaseSchema, { target: 'draft-2020-12' }), $id: 'https://overdue.invalid/schemas/overdue-case-1.json', title: 'Overdue case hand-off (overdue-case/1)' };
}
