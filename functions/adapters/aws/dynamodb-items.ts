import { randomBytes } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CaseEvent, CaseRecord, StageRecord } from '../../ports/records.ts';

/** A raw DynamoDB item (the low-level client's AttributeValue map). */
export type Item = Record<string, AttributeValue>;

/** The primary key of each kind of item (see overdueTable in dynamodb-table.ts). */
export const itemKey = {
  case: (caseId: string): Item => ({ pk: { S: `CASE#${caseId}` }, sk: { S: 'CASE' } }),
  stage: (caseId: string, stageId: string): Item => ({ pk: { S: `CASE#${caseId}` }, sk: { S: `STAGE#${stageId}` } }),
  event: (caseId: string, eventId: string): Item => ({ pk: { S: `CASE#${caseId}` }, sk: { S: `EVENT#${eventId}` } }),
};

/** The case item: the record as JSON, plus the version that commits are conditioned on and the `CASES` index entry. */
export function caseItem(record: CaseRecord): Item {
  return {
    ...itemKey.case(record.id),
    type: { S: 'case' },
    version: { N: String(record.version) },
    status: { S: record.status },
    gsi1pk: { S: 'CASES' },
    gsi1sk: { S: `${record.createdAt}#${record.id}` },
    record: { S: JSON.stringify(record) },
  };
}

/**
 * The stage item. Only a `scheduled` stage is in the `DUE` index partition and only a `claimed`
 * one (with its claim time) in `CLAIMED`: the index stays as small as the work waiting.
 */
export function stageItem(stage: StageRecord): Item {
  const item: Item = {
    ...itemKey.stage(stage.caseId, stage.id),
    type: { S: 'stage' },
    status: { S: stage.status },
    instant: { S: stage.instant },
    record: { S: JSON.stringify(stage) },
  };
  if (stage.status === 'scheduled') {
    item['gsi1pk'] = { S: 'DUE' };
    item['gsi1sk'] = { S: `${stage.instant}#${stage.caseId}#${stage.id}` };
  } else if (stage.status === 'claimed' && stage.claimedAt) {
    item['gsi1pk'] = { S: 'CLAIMED' };
    item['gsi1sk'] = { S: `${stage.claimedAt}#${stage.caseId}#${stage.id}` };
  }
  if (stage.claimedAt) item['claimedAt'] = { S: stage.claimedAt };
  if (stage.messageId) item['gsi2pk'] = { S: `MSG#${stage.messageId}` };
  return item;
}

/** The event item: written once, never updated. */
export function eventItem(event: CaseEvent): Item {
  return { ...itemKey.event(event.caseId, event.id), type: { S: 'event' }, eventType: { S: event.type }, record: { S: JSON.stringify(event) } };
}

/** The record an item holds (a fresh object on every call), or undefined for no item. */
export function recordOf<T>(item: Item | undefined): T | undefined {
  const json = item?.['record']?.S;
  return json === undefined ? undefined : (JSON.parse(json) as T);
}

/** The case version an item holds (0 for no item). */
export function versionOf(item: Item | undefined): number {
  return Number(item?.['version']?.N ?? 0);
}

/**
 * Sortable, unique event id: `<at>#v<case version>.<phase><index>.<random>`. Events sort by
 * time; events of the same time by the case version they belong to (a commit's events carry the
 * version it creates, phase `a`; a claim's event the version it saw, phase `b`, so it sorts after
 * the commit that made that version and before the next one); then by their order in the write.
 * So the log reads in the order things were appended even when a fast-forward clock gives many
 * of them the same instant.
 *
 * @example eventId('2026-04-01T08:00:00.000Z', 2, 'a', 0) // '2026-04-01T08:00:00.000Z#v0000000002.a000.5f0c2a9e4b1d7c36'
 */
export function eventId(at: string, version: number, phase: 'a' | 'b', index: number): string {
  return `${at}#v${String(version).padStart(10, '0')}.${phase}${String(index).padStart(3, '0')}.${randomBytes(8).toString('hex')}`;
}
