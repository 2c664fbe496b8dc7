import type { PdfJob, PdfPhase, WorkerReply } from './pdf-job.ts';

/**
 * The page's side of the PDF worker. The worker (and with it the PDF engine) is created on the
 * first request, never before; it is recycled after `recycleAfter` renders because React-PDF's
 * memory grows with every render (shared/PITFALLS.md).
 */
export interface RenderedPdf {
  blob: Blob;
  /** time spent loading the engine and fonts (first render only), ms */
  engineMs: number;
  renderMs: number;
}

const recycleAfter = 40;
let worker: Worker | undefined;
let renders = 0;
let nextId = 1;
const pending = new Map<number, { resolve: (pdf: RenderedPdf) => void; reject: (error: Error) => void; onPhase?: ((phase: PdfPhase) => void) | undefined }>();
/** the engine's load time, when a warm-up loaded it (reported with the first render) */
let warmEngineMs: Promise<number> | undefined;

function start(): Worker {
  const w = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module', name: 'overdue-pdf' });
  w.onmessage = (event: MessageEvent<WorkerReply>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'phase') return entry.onPhase?.(message.phase);
    pending.delete(message.id);
    if (message.type === 'warm') return entry.resolve({ blob: new Blob(), engineMs: message.engineMs, renderMs: 0 });
    if (message.type === 'error') entry.reject(new Error(message.message));
    else entry.resolve({ blob: new Blob([message.pdf], { type: 'application/pdf' }), engineMs: message.engineMs, renderMs: message.renderMs });
  };
  w.onerror = (event) => {
    for (const [id, entry] of pending) {
      entry.reject(new Error(event.message || 'the PDF worker stopped'));
      pending.delete(id);
    }
    worker = undefined;
  };
  return w;
}

/**
 * Renders a document in the worker.
 *
 * @example const { blob } = await renderPdf({ kind: 'invoice', lang: 'fr', source }, (phase) => setPhase(phase));
 */
export function renderPdf(job: PdfJob, onPhase?: (phase: PdfPhase) => void): Promise<RenderedPdf> {
  if (worker && renders >= recycleAfter && pending.size === 0) {
    worker.terminate();
    worker = undefined;
    warmEngineMs = undefined;
    renders = 0;
  }
  worker ??= start();
  renders++;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onPhase });
    worker!.postMessage({ id, job });
  });
}

/**
 * Starts the worker and has it load and warm up the engine now, before there is anything to
 * render: a builder calls it when its preview comes into view, so the engine loads while the
 * page's own rules load and the form is checked. Once per worker.
 */
export function warmPdf(): Promise<number> {
  if (warmEngineMs && worker) return warmEngineMs;
  worker ??= start();
  const id = nextId++;
  warmEngineMs = new Promise<RenderedPdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, warm: true });
  }).then((r) => r.engineMs, () => 0);
  return warmEngineMs;
}

/** True once the worker exists (the engine is loading or loaded). */
export function pdfEngineStarted(): boolean {
  return worker !== undefined;
}
