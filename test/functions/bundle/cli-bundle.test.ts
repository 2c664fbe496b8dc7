import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '#functions/cli/bundle.ts';
import { example, localPorts, newCase, removeLocal, root } from './bundle-ports.ts';

/**
 * `npm run cli -- bundle CASE_ID …` on bad input: usage errors exit 2 with the reason, a data
 * folder or case that is not there exits 1 with a clear message, and nothing is written. (The
 * successful run is in test/e2e/bundle/lawyer-bundle.test.ts, in another process.)
 */

const ports = localPorts('2026-03-01T00:00:00Z');
let caseId: string;
const out = join(mkdtempSync(join(tmpdir(), 'bundle-cli-out-')), 'case.zip');

beforeAll(async () => {
  caseId = await newCase(ports, example('en-gb-tracking'));
  await ports.store.close();
});

afterAll(async () => {
  await ports.store.close();
  removeLocal();
  rmSync(dirname(out), { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let o = '';
  let e = '';
  const code = await run(args, { out: (s) => (o += `${s}\n`), err: (s) => (e += `${s}\n`) });
  return { code, out: o, err: e };
}

describe('cli bundle: bad input', () => {
  it('an unknown language exits 2 and names the languages', async () => {
    const r = await cli([caseId, '--lang', 'de', '--data', ports.dir, '--out', out]);
    expect(r).toEqual({ code: 2, out: '', err: '--lang: "de" is not one of en, ru, fr, he\n' });
  });

  it.each(['2026-02-30', '15/05/2026', '2026-5-15', 'tomorrow', ''])('a bad --date %j exits 2', async (date) => {
    const r = await cli([caseId, '--date', date, '--data', ports.dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`--date: "${date}" is not a date written YYYY-MM-DD\n`);
  });

  it('no case id, two case ids or an unknown option exit 2 with the usage', async () => {
    for (const args of [['--data', ports.dir], [caseId, 'c_other', '--data', ports.dir], [caseId, '--langue', 'fr', '--data', ports.dir]]) {
      const r = await cli(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain('Usage: npm run cli -- bundle CASE_ID');
    }
  });

  it('an unknown case exits 1 and says which case and where it looked', async () => {
    const r = await cli(['c_0000000000000000', '--lang', 'fr', '--data', ports.dir, '--out', out]);
    expect(r).toEqual({ code: 1, out: '', err: `No case c_0000000000000000 in ${ports.dir}\n` });
  });

  it('a folder with no Overdue data exits 1 and says how to fix it', async () => {
    const empty = mkdtempSync(join(dirname(out), 'empty-'));
    const r = await cli([caseId, '--data', empty, '--out', out]);
    expect(r).toEqual({ code: 1, out: '', err: `No Overdue data in ${empty} (start Overdue with npm start first, or pass --data)\n` });
    expect(existsSync(join(empty, 'overdue.db'))).toBe(false);
  });

  it('nothing was written by any of these', () => {
    expect(existsSync(out)).toBe(false);
  });

  it('through npm run cli, in its own process: an unknown case exits 1 with the message on stderr', async () => {
    const result = await promisify(execFile)('npm', ['run', '-s', 'cli', '--', 'bundle', 'c_0000000000000000', '--data', ports.dir], { cwd: root }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(result).toEqual({ code: 1, stdout: '', stderr: `No case c_0000000000000000 in ${ports.dir}\n` });
  }, 60_000);
});
