import type { Clock } from '../../ports/clock.ts';
import type { StageRecord } from '../../ports/records.ts';
import type { ScheduleEntry, Scheduler } from '../../ports/scheduler.ts';
import type { Store } from '../../ports/store.ts';
import type { FastForwardClock } from './fast-forward-clock.ts';

export { createFastForwardClock, type FastForwardClock } from './fast-forward-clock.ts';

export interface ProcessSchedulerOptions {
  /** where the due-times live: every `scheduled` stage is a pending wake-up */
  store: Store;
  /** `realtime` sleeps until the next stage is due; `fast-forward` moves `clock` on to it */
  mode: 'realtime' | 'fast-forward';
  /** realtime: any clock (systemClock); fast-forward: the virtual clock of createFastForwardClock */
  clock: Clock | FastForwardClock;
  /** runs one stage (the pipeline's runStage); it claims the stage, so a stage it ran leaves `scheduled` */
  run: (caseId: string, stageId: string) => Promise<unknown>;
  /** a run that threw, a stage that stayed `scheduled` after its run, a store that failed */
  onError: (error: unknown, stage?: StageRecord) => void;
  /** stages run at once (default 2) */
  concurrency?: number | undefined;
  /** due stages read per query (default 100) */
  batch?: number | undefined;
  /** runs of a stage that stays `scheduled` at the same instant before it is left alone until restart (default 5) */
  maxRunsPerStage?: number | undefined;
}

export interface ProcessScheduler {
  /** the port the pipeline and the API use */
  scheduler: Scheduler;
  /** starts the loop: runs every stage already due (after a restart, every schedule resumes), then waits for the next */
  start(): void;
  /** stops launching stages; resolves when the runs under way have finished */
  stop(): Promise<void>;
  /** resolves once nothing is due and nothing is running (fast-forward: once nothing is scheduled at all) */
  idle(): Promise<void>;
}

/** setTimeout's longest delay (Node clamps anything longer to 1 ms, which would spin). */
const longestTimer = 2 ** 31 - 1;
/** `dueStages(endOfTime, n)`: the first n scheduled stages of all, in time order. */
const endOfTime = '9999-12-31T23:59:59.999Z';
const retryAfterStoreError = 1000;

/**
 * The local Scheduler: the durable due-times ARE the store's `scheduled` stages, and one timer
 * loop wakes for the earliest (`store.nextDueInstant`), runs every due stage
 * (`store.dueStages(now, batch)`) in instant order, at most `concurrency` at once, and re-arms.
 * Nothing is kept in memory that a restart would lose: `start()` runs what fell due while the
 * process was down. Which of those still deserve sending (catch-up) is the planner's business;
 * the scheduler runs what the store says is due. Timers longer than 2^31−1 ms are chunked.
 *
 * - `schedule()` only re-arms the timer when the entry is earlier than the wake-up armed (the
 *   stage itself is already in the store: the pipeline commits it before scheduling).
 * - `cancel()` does nothing, on purpose: the stage's status in the store is the truth. Whoever
 *   cancels a stage commits it `cancelled`; the loop only runs `scheduled` stages, so a cancelled
 *   one is simply never returned by `dueStages`. Keeping a second record of cancellations here
 *   could only disagree with the store. (At worst the loop wakes once for nothing.)
 * - A run that leaves its stage `scheduled` (it threw before claiming) is reported to `onError`
 *   and retried with a growing delay (1 s, 2 s, 4 s …), at most `maxRunsPerStage` times, so a
 *   broken stage can never spin the loop.
 *
 * Fast-forward mode (demos, tests) runs on a virtual clock: when nothing is due and nothing is
 * running, the loop moves the clock to the next due instant instead of sleeping, so a 60-day
 * ladder runs in well under a second and every run sees its stage's instant as "now".
 *
 * @example
 * const clock = createFastForwardClock(new Date('2026-04-01T08:00:00Z'));
 * const local = createProcessScheduler({ store, clock, mode: 'fast-forward', run: (caseId, stageId) => runStage(ports, { caseId, stageId }), onError: console.error });
 * local.start();
 * await local.idle(); // every letter of every ladder is sent (or cancelled)
 * await local.stop();
 */
