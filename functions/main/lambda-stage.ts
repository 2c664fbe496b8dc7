/**
 * The stage sender: the target of every EventBridge Scheduler schedule, invoked with
 * `{ caseId, stageId }`, running the one pipeline (claim → re-read → render → archive → send →
 * record → schedule the next stage). An event of any other shape is an error (it lands in the
 * function's failure destination instead of doing anything).
 */
import { z } from 'zod';
import { runStage, type StageOutcome } from '../pipeline/run-stage.ts';
import { createAwsPorts, readAwsEnv } from './aws-ports.ts';

const ports = createAwsPorts(readAwsEnv(process.env));

const StageEvent = z.object({ caseId: z.string().min(1).max(64), stageId: z.string().min(1).max(80) });

export const handler = async (event: unknown): Promise<StageOutcome> => {
  const parsed = StageEvent.safeParse(event);
  if (!parsed.success) {
    throw new Error(`Stage sender: not a stage event (${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}): ${JSON.stringify(event)?.slice(0, 300)}`);
  }
  const outcome = await runStage(ports, parsed.data);
  ports.log?.(outcome.outcome === 'failed' ? 'error' : 'info', 'stage run', { ...parsed.data, ...outcome });
  return outcome;
};
