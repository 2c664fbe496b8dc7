import type { CaseEvent, CaseRecord, NewEvent, StageRecord, StageStatus } from './records.ts';

/** A stage write inside a commit; `expect` makes it conditional on the stage's current status. */
export interface StageWrite {
  stage: StageRecord;
  expect?: StageStatus | StageStatus[] | 'absent' | undefined;
}

/** One atomic change to a case: the new record (if it changes), stage writes and log entries. */
export interface Commit {
  caseId: string;
  /** the record's version the change was computed from; omitted: unconditional */
  expectedVersion?: number | undefined;
  /** the new record; the store sets version = previous + 1 and updatedAt */
  record?: CaseRecord | undefined;
  stages?: StageWrite[] | undefined;
  events?: NewEvent[] | undefined;
}

/**
 * Where cases, their stages and their logs live. Local: SQLite; AWS: DynamoDB. Both run the one
 * contract suite in test/contracts/store.contract.ts.
 *
 * Every read is strongly consistent (the sender re-reads a case right before sending).
 */
export interface Store {
  /** @throws CaseExistsError */
  createCase(record: CaseRecord, stages: StageRecord[], events: NewEvent[]): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  listCases(): Promise<CaseRecord[]>;
  getStages(caseId: string): Promise<StageRecord[]>;
  getStage(caseId: string, stageId: string): Promise<StageRecord | undefined>;
  /** the case's log, oldest first */
  getEvents(caseId: string): Promise<CaseEvent[]>;
  /**
   * Applies a commit atomically, or nothing.
   * @throws VersionConflictError when `expectedVersion` does not match
   * @throws StageConflictError when a stage write's `expect` does not hold
   * @throws CaseNotFoundError
   */
  commit(change: Commit): Promise<void>;
  /**
   * The conditional write that makes sending at most once: `scheduled` → `claimed` with the
   * token and time, and a `claimed` event. Returns the claimed stage.
   * @throws StageConflictError (carrying the stage as it is) when it is not `scheduled`
   */
  claimStage(caseId: string, stageId: string, claim: { token: string; at: string }): Promise<StageRecord>;
  /** `scheduled` stages whose instant is at or before `now`, oldest first */
  dueStages(now: string, limit: number): Promise<StageRecord[]>;
  /** the earliest instant of any `scheduled` stage */
  nextDueInstant(): Promise<string | undefined>;
  /** `claimed` stages claimed at or before `before` (the reconciler turns them `uncertain`) */
  staleClaims(before: string): Promise<StageRecord[]>;
  close(): Promise<void>;
}
