import type { Ports } from '../ports/ports.ts';
import { nextScheduled } from './stage-records.ts';

/**
 * Asks the scheduler to wake the sender for the case's next stage (one schedule per case at a
 * time, as EventBridge Scheduler wants it). Called after every change that can move the next stage.
 */
export async function scheduleNext(ports: Pick<Ports, 'store' | 'scheduler'>, caseId: string): Promise<void> {
  const record = await ports.store.getCase(caseId);
  if (!record) return;
  const next = nextScheduled(await ports.store.getStages(caseId), record.generation);
  if (next) {
    await ports.scheduler.schedule({
      caseId,
      stageId: next.id,
      instant: next.instant,
      localDate: next.localDate,
      localTime: next.localTime,
      timeZone: next.timeZone,
    });
  }
}
