import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { CaseExistsError, CaseNotFoundError, StageConflictError, StoreError, VersionConflictError } from '#functions/ports/errors.ts';
import type { CaseEvent, CaseRecord, NewEvent, StageRecord, StageStatus } from '#functions/ports/records.ts';
import type { Store } from '#functions/ports/store.ts';

/** A test of the suite that an adapter cannot pass yet or cannot run, and why (said in code, as Hono's runTest does). */
export interface ContractException {
  /** the test's name as written in the suite */
  test: string;
  reason: string;
}

export interface StoreContract {
  /** the adapter's name, shown in the test titles */
  name: string;
  /** a new, EMPTY store of its own (a fresh file, a fresh table): dueStages and listCases see only this test's data */
  make: () => Promise<Store>;
  /**
   * A second handle on the same data as `store`, as a second process or Lambda would open it (SQLite: the
   * same file; DynamoDB: a new client on the same table). Without it the durability and cross-handle
   * tests are skipped.
   */
  reopen?: ((store: Store) => Promise<Store>) | undefined;
  /** runs once after the suite (remove temp dirs, delete tables) */
  cleanup?: (() => Promise<void>) | undefined;
  /** tests that must be skipped for this adapter, with the reason */
  skip?: ContractException[] | undefined;
  /**
   * Known bugs: these tests run with `it.fails`, so the suite stays green while the bug is there and
   * turns red the day it is fixed (then remove the entry).
   */
  knownFailures?: ContractException[] | undefined;
}

const example = CaseFileSchema.parse(
  JSON.parse(readFileSync(new URL('../../templates/examples/en-gb-tracking.json', import.meta.url), 'utf8')),
);

/** 2026-04-01T08:00:00.000Z plus `minutes`, in the format every instant in the store has (toISOString). */
const t = (minutes: number): string => new Date(Date.UTC(2026, 3, 1, 8, 0) + minutes * 60_000).toISOString();

function caseRecord(id: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  return { id, createdAt: t(0), updatedAt: t(0), version: 1, status: 'active', file: example, generation: 1, ...extra };
}

function stage(caseId: string, key: string, instant: string, extra: Partial<StageRecord> = {}): StageRecord {
  return {
    caseId,
    id: `g1.${key}`,
    generation: 1,
    seq: 0,
    key,
    channel: 'email',
    template: 'overdue-gentle',
    instant,
    localDate: instant.slice(0, 10),
    localTime: '09:00',
    timeZone: 'Europe/London',
    status: 'scheduled',
    attempts: 0,
    ...extra,
  };
}

const note = (at: string, text: string): NewEvent => ({ at, actor: 'owner', type: 'note', data: { text } });

/** What a caller would compare: the event as appended plus the fields the store adds. */
const appended = (events: CaseEvent[]): NewEvent[] => events.map(({ caseId: _c, id: _i, ...rest }) => rest);

