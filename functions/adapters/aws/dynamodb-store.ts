import {
  BatchGetItemCommand,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  type CancellationReason,
  type DynamoDBClient,
  type QueryCommandInput,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { systemClock, type Clock } from '../../ports/clock.ts';
import { CaseExistsError, CaseNotFoundError, StageConflictError, StoreError, VersionConflictError } from '../../ports/errors.ts';
import type { CaseEvent, CaseRecord, NewEvent, StageRecord } from '../../ports/records.ts';
import type { Commit, StageWrite, Store } from '../../ports/store.ts';
import { caseItem, eventId, eventItem, itemKey, recordOf, stageItem, versionOf, type Item } from './dynamodb-items.ts';
import { overdueTable } from './dynamodb-table.ts';

export interface DynamoDbStoreOptions {
  /** created once per Lambda container (module scope) and shared; the store never destroys it */
  client: DynamoDBClient;
  tableName: string;
  /** sets `updatedAt` of a commit that carries no event (default: the system clock) */
  clock?: Clock | undefined;
  /** attempts of a write that lost a race it may retry (TransactionConflict, a concurrent unconditional change); default 10 */
  maxAttempts?: number | undefined;
}

/** The Store, plus the look-up the SES events handler needs. */
export interface DynamoDbStore extends Store {
  /** the stage whose letter the provider knows by `messageId` (SES MessageId), via the byMessage index */
  stageByMessageId(messageId: string): Promise<StageRecord | undefined>;
}

/** One TransactWriteItems call holds at most this many writes (DynamoDB's limit). */
export const maxTransactionItems = 100;

/**
 * The Store on one DynamoDB table (single-table design: see overdueTable). Every change is one
 * TransactWriteItems, so it lands whole or not at all, and is conditioned on what it was
 * computed from:
 *
 * - `commit`: the case item is Put on condition `version = <the version read>`; stage writes carry
 *   their `expect` (`attribute_not_exists(pk)` for 'absent', `status IN (...)` otherwise); events
 *   are Put with `attribute_not_exists(pk)` (the log is append-only). A cancelled transaction is
 *   read reason by reason (ReturnValuesOnConditionCheckFailure ALL_OLD) into VersionConflictError
 *   or StageConflictError carrying the item as it is; a commit without `expectedVersion` that
 *   loses a race is recomputed and retried, as are TransactionConflict cancellations.
 * - `claimStage`: the stage is Put as claimed on condition that it is still exactly the
 *   `scheduled` stage read (status and whole record: no ABA), with a ConditionCheck on the case
 *   version (so the `claimed` event sorts where it happened) and the event, in one transaction.
 * - Reads of a case, its stages and its log are strongly consistent (ConsistentRead). The
 *   cross-case queries (`dueStages`, `nextDueInstant`, `staleClaims`, `listCases`) go through the
 *   sparse byStatus index, which DynamoDB keeps only eventually consistent: the store takes keys
 *   from it and reads the items themselves back consistently, dropping what no longer matches,
 *   so a stage is never reported due after it was claimed. (An entry written in the last moment
 *   may be missed until the index catches up, typically well under a second.)
 * - Bound: one change writes at most 100 items (the case, stage writes and events), DynamoDB's
 *   transaction limit; a larger one is refused with a StoreError before anything is written
 *   rather than split (a split change would not be atomic). A ladder re-plan is about 20.
 *
 * @example
 * const store = createDynamoDbStore({ client: new DynamoDBClient({}), tableName: process.env.TABLE_NAME! });
 * await store.claimStage('c_8f3k…', 'g1.late-7', { token: randomUUID(), at: new Date().toISOString() });
 */
export function createDynamoDbStore(options: DynamoDbStoreOptions): DynamoDbStore {
  return new DynamoDbTableStore(options);
}

class DynamoDbTableStore implements DynamoDbStore {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #clock: Clock;
  readonly #maxAttempts: number;

  constructor(options: DynamoDbStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#clock = options.clock ?? systemClock;
    this.#maxAttempts = options.maxAttempts ?? 10;
  }

  async createCase(record: CaseRecord, stages: StageRecord[], events: NewEvent[]): Promise<void> {
    return this.#guard(async () => {
      const latest = new Map(stages.map((s) => [s.id, s]));
      const items: TransactWriteItem[] = [
        { Put: { TableName: this.#table, Item: caseItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...[...latest.values()].map((s) => ({ Put: { TableName: this.#table, Item: stageItem(s) } })),
        ...this.#eventPuts(record.id, events, record.version, 'a'),
      ];
      await this.#retrying(`create case ${record.id}`, async () => {
        const reasons = await this.#transact(record.id, items);
        if (!reasons) return true;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new CaseExistsError(record.id);
        return false;
      });
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.#guard(async () => recordOf<CaseRecord>(await this.#get(itemKey.case(id))));
  }

  async listCases(): Promise<CaseRecord[]> {
    return this.#guard(async () => {
      const keys = (await this.#query(indexQuery('CASES', undefined))).map(primaryKey);
      return (await this.#batchGet(keys)).flatMap((item) => recordOf<CaseRecord>(item) ?? []);
    });
  }

  async getStages(caseId: string): Promise<StageRecord[]> {
    return this.#guard(async () => {
      const stages = (await this.#items(caseId, 'STAGE#')).map((item) => recordOf<StageRecord>(item)!);
      return stages.sort((a, b) => compare(a.instant, b.instant) || compare(a.id, b.id));
    });
  }

  async getStage(caseId: string, stageId: string): Promise<StageRecord | undefined> {
    return this.#guard(async () => recordOf<StageRecord>(await this.#get(itemKey.stage(caseId, stageId))));
  }

  async getEvents(caseId: string): Promise<CaseEvent[]> {
    return this.#guard(async () => (await this.#items(caseId, 'EVENT#')).map((item) => recordOf<CaseEvent>(item)!));
  }

  async commit(change: Commit): Promise<void> {
    return this.#guard(async () => {
      const writes = mergeWrites(change.stages ?? []);
      await this.#retrying(`commit to case ${change.caseId}`, async () => {
        const currentItem = await this.#get(itemKey.case(change.caseId));
        const current = recordOf<CaseRecord>(currentItem);
        if (!current) throw new CaseNotFoundError(change.caseId);
        if (change.expectedVersion !== undefined && current.version !== change.expectedVersion) {
          throw new VersionConflictError(change.caseId, change.expectedVersion, current);
        }
        const version = versionOf(currentItem);
        const at = change.events?.[0]?.at ?? this.#clock.now().toISOString();
        const next: CaseRecord = { ...(change.record ?? current), version: version + 1, updatedAt: at };
        const items: TransactWriteItem[] = [
          {
            Put: {
              TableName: this.#table,
              Item: caseItem(next),
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': { N: String(version) } },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          ...writes.map((w) => this.#stagePut(w)),
          ...this.#eventPuts(change.caseId, change.events ?? [], version + 1, 'a'),
        ];
        const reasons = await this.#transact(change.caseId, items);
        if (!reasons) return true;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          if (change.expectedVersion === undefined) return false;
          const now = recordOf<CaseRecord>(reasons[0].Item) ?? (await this.getCase(change.caseId));
          throw new VersionConflictError(change.caseId, change.expectedVersion, now);
        }
        const failed = writes.findIndex((_, i) => reasons[i + 1]?.Code === 'ConditionalCheckFailed');
        if (failed >= 0) {
          const { stage, expect } = writes[failed]!;
          const item = reasons[failed + 1]?.Item;
          const now = item ? recordOf<StageRecord>(item) : await this.getStage(stage.caseId, stage.id);
          throw new StageConflictError(stage.id, expectLabel(expect!), now);
        }
        return false;
      });
    });
  }

  async claimStage(caseId: string, stageId: string, claim: { token: string; at: string }): Promise<StageRecord> {
    return this.#guard(async () => {
      let claimed: StageRecord | undefined;
      await this.#retrying(`claim of stage ${stageId} of case ${caseId}`, async () => {
        const [caseNow, stageNow] = await Promise.all([this.#get(itemKey.case(caseId)), this.#get(itemKey.stage(caseId, stageId))]);
        const stage = recordOf<StageRecord>(stageNow);
        if (!stage || stage.status !== 'scheduled') throw new StageConflictError(stageId, 'scheduled', stage);
        const version = versionOf(caseNow);
        claimed = { ...stage, status: 'claimed', claimToken: claim.token, claimedAt: claim.at, attempts: stage.attempts + 1 };
        const reasons = await this.#transact(caseId, [
          {
            Put: {
              TableName: this.#table,
              Item: stageItem(claimed),
              ConditionExpression: '#status = :scheduled AND #record = :read',
              ExpressionAttributeNames: { '#status': 'status', '#record': 'record' },
              ExpressionAttributeValues: { ':scheduled': { S: 'scheduled' }, ':read': stageNow!['record']! },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            ConditionCheck: {
              TableName: this.#table,
              Key: itemKey.case(caseId),
              ConditionExpression: caseNow ? '#version = :version' : 'attribute_not_exists(pk)',
              ExpressionAttributeNames: caseNow ? { '#version': 'version' } : undefined,
              ExpressionAttributeValues: caseNow ? { ':version': { N: String(version) } } : undefined,
            },
          },
          ...this.#eventPuts(caseId, [{ at: claim.at, actor: 'system', type: 'claimed', stageId, data: { token: claim.token } }], version, 'b'),
        ]);
        if (!reasons) return true;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          const now = recordOf<StageRecord>(reasons[0].Item);
          if (!now || now.status !== 'scheduled') throw new StageConflictError(stageId, 'scheduled', now);
        }
        return false;
      });
      return claimed!;
    });
  }

  async dueStages(now: string, limit: number): Promise<StageRecord[]> {
    return this.#guard(async () =>
      this.#fromIndex('DUE', now, limit, (s) => s.status === 'scheduled' && s.instant <= now, (a, b) => compare(a.instant, b.instant) || compare(a.caseId, b.caseId) || compare(a.id, b.id)),
    );
  }

  async nextDueInstant(): Promise<string | undefined> {
    return this.#guard(async () => {
      const [first] = await this.#fromIndex('DUE', undefined, 1, (s) => s.status === 'scheduled', (a, b) => compare(a.instant, b.instant));
      return first?.instant;
    });
  }

  async staleClaims(before: string): Promise<StageRecord[]> {
    return this.#guard(async () =>
      this.#fromIndex('CLAIMED', before, Number.POSITIVE_INFINITY, (s) => s.status === 'claimed' && s.claimedAt !== undefined && s.claimedAt <= before, (a, b) => compare(a.claimedAt!, b.claimedAt!)),
    );
  }

  async stageByMessageId(messageId: string): Promise<StageRecord | undefined> {
    return this.#guard(async () => {
      const { byMessage } = overdueTable.indexes;
      const keys = await this.#query({
        IndexName: byMessage.name,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': byMessage.partitionKey },
        ExpressionAttributeValues: { ':p': { S: `MSG#${messageId}` } },
      });
      const stages = (await this.#batchGet(keys.map(primaryKey))).flatMap((item) => recordOf<StageRecord>(item) ?? []);
      return stages.find((s) => s.messageId === messageId);
    });
  }

  /** The client belongs to whoever made it (one per Lambda container): closing the store leaves it open. */
  async close(): Promise<void> {}

  /**
   * Records of one byStatus partition (`DUE` or `CLAIMED`) up to `upTo` (an instant; inclusive),
   * oldest first, read back consistently and kept only if `keep` still holds, until `limit`.
   */
  async #fromIndex(partition: 'DUE' | 'CLAIMED', upTo: string | undefined, limit: number, keep: (s: StageRecord) => boolean, order: (a: StageRecord, b: StageRecord) => number): Promise<StageRecord[]> {
    const found: StageRecord[] = [];
    let start: Item | undefined;
    const page = Number.isFinite(limit) ? Math.min(Math.max(limit, 10), 100) : 100;
    do {
      const result = await this.#client.send(new QueryCommand({ TableName: this.#table, ...indexQuery(partition, upTo), Limit: page, ExclusiveStartKey: start }));
      start = result.LastEvaluatedKey;
      const items = await this.#batchGet((result.Items ?? []).map(primaryKey));
      found.push(...items.flatMap((item) => recordOf<StageRecord>(item) ?? []).filter(keep));
    } while (start && found.length < limit);
    return found.sort(order).slice(0, Number.isFinite(limit) ? limit : undefined);
  }

  #stagePut({ stage, expect }: StageWrite): TransactWriteItem {
    const put = { TableName: this.#table, Item: stageItem(stage) };
    if (expect === undefined) return { Put: put };
    if (expect === 'absent') return { Put: { ...put, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
    const statuses = Array.isArray(expect) ? expect : [expect];
    return {
      Put: {
        ...put,
        ConditionExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(statuses.map((s, i) => [`:s${i}`, { S: s }])),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  #eventPuts(caseId: string, events: NewEvent[], version: number, phase: 'a' | 'b'): TransactWriteItem[] {
    return events.map((e, i) => ({
      Put: { TableName: this.#table, Item: eventItem({ caseId, id: eventId(e.at, version, phase, i), ...e }), ConditionExpression: 'attribute_not_exists(pk)' },
    }));
  }

  /** Runs one transaction; answers undefined when it committed, or the cancellation reasons (one per item). */
  async #transact(caseId: string, items: TransactWriteItem[]): Promise<CancellationReason[] | undefined> {
    if (items.length > maxTransactionItems) {
      throw new StoreError(
        `DynamoDB: a change to case ${caseId} writes ${items.length} items; one transaction holds at most ${maxTransactionItems} (the case, its stage writes and its log entries), and a change is never split`,
      );
    }
    try {
      await this.#client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons) return error.CancellationReasons;
      throw error;
    }
  }

  /**
   * Repeats `attempt` until it answers true (done) or throws; false means "lost a race worth
   * retrying" (a TransactionConflict, a concurrent change to retry from a fresh read).
   */
  async #retrying(what: string, attempt: () => Promise<boolean>): Promise<void> {
    for (let n = 1; n <= this.#maxAttempts; n++) {
      if (await attempt()) return;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 10 * 2 ** n)));
    }
    throw new StoreError(`DynamoDB: gave up on the ${what} after ${this.#maxAttempts} attempts lost to concurrent writes`);
  }

  async #get(key: Item): Promise<Item | undefined> {
    return (await this.#client.send(new GetItemCommand({ TableName: this.#table, Key: key, ConsistentRead: true }))).Item;
  }

  /** Every item of a case whose sort key starts with `prefix`, in sort-key order, consistently read. */
  async #items(caseId: string, prefix: string): Promise<Item[]> {
    return this.#query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${caseId}` }, ':prefix': { S: prefix } },
      ConsistentRead: true,
    });
  }

  async #query(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const result = await this.#client.send(new QueryCommand({ TableName: this.#table, ...input, ExclusiveStartKey: start }));
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** The items of `keys` (consistent reads, 100 keys a call, unprocessed keys retried), in the order of `keys`; missing ones left out. */
  async #batchGet(keys: Item[]): Promise<Item[]> {
    const found = new Map<string, Item>();
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Item[] = keys.slice(i, i + 100);
      for (let n = 1; pending.length > 0; n++) {
        if (n > this.#maxAttempts) throw new StoreError(`DynamoDB: BatchGetItem left ${pending.length} keys unprocessed after ${this.#maxAttempts} attempts`);
        const result = await this.#client.send(new BatchGetItemCommand({ RequestItems: { [this.#table]: { Keys: pending, ConsistentRead: true } } }));
        for (const item of result.Responses?.[this.#table] ?? []) found.set(keyString(item), item);
        pending = result.UnprocessedKeys?.[this.#table]?.Keys ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 20 * 2 ** n)));
      }
    }
    return keys.map((key) => found.get(keyString(key))).filter((item): item is Item => item !== undefined);
  }

  /** DynamoDB and network errors become StoreErrors naming DynamoDB; the port's own errors pass through. */
  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const e = error as Error;
      throw new StoreError(`DynamoDB: ${e.name}: ${e.message}`, { cause: error });
    }
  }
}

