import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  QueryCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStore, type DynamoDbStore } from '#functions/adapters/aws/dynamodb-store.ts';
import { createTableInput, overdueTable } from '#functions/adapters/aws/dynamodb-table.ts';
import { StageConflictError, StoreError, VersionConflictError } from '#functions/ports/errors.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';
import type { Store } from '#functions/ports/store.ts';
import { testStore } from '../../../contracts/store.contract.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './stand-ins.ts';

// started at import time (not in beforeAll) because the contract suite's `make` needs it and
// DynamoDB Local takes seconds to start: once per file
const ddb: DynamoDbLocal = await startDynamoDbLocal();
const admin = ddb.client();
const tables: string[] = [];
const tableOf = new WeakMap<Store, string>();

async function freshTable(): Promise<string> {
  const name = `overdue-${randomUUID()}`;
  await admin.send(new CreateTableCommand(createTableInput(name)));
  tables.push(name);
  return name;
}
function storeOn(tableName: string, client: DynamoDBClient = ddb.client()): DynamoDbStore {
  const store = createDynamoDbStore({ client, tableName });
  tableOf.set(store, tableName);
  return store;
}

testStore({
  name: 'dynamodb (DynamoDB Local, a fresh table per test)',
  make: async () => storeOn(await freshTable()),
  reopen: async (store) => storeOn(tableOf.get(store)!),
  cleanup: async () => {
    for (const name of tables.splice(0)) await admin.send(new DeleteTableCommand({ TableName: name }));
  },
});

const at = (minutes: number): string => new Date(Date.UTC(2026, 3, 1, 8, 0) + minutes * 60_000).toISOString();
const record = (id: string, extra: Partial<CaseRecord> = {}): CaseRecord => ({
  id,
  createdAt: at(0),
  updatedAt: at(0),
  version: 1,
  status: 'active',
  file: { reference: 'PD-0142' } as never,
  generation: 1,
  ...extra,
});
const stage = (caseId: string, key: string, minutes: number, extra: Partial<StageRecord> = {}): StageRecord => ({
  caseId,
  id: `g1.${key}`,
  generation: 1,
  seq: 0,
  key,
  channel: 'email',
  template: 'overdue-gentle',
  instant: at(minutes),
  localDate: at(minutes).slice(0, 10),
  localTime: at(minutes).slice(11, 16),
  timeZone: 'Europe/London',
  status: 'scheduled',
  attempts: 0,
  ...extra,
});

/**
 * A client that runs `before` once, just before its next TransactWriteItems goes out: the
 * store has read what it read, and another writer gets in first (the race the conditions are for).
 */
function racingClient(): { client: DynamoDBClient; beforeNextTransaction: (before: () => Promise<void>) => void; commands: { name: string; input: Record<string, unknown> }[] } {
  const client = ddb.client();
  let pending: (() => Promise<void>) | undefined;
  const commands: { name: string; input: Record<string, unknown> }[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push({ name: context.commandName ?? '', input: structuredClone(args.input as Record<string, unknown>) });
      if (context.commandName === 'TransactWriteItemsCommand' && pending) {
        const run = pending;
        pending = undefined;
        await run();
      }
      return next(args);
    },
    { step: 'initialize', name: 'race-in-between' },
  );
  return { client, beforeNextTransaction: (before) => (pending = before), commands };
}

async function seeded(): Promise<{ table: string; store: DynamoDbStore; other: DynamoDbStore; race: ReturnType<typeof racingClient> }> {
  const table = await freshTable();
  const race = racingClient();
  const store = storeOn(table, race.client);
  await store.createCase(record('case-a'), [stage('case-a', 'one', 60), stage('case-a', 'two', 120)], [{ at: at(0), actor: 'owner', type: 'created' }]);
  return { table, store, other: storeOn(table), race };
}

