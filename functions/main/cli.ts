#!/usr/bin/env node
/**
 * `npm run cli -- <command> …`: the command line of Overdue. Wiring only: each command lives in
 * functions/cli/<command>.ts and exports `run(args, io)` returning the exit code.
 */
import type { CliIo } from '../cli/io.ts';

const commands: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }> }> = {
  validate: { summary: 'validate FILE              check a case file; prints field errors or "valid"', load: () => import('../cli/validate.ts') },
  plan: { summary: 'plan FILE [--json] [--now ISO]   the dated ladder of a case file', load: () => import('../cli/plan.ts') },
  bundle: {
    summary: 'bundle CASE_ID [--lang fr] [--out case.zip] [--date YYYY-MM-DD] [--data .overdue]   the lawyer bundle of a case',
    load: () => import('../cli/bundle.ts'),
  },
  interest: {
    summary: 'interest --jurisdiction GB --principal 1000.00 --currency GBP --due 2024-01-31 --until 2024-04-30 [--payment DATE:AMOUNT …] [--contract-rate 8%/year] [--json]',
    load: () => import('../cli/interest.ts'),
  },
};

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

function help(): void {
  io.out('Overdue: contracts, invoices and a ladder of letters that gets you paid.\n');
  io.out('Usage: npm run cli -- <command> [options]\n');
  io.out('  start [--port 4321] [--host 127.0.0.1] [--data .overdue] [--smtp URL] [--from ADDR] [--token T] [--clock fast-forward]   Overdue on this machine (npm start)');
  for (const c of Object.values(commands)) io.out(`  ${c.summary}`);
  io.out('\nExample case files: templates/examples/*.json');
}

const [name, ...rest] = process.argv.slice(2);
if (name === 'start') {
  const { readLocalConfig } = await import('./local-config.ts');
  const { startLocal } = await import('./local.ts');
  let config;
  try {
    config = readLocalConfig(rest, process.env);
  } catch (error) {
    io.err((error as Error).message);
    process.exit(2);
  }
  const running = await startLocal(config, (line) => io.out(line));
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  const command = commands[name as string];
  if (!command) {
    io.err(`Unknown command "${name}".`);
    help();
    process.exit(2);
  }
  try {
    process.exitCode = await (await command.load()).run(rest, io);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
