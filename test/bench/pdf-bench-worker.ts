/**
 * Runs one engine's PDF timings in a fresh thread for pdf.bench.ts, so each engine starts from
 * its own module state (React in production mode, fonts untuned for stock React-PDF) whatever
 * ran before it in the bench process. Plain TypeScript (Node strips the types); the .tsx
 * documents load through tsx's `tsImport`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import type { ReactElement } from 'react';
import { sample, type Samples } from './measure.ts';

export interface PdfBenchJob {
  engine: 'stock' | 'overdue';
  languages: readonly string[];
  n: number;
  warm: number;
}

export interface PdfBenchTimes {
  letterKind: string;
  /** per language: invoice and letter timings (ms), and the first (cold) invoice render */
  byLanguage: Record<string, { invoice: Samples; letter: Samples; invoicePages: number; coldInvoice: number }>;
}

const job = workerData as PdfBenchJob;
const fixtures = (await tsImport('./pdf-fixtures.tsx', import.meta.url)) as typeof import('./pdf-fixtures.tsx');
const render: (element: ReactElement) => Promise<Uint8Array> =
  job.engine === 'stock'
    ? ((await tsImport('../../functions/documents/render-pdf-stock.ts', import.meta.url)) as typeof import('../../functions/documents/render-pdf-stock.ts')).renderPdfStock
    : ((await tsImport('../../functions/documents/render-pdf.ts', import.meta.url)) as typeof import('../../functions/documents/render-pdf.ts')).renderPdf;
const letter = await fixtures.letterFixture();
const pagesOf = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const result: PdfBenchTimes = { letterKind: letter.kind, byLanguage: {} };
for (const lang of job.languages as (typeof fixtures.benchLanguages)[number][]) {
  const cold = performance.now();
  const first = await render(fixtures.invoiceElement(lang, 1000));
  const coldInvoice = performance.now() - cold;
  // the elements (and the case files under them) are built before timing; the document components run in the timed render
  const invoices = Array.from({ length: job.n + job.warm }, (_, i) => fixtures.invoiceElement(lang, i));
  const letters = Array.from({ length: job.n + job.warm }, (_, i) => letter.element(lang, i));
  const invoice = await sample(job.n, job.warm, (i) => render(invoices[i]!));
  const letterTimes = await sample(job.n, job.warm, (i) => render(letters[i]!));
  result.byLanguage[lang] = { invoice, letter: letterTimes, invoicePages: pagesOf(first), coldInvoice };
}
parentPort!.postMessage(result);
