import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { CaseStateError } from './case-state-error.ts';
import { mutateCase } from './mutate-case.ts';
import { replanLadder } from './replan-ladder.ts';

/**
 * Resumes a paused case (a dispute settled, a promise the owner no longer waits for): the ladder
 * is planned again from now, without the letters already sent, at most the latest missed one
 * caught up.
 */
export async function resumeCase(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: { note?: string | undefined } = {}): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (!['disputed', 'promised', 'paused'].includes(record.status)) throw new CaseStateError(record.status, `a ${record.status} case is not paused`);
    const replan = replanLadder(record, stages, now, 'resumed');
    return { ...replan, events: [{ at: now, actor: 'owner', type: 'resume', data: { note: input.note ?? null } }, ...replan.events] };
  });
}