describe('dynamodb store: what only DynamoDB has', () => {
  afterAll(async () => {
    for (const name of tables.splice(0)) await admin.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
    await ddb.stop();
  });

  describe('a transaction cancelled by a writer that got in between the read and the write', () => {
    it('a commit from version 1 becomes VersionConflictError carrying the record the other writer left (ALL_OLD)', async () => {
      const { store, other, race } = await seeded();
      race.beforeNextTransaction(() => other.commit({ caseId: 'case-a', expectedVersion: 1, record: record('case-a', { status: 'paused' }) }));

      const error = await store.commit({ caseId: 'case-a', expectedVersion: 1, record: record('case-a', { status: 'paid' }), events: [{ at: at(5), actor: 'owner', type: 'paid' }] }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).current).toMatchObject({ version: 2, status: 'paused' });
      expect((await other.getEvents('case-a')).map((e) => e.type)).toEqual(['created']);
    });

    it('a stage condition that no longer holds becomes StageConflictError carrying the stage as the other writer left it', async () => {
      const { store, other, race } = await seeded();
      const one = (await store.getStage('case-a', 'g1.one'))!;
      race.beforeNextTransaction(async () => {
        await other.claimStage('case-a', 'g1.one', { token: 'other', at: at(60) });
      });

      const error = await store.commit({ caseId: 'case-a', stages: [{ stage: { ...one, status: 'cancelled' }, expect: 'scheduled' }] }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StageConflictError);
      expect((error as StageConflictError).current).toMatchObject({ id: 'g1.one', status: 'claimed', claimToken: 'other' });
      expect((await other.getCase('case-a'))?.version).toBe(1);
    });

    it('a commit without expectedVersion that loses the race is recomputed on the new version, keeping both changes', async () => {
      const { store, other, race } = await seeded();
      race.beforeNextTransaction(() => other.commit({ caseId: 'case-a', events: [{ at: at(5), actor: 'owner', type: 'note', data: { text: 'first' } }] }));

      await store.commit({ caseId: 'case-a', events: [{ at: at(5), actor: 'owner', type: 'note', data: { text: 'second' } }] });

      expect((await other.getCase('case-a'))?.version).toBe(3);
      expect((await other.getEvents('case-a')).map((e) => e.data?.['text'] ?? e.type)).toEqual(['created', 'first', 'second']);
    });

    it('a claim that loses to another claim is StageConflictError with the winner\'s claim, and only one `claimed` event is logged', async () => {
      const { store, other, race } = await seeded();
      race.beforeNextTransaction(async () => {
        await other.claimStage('case-a', 'g1.one', { token: 'winner', at: at(60) });
      });

      const error = await store.claimStage('case-a', 'g1.one', { token: 'loser', at: at(60) }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StageConflictError);
      expect((error as StageConflictError).current?.claimToken).toBe('winner');
      expect((await other.getEvents('case-a')).filter((e) => e.type === 'claimed').map((e) => e.data?.['token'])).toEqual(['winner']);
    });

    it('a claim whose case changed meanwhile (the stage still scheduled) is retried and its event sorts after that change', async () => {
      const { store, other, race } = await seeded();
      race.beforeNextTransaction(() => other.commit({ caseId: 'case-a', events: [{ at: at(60), actor: 'owner', type: 'note', data: { text: 'same instant, earlier' } }] }));

      await store.claimStage('case-a', 'g1.one', { token: 'tok', at: at(60) });
      await other.commit({ caseId: 'case-a', events: [{ at: at(60), actor: 'system', type: 'note', data: { text: 'same instant, later' } }] });

      expect((await other.getEvents('case-a')).map((e) => e.data?.['text'] ?? e.type)).toEqual(['created', 'same instant, earlier', 'claimed', 'same instant, later']);
    });
  });

  describe('the byStatus index (sparse) and the byMessage index', () => {
    const indexEntries = async (table: string, partition: string): Promise<string[]> => {
      const { byStatus } = overdueTable.indexes;
      const result = await admin.send(
        new QueryCommand({
          TableName: table,
          IndexName: byStatus.name,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': byStatus.partitionKey },
          ExpressionAttributeValues: { ':p': { S: partition } },
        }),
      );
      return (result.Items ?? []).map((i) => i['gsi1sk']!.S!);
    };

    it('a scheduled stage is in DUE by instant; claimed, it moves to CLAIMED by claim time; sent, it is in neither but findable by its message id', async () => {
      const { table, store } = await seeded();
      expect(await indexEntries(table, 'DUE')).toEqual([`${at(60)}#case-a#g1.one`, `${at(120)}#case-a#g1.two`]);
      expect(await indexEntries(table, 'CASES')).toEqual([`${at(0)}#case-a`]);

      const claimed = await store.claimStage('case-a', 'g1.one', { token: 'tok', at: at(61) });
      expect(await indexEntries(table, 'DUE')).toEqual([`${at(120)}#case-a#g1.two`]);
      expect(await indexEntries(table, 'CLAIMED')).toEqual([`${at(61)}#case-a#g1.one`]);

      const sent: StageRecord = { ...claimed, status: 'sent', sentAt: at(62), messageId: '0102019a-ses-message-id-000000' };
      await store.commit({ caseId: 'case-a', stages: [{ stage: sent, expect: 'claimed' }] });
      expect(await indexEntries(table, 'CLAIMED')).toEqual([]);
      expect(await store.stageByMessageId('0102019a-ses-message-id-000000')).toEqual(sent);
      expect(await store.stageByMessageId('unknown')).toBeUndefined();
    });

    it('the table in DynamoDB Local is the one createTableInput describes (what the CDK stack builds)', async () => {
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: await freshTable() }));
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(Table?.GlobalSecondaryIndexes?.map((g) => ({ name: g.IndexName, keys: g.KeySchema?.map((k) => k.AttributeName), projection: g.Projection?.ProjectionType })).sort((a, b) => a.name!.localeCompare(b.name!))).toEqual([
        { name: 'byMessage', keys: ['gsi2pk'], projection: 'KEYS_ONLY' },
        { name: 'byStatus', keys: ['gsi1pk', 'gsi1sk'], projection: 'KEYS_ONLY' },
      ]);
    });

    it('keeps each record whole as JSON beside the attributes that conditions read', async () => {
      const { table } = await seeded();
      const { Item } = await admin.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'CASE#case-a' }, sk: { S: 'CASE' } } }));
      expect(Item).toMatchObject({ type: { S: 'case' }, version: { N: '1' }, status: { S: 'active' }, gsi1pk: { S: 'CASES' } });
      expect(JSON.parse(Item!['record']!.S!)).toEqual(record('case-a'));
    });
  });

  it('reads a case, its stages, its log and index hits with ConsistentRead (strongly consistent)', async () => {
    const { store, race } = await seeded();
    race.commands.length = 0;
    await store.getCase('case-a');
    await store.getStage('case-a', 'g1.one');
    await store.getStages('case-a');
    await store.getEvents('case-a');
    await store.dueStages(at(1000), 10);
    await store.listCases();

    const reads = race.commands.filter((c) => c.name !== 'QueryCommand' || !('IndexName' in c.input));
    expect(reads.map((c) => c.name)).toEqual(['GetItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand', 'BatchGetItemCommand', 'BatchGetItemCommand']);
    for (const { name, input } of reads) {
      const consistent = name === 'BatchGetItemCommand' ? Object.values(input['RequestItems'] as Record<string, { ConsistentRead?: boolean }>)[0]?.ConsistentRead : input['ConsistentRead'];
      expect(consistent, name).toBe(true);
    }
  });

  it('refuses a change of more than 100 items before writing anything, saying why', async () => {
    const { store, other } = await seeded();
    const many = Array.from({ length: 99 }, (_, i) => ({ stage: stage('case-a', `extra-${i}`, 200 + i), expect: 'absent' as const }));

    const error = await store.commit({ caseId: 'case-a', stages: many, events: [{ at: at(1), actor: 'owner', type: 'note' }] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatchInlineSnapshot(
      `"DynamoDB: a change to case case-a writes 101 items; one transaction holds at most 100 (the case, its stage writes and its log entries), and a change is never split"`,
    );
    expect((await other.getStages('case-a')).length).toBe(2);
    // 98 stage writes + 1 event + the case = 100: the largest change there is
    await store.commit({ caseId: 'case-a', stages: many.slice(0, 98), events: [{ at: at(1), actor: 'owner', type: 'note' }] });
    expect((await other.getStages('case-a')).length).toBe(100);
  });

  it('two writes to one stage in one commit apply in order, as they would one after the other', async () => {
    const { store, other } = await seeded();
    const one = (await store.getStage('case-a', 'g1.one'))!;
    await store.commit({
      caseId: 'case-a',
      stages: [
        { stage: { ...one, status: 'claimed', claimedAt: at(60) }, expect: 'scheduled' },
        { stage: { ...one, status: 'sent', sentAt: at(61) }, expect: 'claimed' },
      ],
    });
    expect((await other.getStage('case-a', 'g1.one'))?.status).toBe('sent');

    const error = await store
      .commit({ caseId: 'case-a', stages: [{ stage: { ...one, status: 'cancelled' } }, { stage: { ...one, status: 'failed' }, expect: 'scheduled' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageConflictError);
    expect((error as StageConflictError).current?.status).toBe('cancelled');
    expect((await other.getStage('case-a', 'g1.one'))?.status).toBe('sent');
  });

  it('turns a DynamoDB error into a StoreError naming DynamoDB and the exception', async () => {
    const store = storeOn('overdue-no-such-table');
    const error = await store.getCase('case-a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^DynamoDB: ResourceNotFoundException: /);
  });
});
