/**
 * The stage pipeline end to end on one machine: BENCH_CASES cases (default 10,000) with a letter
 * due at the same moment, run by the local scheduler loop through runStage (claim, re-read,
 * render, archive, re-check, send to the outbox, record) on the real local adapters (SQLite,
 * filesystem archive, outbox folder), with rendering in worker threads
 * (functions/documents/worker-stage-renderer.ts). Reports letters per second and peak RSS
 * (sampled; RSS after the first thousand letters and at the end, to see whether it stays flat).
 *
 * Baselines measured in the same run: the render alone (one letter at a time in a thread: the
 * time a letter costs; all threads busy: the most the pool can render), and the same pipeline
 * with the renderer on the main thread (as `npm start` wires it today) over BENCH_MAIN_CASES
 * (default 1,000; the main thread renders one letter at a time, so 10,000 there take long).
 *
 * Environment: BENCH_CASES, BENCH_MAIN_CASES, BENCH_THREADS (default: available parallelism),
 * BENCH_CONCURRENCY (stages run at once with threads; default 2 × threads), BENCH_THREAD_OLD_MB and
 * BENCH_THREAD_YOUNG_MB (a render thread's heap limits; default: the renderer's own).
 *
 * Runs under plain Node (`npm run bench`, type stripping): the .tsx renderer is loaded through
 * tsx's `tsImport`. Standalone: `node test/bench/pipeline.bench.ts`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { CaseFileSchema, type CaseFile } from '#domain/schemas/case.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import { createOutboxMailer } from '#functions/adapters/local/outbox-mailer.ts';
import { createProcessScheduler } from '#functions/adapters/local/process-scheduler.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { newCaseId } from '#functions/cases/new-case-id.ts';
import { createWorkerStageRenderer } from '#functions/documents/worker-stage-renderer.ts';
import { runStage } from '#functions/pipeline/run-stage.ts';
import type { Clock } from '#functions/ports/clock.ts';
import type { Ports } from '#functions/ports/ports.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';
import type { StageRenderer } from '#functions/ports/renderer.ts';
import type { Store } from '#functions/ports/store.ts';
import type { BenchResult } from './bench-result.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AT = new Date('2026-05-04T09:00:00.000Z');
const clock: Clock = { now: () => AT };
const examples = ['en-gb-tracking', 'fr-pressure-scale', 'ru-gentle', 'he-il-pressure-scale'] as const;
const templates = ['overdue-gentle', 'overdue-firm', 'overdue-stern', 'invoice-resent'] as const;
const MB = 1024 * 1024;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number of at least 1, not ${raw}`);
  return n;
}

const exampleFiles = examples.map((name) => JSON.parse(readFileSync(join(root, 'templates', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>);

/** Case number `i`: one of the four examples (four languages, two of them formal), with its own debtor name, invoice number and amount. */
function caseFile(i: number): CaseFile {
  const raw = structuredClone(exampleFiles[i % exampleFiles.length]!) as {
    reference?: string;
    debtor: { legalName: string };
    invoices: { number: string; lines: { unitPrice: string }[] }[];
  };
  raw.reference = `BENCH-${i}`;
  raw.debtor.legalName = `${raw.debtor.legalName} ${i}`;
  raw.invoices[0]!.number = `${raw.invoices[0]!.number}-${i}`;
  const price = Number(raw.invoices[0]!.lines[0]!.unitPrice);
  raw.invoices[0]!.lines[0]!.unitPrice = (price + (i % 997)).toFixed(2);
  return CaseFileSchema.parse(raw);
}

function dueStage(caseId: string, file: CaseFile, i: number): StageRecord {
  const local = localDateTime(AT, file.debtor.timeZone);
  return {
    caseId,
    id: 'g1.bench',
    generation: 1,
    seq: 0,
    key: 'bench',
    channel: 'email',
    template: templates[Math.floor(i / examples.length) % templates.length]!,
    instant: AT.toISOString(),
    localDate: local.date,
    localTime: local.time,
    timeZone: file.debtor.timeZone,
    status: 'scheduled',
    attempts: 0,
  };
}

/** `count` new cases, each with one letter due at AT; their records and stages (for the render baselines). */
async function seed(store: Store, count: number): Promise<{ record: CaseRecord; stage: StageRecord }[]> {
  const seeded: { record: CaseRecord; stage: StageRecord }[] = [];
  for (let i = 0; i < count; i++) {
    const file = caseFile(i);
    const id = newCaseId();
    const record: CaseRecord = { id, createdAt: AT.toISOString(), updatedAt: AT.toISOString(), version: 1, status: 'active', file, generation: 1 };
    const stage = dueStage(id, file, i);
    await store.createCase(record, [stage], [{ at: AT.toISOString(), actor: 'owner', type: 'created', data: { reference: file.reference ?? null } }]);
    seeded.push({ record, stage });
  }
  return seeded;
}

