import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { createCase } from '#functions/cases/create-case.ts';
import { exampleBody, outboxLetters, startApp, stopAll } from '../../e2e/local/local-harness.ts';

/**
 * The local app (startLocal) stopped and started again on the same data folder: nothing is lost,
 * every schedule resumes, and a claim a previous run left unfinished is shown as uncertain.
 */

const dirs: string[] = [];
afterAll(async () => {
  await stopAll(dirs);
});

describe('startLocal, stopped and started again', () => {
  it('prints where it runs and where data and mail go; a restart loses nothing; the persisted schedules then run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overdue-restart-'));
    dirs.push(dataDir);
    // an invoice issued today (real time): its whole ladder lies ahead
    const today = new Date().toISOString().slice(0, 10);
    const body = exampleBody('en-gb-tracking') as { invoices: { issueDate: string }[] };
    body.invoices[0]!.issueDate = today;

    const first = await startApp({ dataDir });
    expect(first.logs[0]).toBe(`Overdue is running at ${first.url}/`);
    expect(first.logs.join('\n')).toContain(`data:  ${dataDir}`);
    expect(first.logs.join('\n')).toContain(`outbox folder ${join(dataDir, 'outbox')}`);
    expect(first.logs.join('\n')).toContain('clock: real time');
    const caseId = await first.create(body);
    const before = await first.view(caseId);
    expect(before.stages.map((s) => [s.key, s.status])).toEqual(['pre-due', 'late-3', 'late-7', 'late-15', 'late-30', 'late-45'].map((k) => [k, 'scheduled']));
    expect(before.stages.every((s) => s.instant > new Date().toISOString())).toBe(true);
    await first.stop();

    const second = await startApp({ dataDir });
    const after = await second.view(caseId);
    expect(after).toEqual(before);
    expect((await second.get<{ cases: { id: string }[] }>('/api/cases')).body.cases.map((c) => c.id)).toEqual([caseId]);
    await second.stop();
    expect(await outboxLetters(join(dataDir, 'outbox'))).toEqual([]);

    // the same data in fast-forward from now: the schedules stored by the first run are what runs
    const third = await startApp({ dataDir, start: new Date().toISOString() });
    await third.running.idle();
    const letters = await outboxLetters(third.outboxDir);
    expect(letters.map((l) => [l.caseId, l.stageId])).toEqual(before.stages.map((s) => [caseId, s.id]));
    expect(letters.map((l) => l.date.toISOString())).toEqual(before.stages.map((s) => s.instant));
    await third.stop();
  });

  it('a claim left by a stopped run is uncertain after the restart, even when it was made later than the new clock reads', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overdue-restart-'));
    dirs.push(dataDir);
    // a previous fast-forward run got to 18 May and died after claiming late-45
    const store = openSqliteStore(join(dataDir, 'overdue.db'));
    const file = CaseFileSchema.parse(exampleBody('en-gb-tracking'));
    const { id } = await createCase({ store, scheduler: { schedule: async () => {}, cancel: async () => {} }, clock: { now: () => new Date('2026-03-01T00:00:00Z') } }, file);
    await store.claimStage(id, 'g1.late-45', { token: 'dead-run', at: '2026-05-18T09:00:00.000Z' });
    await store.close();

    // the demo is started again with the same flags: its clock reads 1 March
    const app = await startApp({ dataDir, start: '2026-03-01T00:00:00Z' });
    await app.running.idle();
    const view = await app.view(id);
    expect(view.stages.find((s) => s.id === 'g1.late-45')!.status).toBe('uncertain');
    expect(view.summary.uncertain).toBe(1);
    expect(app.logs.join('\n')).toContain('1 letter(s) marked uncertain');
    // the rest of the ladder ran; the uncertain letter was not resent
    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g1.late-7', 'g1.late-15', 'g1.late-30']);
    const history = view.events.filter((e) => e.stageId === 'g1.late-45');
    expect(history.map((e) => e.type)).toEqual(['claimed', 'uncertain']);
    const ats = view.events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
  });
  it('a fast-forward demo started again with the same --start carries on from where it stopped: the log stays in time order', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overdue-restart-'));
    dirs.push(dataDir);
    const first = await startApp({ dataDir, start: '2026-03-01T00:00:00Z' });
    const id = await first.create(exampleBody('en-gb-tracking'));
    await first.running.idle();
    const ran = await first.view(id);
    const lastAt = ran.events.at(-1)!.at;
    expect(lastAt > '2026-05-01').toBe(true);
    await first.stop();

    const second = await startApp({ dataDir, start: '2026-03-01T00:00:00Z' });
    expect(second.running.ports.clock.now().toISOString() >= lastAt).toBe(true);
    expect((await second.post(`/api/cases/${id}/notes`, { note: 'called again' })).status).toBe(200);
    const after = await second.view(id);
    const ats = after.events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
    expect(after.events.at(-1)!.type).toBe('note');
    // nothing was sent twice
    const letters = await outboxLetters(second.outboxDir);
    expect(new Set(letters.map((l) => l.stageId)).size).toBe(letters.length);
  });
});
