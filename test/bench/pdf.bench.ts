/**
 * `npm run bench -- pdf`: warm median and p95 render time of a two-page invoice (40 lines) and a
 * one-page letter per language, by Overdue's renderer (functions/documents/render-pdf.ts) and by
 * React-PDF's own pipeline, and, in the same run, the two baselines for the same invoice:
 * headless Chromium printing equivalent HTML (one reused page: setContent + page.pdf) and pdf-lib
 * writing pre-positioned text with a standard font (the floor for writing the bytes).
 *
 * Every iteration renders a different invoice (pdf-fixtures.tsx); each React-PDF engine runs in
 * its own worker thread with NODE_ENV=production. Environment: PDF_BENCH_N (timed runs per case,
 * default 30), PDF_BENCH_LANGS (default en-GB,ru,fr,he).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import type { BenchResult } from './bench-result.ts';
import { placeInvoice, writeFloorPdf } from './floor-pdf.ts';
import { invoiceHtml, pageFooterTemplate } from './invoice-html.ts';
import { sample, stats } from './measure.ts';
import type { PdfBenchJob, PdfBenchTimes } from './pdf-bench-worker.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function inWorker(job: PdfBenchJob): Promise<PdfBenchTimes> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-bench-worker.ts', import.meta.url), { workerData: job, env: { ...process.env, NODE_ENV: 'production' } });
    worker.once('message', (times: PdfBenchTimes) => {
      resolve(times);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

export async function benchPdf(): Promise<BenchResult[]> {
  const n = Number(process.env.PDF_BENCH_N ?? 30);
  const warm = 5;
  const languages = (process.env.PDF_BENCH_LANGS ?? 'en-GB,ru,fr,he').split(',');

  const stock = await inWorker({ engine: 'stock', languages, n, warm });
  const overdue = await inWorker({ engine: 'overdue', languages, n, warm });

  const fixtures = (await tsImport('./pdf-fixtures.tsx', import.meta.url)) as typeof import('./pdf-fixtures.tsx');
  const { invoiceView } = (await tsImport('../../templates/documents/invoice/invoice-view.ts', import.meta.url)) as typeof import('../../templates/documents/invoice/invoice-view.ts');
  const { translator } = (await tsImport('../../templates/i18n/translator.ts', import.meta.url)) as typeof import('../../templates/i18n/translator.ts');
  type Lang = (typeof fixtures.benchLanguages)[number];
  const viewOf = (lang: Lang, seed: number) => invoiceView(fixtures.invoiceSource(lang, seed), translator(lang));

  // the floor: English strings (standard fonts cannot write Cyrillic or Hebrew), placed beforehand
  const placed = Array.from({ length: n + warm }, (_, i) => placeInvoice(viewOf('en-GB', i)));
  const floorSamples = await sample(n, warm, (i) => writeFloorPdf(placed[i]!, `Invoice ${i}`));
  const floor = stats(floorSamples.wall);

  // Chromium: one browser, a fresh profile, one page reused for every invoice
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'overdue-bench-chromium-'));
  const chromiumTimes: Record<string, ReturnType<typeof stats>> = {};
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const lang of languages as Lang[]) {
      const t = translator(lang);
      const htmls = Array.from({ length: n + warm }, (_, i) => {
        const source = fixtures.invoiceSource(lang, i);
        return invoiceHtml(viewOf(lang, i), t, source.creditor, source.debtor);
      });
      const footerTemplate = pageFooterTemplate(t);
      const times = await sample(n, warm, async (i) => {
        await page.setContent(htmls[i]!);
        return page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate, margin: { top: '56px', bottom: '75px', left: '64px', right: '64px' } });
      });
      chromiumTimes[lang] = stats(times.wall);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }

  const { loadavg } = await import('node:os');
  const results: BenchResult[] = [];
  for (const lang of languages) {
    const ours = overdue.byLanguage[lang]!;
    const theirs = stock.byLanguage[lang]!;
    const inv = stats(ours.invoice.wall);
    const invStock = stats(theirs.invoice.wall);
    const chrome = chromiumTimes[lang]!;
    results.push({
      name: `invoice ${lang} (${ours.invoicePages} pages, 40 lines)`,
      figure: `${ms(inv.median)} p95 ${inv.p95.toFixed(1)}`,
      detail: `stock React-PDF ${ms(invStock.median)} p95 ${invStock.p95.toFixed(1)} (${ratio(invStock.median, inv.median)} faster) · Chromium ${ms(chrome.median)} p95 ${chrome.p95.toFixed(1)} (ours ${ratio(chrome.median, inv.median)} faster, stock ${ratio(chrome.median, invStock.median)}) · floor ${ms(floor.median)}: ours ${ratio(inv.median, floor.median)}, stock ${ratio(invStock.median, floor.median)} · thread CPU ours ${ms(stats(ours.invoice.cpu).median)}, stock ${ms(stats(theirs.invoice.cpu).median)} · cold first render ${ms(ours.coldInvoice)}`,
    });
  }
  for (const lang of languages) {
    const letter = stats(overdue.byLanguage[lang]!.letter.wall);
    const letterStock = stats(stock.byLanguage[lang]!.letter.wall);
    results.push({
      name: `letter ${lang} (1 page)`,
      figure: `${ms(letter.median)} p95 ${letter.p95.toFixed(1)}`,
      detail: `stock React-PDF ${ms(letterStock.median)} p95 ${letterStock.p95.toFixed(1)} (${ratio(letterStock.median, letter.median)} faster) · thread CPU ours ${ms(stats(overdue.byLanguage[lang]!.letter.cpu).median)}, stock ${ms(stats(stock.byLanguage[lang]!.letter.cpu).median)}`,
    });
  }
  results.push({ name: 'baseline: pdf-lib floor (en strings)', figure: `${ms(floor.median)} p95 ${floor.p95.toFixed(1)}`, detail: `Helvetica, pre-positioned text, 2 pages; thread CPU ${ms(stats(floorSamples.cpu).median)}` });
  results.push({ name: 'letter measured', figure: overdue.letterKind, detail: `${n} timed runs per case after ${warm} warm-up runs, a different document each run; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}` });
  return results;
}