/** Peak RSS, sampled every 100 ms from `start()` to `stop()`. */
function rssSampler(): { start(): void; stop(): number; now(): number } {
  let peak = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  return {
    start() {
      peak = 0;
      sample();
      timer = setInterval(sample, 100);
    },
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
    now: () => process.memoryUsage.rss(),
  };
}

interface PipelineRun {
  letters: number;
  seconds: number;
  peakRss: number;
  /** RSS when the first thousand letters were recorded (or the first tenth, in a small run) and at the end */
  rssEarly: number;
  rssLate: number;
  failures: number;
  outboxFiles: number;
  /** CPU time of the main thread per letter (scheduler, store, archive, outbox; the render too when it runs there) */
  mainCpuMs: number;
}

/** Runs every due stage through the local scheduler loop and runStage; counts, times and samples memory. */
async function runPipeline(dir: string, renderer: StageRenderer, count: number, concurrency: number, label: string): Promise<PipelineRun> {
  const store = openSqliteStore(join(dir, 'overdue.db'));
  await seed(store, count);
  const outbox = join(dir, 'outbox');
  const ports: Ports = {
    store,
    clock,
    renderer,
    archive: createFsArchive(join(dir, 'archive')),
    mailer: createOutboxMailer({ root: outbox, clock }),
    scheduler: { schedule: async () => {}, cancel: async () => {} },
  };
  const early = Math.min(1000, Math.max(1, Math.floor(count / 10)));
  const rss = rssSampler();
  let done = 0;
  let failures = 0;
  let rssEarly = 0;
  const loop = createProcessScheduler({
    store,
    clock,
    mode: 'realtime',
    concurrency,
    batch: 200,
    run: async (caseId, stageId) => {
      const outcome = await runStage(ports, { caseId, stageId }, { attempts: 1 });
      if (outcome.outcome !== 'sent') failures++;
      done++;
      if (done === early) rssEarly = rss.now();
      if (done % 1000 === 0) process.stderr.write(`  ${label}: ${done}/${count} letters, RSS ${(rss.now() / MB).toFixed(0)} MB\n`);
    },
    onError: (error) => {
      failures++;
      process.stderr.write(`  ${label}: ${(error as Error).message}\n`);
    },
  });
  rss.start();
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  loop.start();
  await loop.idle();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.threadCpuUsage(cpu0);
  const rssLate = rss.now();
  const peakRss = rss.stop();
  await loop.stop();
  await store.close();
  const outboxFiles = readdirSync(outbox).filter((n) => n.endsWith('.eml') && !n.startsWith('.')).length;
  return { letters: done, seconds, peakRss, rssEarly, rssLate, failures, outboxFiles, mainCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, done) };
}

/** One letter at a time: ms per letter. */
async function renderOneByOne(renderer: StageRenderer, jobs: { record: CaseRecord; stage: StageRecord }[]): Promise<number> {
  const t0 = performance.now();
  for (const { record, stage } of jobs) await renderer.render(record, stage, AT);
  return (performance.now() - t0) / jobs.length;
}

