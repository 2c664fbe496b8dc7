/**
 * The daily reconciler (an EventBridge Scheduler rate or cron schedule): stale claims (over 15
 * minutes, no outcome) become `uncertain`, and every live case's next stage has its schedule
 * ensured (reconcile).
 */
import { reconcile, type ReconcileReport } from '../adapters/aws/reconcile.ts';
import { createAwsPorts, readAwsEnv } from './aws-ports.ts';

const ports = createAwsPorts(readAwsEnv(process.env));

export const handler = async (): Promise<ReconcileReport> => {
  const report = await reconcile(ports, ports.notifyOwner, { staleAfterMs: 15 * 60_000 });
  ports.log?.('info', 'reconciled', { uncertain: report.uncertain, cases: report.cases, scheduled: report.scheduled.length });
  return report;
};
