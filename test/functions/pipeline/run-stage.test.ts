import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import { createSmtpMailer } from '#functions/adapters/local/smtp-mailer.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { createCase } from '#functions/cases/create-case.ts';
import { resendStage } from '#functions/cases/resend-stage.ts';
import { createStageRenderer } from '#functions/documents/stage-renderer.tsx';
import { runStage } from '#functions/pipeline/run-stage.ts';
import type { Ports } from '#functions/ports/ports.ts';
import type { Store } from '#functions/ports/store.ts';
import { exampleBody, parseLetter, startSmtpCapture, type SmtpCapture } from '../../e2e/local/local-harness.ts';

/**
 * The pipeline (runStage) on the real local adapters (SQLite, filesystem archive, SMTP to a real
 * server on loopback, the stage renderer): how it retries what is worth retrying, fails what is
 * not, and never leaves a letter it could not make in `claimed`. The en-GB example's late-7 letter
 * (8 April 2026, 09:00Z) is run at its instant.
 */

const AT = new Date('2026-04-08T09:00:00.000Z');
const file = CaseFileSchema.parse(exampleBody('en-gb-tracking'));
const dir = mkdtempSync(join(tmpdir(), 'overdue-run-stage-'));
let smtp: SmtpCapture;
let store: Store;
let logs: string[];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  store = openSqliteStore(join(dir, 'overdue.db'));
});
afterAll(async () => {
  await store.close();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

function ports(extra: Partial<Ports> = {}): Ports {
  logs = [];
  return {
    store,
    archive: createFsArchive(join(dir, 'archive')),
    mailer: createSmtpMailer({ url: smtp.url, timeouts: { connection: 5000, greeting: 5000, socket: 20_000 } }),
    clock: { now: () => AT },
    renderer: createStageRenderer(),
    scheduler: { schedule: async () => {}, cancel: async () => {} },
    log: (level, message, data) => logs.push(`${level} ${message} ${JSON.stringify(data)}`),
    ...extra,
  };
}

/** A new case created on 1 March; its late-7 letter is due at AT. */
async function newCase(): Promise<string> {
  return (await createCase({ store, scheduler: ports().scheduler, clock: { now: () => new Date('2026-03-01T00:00:00Z') } }, file)).id;
}

const delivered = async (caseId: string) => (await Promise.all(smtp.deliveries.map((d) => parseLetter(d.bytes)))).filter((l) => l.caseId === caseId);
const kinds = async (caseId: string, stageId = 'g1.late-7') => (await store.getEvents(caseId)).filter((e) => e.stageId === stageId).map((e) => e.type);

describe('runStage on the real local adapters', () => {
  it('a transient SMTP answer (451) is retried with a doubling back-off, then the letter goes once', async () => {
    const caseId = await newCase();
    smtp.refuse((t) => t.includes(`<${caseId}.g1.late-7@`), { code: 451, message: '4.3.0 Try again later' }, 2);
    const slept: number[] = [];
    const outcome = await runStage(ports(), { caseId, stageId: 'g1.late-7' }, { backoffMs: 1000, sleep: async (ms) => void slept.push(ms) });
    expect(outcome).toEqual({ outcome: 'sent', messageId: `<${caseId}.g1.late-7@overdue.local>` });
    expect(slept).toEqual([1000, 2000]);
    expect(await kinds(caseId)).toEqual(['claimed', 'send-retry', 'send-retry', 'sent']);
    expect((await delivered(caseId)).map((l) => l.stageId)).toEqual(['g1.late-7']);
    const stage = (await store.getStage(caseId, 'g1.late-7'))!;
    expect([stage.status, stage.attempts]).toEqual(['sent', 1]);
  });

  it('transient answers past the attempts: the stage fails with the reason, shown to the owner, who can resend it', async () => {
    const caseId = await newCase();
    smtp.refuse((t) => t.includes(`<${caseId}.g1.late-7@`), { code: 452, message: '4.3.1 Insufficient system storage' }, 3);
    const p = ports();
    const outcome = await runStage(p, { caseId, stageId: 'g1.late-7' }, { attempts: 3, sleep: async () => {} });
    expect(outcome.outcome).toBe('failed');
    const stage = (await store.getStage(caseId, 'g1.late-7'))!;
    expect(stage.status).toBe('failed');
    expect(stage.error).toMatch(/452|Insufficient system storage/);
    expect(await kinds(caseId)).toEqual(['claimed', 'send-retry', 'send-retry', 'send-failed']);
    expect((await store.getEvents(caseId)).at(-1)!.data).toMatchObject({ attempts: 3 });
    expect(logs.some((l) => l.startsWith('error letter not sent'))).toBe(true);
    expect(await delivered(caseId)).toEqual([]);
    await resendStage(p, caseId, 'g1.late-7');
    expect((await store.getStage(caseId, 'g1.late-7'))!.status).toBe('scheduled');
  });

  it('a permanent answer (554) fails at once: no retry, no back-off', async () => {
    const caseId = await newCase();
    smtp.refuse((t) => t.includes(`<${caseId}.g1.late-7@`), { code: 554, message: '5.7.1 Message refused' }, 1);
    const slept: number[] = [];
    const outcome = await runStage(ports(), { caseId, stageId: 'g1.late-7' }, { sleep: async (ms) => void slept.push(ms) });
    expect(outcome.outcome).toBe('failed');
    expect(slept).toEqual([]);
    expect(await kinds(caseId)).toEqual(['claimed', 'send-failed']);
  });

  it('two senders on the same stage at once: one claims and sends, the other is turned away; one letter', async () => {
    const caseId = await newCase();
    const results = await Promise.all([runStage(ports(), { caseId, stageId: 'g1.late-7' }), runStage(ports(), { caseId, stageId: 'g1.late-7' })]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['not-claimable', 'sent']);
    expect((await delivered(caseId)).length).toBe(1);
    expect(await kinds(caseId)).toEqual(['claimed', 'sent']);
  });

  it('a letter that cannot be rendered fails visibly instead of staying claimed (it was certainly not sent)', async () => {
    const caseId = await newCase();
    const broken = { render: async () => Promise.reject(new Error('the template broke')) };
    const outcome = await runStage(ports({ renderer: broken }), { caseId, stageId: 'g1.late-7' });
    expect(outcome).toEqual({ outcome: 'failed', error: 'the letter could not be rendered: the template broke' });
    const stage = (await store.getStage(caseId, 'g1.late-7'))!;
    expect([stage.status, stage.error]).toEqual(['failed', 'the letter could not be rendered: the template broke']);
    expect(await kinds(caseId)).toEqual(['claimed', 'send-failed']);
    expect(await store.staleClaims('9999-12-31T00:00:00.000Z')).toEqual([]);
    expect(await delivered(caseId)).toEqual([]);
  });

  it('a letter that cannot be archived is not sent, and fails visibly', async () => {
    const caseId = await newCase();
    const notAFolder = join(dir, 'archive-is-a-file');
    writeFileSync(notAFolder, 'x');
    const outcome = await runStage(ports({ archive: createFsArchive(notAFolder) }), { caseId, stageId: 'g1.late-7' });
    expect(outcome.outcome).toBe('failed');
    expect((await store.getStage(caseId, 'g1.late-7'))!.error).toMatch(/^the letter could not be archived: Archive: could not store/);
    expect(await delivered(caseId)).toEqual([]);
    expect(await kinds(caseId)).toEqual(['claimed', 'send-failed']);
  });
});
