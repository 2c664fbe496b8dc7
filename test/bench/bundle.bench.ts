import type { ReactElement } from 'react';
import type { BenchResult } from './bench-result.ts';

/**
 * The lawyer bundle of a case with a contract, three invoices and ten letters sent (the case of
 * test/e2e/bundle, run through the real local app in fast-forward, mail to the outbox): the time
 * of the first build in the process (cold) and the median of five more (warm), with the peak RSS
 * and heap sampled every 10 ms while building. Baseline in the same run: the same PDFs rendered
 * alone (the documents buildBundle renders, captured from its own render calls), without reading
 * the archive, hashing or zipping, so the ratio shows the bundle's own overhead.
 *
 * `npm run bench` runs on plain Node (type stripping), which cannot load .tsx: the documents are
 * loaded through tsx's loader, registered here before anything that imports them.
 */
export async function benchBundle(): Promise<BenchResult[]> {
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  try {
    const { runBundleCase } = await import('../e2e/bundle/bundle-case.ts');
    const { stopAll } = await import('../e2e/local/local-harness.ts');
    const { buildBundle } = await import('../../functions/bundle/build-bundle.tsx');
    const { renderDatedPdf } = await import('../../functions/bundle/render-dated-pdf.ts');

    const c = await runBundleCase({ events: false });
    try {
      const letters = c.stages.filter((s) => s.channel === 'email' && s.status === 'sent').length;
      const ports = c.app.running.ports;
      const rendered: { element: ReactElement; date: Date }[] = [];
      const capture = async (element: ReactElement, date: Date) => {
        rendered.push({ element, date });
        return renderDatedPdf(element, date);
      };
      const options = { date: '2026-05-15', lang: 'fr', render: renderDatedPdf };

      const peak = { rss: 0, heap: 0 };
      const sample = () => {
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss);
        peak.heap = Math.max(peak.heap, m.heapUsed);
      };
      const sampler = setInterval(sample, 10);
      const rssBefore = process.memoryUsage().rss;
      let t = performance.now();
      const first = await buildBundle(ports, c.caseId, { ...options, render: capture });
      const cold = performance.now() - t;
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        const again = await buildBundle(ports, c.caseId, options);
        warm.push(performance.now() - t);
        if (Buffer.compare(again.bytes, first.bytes) !== 0) throw new Error('benchBundle: two builds of the same bundle differ');
      }
      sample();
      clearInterval(sampler);

      const alone: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        for (const r of rendered) await renderDatedPdf(r.element, r.date);
        alone.push(performance.now() - t);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
      const warmMs = median(warm);
      const aloneMs = median(alone);
      return [
        { name: 'lawyer bundle, cold', figure: `${cold.toFixed(0)} ms`, detail: `first build in the process: ${letters} letters, ${first.files.length + 2} files, ${(first.bytes.length / 1024).toFixed(0)} KiB ZIP` },
        { name: 'lawyer bundle, warm (median of 5)', figure: `${warmMs.toFixed(0)} ms`, detail: `runs ${warm.map((w) => w.toFixed(0)).join(', ')} ms; aim: under 2000 ms` },
        { name: 'lawyer bundle, peak memory', figure: `RSS ${mb(peak.rss)}`, detail: `heap used ${mb(peak.heap)}; RSS before the builds ${mb(rssBefore)}` },
        {
          name: 'baseline: the same PDFs rendered alone',
          figure: `${aloneMs.toFixed(0)} ms`,
          detail: `${rendered.length} documents; the bundle is ${(warmMs / aloneMs).toFixed(2)}× that (archive, hashes, case.json, CSV, ZIP: ${(warmMs - aloneMs).toFixed(0)} ms)`,
        },
      ];
    } finally {
      await stopAll();
    }
  } finally {
    await unregister();
  }
}
