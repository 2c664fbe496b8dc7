/**
 * `npm run bench`: runs every benchmark and prints figures with ratios against a baseline
 * measured in the same run. Nothing here passes or fails: read the figures.
 * `npm run bench -- plan` runs only the benchmarks whose name contains "plan".
 */
import { benchPlanLadders } from './plan-ladders.bench.ts';
import type { BenchResult } from './bench-result.ts';

const benches: Record<string, () => Promise<BenchResult[]>> = {
  'plan-ladders': benchPlanLadders,
};

const filter = process.argv[2];
console.log(`Overdue benchmarks on Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
for (const [name, bench] of Object.entries(benches)) {
  if (filter && !name.includes(filter)) continue;
  console.log(`## ${name}`);
  for (const r of await bench()) console.log(`  ${r.name.padEnd(40)} ${r.figure.padEnd(22)} ${r.detail ?? ''}`);
  console.log('');
}
