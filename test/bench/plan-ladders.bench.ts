import { planLadder } from '#domain/ladder/plan-ladder.ts';
import { readyLadders } from '#ladders/ready-ladders.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';
import type { BenchResult } from './bench-result.ts';

/**
 * Plans 10,000 invoices' ladders (the three ready ladders, six debtor countries, due dates spread
 * over three years) and reports stages per second. Baseline in the same run: the same offsets
 * added as plain calendar days with no zone, weekend or holiday logic, which is the floor.
 */
export async function benchPlanLadders(): Promise<BenchResult[]> {
  const ladders = ['tracking', 'pressure-scale', 'gentle'].map((k) => readyLadders[k]!);
  const debtors = [
    { country: 'FR', timeZone: 'Europe/Paris' },
    { country: 'IL', timeZone: 'Asia/Jerusalem' },
    { country: 'GB', region: 'ENG', timeZone: 'Europe/London' },
    { country: 'US', region: 'NY', timeZone: 'America/New_York' },
    { country: 'RU', timeZone: 'Europe/Moscow' },
    { country: 'DE', timeZone: 'Europe/Berlin' },
  ];
  const invoices = Array.from({ length: 10_000 }, (_, i) => ({
    ladder: ladders[i % ladders.length]!,
    debtor: debtors[i % debtors.length]!,
    due: addCalendarDays('2026-01-01', i % 1096),
  }));
  // warm-up: holiday tables for every year and country, JIT
  for (const inv of invoices.slice(0, 2_000)) planLadder(inv.ladder, inv.due, inv.debtor);

  let stages = 0;
  const t0 = performance.now();
  for (const inv of invoices) stages += planLadder(inv.ladder, inv.due, inv.debtor).length;
  const full = performance.now() - t0;

  let floorStages = 0;
  const t1 = performance.now();
  for (const inv of invoices) for (const s of inv.ladder.stages) floorStages += addCalendarDays(inv.due, s.offset.days) ? 1 : 0;
  const floor = performance.now() - t1;

  return [
    { name: 'plan 10,000 ladders', figure: `${Math.round(stages / (full / 1000)).toLocaleString('en')} stages/s`, detail: `${stages} stages in ${full.toFixed(0)} ms` },
    {
      name: 'baseline: calendar offsets only',
      figure: `${Math.round(floorStages / (floor / 1000)).toLocaleString('en')} stages/s`,
      detail: `full planning is ${(full / floor).toFixed(1)}× the floor`,
    },
  ];
}
