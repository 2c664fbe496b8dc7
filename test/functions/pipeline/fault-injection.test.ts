import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { createCase } from '#functions/cases/create-case.ts';
import { recordPayment } from '#functions/cases/record-payment.ts';
import type { Clock } from '#functions/ports/clock.ts';
import type { CaseEvent, StageRecord } from '#functions/ports/records.ts';
import type { Store } from '#functions/ports/store.ts';
import {
  exampleBody,
  outboxLetters,
  sameBytes,
  sha256,
  smtpLetters,
  startApp,
  startSmtpCapture,
  stopAll,
  type App,
  type Letter,
  type SmtpCapture,
} from '../../e2e/local/local-harness.ts';

/**
 * Fault injection with a real process: a sender (fixtures/kill-at-step.ts, the real local adapters
 * and runStage) works through a batch of four cases and is killed with SIGKILL at one step of the
 * pipeline of the second case; then the real app (startLocal) starts on the same data folder, which
 * marks unfinished claims `uncertain`, and runs to idle. While it was down the owner recorded the
 * payment of the first and the last case.
 *
 * The batch, at 2 May 2026 (the en-GB example, whose late-30 letter of 1 May is due and whose
 * late-45 letter is on 18 May):
 * - case 0: sent by the killed process; paid while it was down
 * - case 1: killed at the step
 * - case 2: never reached; unpaid
 * - case 3: never reached; paid while it was down
 */

const fixture = fileURLToPath(new URL('./fixtures/kill-at-step.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const T0 = '2026-05-02T09:00:00.000Z';
const clock: Clock = { now: () => new Date(T0) };
const noScheduler = { schedule: async () => {}, cancel: async () => {} };
const file = CaseFileSchema.parse(exampleBody('en-gb-tracking'));

type Step = 'claimed' | 'rendered' | 'archived' | 'sent' | 'recorded';
interface Scenario {
  name: string;
  step: Step;
  smtp: boolean;
  dir: string;
  caseIds: string[];
  exit?: { code: number | null; signal: NodeJS.Signals | null; stderr: string };
  progress?: string[];
  /** the log of each case right after the kill */
  logsAfterKill?: CaseEvent[][];
  integrity?: string;
}

const scenarios: Scenario[] = [
  ...(['claimed', 'rendered', 'archived', 'sent', 'recorded'] as const).map((step) => ({ name: `outbox, killed after ${step}`, step, smtp: false, dir: '', caseIds: [] })),
  { name: 'SMTP, killed after sent', step: 'sent' as const, smtp: true, dir: '', caseIds: [] },
];

let capture: SmtpCapture;
const dirs: string[] = [];
const senders = new Set<ChildProcess>();
afterAll(async () => {
  for (const child of senders) child.kill('SIGKILL'); // only if a sender outlived a failed or timed-out setup
  await stopAll(dirs);
  await capture?.close();
});

function withStore<T>(dir: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(join(dir, 'overdue.db'));
  return work(store).finally(() => store.close());
}

function runSender(s: Scenario): Promise<void> {
  const args = ['--import', 'tsx', fixture, '--data', s.dir, '--at', T0, '--step', s.step, '--kill-at', '1', ...(s.smtp ? ['--smtp', capture.url] : []), ...s.caseIds.map((id) => `${id}:g1.late-30`)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    senders.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      senders.delete(child);
      s.exit = { code, signal, stderr };
      resolve();
    });
  });
}

/** Runs `work` over `items`, `limit` at a time. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!);
  }));
}

beforeAll(async () => {
  capture = await startSmtpCapture();
  for (const s of scenarios) {
    s.dir = mkdtempSync(join(tmpdir(), 'overdue-kill-'));
    dirs.push(s.dir);
    await withStore(s.dir, async (store) => {
      for (let i = 0; i < 4; i++) s.caseIds.push((await createCase({ store, scheduler: noScheduler, clock }, file)).id);
    });
  }
  // the senders, two at a time (each loads React-PDF and renders)
  await pooled(scenarios, 2, runSender);
  for (const s of scenarios) {
    s.progress = readFileSync(join(s.dir, 'progress.log'), 'utf8').trim().split('\n');
    const db = new DatabaseSync(join(s.dir, 'overdue.db'), { readOnly: true });
    s.integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    db.close();
    await withStore(s.dir, async (store) => {
      s.logsAfterKill = await Promise.all(s.caseIds.map((id) => store.getEvents(id)));
      // while the sender is down the owner records two payments
      for (const i of [0, 3]) await recordPayment({ store, scheduler: noScheduler, clock }, s.caseIds[i]!, { date: '2026-05-02', amount: { currency: 'GBP', amount: '2880.00' } });
    });
  }
}, 170_000);

/** Letters per stage, keyed `caseId stageId`. */
function countByStage(letters: Letter[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of letters) counts.set(`${l.caseId} ${l.stageId}`, (counts.get(`${l.caseId} ${l.stageId}`) ?? 0) + 1);
  return counts;
}

/** What each stage's own events may look like, in order. */
const lifecycle = /^(claimed (sent|cancelled-stage|send-failed|uncertain( resend-requested claimed (sent|cancelled-stage|send-failed))?))?$/;

