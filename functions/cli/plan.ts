import { parseArgs } from 'node:util';
import { planCase } from '#domain/ladder/plan-case.ts';
import type { PlannedStage, Shift } from '#domain/ladder/plan-ladder.ts';
import type { CliIo } from './io.ts';
import { printErrors, readCaseFile } from './read-case-file.ts';

/** `plan FILE [--json] [--now ISO]`: the dated plan of a case file, as a table or JSON. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, now: { type: 'string' } } });
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: npm run cli -- plan FILE [--json] [--now 2026-04-20T09:00:00Z]`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) {
    io.err('Usage: npm run cli -- plan FILE [--json] [--now 2026-04-20T09:00:00Z]');
    return 2;
  }
  const now = parsed.values.now;
  if (now !== undefined && Number.isNaN(Date.parse(now))) {
    io.err(`--now: "${now}" is not an ISO 8601 date-time such as 2026-04-20T09:00:00Z`);
    return 2;
  }
  const result = await readCaseFile(file);
  if (!result.ok) {
    printErrors(result.errors, io.err, file);
    return 1;
  }
  const plan = planCase(result.file, { now });
  if (parsed.values.json) {
    io.out(
      JSON.stringify(
        {
          ladder: plan.ladder.key,
          invoice: plan.anchor?.number ?? null,
          dueDate: plan.anchor?.dueDate ?? null,
          stages: plan.stages.map((s) => ({
            key: s.key,
            channel: s.channel,
            template: s.template,
            localDate: s.localDate,
            localTime: s.localTime,
            timeZone: s.timeZone,
            instant: s.instant,
            status: s.status,
            ...(s.skipReason ? { skipReason: s.skipReason } : {}),
            ...(s.caughtUp ? { caughtUp: true } : {}),
            shifts: s.shifts,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (!plan.anchor) {
    io.out('Nothing to plan: every invoice of this case is paid.');
    return 0;
  }
  io.out(`Ladder "${plan.ladder.name}" on invoice ${plan.anchor.number}, due ${plan.anchor.dueDate}; times in ${result.file.debtor.timeZone}\n`);
  io.out(table(plan.stages));
  return 0;
}

function table(stages: PlannedStage[]): string {
  const weekday = (d: string) => new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const rows = [
    ['#', 'stage', 'channel', 'template', 'local date', 'time', 'UTC instant', 'note'],
    ...stages.map((s, i) => [
      String(i + 1),
      s.key,
      s.channel,
      s.template,
      `${weekday(s.localDate)} ${s.localDate}`,
      s.localTime,
      s.instant.replace('.000Z', 'Z'),
      note(s),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

function note(s: PlannedStage): string {
  if (s.status === 'skipped') return s.skipReason === 'before-issue' ? 'skipped: before the invoice was issued' : 'skipped: time already passed';
  const parts = s.shifts.map((shift: Shift) =>
    shift.kind === 'holiday' ? `moved from ${shift.from} (${shift.name})` : shift.kind === 'weekend' ? `moved from ${shift.from} (weekend)` : `moved from ${shift.from} (after the previous stage)`,
  );
  if (s.caughtUp) parts.push('caught up: its time had passed, sent at the next working moment');
  return parts.join('; ');
}