export function createProcessScheduler(options: ProcessSchedulerOptions): ProcessScheduler {
  const { store, run } = options;
  const clock: Clock = options.clock;
  const fastForward = options.mode === 'fast-forward' ? virtual(options.clock) : undefined;
  const concurrency = options.concurrency ?? 2;
  const batch = options.batch ?? 100;
  const maxRuns = options.maxRunsPerStage ?? 5;
  for (const [name, value] of [['concurrency', concurrency], ['batch', batch], ['maxRunsPerStage', maxRuns]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`createProcessScheduler: ${name} must be a whole number of at least 1, not ${value}`);
  }

  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedAt: number | undefined;
  /** the earliest instant announced by schedule() that the loop has not reached yet */
  let announced: number | undefined;
  const running = new Map<string, Promise<void>>();
  /** stages whose run left them `scheduled`, by key */
  const stuck = new Map<string, { caseId: string; stageId: string; instant: string; runs: number; notBefore: number }>();
  let pumping = false;
  let again = false;
  let quiet = false;
  const waiters: (() => void)[] = [];

  const now = (): number => clock.now().getTime();
  const keyOf = (s: { caseId: string; id: string; instant: string }): string => `${s.caseId}\u0000${s.id}\u0000${s.instant}`;

  function report(error: unknown, stage?: StageRecord): void {
    try {
      options.onError(error, stage);
    } catch {
      // the reporter's own failure must not stop the loop
    }
  }

  function settle(): void {
    quiet = true;
    for (const resolve of waiters.splice(0)) resolve();
  }

  function disarm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    armedAt = undefined;
  }

  function arm(at: number): void {
    disarm();
    armedAt = at;
    // a longer wait is chunked: the timer fires early, the loop finds nothing due and re-arms
    timer = setTimeout(() => {
      timer = undefined;
      armedAt = undefined;
      kick();
    }, Math.min(Math.max(0, at - now()), longestTimer));
  }

  function kick(): void {
    quiet = false;
    if (!started) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    void pump();
  }

  async function pump(): Promise<void> {
    for (;;) {
      again = false;
      try {
        await cycle();
      } catch (error) {
        report(error);
        if (started) arm(now() + retryAfterStoreError);
      }
      if (!again || !started) break;
    }
    pumping = false;
    if (!started && running.size === 0) settle();
  }

  function runnable(stage: StageRecord, at: number): boolean {
    const key = keyOf(stage);
    if (running.has(key)) return false;
    const s = stuck.get(key);
    return s === undefined || (s.runs < maxRuns && s.notBefore <= at);
  }

  async function cycle(): Promise<void> {
    disarm();
    if (!started || running.size >= concurrency) return; // a finishing run kicks the loop
    const at = now();
    const due = await store.dueStages(new Date(at).toISOString(), batch + running.size + stuck.size);
    for (const stage of due) {
      if (!started) return;
      if (!runnable(stage, at)) continue;
      if (running.size >= concurrency) return;
      launch(stage);
    }
    // fast-forward: time moves on only when nothing runs (a run may plan an earlier stage)
    if (fastForward && running.size > 0) return;
    const next = await nextWake(at);
    if (!started) return;
    if (next === undefined) {
      if (running.size === 0) settle();
      return;
    }
    if (next <= at) {
      again = true;
      return;
    }
    if (fastForward) {
      fastForward.advanceTo(new Date(next));
      again = true;
      return;
    }
    if (running.size === 0) settle();
    arm(next);
  }

  /** When the loop must look again: the next stage it may run, a stuck stage's retry, an announced entry. */
  async function nextWake(at: number): Promise<number | undefined> {
    const skip = new Set(running.keys());
    let soonest: number | undefined;
    for (const [key, s] of stuck) {
      const current = await store.getStage(s.caseId, s.stageId);
      if (current?.status !== 'scheduled' || current.instant !== s.instant) {
        stuck.delete(key);
      } else if (s.runs >= maxRuns) {
        skip.add(key);
      } else if (s.notBefore > at) {
        skip.add(key);
        soonest = earliest(soonest, s.notBefore);
      }
    }
    let first: number | undefined;
    if (skip.size === 0) {
      const instant = await store.nextDueInstant();
      first = instant === undefined ? undefined : Date.parse(instant);
    } else {
      const stage = (await store.dueStages(endOfTime, skip.size + 1)).find((s) => !skip.has(keyOf(s)));
      first = stage === undefined ? undefined : Date.parse(stage.instant);
    }
    if (announced !== undefined && announced <= at) announced = undefined;
    return earliest(earliest(first, soonest), announced);
  }

  function launch(stage: StageRecord): void {
    const key = keyOf(stage);
    const job = (async () => {
      try {
        await run(stage.caseId, stage.id);
      } catch (error) {
        report(error, stage);
      }
      try {
        await noteIfStuck(stage, key);
      } catch (error) {
        report(error, stage);
      }
    })().finally(() => {
      running.delete(key);
      if (started) kick();
      else if (running.size === 0) settle();
    });
    running.set(key, job);
  }

  async function noteIfStuck(stage: StageRecord, key: string): Promise<void> {
    const after = await store.getStage(stage.caseId, stage.id);
    if (after?.status !== 'scheduled' || after.instant !== stage.instant) {
      stuck.delete(key);
      return;
    }
    const s = stuck.get(key) ?? { caseId: stage.caseId, stageId: stage.id, instant: stage.instant, runs: 0, notBefore: 0 };
    s.runs += 1;
    const wait = Math.min(1000 * 2 ** (s.runs - 1), 5 * 60_000);
    s.notBefore = now() + wait;
    stuck.set(key, s);
    const what = `Scheduler: stage ${stage.id} of case ${stage.caseId} is still scheduled after ${s.runs} run${s.runs === 1 ? '' : 's'}`;
    report(new Error(s.runs >= maxRuns ? `${what}; it is not run again until the scheduler restarts` : `${what}; running it again in ${wait / 1000} s`), after);
  }

  const scheduler: Scheduler = {
    async schedule(entry: ScheduleEntry): Promise<void> {
      const at = Date.parse(entry.instant);
      if (Number.isNaN(at)) throw new RangeError(`Scheduler: ${JSON.stringify(entry.instant)} is not an instant`);
      announced = earliest(announced, at);
      if (started && (armedAt === undefined || at < armedAt)) kick();
    },
    async cancel(): Promise<void> {
      // the store is the truth: a cancelled stage is no longer `scheduled`, so the loop never runs it
    },
  };

  return {
    scheduler,
    start(): void {
      if (started) return;
      started = true;
      kick();
    },
    async stop(): Promise<void> {
      started = false;
      disarm();
      await Promise.all(running.values());
      settle();
    },
    idle(): Promise<void> {
      if (running.size === 0 && !pumping && (quiet || !started)) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

function virtual(clock: Clock | FastForwardClock): FastForwardClock {
  if (!('advanceTo' in clock) || typeof clock.advanceTo !== 'function') {
    throw new TypeError('createProcessScheduler: fast-forward mode needs the virtual clock of createFastForwardClock');
  }
  return clock;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
