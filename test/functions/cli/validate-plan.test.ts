import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'functions/main/cli.ts'), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
const example = (name: string) => join(root, 'templates/examples', name);

describe('cli validate', { timeout: 120_000 }, () => {
  it('prints "valid" for each example', async () => {
    for (const name of readdirSync(join(root, 'templates/examples'))) {
      const { code, stdout } = await cli('validate', example(name));
      expect([name, code, stdout.trim()]).toEqual([name, 0, 'valid']);
    }
  });
  it('prints every field error and exits 1, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overdue-cli-'));
    const file = join(dir, 'bad.json');
    const data = JSON.parse(readFileSync(example('en-gb-tracking.json'), 'utf8'));
    data.invoices[0].currency = 'XYZ';
    data.debtor.timeZone = 'Nowhere/Land';
    writeFileSync(file, JSON.stringify(data));
    const { code, stdout, stderr } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('debtor.timeZone: is not an IANA time zone name');
    expect(stderr).toContain('invoices[0].currency: is not an ISO 4217 currency code');
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });
  it('explains a malformed file and a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overdue-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{ "creditor": ');
    const broken = await cli('validate', join(dir, 'broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/\(the file\): is not valid JSON/);
    const missing = await cli('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json does not exist');
  });
  it('answers a usage error with exit 2', async () => {
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

describe('cli plan', { timeout: 120_000 }, () => {
  it('prints the dated plan as JSON with key, local date, time, zone and UTC instant', async () => {
    const { code, stdout } = await cli('plan', example('he-il-pressure-scale.json'), '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.dueDate).toBe('2026-04-30');
    expect(plan.stages[2]).toMatchObject({
      key: 'demand',
      localDate: '2026-05-03', // Sunday: a working day in Israel
      localTime: '10:00',
      timeZone: 'Asia/Jerusalem',
      instant: '2026-05-03T07:00:00.000Z',
      status: 'planned',
    });
  });
  it('prints a table, with catch-up at --now', async () => {
    const { code, stdout } = await cli('plan', example('fr-pressure-scale.json'), '--now', '2026-05-10T10:00:00Z');
    expect(code).toBe(0);
    expect(stdout).toMatch(/notice\s+email\s+pre-due\s+Mon 2026-04-27\s+10:00\s+2026-04-27T08:00:00Z\s+skipped: time already passed/);
    expect(stdout).toContain('caught up');
  });
  it('refuses a bad --now and a bad file', async () => {
    expect((await cli('plan', example('fr-pressure-scale.json'), '--now', 'yesterday')).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'overdue-cli-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ invoices: [] }));
    const bad = await cli('plan', join(dir, 'x.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('creditor: is required');
  });
});
