import { markUncertain } from '../../cases/resend-stage.ts';
import { nextScheduled } from '../../cases/stage-records.ts';
import type { Ports } from '../../ports/ports.ts';
import type { NotifyOwner } from './sns-owner-notifier.ts';

export interface ReconcileOptions {
  /** a claim older than this with no outcome is `uncertain` (default 15 minutes) */
  staleAfterMs?: number | undefined;
  /** schedule requests under way at once (default 8) */
  concurrency?: number | undefined;
}

export interface ReconcileReport {
  /** stages turned `uncertain` */
  uncertain: number;
  /** cases looked at */
  cases: number;
  /** next stages whose schedule was ensured (created if missing, re-armed if wrong) */
  scheduled: { caseId: string; stageId: string }[];
  /** cases whose schedule could not be ensured, with the error */
  failed: { caseId: string; error: string }[];
}

/**
 * The daily safety net for the AWS deployment, where nothing wakes a stage but its schedule:
 *
 * 1. Claims older than `staleAfterMs` with no outcome (a crash between claim and record) become
 *    `uncertain`, shown to the owner with a one-click resend, never resent by themselves; the
 *    owner is notified when there are any.
 * 2. Every case's next scheduled stage of its live generation gets its schedule ensured: the
 *    Scheduler's `schedule` is idempotent, so an existing right schedule is left alone, a
 *    missing one (a failed CreateSchedule after a commit, a schedule deleted by hand) is
 *    created, and one that fired without the stage leaving `scheduled` is armed again.
 *
 * One case's failure does not stop the others; they are reported (and make the run fail, so it
 * shows in the function's error metric).
 *
 * @example const report = await reconcile(ports, notifyOwner) // { uncertain: 0, cases: 42, scheduled: [...], failed: [] }
 */
export async function reconcile(ports: Pick<Ports, 'store' | 'scheduler' | 'clock' | 'log'>, notifyOwner: NotifyOwner, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const now = ports.clock.now();
  const before = new Date(now.getTime() - (options.staleAfterMs ?? 15 * 60_000)).toISOString();
  const uncertain = await markUncertain(ports, before);
  if (uncertain > 0) {
    await notifyOwner(
      `Overdue: ${uncertain} letter${uncertain === 1 ? '' : 's'} of uncertain fate`,
      `${uncertain} letter${uncertain === 1 ? ' was' : 's were'} claimed for sending before ${before} but no outcome was recorded: ${uncertain === 1 ? 'it' : 'each'} may or may not have gone out. They are marked "uncertain" in their cases; check them and resend with one click where needed.`,
    ).catch((error: unknown) => ports.log?.('error', 'owner not notified', { uncertain, error: (error as Error).message }));
  }

  const cases = (await ports.store.listCases()).filter((c) => c.status !== 'paid' && c.status !== 'cancelled');
  const scheduled: ReconcileReport['scheduled'] = [];
  const failed: ReconcileReport['failed'] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const record = cases[next++]!;
      try {
        const stage = nextScheduled(await ports.store.getStages(record.id), record.generation);
        if (!stage) continue;
        await ports.scheduler.schedule({ caseId: record.id, stageId: stage.id, instant: stage.instant, localDate: stage.localDate, localTime: stage.localTime, timeZone: stage.timeZone });
        scheduled.push({ caseId: record.id, stageId: stage.id });
      } catch (error) {
        failed.push({ caseId: record.id, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  const report = { uncertain, cases: cases.length, scheduled, failed };
  if (failed.length > 0) {
    ports.log?.('error', 'reconciler: some schedules could not be ensured', report);
    throw new Error(`Reconciler: ${failed.length} of ${cases.length} cases failed: ${failed.map((f) => `${f.caseId}: ${f.error}`).join('; ')}`);
  }
  return report;
}
