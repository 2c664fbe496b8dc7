import { createHash } from 'node:crypto';

/** What EventBridge Scheduler accepts as a schedule name and as a ClientToken. */
const allowed = /^[0-9A-Za-z_.-]{1,64}$/;

/**
 * The schedule's name, deterministic from the case and the stage, so creating it again (a retry,
 * the reconciler) finds the same schedule instead of making a second one.
 *
 * `<caseId>.<stageId>` when that fits the rules (1–64 characters of `[0-9a-zA-Z-_.]`, and a case
 * id without a dot, so the first dot tells case from stage); otherwise a readable prefix of each
 * plus 22 hex digits (88 bits) of the SHA-256 of both.
 *
 * @example scheduleName('c_8f3kq2m7x1p9d4t6', 'g1.late-7') // 'c_8f3kq2m7x1p9d4t6.g1.late-7'
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html (Name, ClientToken)
 */
export function scheduleName(caseId: string, stageId: string): string {
  const plain = `${caseId}.${stageId}`;
  if (!caseId.includes('.') && allowed.test(plain)) return plain;
  const digest = createHash('sha256').update(`${caseId}\u0000${stageId}`).digest('hex').slice(0, 22);
  return `${caseId.replace(/[^0-9A-Za-z_-]/g, '-').slice(0, 24)}.${stageId.replace(/[^0-9A-Za-z_.-]/g, '-').slice(0, 16)}.${digest}`;
}

/**
 * The ClientToken of a schedule request: the same request (name, operation, time and zone)
 * always gets the same token, so an SDK or Lambda retry of it cannot act twice; a request for
 * another time (a resend of the same stage) gets another token, so the idempotency window of an
 * earlier request never swallows it.
 *
 * @example scheduleClientToken('create', 'c_8f3k….g1.late-7', 'at(2026-03-30T10:00:00)', 'Europe/Paris') // 64 hex digits
 */
export function scheduleClientToken(operation: 'create' | 'update', name: string, expression: string, timeZone: string): string {
  return createHash('sha256').update([operation, name, expression, timeZone].join('\n')).digest('hex');
}
