import { planCase, resolveLadder, type CasePlan } from '../../../templates/domain/ladder/plan-case.ts';
import { CaseFileSchema, type CaseFile } from '../../../templates/domain/schemas/case.ts';
import type { Stage } from '../../../templates/domain/schemas/ladder.ts';
import type { FieldError } from '../lib/api.ts';
import type { Draft } from '../lib/draft.ts';
import { caseInput, placeErrors } from './case-file.ts';
import { validate } from './validate.ts';

export interface CaseCheck {
  errors: FieldError[];
  input: Record<string, unknown>;
  file?: CaseFile | undefined;
  plan?: CasePlan | undefined;
  /** the ladder's stage behind each planned stage (what a letter is drawn from) */
  stages?: Stage[] | undefined;
}

/**
 * The whole case for the ladder planner: validated, and planned as the API will plan it when
 * it is sent now (`planCase` with the same catch-up policy).
 *
 * @example checkCase(draft, new Date()).plan?.stages[0].shifts // [{ kind: 'weekend', from: '2026-03-28' }]
 */
export function checkCase(draft: Draft, now: Date): CaseCheck {
  const input = caseInput(draft);
  const parsed = validate(CaseFileSchema, input, '');
  const errors = placeErrors(parsed.errors, draft);
  if (!parsed.data) return { errors, input };
  const plan = planCase(parsed.data, { now });
  return { errors, input, file: parsed.data, plan, stages: resolveLadder(parsed.data.ladder).stages };
}

