import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./bundle-child.ts', import.meta.url));

/** What one bundle run did, and how long it took (ms). */
export interface BundleRun {
  /** from the process's time origin to the start of the import (Node's own start-up) */
  bootMs: number;
  /** importing index.mjs: the module's top level, i.e. the function's init phase */
  importMs: number;
  invocations: ({ ms: number; result: unknown } | { ms: number; error: { name: string; message: string; stack?: string } })[];
  /** spawn to exit, as measured by the parent */
  wallMs: number;
  /** what the function logged */
  output: string;
}

/**
 * Runs a bundle folder in a fresh Node process (bundle-child.ts) with exactly `env` as its
 * environment (nothing inherited from the test process, as in Lambda), its working directory
 * the bundle folder, and calls the handler once per event.
 *
 * @example const run = await runBundle(functions.api.dir, [httpEvent('GET', '/api/health')], env)
 */
export async function runBundle(dir: string, events: unknown[], env: Record<string, string>): Promise<BundleRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'overdue-run-'));
  const resultFile = join(scratch, 'result.json');
  const started = performance.now();
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, [child, dir, resultFile], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let text = '';
      proc.stdout.on('data', (d: Buffer) => (text += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (text += d.toString()));
      proc.once('error', reject);
      proc.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`bundle run in ${dir} exited with ${code}:\n${text.slice(-4000)}`))));
      proc.stdin.end(JSON.stringify(events));
    });
    const wallMs = performance.now() - started;
    return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<BundleRun, 'wallMs' | 'output'>), wallMs, output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