/** Sequential writes to one stage in one commit become one write, as if applied in order (DynamoDB refuses two operations on one item in a transaction). */
function mergeWrites(writes: StageWrite[]): StageWrite[] {
  const merged = new Map<string, StageWrite>();
  for (const write of writes) {
    const earlier = merged.get(write.stage.id);
    if (!earlier) {
      merged.set(write.stage.id, write);
      continue;
    }
    if (write.expect !== undefined && !holds(write.expect, earlier.stage)) throw new StageConflictError(write.stage.id, expectLabel(write.expect), earlier.stage);
    merged.set(write.stage.id, { stage: write.stage, expect: earlier.expect });
  }
  return [...merged.values()];
}

function holds(expect: NonNullable<StageWrite['expect']>, stage: StageRecord): boolean {
  if (expect === 'absent') return false;
  return Array.isArray(expect) ? expect.includes(stage.status) : stage.status === expect;
}

function expectLabel(expect: NonNullable<StageWrite['expect']>): string {
  return Array.isArray(expect) ? expect.join('|') : expect;
}

function indexQuery(partition: 'DUE' | 'CLAIMED' | 'CASES', upTo: string | undefined): Omit<QueryCommandInput, 'TableName'> {
  const { byStatus } = overdueTable.indexes;
  // sort keys are `<instant>#<caseId>#<stageId>`: '$' sorts right after '#', so `<= upTo$` takes every entry of the instant `upTo` itself
  return {
    IndexName: byStatus.name,
    KeyConditionExpression: upTo === undefined ? '#p = :p' : '#p = :p AND #s <= :upTo',
    ExpressionAttributeNames: upTo === undefined ? { '#p': byStatus.partitionKey } : { '#p': byStatus.partitionKey, '#s': byStatus.sortKey },
    ExpressionAttributeValues: upTo === undefined ? { ':p': { S: partition } } : { ':p': { S: partition }, ':upTo': { S: `${upTo}$` } },
  };
}

function primaryKey(item: Item): Item {
  return { pk: item['pk']!, sk: item['sk']! };
}

function keyString(item: Item): string {
  return `${item['pk']?.S}\u0000${item['sk']?.S}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
