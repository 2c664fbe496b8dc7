/**
 * `npm run bench`: runs every benchmark and prints figures with ratios against a baseline
 * measured in the same run. Nothing here passes or fails: read the figures.
 * `npm run bench -- plan` runs only the benchmarks whose name contains "plan"; the names are
 * plan-ladders, pdf, pipeline, bundle, site and lambda (the whole set takes about 15 minutes).
 */
import type { BenchResult } from './bench-result.ts';

// each benchmark module is loaded only when it runs (the site and Lambda ones build and synthesize)
const benches: Record<string, () => Promise<BenchResult[]>> = {
  'plan-ladders': async () => (await import('./plan-ladders.bench.ts')).benchPlanLadders(),
  pdf: async () => (await import('./pdf.bench.ts')).benchPdf(),
  pipeline: async () => (await import('./pipeline.bench.ts')).benchPipeline(),
  bundle: async () => (await import('./bundle.bench.ts')).benchBundle(),
  site: async () => (await import('./site.bench.ts')).benchSite(),
  lambda: async () => (await import('./lambda.bench.ts')).benchLambda(),
};

const filter = process.argv[2];
console.log(`Overdue benchmarks on Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
for (const [name, bench] of Object.entries(benches)) {
  if (filter && !name.includes(filter)) continue;
  console.log(`## ${name}`);
  for (const r of await bench()) console.log(`  ${r.name.padEnd(40)} ${r.figure.padEnd(22)} ${r.detail ?? ''}`);
  console.log('');
}
