import type { InvoiceSource } from '../../../templates/documents/invoice/invoice-view.ts';
import { invoiceTotals, type InvoiceTotals } from '../../../templates/domain/invoice/invoice-totals.ts';
import { CaseFileSchema } from '../../../templates/domain/schemas/case.ts';
import { ContractSchema } from '../../../templates/domain/schemas/contract.ts';
import { InvoiceLineSchema } from '../../../templates/domain/schemas/invoice.ts';
import { dueDate } from '../../../templates/domain/terms/due-date.ts';
import { splitSchedule, type ScheduledPart } from '../../../templates/domain/terms/split-schedule.ts';
import { isValidPlainDate } from '../../../templates/domain/time/plain-date.ts';
import type { FieldError } from '../lib/api.ts';
import type { Draft } from '../lib/draft.ts';
import { contractInput } from '../lib/draft-input.ts';
import { caseInput, placeErrors } from './case-file.ts';
import { validate } from './validate.ts';

export interface InvoiceCheck {
  errors: FieldError[];
  source?: InvoiceSource | undefined;
  /** totals of the lines as typed, when every line is complete */
  totals?: InvoiceTotals | undefined;
  currency: string;
  dueDate?: string | undefined;
  /** the contract's schedule in exact amounts, to bill one part */
  parts?: ScheduledPart[] | undefined;
}

/**
 * The invoice builder's checks: validation, totals from `invoiceTotals`, the due date from the
 * contract's rule or the invoice's own (`dueDate`), and the contract's parts to bill.
 */
export function checkInvoice(draft: Draft): InvoiceCheck {
  const input = caseInput(draft, { ladder: false });
  const parsed = validate(CaseFileSchema, input, '');
  const invoice = (input.invoices as Record<string, unknown>[])[0]!;
  const currency = String(invoice.currency);
  let totals: InvoiceTotals | undefined;
  const lines = (invoice.lines as unknown[]).map((line) => InvoiceLineSchema.safeParse(line));
  if (lines.every((l) => l.success)) {
    try {
      totals = invoiceTotals({ currency, lines: lines.map((l) => l.data!), payments: [] });
    } catch {
      totals = undefined;
    }
  }
  let parts: ScheduledPart[] | undefined;
  let due: string | undefined = typeof invoice.dueDate === 'string' ? invoice.dueDate : undefined;
  if (draft.invoice.source === 'contract') {
    const contract = ContractSchema.safeParse(contractInput(draft.contract));
    if (contract.success) {
      parts = splitSchedule(contract.data.price, contract.data.schedule);
      if (isValidPlainDate(draft.invoice.issueDate)) due = dueDate(contract.data.dueDateRule, draft.invoice.issueDate);
    }
  }
  const file = parsed.data;
  return {
    errors: placeErrors(parsed.errors, draft),
    source: file ? { creditor: file.creditor, debtor: file.debtor, jurisdiction: file.jurisdiction, contract: file.contract, invoice: file.invoices[0]! } : undefined,
    totals,
    currency,
    dueDate: due,
    parts,
  };
}

