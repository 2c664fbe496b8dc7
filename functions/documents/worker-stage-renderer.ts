import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CaseRecord, StageRecord } from '../ports/records.ts';
import type { RenderedStage, StageRenderer } from '../ports/renderer.ts';
import type { RenderJob, RenderReply } from './stage-render-worker.ts';
import type { StageRendererOptions } from './stage-renderer.tsx';

export interface WorkerStageRendererOptions extends StageRendererOptions {
  /** render threads (default: the machine's available parallelism) */
  threads?: number | undefined;
  /**
   * memory limits of each thread (a thread over them dies, its letter fails, and it is replaced);
   * default: old generation 256 MB, young generation 16 MB. Measured on the four example
   * languages (a render thread keeps about 85 MB live): without limits V8 lets a thread's heap
   * and external memory grow by some 0.6 MB a letter before collecting; an old-generation limit
   * alone makes V8 reserve a young generation as large (total heap over 200 MB); with both the
   * thread stays flat near 110 MB of heap (about 200 MB of RSS) at the same CPU per letter.
   */
  resourceLimits?: ResourceLimits | undefined;
}

/** The StageRenderer port on a pool of worker threads; `close()` ends the threads. */
export interface WorkerStageRenderer extends StageRenderer {
  readonly threads: number;
  /** starts every thread and waits until each has loaded the renderer (optional: the first renders do it otherwise) */
  warm(): Promise<void>;
  /** renders still waiting for a thread */
  readonly queued: number;
  /** renders finished (or failed) in the threads so far, and the CPU time the threads spent on them */
  stats(): { renders: number; cpuMs: number };
  close(): Promise<void>;
}

interface Job {
  id: number;
  record: CaseRecord;
  stage: StageRecord;
  at: Date;
  resolve: (rendered: RenderedStage) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  loaded: boolean;
  job: Job | undefined;
}

const workerFile = new URL('./stage-render-worker.ts', import.meta.url);

/**
 * The stage renderer (stage-renderer.tsx) in worker threads, so that rendering (React-PDF layout
 * and PDF writing, CPU-bound and synchronous for most of a letter) uses every core while the main
 * thread runs the API, the store, the archive and the mailer. Each thread runs
 * `createStageRenderer(options)` on one job at a time; jobs queue in order.
 *
 * - The record and stage go to the thread as structured clones; the PDF and .eml come back with
 *   their buffers transferred (no copy).
 * - An error the renderer throws comes back as an Error with its name and message (the pipeline
 *   marks the stage failed). A thread that dies (out of memory, a crash) fails its job with
 *   `render thread stopped` and is replaced.
 * - Idle threads do not keep the process alive (loading or busy ones do); `close()` ends them
 *   and fails queued jobs.
 *
 * @example
 * const renderer = createWorkerStageRenderer({ from: config.from, threads: 2 });
 * const ports = { ...ports, renderer };
 * …
 * await renderer.close();
 */
export function createWorkerStageRenderer(options: WorkerStageRendererOptions = {}): WorkerStageRenderer {
  const { threads: wanted, resourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }, ...rendererOptions } = options;
  const size = wanted ?? availableParallelism();
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`createWorkerStageRenderer: threads must be a whole number of at least 1, not ${String(wanted)}`);
  const pool: (Thread | undefined)[] = Array.from({ length: size }, () => undefined);
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let renders = 0;
  let cpuMs = 0;

  function spawn(index: number): Thread {
    // React's development build (NODE_ENV unset) checks every element and records a stack per
    // element: a quarter more CPU per letter and far more garbage for the same bytes. The threads
    // only render, so they take the production build unless NODE_ENV says otherwise.
    const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' };
    const worker = new Worker(workerFile, { workerData: rendererOptions, resourceLimits, env });
    let loaded!: () => void;
    let failedToLoad!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failedToLoad = reject;
    });
    ready.catch(() => undefined);
    const thread: Thread = { worker, ready, loaded: false, job: undefined };
    worker.on('message', (message: RenderReply | { ready: true }) => {
      if ('ready' in message) {
        thread.loaded = true;
        if (!thread.job) worker.unref();
        loaded();
        return;
      }
      const job = thread.job;
      if (!job || job.id !== message.id) return;
      thread.job = undefined;
      renders++;
      cpuMs += message.cpuMs;
      if ('rendered' in message) job.resolve(message.rendered);
      else job.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      dispatch();
    });
    const died = (error: Error) => {
      if (pool[index] !== thread) return;
      pool[index] = undefined;
      failedToLoad(error);
      const job = thread.job;
      thread.job = undefined;
      job?.reject(new Error(`render thread stopped: ${error.message}`, { cause: error }));
      void worker.terminate();
      dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the thread exited with code ${code}`)));
    // a loading or busy thread keeps the process alive; an idle one does not
    pool[index] = thread;
    return thread;
  }

  function dispatch(): void {
    if (closed) return;
    for (let i = 0; i < pool.length && queue.length > 0; i++) {
      const thread = pool[i] ?? spawn(i);
      if (thread.job) continue;
      const job = queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      const message: RenderJob = { id: job.id, record: job.record, stage: job.stage, at: job.at };
      thread.worker.postMessage(message);
    }
    for (const thread of pool) if (thread && thread.loaded && !thread.job) thread.worker.unref();
  }

  return {
    threads: size,
    get queued() {
      return queue.length;
    },
    stats: () => ({ renders, cpuMs }),
    render(record: CaseRecord, stage: StageRecord, at: Date): Promise<RenderedStage> {
      if (closed) return Promise.reject(new Error('the worker stage renderer is closed'));
      return new Promise<RenderedStage>((resolve, reject) => {
        queue.push({ id: nextId++, record, stage, at, resolve, reject });
        dispatch();
      });
    },
    async warm(): Promise<void> {
      if (closed) throw new Error('the worker stage renderer is closed');
      await Promise.all(pool.map((t, i) => (t ?? spawn(i)).ready));
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the worker stage renderer was closed before this letter was rendered'));
      const threads = pool.splice(0).filter((t): t is Thread => t !== undefined);
      for (const thread of threads) {
        thread.job?.reject(new Error('the worker stage renderer was closed while rendering this letter'));
        thread.job = undefined;
      }
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
