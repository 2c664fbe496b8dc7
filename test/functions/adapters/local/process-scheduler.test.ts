import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createFastForwardClock } from '#functions/adapters/local/fast-forward-clock.ts';
import { createProcessScheduler, type ProcessScheduler, type ProcessSchedulerOptions } from '#functions/adapters/local/process-scheduler.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { systemClock, type Clock } from '#functions/ports/clock.ts';
import type { StageRecord } from '#functions/ports/records.ts';
import type { Store } from '#functions/ports/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'overdue-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opened: { store: Store; loop?: ProcessScheduler }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const { store, loop } of opened.splice(0)) {
    await loop?.stop();
    await store.close();
  }
});

const newStore = (path = join(dir, `${randomUUID()}.db`)): Store => {
  const store = openSqliteStore(path);
  opened.push({ store });
  return store;
};

const DAY = 86_400_000;
const T0 = Date.parse('2026-04-01T08:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function stage(caseId: string, key: string, instant: string, seq = 0): StageRecord {
  return {
    caseId,
    id: `g1.${key}`,
    generation: 1,
    seq,
    key,
    channel: 'email',
    template: 'overdue-gentle',
    instant,
    localDate: instant.slice(0, 10),
    localTime: '09:00',
    timeZone: 'Europe/London',
    status: 'scheduled',
    attempts: 0,
  };
}

async function addCase(store: Store, caseId: string, instants: string[]): Promise<StageRecord[]> {
  const stages = instants.map((at, i) => stage(caseId, `s${i}`, at, i));
  await store.createCase({ id: caseId, createdAt: iso(T0), updatedAt: iso(T0), version: 1, status: 'active', file: {} as never, generation: 1 }, stages, []);
  return stages;
}

interface Ran {
  caseId: string;
  stageId: string;
  instant: string;
  /** the clock when the run began */
  at: string;
}

/** A stand-in for the pipeline: claim, note what ran and when, record it sent. */
function fakePipeline(store: Store, clock: Clock, ran: Ran[], extra?: (ran: Ran) => Promise<void>) {
  return async (caseId: string, stageId: string): Promise<void> => {
    const at = clock.now().toISOString();
    const claimed = await store.claimStage(caseId, stageId, { token: randomUUID(), at });
    const entry = { caseId, stageId, instant: claimed.instant, at };
    ran.push(entry);
    await extra?.(entry);
    await store.commit({ caseId, stages: [{ stage: { ...claimed, status: 'sent', sentAt: at }, expect: 'claimed' }], events: [{ at, actor: 'system', type: 'sent', stageId }] });
  };
}

function loop(store: Store, options: Omit<ProcessSchedulerOptions, 'store' | 'onError'> & { onError?: ProcessSchedulerOptions['onError'] }): ProcessScheduler {
  const created = createProcessScheduler({
    onError: (error) => {
      throw new Error(`unexpected scheduler error: ${String(error)}`);
    },
    store,
    ...options,
  } as ProcessSchedulerOptions);
  opened.find((o) => o.store === store)!.loop = created;
  return created;
}

const fixedClock = (at: number): Clock & { set(ms: number): void } => {
  let now = at;
  return { now: () => new Date(now), set: (ms) => (now = ms) };
};

