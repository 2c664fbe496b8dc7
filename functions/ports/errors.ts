import type { CaseRecord, StageRecord } from './records.ts';

/** Port errors: adapters translate their driver's errors into these, so callers never see SQL or SDK exceptions. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export class CaseNotFoundError extends StoreError {
  override name = 'CaseNotFoundError';
  readonly caseId: string;
  constructor(caseId: string) {
    super(`No case ${caseId}`);
    this.caseId = caseId;
  }
}

export class CaseExistsError extends StoreError {
  override name = 'CaseExistsError';
  readonly caseId: string;
  constructor(caseId: string) {
    super(`Case ${caseId} already exists`);
    this.caseId = caseId;
  }
}

/** Someone else changed the case since it was read (optimistic concurrency). */
export class VersionConflictError extends StoreError {
  override name = 'VersionConflictError';
  readonly caseId: string;
  readonly expected: number;
  readonly current: CaseRecord | undefined;
  constructor(caseId: string, expected: number, current: CaseRecord | undefined) {
    super(`Case ${caseId} changed: expected version ${expected}, found ${current?.version ?? 'none'}`);
    this.caseId = caseId;
    this.expected = expected;
    this.current = current;
  }
}

/** The stage was not in the state the write required; carries the stage as it is. */
export class StageConflictError extends StoreError {
  override name = 'StageConflictError';
  readonly stageId: string;
  readonly expected: string;
  readonly current: StageRecord | undefined;
  constructor(stageId: string, expected: string, current: StageRecord | undefined) {
    super(`Stage ${stageId} is ${current?.status ?? 'missing'}, not ${expected}`);
    this.stageId = stageId;
    this.expected = expected;
    this.current = current;
  }
}

/** A mail error worth retrying (connection refused, 4xx SMTP, throttling). */
export class TransientMailError extends Error {
  override name = 'TransientMailError';
}

/** A mail error that retrying cannot fix (5xx SMTP, rejected recipient, message too big). */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}
