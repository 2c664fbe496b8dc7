import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '#functions/ports/records.ts';
import { exampleBody, outboxLetters, root, type CaseView } from './local-harness.ts';

/**
 * `npm start` as a user runs it: a real child process, its printed URL, its refusal to listen
 * beyond loopback without a token, its token, SIGTERM to stop, and a second start on the same data.
 */

const token = 'npm-start-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'overdue-npm-start-'));
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The command `npm start` runs (package.json scripts.start), with `args` appended, as the child
 * process itself rather than under npm, so that signals and exit codes are the app's own (npm
 * re-raises a signal it forwarded); resolves once it printed its URL and settings (or exited).
 */
const startScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
function npmStart(args: string[]): Promise<Started & { early?: { code: number | null; stderr: string } }> {
  if (startScript[0] !== 'node') throw new Error(`npm start is no longer "node …": ${startScript.join(' ')}`);
  const child = spawn(process.execPath, [...startScript.slice(1), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OVERDUE_TOKEN: '', OVERDUE_HOST: '' } });
  running.add(child);
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Overdue is running at (http:\/\/\S+?)\/?\n[^]*  clock: .*\n/.exec(out);
      if (m) resolve({ child, url: m[1]!.replace('0.0.0.0', '127.0.0.1'), output: () => out + err, exited });
    });
    child.on('error', reject);
    void exited.then(({ code }) => resolve({ child, url: '', output: () => out + err, exited, early: { code, stderr: err } }));
  });
}

async function api<T>(url: string, path: string, init: { method?: string; body?: unknown; auth?: boolean } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.auth === false ? {} : { authorization: `Bearer ${token}` }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('npm start', () => {
  it('refuses to listen beyond loopback without a token: exit code 2 and why', async () => {
    const started = await npmStart(['--host', '0.0.0.0', '--build', 'never', '--data', dataDir]);
    expect(started.early?.code).toBe(2);
    expect(started.early?.stderr).toContain('Refusing to listen on 0.0.0.0 without an API token');
  });

  it('with a token: serves on 0.0.0.0, 401 without the token, runs a ladder in fast-forward, stops on SIGTERM, and starts again with everything kept', async () => {
    const args = ['--host', '0.0.0.0', '--token', token, '--port', '0', '--build', 'never', '--data', dataDir, '--clock', 'fast-forward', '--start', '2026-03-01T00:00:00Z'];
    const first = await npmStart(args);
    expect(first.url, first.output()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.output()).toContain('API token required');
    expect(first.output()).toContain(`outbox folder ${join(dataDir, 'outbox')}`);

    expect((await api(first.url, '/api/cases', { auth: false })).status).toBe(401);
    const created = await api<{ case: CaseRecord }>(first.url, '/api/cases', { method: 'POST', body: exampleBody('en-gb-tracking') });
    expect(created.status).toBe(201);
    const id = created.body.case.id;
    // the scheduler runs in the same process: poll until the whole ladder went out
    let view: CaseView | undefined;
    for (let i = 0; i < 240; i++) {
      view = (await api<CaseView>(first.url, `/api/cases/${id}`)).body;
      if (view.stages.every((s) => s.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(view!.stages.map((s) => s.status)).toEqual(Array(6).fill('sent'));
    const letters = await outboxLetters(join(dataDir, 'outbox'));
    expect(letters.map((l) => l.stageId)).toEqual(view!.stages.map((s) => s.id));

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = await npmStart(args);
    expect(second.url, second.output()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const again = (await api<CaseView>(second.url, `/api/cases/${id}`)).body;
    expect(again.case).toEqual(view!.case);
    expect(again.stages).toEqual(view!.stages);
    expect(again.events).toEqual(view!.events);
    expect(again.summary.uncertain).toBe(0);
    // nothing sent again by the restart
    expect((await outboxLetters(join(dataDir, 'outbox'))).length).toBe(6);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
