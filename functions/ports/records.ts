import type { CaseFile, CaseStatus } from '#domain/schemas/case.ts';
import type { PaymentPlan, Settlement } from '#domain/schemas/payment-plan.ts';

/**
 * A case as the store keeps it: the validated case file (invoices carry the payments recorded so
 * far) and where the case stands. `version` increases with every change (optimistic concurrency).
 * This is a projection; the append-only event log is the history.
 */
export interface CaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  status: CaseStatus;
  file: CaseFile;
  /** set while a promise to pay pauses the case: the promised date (YYYY-MM-DD) */
  promisedUntil?: string | undefined;
  paymentPlan?: PaymentPlan | undefined;
  settlement?: Settlement | undefined;
  /** the ladder generation whose stages are live; a re-plan starts a new one */
  generation: number;
}

/**
 * - `scheduled`: waiting for its time
 * - `claimed`: the sender took it (conditional write) and has not recorded the outcome yet
 * - `sent`: the letter went out (message id, time and hashes recorded); for a task: it fell due
 * - `failed`: sending failed for good (permanent error, or transient errors past the retries)
 * - `uncertain`: claimed long ago with no outcome recorded (a crash between claim and record):
 *   shown to the owner with a one-click resend, never resent silently
 * - `cancelled`: a payment, pause, dispute, plan or cancellation stopped it
 * - `skipped`: the catch-up policy or the issue date left it out
 */
export type StageStatus = 'scheduled' | 'claimed' | 'sent' | 'failed' | 'uncertain' | 'cancelled' | 'skipped';

export interface StageRecord {
  caseId: string;
  /** unique within the case: `g<generation>.<stage key>` */
  id: string;
  generation: number;
  /** order within the generation */
  seq: number;
  key: string;
  /** email: a letter; task: a call or visit for the owner; check: a system check (promise, instalment, settlement) */
  channel: 'email' | 'task' | 'check';
  template: string;
  /** UTC instant, ISO 8601 */
  instant: string;
  localDate: string;
  localTime: string;
  timeZone: string;
  status: StageStatus;
  /** the instalment a plan reminder belongs to */
  instalment?: number | undefined;
  claimToken?: string | undefined;
  claimedAt?: string | undefined;
  sentAt?: string | undefined;
  messageId?: string | undefined;
  pdfSha256?: string | undefined;
  emlSha256?: string | undefined;
  subject?: string | undefined;
  attempts: number;
  error?: string | undefined;
}

export type Actor = 'owner' | 'system' | 'debtor' | 'mail-provider';

export type EventType =
  | 'created'
  | 'planned'
  | 'claimed'
  | 'sent'
  | 'send-failed'
  | 'send-retry'
  | 'uncertain'
  | 'resend-requested'
  | 'task-due'
  | 'task-outcome'
  | 'cancelled-stage'
  | 'payment'
  | 'paid'
  | 'promise'
  | 'promise-expired'
  | 'dispute'
  | 'pause'
  | 'resume'
  | 'plan-agreed'
  | 'instalment-missed'
  | 'settlement-agreed'
  | 'settlement-lapsed'
  | 'note'
  | 'cancelled'
  | 'delivery'
  | 'bounce'
  | 'complaint'
  | 'share-created'
  | 'share-revoked';

/** One entry of a case's append-only log. */
export interface CaseEvent {
  caseId: string;
  /** sortable and unique: `<at>#<random>` */
  id: string;
  at: string;
  actor: Actor;
  type: EventType;
  /** the stage this event is about, if any */
  stageId?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

export type NewEvent = Omit<CaseEvent, 'caseId' | 'id'>;
