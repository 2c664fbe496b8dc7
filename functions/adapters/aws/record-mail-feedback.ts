import { cancelScheduled, mutateCase } from '../../cases/mutate-case.ts';
import type { Ports } from '../../ports/ports.ts';
import type { CaseRecord, StageRecord } from '../../ports/records.ts';
import type { Store } from '../../ports/store.ts';
import type { DynamoDbStore } from './dynamodb-store.ts';
import type { MailFeedback } from './ses-notification.ts';
import type { NotifyOwner } from './sns-owner-notifier.ts';

export interface MailFeedbackPorts extends Pick<Ports, 'scheduler' | 'clock' | 'log'> {
  store: Store & Pick<DynamoDbStore, 'stageByMessageId'>;
  notifyOwner: NotifyOwner;
}

export type MailFeedbackOutcome =
  | { outcome: 'paused' | 'logged'; caseId: string; stageId: string }
  | { outcome: 'duplicate'; caseId: string; stageId: string };

/** Cases whose letters are still going out: a bounce or complaint stops them. */
const sending = new Set<CaseRecord['status']>(['active', 'promised', 'plan', 'settlement']);

/**
 * Records what SES reported about a letter in its case:
 * - a bounce or a complaint: the case is paused (status `paused`, every scheduled stage cancelled
 *   and its schedule deleted; `resume` plans the ladder again once the address is fixed), a
 *   `bounce`/`complaint` entry names the recipients, the stage and the message id, and the owner
 *   is notified. A case that is not sending (paid, cancelled, already paused or disputed) only
 *   gets the log entry and the notification.
 * - a delivery: a `delivery` entry.
 * The same report delivered twice (SNS delivers at least once) is recorded once. The letter is
 * found by SES's message id (the byMessage index), or else by its Message-ID header
 * `<caseId.stageId@domain>` (the index may not have caught up with a very fast delivery report).
 * A notification that cannot be sent is logged, not retried: the pause and the log entry stand.
 *
 * @throws Error when no letter has that message id yet (the event is retried later, when the send has been recorded)
 * @example await recordMailFeedback(ports, feedback) // { outcome: 'paused', caseId: 'c_…', stageId: 'g1.late-7' }
 */
export async function recordMailFeedback(ports: MailFeedbackPorts, feedback: MailFeedback): Promise<MailFeedbackOutcome> {
  const stage = await findLetter(ports, feedback);
  if (!stage) throw new Error(`SES ${feedback.kind}: no letter with SES message id ${feedback.sesMessageId}${feedback.headerMessageId ? ` or Message-ID ${feedback.headerMessageId}` : ''} (yet)`);
  const { caseId, id: stageId } = stage;
  const logged = await ports.store.getEvents(caseId);
  if (logged.some((e) => e.type === feedback.kind && e.data?.['feedbackId'] === feedback.feedbackId)) return { outcome: 'duplicate', caseId, stageId };

  const now = ports.clock.now().toISOString();
  const data = { recipients: feedback.recipients, messageId: feedback.sesMessageId, feedbackId: feedback.feedbackId, reportedAt: feedback.reportedAt, ...feedback.detail };
  if (feedback.kind === 'delivery') {
    await ports.store.commit({ caseId, events: [{ at: now, actor: 'mail-provider', type: 'delivery', stageId, data }] });
    return { outcome: 'logged', caseId, stageId };
  }

  let paused = false;
  const record = await mutateCase(ports, caseId, (current, stages) => {
    paused = sending.has(current.status);
    const event = { at: now, actor: 'mail-provider' as const, type: feedback.kind, stageId, data: { ...data, status: current.status } };
    return paused ? { record: { ...current, status: 'paused' }, stages: cancelScheduled(stages, feedback.kind), events: [event] } : { events: [event] };
  });

  const what = feedback.kind === 'bounce' ? `bounced (${feedback.detail['bounceType'] ?? 'bounce'})` : 'was reported as spam';
  const reference = record.file.reference ?? caseId;
  const lines = [
    `The letter "${stage.subject ?? stage.template}" (stage ${stageId}) of case ${reference} to ${feedback.recipients.join(', ')} ${what}.`,
    feedback.detail['diagnostic'] ? `The receiving server said: ${feedback.detail['diagnostic']}` : undefined,
    paused
      ? 'The case is paused: no further letter goes out. Correct the debtor\'s address, then resume the case.'
      : `The case is ${record.status}; nothing else was changed.`,
    `SES message id: ${feedback.sesMessageId}`,
  ].filter((line): line is string => line !== undefined);
  try {
    await ports.notifyOwner(`Overdue: a letter ${feedback.kind === 'bounce' ? 'bounced' : 'drew a complaint'} (${reference})`, lines.join('\n\n'));
  } catch (error) {
    ports.log?.('error', 'owner not notified', { caseId, stageId, kind: feedback.kind, error: (error as Error).message });
  }
  return { outcome: paused ? 'paused' : 'logged', caseId, stageId };
}

async function findLetter(ports: MailFeedbackPorts, feedback: MailFeedback): Promise<StageRecord | undefined> {
  const byId = await ports.store.stageByMessageId(feedback.sesMessageId);
  if (byId) return byId;
  // the renderer's Message-ID: `<caseId.stageId@domain>` (case ids have no dot)
  const local = /^<([^.@<>]+)\.([^@<>]+)@[^<>]+>$/.exec(feedback.headerMessageId ?? '');
  if (!local) return undefined;
  const stage = await ports.store.getStage(local[1]!, local[2]!);
  return stage && ['claimed', 'sent', 'failed', 'uncertain'].includes(stage.status) ? stage : undefined;
}
