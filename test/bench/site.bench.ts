import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { closure, gzipSize, pageJs } from '../e2e/site/js-before-interaction.ts';
import type { RunningSite } from '../e2e/site/site-harness.ts';
import type { BenchResult } from './bench-result.ts';
import { stats } from './measure.ts';

/**
 * The site's weight and its PDF preview speed (`npm run bench -- site`).
 *
 * 1. Per page, the JavaScript shipped before any interaction (gzip level 9), read from the built
 *    HTML: inline scripts, module scripts and every island that hydrates at once, with their static
 *    imports (test/e2e/site/js-before-interaction.ts). Baseline in the same build: React's client
 *    renderer alone, the floor for any page with a React island. Also reported: the domain module
 *    a page loads once it has painted (zod, the rules; not blocking), and the PDF engine, which
 *    loads in a Web Worker on the first preview only.
 * 2. In Chromium, against the local API: the time from navigation to the first PDF preview of a
 *    contract and an invoice (English and Hebrew) with a saved draft (the cold case: a fresh
 *    browser context each run, so the engine, the fonts and the documents load), the worker's own
 *    split (engine load, render), and the warm re-render after an edit. Baseline: the time from
 *    navigation until the same page's form is usable (the domain module loaded), which the
 *    preview cannot beat. Environment: SITE_BENCH_RUNS (cold runs per document, default 3).
 */
export async function benchSite(): Promise<BenchResult[]> {
  // the API brings .tsx modules (the lawyer's bundle), which plain `node` cannot load
  const { dist, ensureSite, launchChromium, startSite } = (await tsImport('../e2e/site/site-harness.ts', import.meta.url)) as typeof import('../e2e/site/site-harness.ts');
  await ensureSite();
  const results: BenchResult[] = [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const files = readdirSync(join(dist, '_astro'));
  const chunk = (prefix: string) => files.filter((f) => f.startsWith(prefix) && f.endsWith('.js')).map((f) => `_astro/${f}`);

  const renderer = /renderer-url="([^"]+)"/.exec((await import('node:fs')).readFileSync(join(dist, 'en', 'cases', 'index.html'), 'utf8'))?.[1];
  const reactFloor = renderer ? gzipSize(dist, closure(dist, [renderer])) : 0;
  results.push({ name: 'JS baseline: React client renderer', figure: `${kb(reactFloor)} gzip`, detail: 'the floor for a page with a React island' });

  const domain: Record<string, string> = { contract: 'contract-engine.', invoice: 'invoice-engine.', ladder: 'case-engine.', cases: 'aging.', case: 'aging.' };
  for (const page of ['', 'contract/', 'invoice/', 'ladder/', 'cases/', 'case/', 'tasks/']) {
    const name = page.replace('/', '') || 'home';
    const sizes = (['en', 'ru', 'fr', 'he'] as const).map((lang) => pageJs(dist, `${lang}/${page}index.html`));
    const en = sizes[0]!;
    const same = sizes.every((s) => s.initial === en.initial);
    const later = domain[name] ? [...closure(dist, chunk(domain[name]))].filter((f) => !en.files.includes(f)) : [];
    results.push({
      name: `JS before interaction: /${page}`,
      figure: `${kb(en.initial)} gzip`,
      detail: [
        reactFloor > 0 && en.initial > 0 ? `${(en.initial / reactFloor).toFixed(2)}× React alone` : 'no JavaScript module',
        `${en.files.length} files`,
        same ? 'same in ru, fr, he' : `ru/fr/he: ${sizes.map((s) => kb(s.initial)).join(', ')}`,
        later.length > 0 ? `then ${kb(gzipSize(dist, later))} of domain rules after the first paint` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  const worker = chunk('pdf-worker-');
  const engine = closure(dist, [...worker, ...chunk('pdf-engine-')]);
  const fonts = files.filter((f) => f.endsWith('.ttf')).reduce((sum, f) => sum + statSync(join(dist, '_astro', f)).size, 0);
  results.push({ name: 'PDF engine (Web Worker, first preview only)', figure: `${kb(gzipSize(dist, engine))} gzip`, detail: `${engine.size} files, plus the Arimo TTF fonts ${kb(fonts)}` });

  const site = await startSite({ now: new Date() });
  const browser = await launchChromium();
  try {
    results.push(...(await previewTimes(site, browser, Number(process.env.SITE_BENCH_RUNS ?? 3))));
  } finally {
    await browser.close();
    await site.close();
  }
  return results;
}

async function savedDraft(browser: Browser, site: RunningSite, lang: 'en' | 'he'): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const c = await browser.newContext();
  const page = await c.newPage();
  await page.goto(`${site.url}/${lang}/invoice/`);
  await page.locator('form[data-checked]').waitFor({ timeout: 60_000 });
  await page.locator('.draft-tools button').first().click();
  await page.locator('.preview-status[data-status="ready"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(400); // the draft is written a quarter of a second after the last change
  const state = await c.storageState();
  await c.close();
  return state;
}

async function previewTimes(site: RunningSite, browser: Browser, runs: number): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const lang of ['en', 'he'] as const) {
    const state = await savedDraft(browser, site, lang);
    for (const doc of ['contract', 'invoice'] as const) {
      const first: number[] = [];
      const usable: number[] = [];
      const engine: number[] = [];
      const render: number[] = [];
      let warm: number[] = [];
      for (let run = 0; run < runs; run++) {
        const c = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } });
        const page = await c.newPage();
        await page.goto(`${site.url}/${lang}/${doc}/`);
        await page.locator('form[data-checked]').waitFor({ timeout: 60_000 });
        usable.push(await page.evaluate(() => performance.now()));
        await page.locator('.preview-status[data-status="ready"]').waitFor({ timeout: 60_000 });
        const mark = await page.evaluate(() => {
          const m = performance.getEntriesByName('overdue:pdf-preview')[0] as PerformanceMark;
          return { at: m.startTime, ...(m.detail as { engineMs: number; renderMs: number }) };
        });
        first.push(mark.at);
        engine.push(mark.engineMs);
        render.push(mark.renderMs);
        if (run === runs - 1) {
          // warm: edit the notes / the title five times, one render each
          const field = page.locator(doc === 'contract' ? '#f-contract-title' : '#f-invoices-0-notes');
          const original = await field.inputValue();
          warm = [];
          for (let i = 0; i < 5; i++) {
            const before = await page.evaluate(() => performance.getEntriesByName('overdue:pdf-preview').length);
            await field.fill(`${original} ${i}`);
            await page.waitForFunction((n) => performance.getEntriesByName('overdue:pdf-preview').length > n, before, { timeout: 60_000 });
            warm.push(await page.evaluate(() => ((performance.getEntriesByName('overdue:pdf-preview').at(-1) as PerformanceMark).detail as { renderMs: number }).renderMs));
          }
        }
        await c.close();
      }
      const s = stats(first);
      out.push({
        name: `first PDF preview: ${lang} ${doc}`,
        figure: `${Math.round(s.median)} ms median`,
        detail: `min ${Math.round(s.min)}, ${runs} cold runs; worker: engine ${Math.round(stats(engine).median)} ms + render ${Math.round(stats(render).median)} ms; baseline (form usable) ${Math.round(stats(usable).median)} ms → ${(s.median / stats(usable).median).toFixed(1)}×`,
      });
      out.push({ name: `warm re-render: ${lang} ${doc}`, figure: `${Math.round(stats(warm).median)} ms median`, detail: `p95 ${Math.round(stats(warm).p95)} ms over 5 edits, in the worker` });
    }
  }
  return out;
}