/** Every job at once: letters per second. */
async function renderAllAtOnce(renderer: StageRenderer, jobs: { record: CaseRecord; stage: StageRecord }[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(jobs.map(({ record, stage }) => renderer.render(record, stage, AT)));
  return jobs.length / ((performance.now() - t0) / 1000);
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

export async function benchPipeline(): Promise<BenchResult[]> {
  const count = envInt('BENCH_CASES', 10_000);
  const mainCount = envInt('BENCH_MAIN_CASES', Math.min(count, 1_000));
  const threads = envInt('BENCH_THREADS', availableParallelism());
  const concurrency = envInt('BENCH_CONCURRENCY', threads * 2);
  const results: BenchResult[] = [];
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'overdue-bench-pipeline-'));
    dirs.push(dir);
    return dir;
  };

  try {
    // render samples: the four languages and four templates, as in the pipeline run
    const sampleStore = openSqliteStore(':memory:');
    const samples = await seed(sampleStore, 64);
    await sampleStore.close();

    // ---- worker threads ----
    const oldMb = envInt('BENCH_THREAD_OLD_MB', 0);
    const youngMb = envInt('BENCH_THREAD_YOUNG_MB', 0);
    const limits = oldMb || youngMb ? { resourceLimits: { ...(oldMb ? { maxOldGenerationSizeMb: oldMb } : {}), ...(youngMb ? { maxYoungGenerationSizeMb: youngMb } : {}) } } : {};
    const pool = createWorkerStageRenderer({ threads, ...limits });
    await pool.warm();
    await renderAllAtOnce(pool, samples.slice(0, threads * 2)); // JIT and font caches of every thread
    let before = pool.stats();
    const threadMs = await renderOneByOne(pool, samples.slice(0, 32));
    const threadCpu = (pool.stats().cpuMs - before.cpuMs) / (pool.stats().renders - before.renders);
    const poolRate = await renderAllAtOnce(pool, samples);
    before = pool.stats();
    const piped = await runPipeline(tempDir(), pool, count, concurrency, `${threads} render threads`);
    const renderCpu = (pool.stats().cpuMs - before.cpuMs) / Math.max(1, pool.stats().renders - before.renders);
    await pool.close();
    const pipedRate = piped.letters / piped.seconds;
    const cpuPerLetter = renderCpu + piped.mainCpuMs;
    results.push(
      {
        name: 'render alone, 1 letter at a time (thread)',
        figure: `${threadMs.toFixed(1)} ms/letter`,
        detail: `${(1000 / threadMs).toFixed(1)} letters/s on one core; CPU ${threadCpu.toFixed(1)} ms/letter (the baseline: ${(1000 / threadCpu).toFixed(1)} letters/s per free core)`,
      },
      { name: `render alone, ${threads} threads busy`, figure: `${poolRate.toFixed(1)} letters/s`, detail: `${(poolRate / (1000 / threadMs)).toFixed(2)}× one at a time` },
      {
        name: `pipeline, ${threads} render threads`,
        figure: `${pipedRate.toFixed(1)} letters/s`,
        detail: `${piped.letters} letters in ${piped.seconds.toFixed(1)} s, concurrency ${concurrency}; ${(pipedRate / poolRate).toFixed(2)}× rendering alone; target ≥ 40/s${piped.failures ? `; ${piped.failures} NOT SENT` : ''}${piped.outboxFiles !== count ? `; outbox holds ${piped.outboxFiles}, not ${count}` : ''}`,
      },
      {
        name: `pipeline CPU per letter, ${threads} threads`,
        figure: `${cpuPerLetter.toFixed(1)} ms/letter`,
        detail: `render ${renderCpu.toFixed(1)} ms (threads) + pipeline ${piped.mainCpuMs.toFixed(1)} ms (main: store, archive, outbox, loop; ${((piped.mainCpuMs / renderCpu) * 100).toFixed(0)}% of the render); on ${availableParallelism()} free cores at most ${((availableParallelism() * 1000) / cpuPerLetter).toFixed(1)} letters/s`,
      },
      {
        name: `peak RSS, ${threads} render threads`,
        figure: mb(piped.peakRss),
        detail: `${mb(piped.rssEarly)} after ${Math.min(1000, Math.max(1, Math.floor(count / 10)))} letters, ${mb(piped.rssLate)} after ${piped.letters} (${piped.rssLate > piped.rssEarly ? '+' : ''}${((piped.rssLate - piped.rssEarly) / MB).toFixed(0)} MB); target < 400 MB, flat`,
      },
    );

    // ---- the main thread (as npm start renders today) ----
    const { createStageRenderer } = (await tsImport('../../functions/documents/stage-renderer.tsx', import.meta.url)) as typeof import('../../functions/documents/stage-renderer.tsx');
    const main = createStageRenderer();
    await renderOneByOne(main, samples.slice(0, 8)); // warm-up
    const mainCpu0 = process.threadCpuUsage();
    const mainMs = await renderOneByOne(main, samples.slice(0, 32));
    const mainCpuUsed = process.threadCpuUsage(mainCpu0);
    const mainRenderCpu = (mainCpuUsed.user + mainCpuUsed.system) / 1000 / 32;
    const onMain = await runPipeline(tempDir(), main, mainCount, 2, 'main-thread renderer');
    const onMainRate = onMain.letters / onMain.seconds;
    results.push(
      { name: 'render alone, main thread', figure: `${mainMs.toFixed(1)} ms/letter`, detail: `${(1000 / mainMs).toFixed(1)} letters/s; CPU ${mainRenderCpu.toFixed(1)} ms/letter` },
      {
        name: 'pipeline, renderer on the main thread',
        figure: `${onMainRate.toFixed(1)} letters/s`,
        detail: `${onMain.letters} letters in ${onMain.seconds.toFixed(1)} s, concurrency 2; ${(onMainRate / (1000 / mainMs)).toFixed(2)}× rendering alone; CPU ${onMain.mainCpuMs.toFixed(1)} ms/letter, all on one core (at most ${(1000 / onMain.mainCpuMs).toFixed(1)} letters/s); the threads ran ${(pipedRate / onMainRate).toFixed(2)}× faster here; peak RSS ${mb(onMain.peakRss)}${onMain.failures ? `; ${onMain.failures} NOT SENT` : ''}`,
      },
    );
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`pipeline bench on Node ${process.version}, ${availableParallelism()} cores`);
  for (const r of await benchPipeline()) console.log(`  ${r.name.padEnd(44)} ${r.figure.padEnd(18)} ${r.detail ?? ''}`);
}