/** Settled results of concurrent calls: the values that came back and the errors thrown. */
async function race<T>(calls: Promise<T>[]): Promise<{ ok: T[]; errors: unknown[] }> {
  const settled = await Promise.allSettled(calls);
  return {
    ok: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    errors: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}

/**
 * The Store port's contract: what the pipeline and the API rely on, run by every Store adapter
 * (SQLite locally, DynamoDB on AWS), as unstorage's `testDriver` is run by every driver.
 *
 * @example
 * testStore({
 *   name: 'sqlite',
 *   make: async () => openSqliteStore(join(dir, `${randomUUID()}.db`)),
 *   reopen: async (store) => openSqliteStore(pathOf.get(store)!),
 * });
 */
export function testStore(contract: StoreContract): void {
  const { name, make, reopen, cleanup } = contract;
  let store: Store;
  const opened: Store[] = [];

  const open = async (): Promise<Store> => {
    const s = await make();
    opened.push(s);
    return s;
  };
  const second = async (of: Store): Promise<Store> => {
    const s = await reopen!(of);
    opened.push(s);
    return s;
  };

  /** `it`, or `it.skip`/`it.fails` when the adapter lists the test as an exception. */
  const test = (title: string, fn: () => Promise<void>, options: { needsReopen?: boolean } = {}): void => {
    const skipped = contract.skip?.find((s) => s.test === title);
    const known = contract.knownFailures?.find((s) => s.test === title);
    if (skipped) it.skip(`${title} (skipped: ${skipped.reason})`, fn);
    else if (options.needsReopen && !reopen) it.skip(`${title} (skipped: the adapter gives no second handle on its data)`, fn);
    else if (known) it.fails(`${title} (known failure: ${known.reason})`, fn);
    else it(title, fn);
  };

  describe(`Store contract: ${name}`, () => {
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    afterAll(async () => {
      await cleanup?.();
    });

    describe('createCase', () => {
      test('stores the record, its stages and its events together', async () => {
        const record = caseRecord('case-a');
        const stages = [stage('case-a', 'reminder', t(60), { seq: 0 }), stage('case-a', 'final', t(120), { seq: 1 })];
        const events: NewEvent[] = [
          { at: t(0), actor: 'owner', type: 'created' },
          { at: t(0), actor: 'system', type: 'planned', data: { stages: 2 } },
        ];
        await store.createCase(record, stages, events);

        expect(await store.getCase('case-a')).toEqual(record);
        expect(await store.getStages('case-a')).toEqual(stages);
        expect(await store.getStage('case-a', 'g1.final')).toEqual(stages[1]);
        const log = await store.getEvents('case-a');
        expect(appended(log)).toEqual(events);
        expect(log.every((e) => e.caseId === 'case-a' && e.id.length > 0)).toBe(true);
        expect(new Set(log.map((e) => e.id)).size).toBe(2);
      });

      test('refuses a second case with the same id (CaseExistsError) and keeps the first whole', async () => {
        await store.createCase(caseRecord('case-a'), [stage('case-a', 'reminder', t(60))], [note(t(0), 'first')]);

        const error = await store
          .createCase(caseRecord('case-a', { status: 'paid' }), [stage('case-a', 'other', t(30))], [note(t(1), 'second')])
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(CaseExistsError);
        expect((error as CaseExistsError).caseId).toBe('case-a');
        expect((await store.getCase('case-a'))?.status).toBe('active');
        expect((await store.getStages('case-a')).map((s) => s.id)).toEqual(['g1.reminder']);
        expect(appended(await store.getEvents('case-a'))).toEqual([note(t(0), 'first')]);
      });

      test('is atomic: of concurrent creates with one id exactly one lands, with its own stages and events only', async () => {
        const attempts = Array.from({ length: 6 }, (_, i) =>
          store.createCase(
            caseRecord('case-a', { generation: 10 + i }),
            [stage('case-a', `s${i}-a`, t(60 + i)), stage('case-a', `s${i}-b`, t(90 + i))],
            [note(t(i), `writer ${i}`)],
          ),
        );
        const { ok, errors } = await race(attempts);

        expect(ok).toHaveLength(1);
        expect(errors).toHaveLength(5);
        expect(errors.every((e) => e instanceof CaseExistsError)).toBe(true);
        const i = (await store.getCase('case-a'))!.generation - 10;
        expect((await store.getStages('case-a')).map((s) => s.id)).toEqual([`g1.s${i}-a`, `g1.s${i}-b`]);
        expect(appended(await store.getEvents('case-a'))).toEqual([note(t(i), `writer ${i}`)]);
      });
    });

    describe('reads', () => {
      test('answer undefined or empty for what is not there', async () => {
        expect(await store.getCase('nope')).toBeUndefined();
        expect(await store.getStage('nope', 'g1.x')).toBeUndefined();
        expect(await store.getStages('nope')).toEqual([]);
        expect(await store.getEvents('nope')).toEqual([]);
        expect(await store.listCases()).toEqual([]);
        expect(await store.dueStages(t(10_000), 10)).toEqual([]);
        expect(await store.nextDueInstant()).toBeUndefined();
        expect(await store.staleClaims(t(10_000))).toEqual([]);
      });

      test('listCases returns every case, oldest first', async () => {
        await store.createCase(caseRecord('case-b', { createdAt: t(5) }), [], []);
        await store.createCase(caseRecord('case-a', { createdAt: t(9) }), [], []);
        await store.createCase(caseRecord('case-c', { createdAt: t(1) }), [], []);
        expect((await store.listCases()).map((c) => c.id)).toEqual(['case-c', 'case-b', 'case-a']);
      });

      test('getStages returns a case\'s stages in time order, and only that case\'s', async () => {
        await store.createCase(caseRecord('case-a'), [stage('case-a', 'late', t(300)), stage('case-a', 'early', t(60))], []);
        await store.createCase(caseRecord('case-b'), [stage('case-b', 'middle', t(100))], []);
        expect((await store.getStages('case-a')).map((s) => s.key)).toEqual(['early', 'late']);
      });

      test('every optional field of a record and a stage comes back as written', async () => {
        const record = caseRecord('case-a', { status: 'promised', promisedUntil: '2026-05-01', generation: 3, version: 1 });
        const full = stage('case-a', 'plan-1', t(60), {
          channel: 'check',
          instalment: 2,
          status: 'sent',
          claimToken: 'tok',
          claimedAt: t(59),
          sentAt: t(60),
          messageId: '<m1@porter.example>',
          pdfSha256: 'a'.repeat(64),
          emlSha256: 'b'.repeat(64),
          subject: 'Счёт PD-0142 — חשבונית',
          attempts: 2,
          error: 'none',
        });
        await store.createCase(record, [full], []);
        expect(await store.getCase('case-a')).toEqual(record);
        expect(await store.getStage('case-a', full.id)).toEqual(full);
      });

      test('hands out copies: changing a returned object changes nothing stored', async () => {
        await store.createCase(caseRecord('case-a'), [stage('case-a', 'reminder', t(60))], [note(t(0), 'kept')]);
        const record = (await store.getCase('case-a'))!;
        record.status = 'cancelled';
        const stages = await store.getStages('case-a');
        stages[0]!.status = 'sent';
        const events = await store.getEvents('case-a');
        events[0]!.data = { text: 'changed' };
        events.pop();

        expect((await store.getCase('case-a'))?.status).toBe('active');
        expect((await store.getStage('case-a', 'g1.reminder'))?.status).toBe('scheduled');
        expect(appended(await store.getEvents('case-a'))).toEqual([note(t(0), 'kept')]);
      });

      test(
        'a write is visible at once to another handle on the same data (strong consistency)',
        async () => {
          const other = await second(store);
          await store.createCase(caseRecord('case-a'), [stage('case-a', 'reminder', t(60))], []);
          expect((await other.getCase('case-a'))?.version).toBe(1);
          for (let v = 2; v <= 6; v++) {
            await store.commit({ caseId: 'case-a', expectedVersion: v - 1, record: caseRecord('case-a'), events: [note(t(v), `v${v}`)] });
            expect((await other.getCase('case-a'))?.version).toBe(v);
            expect(await other.getEvents('case-a')).toHaveLength(v - 1);
          }
          await store.claimStage('case-a', 'g1.reminder', { token: 'tok', at: t(60) });
          expect((await other.getStage('case-a', 'g1.reminder'))?.status).toBe('claimed');
        },
        { needsReopen: true },
      );
    });

    describe('commit', () => {
      beforeEach(async () => {
        await store.createCase(
          caseRecord('case-a'),
          [stage('case-a', 'one', t(60)), stage('case-a', 'two', t(120)), stage('case-a', 'three', t(180))],
          [note(t(0), 'created')],
        );
      });

      test('applies the record, the stage writes and the events together; the store sets the version', async () => {
        const two = (await store.getStage('case-a', 'g1.two'))!;
        await store.commit({
          caseId: 'case-a',
          expectedVersion: 1,
          record: caseRecord('case-a', { status: 'paid', version: 42 }),
          stages: [
            { stage: { ...two, status: 'cancelled' }, expect: 'scheduled' },
            { stage: stage('case-a', 'extra', t(500)), expect: 'absent' },
          ],
          events: [{ at: t(10), actor: 'owner', type: 'paid' }],
        });

        const record = (await store.getCase('case-a'))!;
        expect(record.status).toBe('paid');
        expect(record.version).toBe(2);
        expect((await store.getStages('case-a')).map((s) => `${s.key}:${s.status}`)).toEqual([
          'one:scheduled',
          'two:cancelled',
          'three:scheduled',
          'extra:scheduled',
        ]);
        expect(appended(await store.getEvents('case-a')).map((e) => e.type)).toEqual(['note', 'paid']);
      });

      test('accepts a list of allowed statuses in a stage condition', async () => {
        const one = (await store.getStage('case-a', 'g1.one'))!;
        await store.commit({ caseId: 'case-a', stages: [{ stage: { ...one, status: 'uncertain' }, expect: ['claimed', 'scheduled'] }] });
        expect((await store.getStage('case-a', 'g1.one'))?.status).toBe('uncertain');
      });

      test('refuses a stale version with VersionConflictError carrying the current record, and changes nothing', async () => {
        await store.commit({ caseId: 'case-a', expectedVersion: 1, record: caseRecord('case-a', { status: 'paused' }) });
        const before = { record: await store.getCase('case-a'), stages: await store.getStages('case-a'), events: await store.getEvents('case-a') };
        const one = before.stages[0]!;

        const error = await store
          .commit({
            caseId: 'case-a',
            expectedVersion: 1,
            record: caseRecord('case-a', { status: 'paid' }),
            stages: [{ stage: { ...one, status: 'cancelled' } }],
            events: [{ at: t(20), actor: 'owner', type: 'paid' }],
          })
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(VersionConflictError);
        const conflict = error as VersionConflictError;
        expect(conflict.caseId).toBe('case-a');
        expect(conflict.expected).toBe(1);
        expect(conflict.current).toEqual(before.record);
        expect(conflict.current?.status).toBe('paused');
        expect({ record: await store.getCase('case-a'), stages: await store.getStages('case-a'), events: await store.getEvents('case-a') }).toEqual(before);
      });

      test('a failing stage condition leaves the record, every stage and the log unchanged (StageConflictError carries the stage)', async () => {
        const [one, two] = await store.getStages('case-a');
        await store.commit({ caseId: 'case-a', stages: [{ stage: { ...two!, status: 'sent', sentAt: t(121) } }] });
        const before = { record: await store.getCase('case-a'), stages: await store.getStages('case-a'), events: await store.getEvents('case-a') };

        const error = await store
          .commit({
            caseId: 'case-a',
            expectedVersion: before.record!.version,
            record: caseRecord('case-a', { status: 'cancelled' }),
            stages: [
              { stage: { ...one!, status: 'cancelled' }, expect: 'scheduled' },
              { stage: { ...two!, status: 'cancelled' }, expect: 'scheduled' },
            ],
            events: [{ at: t(30), actor: 'owner', type: 'cancelled' }],
          })
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(StageConflictError);
        const conflict = error as StageConflictError;
        expect(conflict.stageId).toBe('g1.two');
        expect(conflict.current).toEqual(before.stages[1]);
        expect(conflict.current?.status).toBe('sent');
        expect({ record: await store.getCase('case-a'), stages: await store.getStages('case-a'), events: await store.getEvents('case-a') }).toEqual(before);
      });

      test('`absent` refuses a stage that exists, naming it', async () => {
        const error = await store
          .commit({ caseId: 'case-a', stages: [{ stage: stage('case-a', 'one', t(999)), expect: 'absent' }] })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StageConflictError);
        expect((error as StageConflictError).current?.instant).toBe(t(60));
        expect((await store.getStage('case-a', 'g1.one'))?.instant).toBe(t(60));
      });

      test('refuses an unknown case with CaseNotFoundError and creates nothing', async () => {
        const error = await store
          .commit({ caseId: 'ghost', record: caseRecord('ghost'), stages: [{ stage: stage('ghost', 'x', t(1)) }], events: [note(t(1), 'x')] })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CaseNotFoundError);
        expect((error as CaseNotFoundError).caseId).toBe('ghost');
        expect(await store.getCase('ghost')).toBeUndefined();
        expect(await store.getStages('ghost')).toEqual([]);
        expect(await store.getEvents('ghost')).toEqual([]);
      });

      test('of concurrent commits from the same version exactly one wins', async () => {
        const { ok, errors } = await race(
          Array.from({ length: 6 }, (_, i) =>
            store.commit({ caseId: 'case-a', expectedVersion: 1, record: caseRecord('case-a', { status: 'paused' }), events: [note(t(40 + i), `writer ${i}`)] }),
          ),
        );
        expect(ok).toHaveLength(1);
        expect(errors.every((e) => e instanceof VersionConflictError)).toBe(true);
        expect((await store.getCase('case-a'))?.version).toBe(2);
        expect(await store.getEvents('case-a')).toHaveLength(2);
      });

      test('port errors are StoreErrors: callers never see a driver exception', async () => {
        const errors = await Promise.all([
          store.commit({ caseId: 'ghost' }).catch((e: unknown) => e),
          store.commit({ caseId: 'case-a', expectedVersion: 7 }).catch((e: unknown) => e),
          store.claimStage('case-a', 'g1.none', { token: 'x', at: t(1) }).catch((e: unknown) => e),
          store.createCase(caseRecord('case-a'), [], []).catch((e: unknown) => e),
        ]);
        expect(errors.map((e) => e instanceof StoreError && (e as Error).name)).toEqual([
          'CaseNotFoundError',
          'VersionConflictError',
          'StageConflictError',
          'CaseExistsError',
        ]);
      });
    });

    describe('claimStage: the at-most-once gate', () => {
      beforeEach(async () => {
        await store.createCase(caseRecord('case-a'), [stage('case-a', 'one', t(60)), stage('case-a', 'two', t(120))], []);
      });

      test('turns a scheduled stage claimed with the token and time, and logs a `claimed` event', async () => {
        const claimed = await store.claimStage('case-a', 'g1.one', { token: 'tok-1', at: t(61) });

        expect(claimed).toMatchObject({ id: 'g1.one', status: 'claimed', claimToken: 'tok-1', claimedAt: t(61) });
        expect(await store.getStage('case-a', 'g1.one')).toEqual(claimed);
        expect((await store.getStage('case-a', 'g1.two'))?.status).toBe('scheduled');
        expect(appended(await store.getEvents('case-a'))).toEqual([
          expect.objectContaining({ at: t(61), actor: 'system', type: 'claimed', stageId: 'g1.one' }),
        ]);
      });

      test('refuses a stage that is not scheduled with StageConflictError carrying it, and logs nothing', async () => {
        const first = await store.claimStage('case-a', 'g1.one', { token: 'tok-1', at: t(61) });
        const two = (await store.getStage('case-a', 'g1.two'))!;
        await store.commit({ caseId: 'case-a', stages: [{ stage: { ...two, status: 'cancelled' } }] });
        const eventsBefore = await store.getEvents('case-a');

        for (const [id, current] of [
          ['g1.one', first],
          ['g1.two', { ...two, status: 'cancelled' }],
        ] as const) {
          const error = await store.claimStage('case-a', id, { token: 'tok-2', at: t(62) }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StageConflictError);
          expect((error as StageConflictError).stageId).toBe(id);
          expect((error as StageConflictError).current).toEqual(current);
        }
        expect((await store.getStage('case-a', 'g1.one'))?.claimToken).toBe('tok-1');
        expect(await store.getEvents('case-a')).toEqual(eventsBefore);
      });

      test('refuses an unknown stage or case with StageConflictError (current undefined)', async () => {
        for (const [caseId, stageId] of [
          ['case-a', 'g1.nope'],
          ['ghost', 'g1.one'],
        ] as const) {
          const error = await store.claimStage(caseId, stageId, { token: 't', at: t(1) }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StageConflictError);
          expect((error as StageConflictError).current).toBeUndefined();
        }
        expect(await store.getEvents('ghost')).toEqual([]);
      });

      test('of 12 concurrent claims of one stage exactly one succeeds, and one `claimed` event is logged', async () => {
        const { ok, errors } = await race(
          Array.from({ length: 12 }, (_, i) => store.claimStage('case-a', 'g1.one', { token: `tok-${i}`, at: t(61) })),
        );
        expect(ok).toHaveLength(1);
        expect(errors).toHaveLength(11);
        expect(errors.every((e) => e instanceof StageConflictError && e.current?.status === 'claimed')).toBe(true);
        expect((await store.getStage('case-a', 'g1.one'))?.claimToken).toBe(ok[0]!.claimToken);
        expect((await store.getEvents('case-a')).filter((e) => e.type === 'claimed')).toHaveLength(1);
      });

      test(
        'claims racing through two handles on the same data: exactly one succeeds per stage',
        async () => {
          const other = await second(store);
          const calls = ['g1.one', 'g1.two'].flatMap((id) =>
            Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).claimStage('case-a', id, { token: `${id}-${i}`, at: t(61) })),
          );
          const { ok } = await race(calls);
          expect(ok.map((s) => s.id).sort()).toEqual(['g1.one', 'g1.two']);
          expect((await other.getEvents('case-a')).filter((e) => e.type === 'claimed')).toHaveLength(2);
        },
        { needsReopen: true },
      );
    });

    describe('due stages', () => {
      const statuses: StageStatus[] = ['claimed', 'sent', 'failed', 'uncertain', 'cancelled', 'skipped'];
      beforeEach(async () => {
        await store.createCase(
          caseRecord('case-b'),
          [stage('case-b', 'b1', t(30)), stage('case-b', 'b2', t(90)), stage('case-b', 'b3', t(600))],
          [],
        );
        await store.createCase(
          caseRecord('case-a'),
          [
            stage('case-a', 'a1', t(10)),
            stage('case-a', 'a2', t(90)),
            ...statuses.map((status, i) => stage('case-a', `done-${status}`, t(i), { status, ...(status === 'claimed' ? { claimedAt: t(1000) } : {}) })),
          ],
          [],
        );
      });

      test('dueStages: only scheduled stages at or before now, oldest first, across cases', async () => {
        const due = await store.dueStages(t(90), 100);
        expect(due.map((s) => `${s.caseId}/${s.key}`)).toEqual(['case-a/a1', 'case-b/b1', 'case-a/a2', 'case-b/b2']);
        expect(due.every((s) => s.status === 'scheduled')).toBe(true);
      });

      test('dueStages: the instant itself is due, a millisecond before is not', async () => {
        expect((await store.dueStages(t(10), 100)).map((s) => s.key)).toEqual(['a1']);
        const justBefore = new Date(Date.parse(t(10)) - 1).toISOString();
        expect(await store.dueStages(justBefore, 100)).toEqual([]);
      });

      test('dueStages: the limit keeps the oldest', async () => {
        expect((await store.dueStages(t(1000), 2)).map((s) => s.key)).toEqual(['a1', 'b1']);
        expect((await store.dueStages(t(1000), 1)).map((s) => s.key)).toEqual(['a1']);
      });

      test('nextDueInstant: the earliest scheduled stage, moving on as stages leave `scheduled`', async () => {
        expect(await store.nextDueInstant()).toBe(t(10));
        await store.claimStage('case-a', 'g1.a1', { token: 'x', at: t(10) });
        expect(await store.nextDueInstant()).toBe(t(30));
        const b1 = (await store.getStage('case-b', 'g1.b1'))!;
        await store.commit({ caseId: 'case-b', stages: [{ stage: { ...b1, status: 'cancelled' }, expect: 'scheduled' }] });
        expect(await store.nextDueInstant()).toBe(t(90));
        const b3 = (await store.getStage('case-b', 'g1.b3'))!;
        await store.commit({ caseId: 'case-b', stages: [{ stage: { ...b3, instant: t(5) } }] });
        expect(await store.nextDueInstant()).toBe(t(5));
      });

      test('staleClaims: claimed stages claimed at or before the given time, nothing else', async () => {
        await store.claimStage('case-a', 'g1.a1', { token: 'x', at: t(11) });
        await store.claimStage('case-b', 'g1.b1', { token: 'y', at: t(31) });
        await store.claimStage('case-a', 'g1.a2', { token: 'z', at: t(91) });

        const stale = await store.staleClaims(t(31));
        expect(stale.map((s) => `${s.caseId}/${s.key}`).sort()).toEqual(['case-a/a1', 'case-b/b1']);
        expect(stale.every((s) => s.status === 'claimed')).toBe(true);
        expect(await store.staleClaims(t(10))).toEqual([]);
        expect((await store.staleClaims(t(1000))).map((s) => s.key).sort()).toEqual(['a1', 'a2', 'b1', 'done-claimed']);
      });
    });

    describe('the case log', () => {
      beforeEach(async () => {
        await store.createCase(caseRecord('case-a'), [stage('case-a', 'one', t(60))], [note(t(0), 'created')]);
      });

      test('is oldest first, and events of the same time in one commit keep the order they were appended in', async () => {
        const burst = Array.from({ length: 12 }, (_, i) => note(t(5), `same time ${i}`));
        await store.commit({ caseId: 'case-a', events: burst });
        await store.commit({ caseId: 'case-a', events: [note(t(7), 'later'), note(t(6), 'earlier, appended after')] });

        expect(appended(await store.getEvents('case-a')).map((e) => e.data?.['text'])).toEqual([
          'created',
          ...burst.map((e) => e.data?.['text']),
          'earlier, appended after',
          'later',
        ]);
      });

      test('events of the same time appended by separate commits keep the order they were appended in', async () => {
        // what a fast-forward clock produces: the claim, the send and its record all at one instant
        const steps = ['claimed', 'rendered', 'archived', 'sent', 'recorded', 'planned next', 'note 1', 'note 2'];
        for (const text of steps) await store.commit({ caseId: 'case-a', events: [note(t(5), text)] });
        expect(appended(await store.getEvents('case-a')).map((e) => e.data?.['text'])).toEqual(['created', ...steps]);
      });

      test('is append-only: every commit leaves the earlier events exactly as they were', async () => {
        const snapshots: CaseEvent[][] = [await store.getEvents('case-a')];
        await store.commit({ caseId: 'case-a', record: caseRecord('case-a', { status: 'paused' }), events: [{ at: t(1), actor: 'owner', type: 'pause' }] });
        snapshots.push(await store.getEvents('case-a'));
        await store.claimStage('case-a', 'g1.one', { token: 'tok', at: t(60) });
        snapshots.push(await store.getEvents('case-a'));
        await store.commit({ caseId: 'case-a', record: caseRecord('case-a'), events: [{ at: t(61), actor: 'owner', type: 'resume' }] });
        const last = await store.getEvents('case-a');

        for (const earlier of snapshots) expect(last.slice(0, earlier.length)).toEqual(earlier);
        expect(last.map((e) => e.type)).toEqual(['note', 'pause', 'claimed', 'resume']);
        expect(new Set(last.map((e) => e.id)).size).toBe(last.length);
      });
    });

    describe('durability', () => {
      test(
        'closing and opening the store again finds every case, stage and event',
        async () => {
          await store.createCase(caseRecord('case-a'), [stage('case-a', 'one', t(60)), stage('case-a', 'two', t(120))], [note(t(0), 'created')]);
          await store.createCase(caseRecord('case-b', { createdAt: t(1) }), [stage('case-b', 'one', t(30))], []);
          await store.claimStage('case-a', 'g1.one', { token: 'tok', at: t(61) });
          await store.commit({ caseId: 'case-b', expectedVersion: 1, record: caseRecord('case-b', { createdAt: t(1), status: 'paid' }), events: [{ at: t(2), actor: 'owner', type: 'paid' }] });
          const before = {
            cases: await store.listCases(),
            stages: [...(await store.getStages('case-a')), ...(await store.getStages('case-b'))],
            events: [...(await store.getEvents('case-a')), ...(await store.getEvents('case-b'))],
            next: await store.nextDueInstant(),
          };
          await store.close();
          opened.splice(opened.indexOf(store), 1);
          const again = await second(store);

          expect({
            cases: await again.listCases(),
            stages: [...(await again.getStages('case-a')), ...(await again.getStages('case-b'))],
            events: [...(await again.getEvents('case-a')), ...(await again.getEvents('case-b'))],
            next: await again.nextDueInstant(),
          }).toEqual(before);
          expect(before.next).toBe(t(30));
        },
        { needsReopen: true },
      );
    });
  });
}
