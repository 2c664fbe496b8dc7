import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import type { StageRecord } from '#functions/ports/records.ts';
import type { Store } from '#functions/ports/store.ts';
import { testStore } from '../../../contracts/store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'overdue-sqlite-'));
const pathOf = new WeakMap<Store, string>();
const openAt = (path: string): Store => {
  const store = openSqliteStore(path);
  pathOf.set(store, path);
  return store;
};

testStore({
  name: 'sqlite (a real file in a temp dir)',
  make: async () => openAt(join(dir, `${randomUUID()}.db`)),
  reopen: async (store) => openAt(pathOf.get(store)!),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

describe('sqlite store: what only SQLite has', () => {
  const extra = mkdtempSync(join(tmpdir(), 'overdue-sqlite-extra-'));
  const opened: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  afterAll(() => rmSync(extra, { recursive: true, force: true }));

  const at = '2026-04-01T08:00:00.000Z';
  const stage = (caseId: string, key: string): StageRecord => ({
    caseId,
    id: `g1.${key}`,
    generation: 1,
    seq: 0,
    key,
    channel: 'email',
    template: 'overdue-gentle',
    instant: at,
    localDate: '2026-04-01',
    localTime: '09:00',
    timeZone: 'Europe/London',
    status: 'scheduled',
    attempts: 0,
  });
  async function seeded(stages = 0): Promise<{ path: string; store: Store }> {
    const path = join(extra, `${randomUUID()}.db`);
    const store = openSqliteStore(path);
    opened.push(store);
    await store.createCase(
      { id: 'case-a', createdAt: at, updatedAt: at, version: 1, status: 'active', file: {} as never, generation: 1 },
      Array.from({ length: stages }, (_, i) => stage('case-a', `s${i}`)),
      [{ at, actor: 'owner', type: 'created' }],
    );
    return { path, store };
  }
  const raw = (path: string): DatabaseSync => {
    const db = new DatabaseSync(path);
    opened.push(db);
    return db;
  };

  it('reads due stages in order from an index, without sorting them (the scheduler asks after every letter)', async () => {
    const { path } = await seeded(3);
    const plan = (raw(path).prepare(`EXPLAIN QUERY PLAN SELECT record FROM stages WHERE status = 'scheduled' AND instant <= ? ORDER BY instant, case_id, id LIMIT ?`).all(at, 10) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING INDEX stages_due/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect((raw(path).prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(3);
  });

  it('refuses an UPDATE or a DELETE of the log even in raw SQL on the file (trigger)', async () => {
    const { path, store } = await seeded();
    const db = raw(path);
    expect(() => db.exec(`UPDATE events SET record = '{}'`)).toThrow('the case log is append-only');
    expect(() => db.exec('DELETE FROM events')).toThrow('the case log is append-only');
    expect((await store.getEvents('case-a')).map((e) => e.type)).toEqual(['created']);
  });

  it(
    'refuses INSERT OR REPLACE over an existing event in raw SQL (REPLACE deletes without firing the DELETE trigger, so a BEFORE INSERT trigger guards it)',
    async () => {
      const { path, store } = await seeded();
      const db = raw(path);
      const [event] = await store.getEvents('case-a');
      expect(() =>
        db.prepare(`INSERT OR REPLACE INTO events (case_id, id, record) VALUES (?, ?, ?)`).run('case-a', event!.id, JSON.stringify({ ...event, type: 'note' })),
      ).toThrow();
      expect((await store.getEvents('case-a')).map((e) => e.type)).toEqual(['created']);
    },
  );

  it('four threads, each with its own connection to the file, race for 40 stages: each stage is claimed exactly once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `g1.s${i}`);
    const { path, store } = await seeded(ids.length);
    const start = new SharedArrayBuffer(8);
    const gate = new Int32Array(start);
    const workers = Array.from(
      { length: 4 },
      (_, w) =>
        new Worker(new URL('./sqlite-claim-worker.ts', import.meta.url), {
          workerData: { path, caseId: 'case-a', stageIds: w % 2 ? [...ids].reverse() : ids, token: `worker-${w}`, start },
        }),
    );
    const results = workers.map(
      (worker) =>
        new Promise<{ won: string[]; lost: string[] }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    );
    while (Atomics.load(gate, 1) < workers.length) await new Promise((r) => setTimeout(r, 5));
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    const outcomes = await Promise.all(results);

    const won = outcomes.flatMap((o) => o.won);
    expect(won.sort()).toEqual([...ids].sort());
    expect(outcomes.every((o) => o.won.length + o.lost.length === ids.length)).toBe(true);
    const stages = await store.getStages('case-a');
    expect(stages.every((s) => s.status === 'claimed' && s.attempts === 1)).toBe(true);
    const claimedEvents = (await store.getEvents('case-a')).filter((e) => e.type === 'claimed');
    expect(claimedEvents.map((e) => e.stageId).sort()).toEqual([...ids].sort());
    const tokenOf = new Map(claimedEvents.map((e) => [e.stageId, e.data?.['token']]));
    expect(stages.every((s) => tokenOf.get(s.id) === s.claimToken)).toBe(true);
  });

  it('turns a driver failure in a write into a StoreError naming SQLite', async () => {
    const { store } = await seeded();
    await store.close();
    const error = await store.commit({ caseId: 'case-a' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError' });
    expect((error as Error).message).toMatch(/^SQLite: /);
  });

  it('turns a driver failure in a read into a StoreError too', async () => {
    const { store } = await seeded();
    await store.close();
    const error = await store.getCase('case-a').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError' });
  });
});