describe.each(scenarios)('the sender is killed: $name', (s) => {
  let app: App;
  let letters: () => Promise<Letter[]>;
  const before = new Map<string, number>();

  it('the process died by SIGKILL exactly at the step, with the store intact', () => {
    expect(s.exit, s.exit?.stderr).toMatchObject({ signal: 'SIGKILL', code: null });
    const [c0, c1] = s.caseIds;
    const reached = ['claimed', 'rendered', 'archived', 'sent', 'recorded'];
    const upTo = reached.slice(0, reached.indexOf(s.step) + 1);
    expect(s.progress).toEqual([...reached.map((r) => `${c0} g1.late-30 ${r}`), `${c0} g1.late-30 outcome sent`, ...upTo.map((r) => `${c1} g1.late-30 ${r}`)]);
    expect(s.integrity).toBe('ok');
  });

  it('after the restart: no stage sent twice, none after a payment, the interrupted stage sent or uncertain', async () => {
    app = await startApp({ start: T0, dataDir: s.dir, ...(s.smtp ? { smtp: capture.url } : {}) });
    letters = async () => (s.smtp ? (await smtpLetters(capture)).filter((l) => s.caseIds.includes(l.caseId)) : outboxLetters(app.outboxDir));
    await app.running.idle();

    const [c0, c1, c2, c3] = s.caseIds as [string, string, string, string];
    const views = await Promise.all(s.caseIds.map((id) => app.view(id)));
    const status = (i: number, stageId: string): [string, string | undefined] => {
      const stage = views[i]!.stages.find((x) => x.id === stageId)!;
      return [stage.status, stage.error];
    };
    const interrupted: StageRecord['status'] = s.step === 'recorded' ? 'sent' : 'uncertain';
    expect(status(1, 'g1.late-30')[0]).toBe(interrupted);
    expect(views[1]!.summary.uncertain).toBe(interrupted === 'uncertain' ? 1 : 0);
    if (interrupted === 'uncertain') expect(app.logs.join('\n')).toContain('1 letter(s) marked uncertain');
    expect([status(0, 'g1.late-30'), status(0, 'g1.late-45')]).toEqual([['sent', undefined], ['cancelled', 'paid']]);
    expect(status(1, 'g1.late-45')).toEqual(['sent', undefined]);
    expect([status(2, 'g1.late-30'), status(2, 'g1.late-45')]).toEqual([['sent', undefined], ['sent', undefined]]);
    expect([status(3, 'g1.late-30'), status(3, 'g1.late-45')]).toEqual([['cancelled', 'paid'], ['cancelled', 'paid']]);

    // what the debtors got: one letter per stage at most; the interrupted one only if the kill came after the mail went
    const counts = countByStage(await letters());
    for (const [key, n] of counts) before.set(key, n);
    expect(Object.fromEntries(counts)).toEqual({
      [`${c0} g1.late-30`]: 1,
      ...(s.step === 'sent' || s.step === 'recorded' ? { [`${c1} g1.late-30`]: 1 } : {}),
      [`${c1} g1.late-45`]: 1,
      [`${c2} g1.late-30`]: 1,
      [`${c2} g1.late-45`]: 1,
    });
    expect([...counts.keys()].some((k) => k.startsWith(c3))).toBe(false);

    // nothing claimed or sent for a paid case after its payment
    for (const i of [0, 3]) {
      const events = views[i]!.events;
      const paidAt = events.findIndex((e) => e.type === 'payment');
      expect(events.slice(paidAt + 1).filter((e) => e.type === 'claimed' || e.type === 'sent')).toEqual([]);
    }
  });

  it('the log is intact: the events before the kill are a prefix of the log, in time order, each stage with a sound history', async () => {
    for (const [i, id] of s.caseIds.entries()) {
      const events = (await app.view(id)).events;
      expect(events.slice(0, s.logsAfterKill![i]!.length)).toEqual(s.logsAfterKill![i]);
      const ats = events.map((e) => e.at);
      expect([...ats].sort()).toEqual(ats);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      for (const stageId of ['g1.late-30', 'g1.late-45']) {
        const history = events.filter((e) => e.stageId === stageId).map((e) => e.type).join(' ');
        expect(history, `${id} ${stageId}: ${history}`).toMatch(lifecycle);
      }
    }
    const killed = (await app.view(s.caseIds[1]!)).events.filter((e) => e.stageId === 'g1.late-30').map((e) => e.type);
    expect(killed).toEqual(s.step === 'recorded' ? ['claimed', 'sent'] : ['claimed', 'uncertain']);
  });

  it('every letter recorded as sent is archived byte for byte; the owner can resend the uncertain one, once', async () => {
    const archive = createFsArchive(join(s.dir, 'archive'));
    const all = await letters();
    for (const id of s.caseIds) {
      for (const stage of (await app.view(id)).stages.filter((x) => x.status === 'sent' && x.channel === 'email')) {
        const letter = all.find((l) => l.caseId === id && l.stageId === stage.id)!;
        expect(stage.emlSha256).toBe(sha256(letter.bytes));
        expect(sameBytes((await archive.get(stage.emlSha256!))!, letter.bytes)).toBe(true);
        expect(await archive.get(stage.pdfSha256!)).toBeDefined();
      }
    }
    if (s.step === 'recorded') return;
    const c1 = s.caseIds[1]!;
    const resent = await app.post<{ case: { status: string } }>(`/api/cases/${c1}/stages/g1.late-30/resend`, undefined);
    expect(resent.status).toBe(200);
    await app.running.idle();
    const counts = countByStage(await letters());
    expect(counts.get(`${c1} g1.late-30`)).toBe((before.get(`${c1} g1.late-30`) ?? 0) + 1);
    const history = (await app.view(c1)).events.filter((e) => e.stageId === 'g1.late-30').map((e) => e.type);
    expect(history).toEqual(['claimed', 'uncertain', 'resend-requested', 'claimed', 'sent']);
    await app.stop();
  });
});
