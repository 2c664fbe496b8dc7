/// <reference lib="webworker" />
import bold from '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf?url';
import regular from '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf?url';
import type { WorkerReply, WorkerRequest } from './pdf-job.ts';

/**
 * The PDF worker: renders documents off the page's thread. The React-PDF engine (about 1.2 MB)
 * and the documents load on the first job, while the two Arimo TTF files are fetched in parallel
 * and handed to React-PDF as blob: URLs (so the first render does not wait for them again).
 * Jobs run one after another: React-PDF's font registry and layout are not re-entrant.
 */
declare const self: DedicatedWorkerGlobalScope;

type Engine = import('./pdf-engine.ts').PdfEngine;
let engine: Promise<Engine> | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function fontUrl(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

function loadEngine(): Promise<Engine> {
  return (engine ??= (async () => {
    const [fonts, engineModule] = await Promise.all([Promise.all([fontUrl(regular), fontUrl(bold)]), import('./pdf-engine.ts')]);
    return engineModule.warmPdfEngine({ regular: fonts[0], bold: fonts[1] });
  })());
}

const reply = (message: WorkerReply, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  if ('warm' in request) {
    const started = performance.now();
    const first = !engine;
    queue = queue.then(() =>
      loadEngine().then(
        () => reply({ id, type: 'warm', engineMs: first ? performance.now() - started : 0 }),
        (error: unknown) => reply({ id, type: 'error', message: error instanceof Error ? error.message : String(error) }),
      ),
    );
    return;
  }
  const { job } = request;
  queue = queue.then(async () => {
    try {
      const started = performance.now();
      const first = !engine;
      if (first) reply({ id, type: 'phase', phase: 'engine' });
      const ready = await loadEngine();
      const loaded = performance.now();
      reply({ id, type: 'phase', phase: 'rendering' });
      const bytes = await ready.render(job);
      const pdf = bytes.buffer.byteLength === bytes.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
      reply({ id, type: 'done', pdf, renderMs: performance.now() - loaded, engineMs: first ? loaded - started : 0 }, [pdf]);
    } catch (error) {
      // an engine that failed to load is loaded again by the next job
      if (engine && (await engine.then(() => false, () => true))) engine = undefined;
      reply({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
