import { z } from 'zod';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { CaseStateError } from './case-state-error.ts';
import { mutateCase } from './mutate-case.ts';

export const TaskOutcomeSchema = z.strictObject({
  outcome: z.enum(['reached-will-pay', 'reached-promise', 'reached-dispute', 'reached-refused', 'no-answer', 'left-message', 'done']),
  note: z.string().trim().max(2_000).optional(),
});

/** Records what came of a call or visit (a task stage): a log entry, nothing else changes. */
export async function recordTaskOutcome(
  ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>,
  caseId: string,
  stageId: string,
  input: z.infer<typeof TaskOutcomeSchema>,
): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    const task = stages.find((s) => s.id === stageId);
    if (!task || task.channel !== 'task') throw new CaseStateError('task', `the case has no task ${stageId}`, 'stageId');
    return { events: [{ at: now, actor: 'owner', type: 'task-outcome', stageId, data: { outcome: input.outcome, note: input.note ?? null } }], record };
  });
}

/** A note in the case log (what the debtor said on the phone, a letter received by post). */
export async function addNote(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: { note: string }): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record) => ({ record, events: [{ at: now, actor: 'owner', type: 'note', data: { note: input.note } }] }));
}
