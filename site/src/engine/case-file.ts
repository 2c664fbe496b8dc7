import { CaseFileSchema, type CaseFile } from '../../../templates/domain/schemas/case.ts';
import { DueDateRuleSchema } from '../../../templates/domain/schemas/terms.ts';
import { dueDate } from '../../../templates/domain/terms/due-date.ts';
import { isValidPlainDate } from '../../../templates/domain/time/plain-date.ts';
import type { FieldError } from '../lib/api.ts';
import type { Draft } from '../lib/draft.ts';
import { contractInput, dueDateRuleInput, invoiceInput, ladderInput, partyInput } from '../lib/draft-input.ts';
import { validate } from './validate.ts';

/**
 * The draft as a case file (the API's create body and the export format) and a case file read
 * back from JSON, judged by `CaseFileSchema`, whose paths (`invoices[0].lines[1].quantity`,
 * `ladder.stages[2].at`) the forms use as field names. No ladder planning here: the invoice
 * builder and the draft tools load this without the holiday tables.
 */
export function caseInput(draft: Draft, options: { ladder?: boolean } = {}): Record<string, unknown> {
  const withContract = draft.invoice.source === 'contract';
  const invoice = invoiceInput(draft.invoice, withContract ? draft.contract : undefined);
  if (!withContract) {
    const rule = DueDateRuleSchema.safeParse(dueDateRuleInput(draft.invoice.dueDateRule));
    if (rule.success && isValidPlainDate(draft.invoice.issueDate)) invoice.dueDate = dueDate(rule.data, draft.invoice.issueDate);
  }
  return {
    ...(draft.reference.trim() ? { reference: draft.reference.trim() } : {}),
    creditor: partyInput(draft.creditor, true),
    debtor: partyInput(draft.debtor, false),
    ...(withContract ? { contract: contractInput(draft.contract) } : { jurisdiction: draft.invoice.jurisdiction }),
    invoices: [invoice],
    ladder: options.ladder === false ? 'tracking' : ladderInput(draft.ladder),
    catchUp: draft.ladder.catchUp,
  };
}

/** A standalone invoice's due-date rule errors sit on the rule's fields, not on `dueDate`. */
export function placeErrors(errors: FieldError[], draft: Draft): FieldError[] {
  if (draft.invoice.source === 'contract') return errors;
  return errors.map((e) => (e.path === 'invoices[0].dueDate' ? { ...e, path: 'invoices[0].dueDateRule' } : e));
}

/** A case file read from JSON: the validated file, or the reasons it is refused (with the file's own paths). */
export function importCase(text: string): { file: CaseFile; errors?: undefined } | { file?: undefined; errors: FieldError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { errors: [{ path: '(the file)', message: 'is not valid JSON' }] };
  }
  const parsed = validate(CaseFileSchema, json, '');
  return parsed.data ? { file: parsed.data } : { errors: parsed.errors.map((e) => ({ ...e, path: e.path || '(the file)' })) };
}
