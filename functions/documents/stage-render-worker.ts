/**
 * One render thread of the worker stage renderer (worker-stage-renderer.ts): runs the stage
 * renderer (stage-renderer.tsx, React-PDF and the e-mail) on the jobs the pool sends, and answers
 * with the bytes (their buffers transferred, not copied).
 *
 * Plain TypeScript with erasable syntax only, so Node loads it as it is (type stripping) whether
 * or not the process runs under tsx; the .tsx renderer is loaded through tsx's `tsImport`, which
 * works in either case.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import type { StageRendererOptions } from './stage-renderer.tsx';
import type { CaseRecord, StageRecord } from '../ports/records.ts';
import type { RenderedStage, StageRenderer } from '../ports/renderer.ts';

/** A job from the pool. */
export interface RenderJob {
  id: number;
  record: CaseRecord;
  stage: StageRecord;
  at: Date;
}

/** The answer to a job: the rendered stage, or the error the renderer threw; `cpuMs`: this thread's CPU time on it. */
export type RenderReply =
  | { id: number; cpuMs: number; rendered: RenderedStage }
  | { id: number; cpuMs: number; error: { name: string; message: string; stack?: string | undefined } };

const port = parentPort;
if (!port) throw new Error('stage-render-worker.ts runs as a worker thread of createWorkerStageRenderer');

const { createStageRenderer } = (await tsImport('./stage-renderer.tsx', import.meta.url)) as typeof import('./stage-renderer.tsx');
const renderer: StageRenderer = createStageRenderer(workerData as StageRendererOptions);

/** Bytes that own their whole buffer can be transferred; a view into a shared one (Buffer's pool) is copied first. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
};

port.on('message', (job: RenderJob) => {
  const start = process.threadCpuUsage();
  renderer.render(job.record, job.stage, job.at).then(
    (rendered) => {
      const pdf = own(rendered.pdf);
      const eml = own(rendered.eml);
      const reply: RenderReply = { id: job.id, cpuMs: cpuSince(start), rendered: { ...rendered, pdf, eml } };
      port.postMessage(reply, pdf.buffer === eml.buffer ? [pdf.buffer as ArrayBuffer] : [pdf.buffer as ArrayBuffer, eml.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      const reply: RenderReply = { id: job.id, cpuMs: cpuSince(start), error: { name: e.name, message: e.message, stack: e.stack } };
      port.postMessage(reply);
    },
  );
});
port.postMessage({ ready: true });
