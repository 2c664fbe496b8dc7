import type { ContractSource } from '../../../templates/documents/contract/contract-view.ts';
import { ContractSchema } from '../../../templates/domain/schemas/contract.ts';
import { jurisdictions, type Jurisdiction } from '../../../templates/domain/schemas/jurisdiction.ts';
import { PartySchema } from '../../../templates/domain/schemas/party.ts';
import { DueDateRuleSchema, type SchedulePart } from '../../../templates/domain/schemas/terms.ts';
import { dueDate } from '../../../templates/domain/terms/due-date.ts';
import { checkSchedule, splitSchedule } from '../../../templates/domain/terms/split-schedule.ts';
import { isValidPlainDate } from '../../../templates/domain/time/plain-date.ts';
import type { FieldError } from '../lib/api.ts';
import type { Draft } from '../lib/draft.ts';
import { contractInput, dueDateRuleInput, partyInput } from '../lib/draft-input.ts';
import { statutoryRate, type StatutoryRate } from './statutory-rate.ts';
import { validate } from './validate.ts';

export interface ScheduleLine {
  label: string;
  trigger: string;
  percent?: string | undefined;
  amount: { currency: string; amount: string };
}

/** Everything the contract builder shows besides the form: errors, the running checks, the preview's source. */
export interface ContractCheck {
  errors: FieldError[];
  /** set when the whole contract is valid: what the PDF is rendered from */
  source?: ContractSource | undefined;
  /** the schedule split into exact amounts, or why it does not add up (English, for the error table) */
  schedule: { lines: ScheduleLine[]; total: { currency: string; amount: string } } | { problems: string[] } | undefined;
  /** an invoice issued on the contract date falls due on … (when the rule is complete) */
  dueExample?: { issued: string; due: string } | undefined;
  statutory?: StatutoryRate | undefined;
}

/**
 * The contract builder's domain side, loaded after the page (it brings zod and the interest
 * engine): validates the parties and the contract with the domain schemas, splits the schedule
 * with `splitSchedule` (reporting `checkSchedule`'s problems while it does not add up), computes
 * the example due date with `dueDate` and the statutory rate with the interest engine.
 */
export function checkContract(draft: Draft): ContractCheck {
  const creditor = validate(PartySchema, partyInput(draft.creditor, true), 'creditor');
  const debtor = validate(PartySchema, partyInput(draft.debtor, false), 'debtor');
  const input = contractInput(draft.contract);
  const contract = validate(ContractSchema, input, 'contract');
  const errors = [...creditor.errors, ...debtor.errors, ...contract.errors];

  let schedule: ContractCheck['schedule'];
  const price = input.price as { currency: string; amount: string };
  const parts = input.schedule as SchedulePart[];
  const priceOk = /^\d{1,15}(\.\d{1,12})?$/.test(price.amount) && !errors.some((e) => e.path.startsWith('contract.price'));
  if (priceOk) {
    try {
      const problems = checkSchedule(price, parts).map((p) => p.message);
      if (problems.length > 0) schedule = { problems };
      else if (!errors.some((e) => e.path.startsWith('contract.schedule['))) schedule = { lines: splitSchedule(price, parts), total: price };
    } catch {
      schedule = undefined;
    }
  }

  let dueExample: ContractCheck['dueExample'];
  const rule = DueDateRuleSchema.safeParse(dueDateRuleInput(draft.contract.dueDateRule));
  if (rule.success && isValidPlainDate(draft.contract.date)) dueExample = { issued: draft.contract.date, due: dueDate(rule.data, draft.contract.date) };

  const jurisdiction = draft.contract.jurisdiction as Jurisdiction;
  const statutory = (jurisdictions as readonly string[]).includes(jurisdiction) ? statutoryRate(jurisdiction, draft.debtor.kind, draft.contract.date) : undefined;

  return {
    errors,
    source: creditor.data && debtor.data && contract.data ? { creditor: creditor.data, debtor: debtor.data, contract: contract.data } : undefined,
    schedule,
    dueExample,
    statutory,
  };
}