describe('process scheduler', () => {
  it('on start runs every due stage, in instant order across cases, and leaves the future ones', async () => {
    const store = newStore();
    const clock = fixedClock(T0);
    await addCase(store, 'case-b', [iso(T0 - 3 * DAY), iso(T0 - 1000), iso(T0 + DAY)]);
    await addCase(store, 'case-a', [iso(T0 - 2 * DAY), iso(T0), iso(T0 + 2 * DAY)]);
    const ran: Ran[] = [];
    const local = loop(store, { mode: 'realtime', clock, run: fakePipeline(store, clock, ran), concurrency: 1 });

    local.start();
    await local.idle();

    expect(ran.map((r) => `${r.caseId}/${r.stageId}`)).toEqual(['case-b/g1.s0', 'case-a/g1.s0', 'case-b/g1.s1', 'case-a/g1.s1']);
    expect((await store.dueStages(iso(T0 + 10 * DAY), 10)).map((s) => s.instant)).toEqual([iso(T0 + DAY), iso(T0 + 2 * DAY)]);
  });

  it('runs at most `concurrency` stages at once, and starts them in instant order', async () => {
    const store = newStore();
    const clock = fixedClock(T0);
    await addCase(store, 'case-a', Array.from({ length: 7 }, (_, i) => iso(T0 - (7 - i) * 60_000)));
    let inFlight = 0;
    let most = 0;
    const ran: Ran[] = [];
    const local = loop(store, {
      mode: 'realtime',
      clock,
      run: fakePipeline(store, clock, ran, async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 15));
        inFlight--;
      }),
    });
    local.start();
    await local.idle();
    expect(most).toBe(2);
    expect(ran.map((r) => r.stageId)).toEqual(['g1.s0', 'g1.s1', 'g1.s2', 'g1.s3', 'g1.s4', 'g1.s5', 'g1.s6']);
  });

  it('a stage scheduled earlier than the armed wake-up re-arms the timer and runs on time', { timeout: 5000 }, async () => {
    const store = newStore();
    await addCase(store, 'case-late', [iso(Date.now() + DAY)]);
    const ran: Ran[] = [];
    let woke!: () => void;
    const ranSoon = new Promise<void>((resolve) => (woke = resolve));
    const local = loop(store, { mode: 'realtime', clock: systemClock, run: fakePipeline(store, systemClock, ran, async () => woke()) });
    local.start();
    await local.idle(); // armed for tomorrow

    const [soon] = await addCase(store, 'case-soon', [iso(Date.now() + 80)]);
    await local.scheduler.schedule({ ...soon!, stageId: soon!.id });
    await ranSoon; // without the re-arm this waits a day and the test times out

    expect(ran.map((r) => r.caseId)).toEqual(['case-soon']);
    expect(Date.parse(ran[0]!.at)).toBeGreaterThanOrEqual(Date.parse(soon!.instant));
  });

  it('waits more than 2^31−1 ms (about 24.8 days) in chunks, and runs the stage once, when it is due', { timeout: 5000 }, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    const store = newStore();
    await addCase(store, 'case-a', [iso(T0 + 60 * DAY)]);
    const ran: Ran[] = [];
    const local = loop(store, { mode: 'realtime', clock: systemClock, run: fakePipeline(store, systemClock, ran) });

    local.start();
    await vi.advanceTimersByTimeAsync(60 * DAY - 1000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    spy.mockRestore();

    expect(ran.map((r) => r.at)).toEqual([iso(T0 + 60 * DAY)]);
    expect(Math.max(...delays)).toBe(2 ** 31 - 1);
    expect(delays.filter((d) => d === 2 ** 31 - 1)).toHaveLength(2); // 60 days = 24.8 + 24.8 + 10.4
  });

  it('fast-forward runs a 60-day ladder for 20 cases at once, each run seeing its own instant as now', { timeout: 5000 }, async () => {
    const store = newStore();
    const clock = createFastForwardClock(new Date(T0));
    const offsets = [0, 1, 3, 7, 14, 21, 30, 45, 60];
    const expected: string[] = [];
    for (let c = 0; c < 20; c++) {
      const stages = await addCase(store, `case-${String(c).padStart(2, '0')}`, offsets.map((d) => iso(T0 + d * DAY + c * 60_000)));
      expected.push(...stages.map((s) => s.instant));
    }
    const ran: Ran[] = [];
    const local = loop(store, { mode: 'fast-forward', clock, run: fakePipeline(store, clock, ran) });

    local.start();
    await local.idle();

    expect(ran).toHaveLength(20 * offsets.length);
    expect(ran.every((r) => r.at === r.instant)).toBe(true);
    expect(ran.map((r) => r.instant)).toEqual([...expected].sort());
    expect(clock.now().toISOString()).toBe(iso(T0 + 60 * DAY + 19 * 60_000));
    expect(await store.nextDueInstant()).toBeUndefined();
  });

  it('fast-forward also runs the stages a run plans, in their turn', { timeout: 5000 }, async () => {
    const store = newStore();
    const clock = createFastForwardClock(new Date(T0));
    await addCase(store, 'case-a', [iso(T0 + DAY), iso(T0 + 10 * DAY)]);
    const ran: Ran[] = [];
    let local!: ProcessScheduler;
    // like the pipeline's "plan the next stage": the first letter plans a follow-up 3 days later
    const planNext = async (r: Ran): Promise<void> => {
      if (r.stageId !== 'g1.s0') return;
      const next = stage('case-a', 'follow-up', iso(Date.parse(r.at) + 3 * DAY), 5);
      await store.commit({ caseId: 'case-a', stages: [{ stage: next, expect: 'absent' }] });
      await local.scheduler.schedule({ ...next, stageId: next.id });
    };
    local = loop(store, { mode: 'fast-forward', clock, run: fakePipeline(store, clock, ran, planNext) });
    local.start();
    await local.idle();
    expect(ran.map((r) => `${r.stageId}@${r.at}`)).toEqual([
      `g1.s0@${iso(T0 + DAY)}`,
      `g1.follow-up@${iso(T0 + 4 * DAY)}`,
      `g1.s1@${iso(T0 + 10 * DAY)}`,
    ]);
  });

  it('never runs a stage that left `scheduled`, and cancel() is a harmless no-op', async () => {
    const store = newStore();
    const clock = createFastForwardClock(new Date(T0));
    const [a, b] = await addCase(store, 'case-a', [iso(T0 + DAY), iso(T0 + 2 * DAY)]);
    await store.commit({ caseId: 'case-a', stages: [{ stage: { ...a!, status: 'cancelled' }, expect: 'scheduled' }] });
    const ran: Ran[] = [];
    const local = loop(store, { mode: 'fast-forward', clock, run: fakePipeline(store, clock, ran) });
    await local.scheduler.cancel('case-a', a!.id);
    await local.scheduler.cancel('no-such-case', 'g9.x');
    local.start();
    await local.idle();
    expect(ran.map((r) => r.stageId)).toEqual([b!.id]);
  });

  it('a stage its run leaves `scheduled` is reported and retried a few times, then left alone; the rest go on', { timeout: 5000 }, async () => {
    const store = newStore();
    const clock = createFastForwardClock(new Date(T0));
    await addCase(store, 'case-a', [iso(T0 + DAY), iso(T0 + 2 * DAY), iso(T0 + 3 * DAY)]);
    const ran: Ran[] = [];
    const good = fakePipeline(store, clock, ran);
    const errors: { message: string; stage: string | undefined }[] = [];
    let attempts = 0;
    const local = loop(store, {
      mode: 'fast-forward',
      clock,
      maxRunsPerStage: 3,
      onError: (error, s) => errors.push({ message: (error as Error).message, stage: s?.id }),
      run: async (caseId, stageId) => {
        if (stageId !== 'g1.s1') return good(caseId, stageId);
        attempts++;
        throw new Error('renderer crashed before the claim');
      },
    });
    local.start();
    await local.idle();

    expect(attempts).toBe(3);
    expect(ran.map((r) => r.stageId)).toEqual(['g1.s0', 'g1.s2']);
    expect(errors.filter((e) => e.message === 'renderer crashed before the claim')).toHaveLength(3);
    expect(errors.filter((e) => e.message.startsWith('Scheduler:')).map((e) => e.message)).toEqual([
      'Scheduler: stage g1.s1 of case case-a is still scheduled after 1 run; running it again in 1 s',
      'Scheduler: stage g1.s1 of case case-a is still scheduled after 2 runs; running it again in 2 s',
      'Scheduler: stage g1.s1 of case case-a is still scheduled after 3 runs; it is not run again until the scheduler restarts',
    ]);
    expect(errors.every((e) => e.stage === 'g1.s1')).toBe(true);
    expect((await store.getStage('case-a', 'g1.s1'))?.status).toBe('scheduled');
  });

  it('stop() waits for the runs under way and then launches nothing more', async () => {
    const store = newStore();
    const clock = fixedClock(T0);
    await addCase(store, 'case-a', Array.from({ length: 5 }, (_, i) => iso(T0 - (5 - i) * 1000)));
    const ran: Ran[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const local = loop(store, { mode: 'realtime', clock, run: fakePipeline(store, clock, ran, async () => { started++; await gate; }) });
    local.start();
    while (started < 2) await new Promise((resolve) => setTimeout(resolve, 1));

    let stopped = false;
    const stopping = local.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(ran.map((r) => r.stageId)).toEqual(['g1.s0', 'g1.s1']);
    const [late] = await addCase(store, 'case-b', [iso(T0 - 1)]);
    await local.scheduler.schedule({ ...late!, stageId: late!.id });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await local.idle();
    expect(ran).toHaveLength(2);
  });

  it('after a restart on the same file, runs what fell due while it was down, in order', async () => {
    const path = join(dir, `${randomUUID()}.db`);
    const first = newStore(path);
    const clock = fixedClock(T0);
    await addCase(first, 'case-a', [iso(T0 - DAY), iso(T0 + DAY), iso(T0 + 3 * DAY), iso(T0 + 9 * DAY)]);
    await addCase(first, 'case-b', [iso(T0 + 2 * DAY)]);
    const ran: Ran[] = [];
    const before = loop(first, { mode: 'realtime', clock, run: fakePipeline(first, clock, ran) });
    before.start();
    await before.idle();
    await before.stop();
    await first.close();
    expect(ran.map((r) => r.instant)).toEqual([iso(T0 - DAY)]);

    clock.set(T0 + 4 * DAY); // the machine was off for four days
    const second = newStore(path);
    const after = loop(second, { mode: 'realtime', clock, run: fakePipeline(second, clock, ran) });
    after.start();
    await after.idle();

    expect(ran.map((r) => `${r.caseId}@${r.instant}`)).toEqual([
      `case-a@${iso(T0 - DAY)}`,
      `case-a@${iso(T0 + DAY)}`,
      `case-b@${iso(T0 + 2 * DAY)}`,
      `case-a@${iso(T0 + 3 * DAY)}`,
    ]);
    expect(await second.nextDueInstant()).toBe(iso(T0 + 9 * DAY));
  });
});

describe('process scheduler: settings', () => {
  it('refuses fast-forward without a virtual clock, and nonsense limits', () => {
    const store = newStore();
    const base = { store, run: async () => undefined, onError: () => undefined };
    expect(() => createProcessScheduler({ ...base, mode: 'fast-forward', clock: systemClock })).toThrow(
      'createProcessScheduler: fast-forward mode needs the virtual clock of createFastForwardClock',
    );
    expect(() => createProcessScheduler({ ...base, mode: 'realtime', clock: systemClock, concurrency: 0 })).toThrow(
      'createProcessScheduler: concurrency must be a whole number of at least 1, not 0',
    );
  });
});

describe('fast-forward clock', () => {
  it('stands still until moved, and never runs back', () => {
    const clock = createFastForwardClock(new Date(T0));
    expect(clock.now().toISOString()).toBe(iso(T0));
    expect(clock.now().toISOString()).toBe(iso(T0));
    clock.advanceTo(iso(T0 + DAY));
    clock.advanceTo(new Date(T0));
    expect(clock.now().toISOString()).toBe(iso(T0 + DAY));
    expect(() => clock.advanceTo('not a date')).toThrow('FastForwardClock: not a date is not a valid instant');
  });
});
