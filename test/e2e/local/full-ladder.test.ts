import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import {
  attachedPdf,
  exampleBody,
  outboxLetters,
  pdfText,
  sameBytes,
  sha256,
  smtpLetters,
  startApp,
  startSmtpCapture,
  stopAll,
  type App,
  type Letter,
  type SmtpCapture,
} from './local-harness.ts';

/**
 * A whole ladder through the HTTP API of the real local app in fast-forward: the en-GB example
 * (invoice PD-0142, £2,880.00 due 1 April 2026, the six-letter tracking ladder), once with mail
 * to a real SMTP server on loopback and once to the outbox folder. What the debtor gets must be
 * exactly the planned letters, in order, each with its PDF, and what the case log says was sent
 * must be the archived bytes, byte for byte.
 */

let smtp: SmtpCapture | undefined;
afterAll(async () => {
  await stopAll();
  await smtp?.close();
});

interface Planned {
  id: string;
  instant: string;
  status: string;
  template: string;
}

async function runLadder(app: App): Promise<{ caseId: string; planned: Planned[] }> {
  const caseId = await app.create(exampleBody('en-gb-tracking'));
  await app.running.idle();
  const view = await app.view(caseId);
  const planned = (view.events.find((e) => e.type === 'planned')!.data as { stages: Planned[] }).stages;
  return { caseId, planned };
}

async function checkLadder(app: App, caseId: string, planned: Planned[], letters: Letter[]): Promise<void> {
  const view = await app.view(caseId);

  // the plan: six letters, none skipped (the case was created a month before the due date)
  expect(planned.map((p) => p.id)).toEqual(['g1.pre-due', 'g1.late-3', 'g1.late-7', 'g1.late-15', 'g1.late-30', 'g1.late-45']);
  expect(planned.every((p) => p.status === 'scheduled')).toBe(true);
  expect(view.stages.map((s) => [s.id, s.status])).toEqual(planned.map((p) => [p.id, 'sent']));

  // exactly the planned letters, in their order, each dated its planned instant
  expect(letters.map((l) => l.caseId)).toEqual(planned.map(() => caseId));
  expect(letters.map((l) => l.stageId)).toEqual(planned.map((p) => p.id));
  expect(letters.map((l) => l.date.toISOString())).toEqual(planned.map((p) => p.instant));
  const subjects = letters.map((l) => l.subject);
  expect(new Set(subjects).size).toBe(6);
  for (const s of subjects) expect(s).toContain('PD-0142');
  expect(subjects[0]).toMatch(/due on 1 April 2026/);
  expect(subjects[5]).toMatch(/^Final demand/);

  const sent = view.events.filter((e) => e.type === 'sent');
  expect(sent.map((e) => e.stageId)).toEqual(planned.map((p) => p.id));
  const archive = createFsArchive(join(app.dataDir, 'archive'));
  for (const [i, letter] of letters.entries()) {
    const stage = view.stages.find((s) => s.id === letter.stageId)!;
    const data = sent[i]!.data as { messageId: string; emlSha256: string; pdfSha256: string; subject: string; to: string[] };
    expect(letter.mail.to && !Array.isArray(letter.mail.to) ? letter.mail.to.value.map((a) => a.address) : []).toEqual(['accounts@acme.example']);

    // the attachment: one PDF, the letter to the debtor, with the balance
    const pdf = attachedPdf(letter);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.filename).toMatch(/\.pdf$/);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Acme Widgets Ltd');
    expect(text).toContain('£2,880.00');
    expect(text).toContain('PD-0142');

    // the log and the stage say what went: the Message-ID, the subject and the hashes of these very bytes
    expect(data.messageId).toBe(letter.messageId);
    expect(data.subject).toBe(letter.subject);
    expect(data.to).toEqual(['accounts@acme.example']);
    expect(data.emlSha256).toBe(sha256(letter.bytes));
    expect(data.pdfSha256).toBe(sha256(pdf.bytes));
    expect({ messageId: stage.messageId, emlSha256: stage.emlSha256, pdfSha256: stage.pdfSha256, subject: stage.subject, sentAt: stage.sentAt }).toEqual({
      messageId: data.messageId,
      emlSha256: data.emlSha256,
      pdfSha256: data.pdfSha256,
      subject: data.subject,
      sentAt: sent[i]!.at,
    });

    // the archive holds the same bytes under those names, on disk and through the port
    const onDisk = (sha: string) => new Uint8Array(readFileSync(join(app.dataDir, 'archive', sha.slice(0, 2), sha)));
    expect(sameBytes(onDisk(data.emlSha256), letter.bytes)).toBe(true);
    expect(sameBytes(onDisk(data.pdfSha256), pdf.bytes)).toBe(true);
    expect(sameBytes((await archive.get(data.emlSha256))!, letter.bytes)).toBe(true);
    expect(sameBytes((await archive.get(data.pdfSha256))!, pdf.bytes)).toBe(true);
  }

  // the log: in time order, every letter claimed once before it was sent
  const ats = view.events.map((e) => e.at);
  expect([...ats].sort()).toEqual(ats);
  for (const p of planned) {
    const kinds = view.events.filter((e) => e.stageId === p.id).map((e) => e.type);
    expect(kinds).toEqual(['claimed', 'sent']);
  }
}

describe('a full ladder in fast-forward, mail to the outbox folder', () => {
  let app: App;
  it('sends exactly the six planned letters, each with its PDF, logged with the archived bytes', async () => {
    app = await startApp({ start: '2026-03-01T00:00:00Z' });
    const { caseId, planned } = await runLadder(app);
    const letters = await outboxLetters(app.outboxDir);
    await checkLadder(app, caseId, planned, letters);

    // the site's outbox view lists the same files and serves the same bytes
    const listed = await app.get<{ messages: { file: string; subject: string; messageId: string }[] }>('/api/outbox');
    expect(listed.status).toBe(200);
    expect(listed.body.messages.map((m) => [m.file, m.messageId, m.subject])).toEqual(letters.map((l) => [l.file, l.messageId, l.subject]));
    const response = await fetch(`${app.url}/api/outbox/${encodeURIComponent(letters[2]!.file!)}`);
    expect(response.status).toBe(200);
    expect(sameBytes(new Uint8Array(await response.arrayBuffer()), letters[2]!.bytes)).toBe(true);
    const sent = (await app.view(caseId)).events.filter((e) => e.type === 'sent');
    expect(sent.map((e) => (e.data as { provider: string }).provider)).toEqual(letters.map((l) => `outbox ${l.file}`));
  });
});

describe('a full ladder in fast-forward, mail to a real SMTP server on loopback', () => {
  it('the server receives exactly the six planned letters, byte for byte as archived, with the account and envelope', async () => {
    smtp = await startSmtpCapture();
    const app = await startApp({ start: '2026-03-01T00:00:00Z', smtp: smtp.url });
    const { caseId, planned } = await runLadder(app);
    const letters = await smtpLetters(smtp);
    await checkLadder(app, caseId, planned, letters);
    expect(smtp.deliveries.map((d) => ({ from: d.from, to: d.to, user: d.user }))).toEqual(
      planned.map(() => ({ from: 'jane@porter.example', to: ['accounts@acme.example'], user: 'overdue' })),
    );
    const sent = (await app.view(caseId)).events.filter((e) => e.type === 'sent');
    for (const [i, e] of sent.entries()) expect((e.data as { provider: string }).provider).toMatch(new RegExp(`^smtp 127\\.0\\.0\\.1:\\d+ 250 2\\.0\\.0 Ok: queued as Q${i + 1}$`));
    // no outbox when SMTP is configured
    expect((await app.get('/api/outbox')).status).toBe(404);
    expect(await outboxLetters(app.outboxDir)).toEqual([]);
  });
});

describe('a pressure-scale ladder in French, in fast-forward, to the outbox', () => {
  it('sends the four letters, none for the calls and the hand-off (they fall due as tasks), and ends with the mise en demeure', async () => {
    const app = await startApp({ start: '2026-03-20T00:00:00Z' });
    const caseId = await app.create(exampleBody('fr-pressure-scale'));
    await app.running.idle();
    const view = await app.view(caseId);
    const emails = view.stages.filter((s) => s.channel === 'email');
    const tasks = view.stages.filter((s) => s.channel === 'task');
    expect(emails.map((s) => s.key)).toEqual(['notice', 'due-day', 'demand', 'formal-claim']);
    expect(tasks.map((s) => [s.key, s.status])).toEqual([
      ['call-pay-today', 'sent'],
      ['call-ask-letter', 'sent'],
      ['hand-off', 'sent'],
    ]);
    expect(view.events.filter((e) => e.type === 'task-due').map((e) => e.stageId)).toEqual(tasks.map((s) => s.id));

    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(emails.map((s) => s.id));
    expect(letters.map((l) => l.date.toISOString())).toEqual(emails.map((s) => s.instant));
    for (const letter of letters) {
      const text = pdfText(attachedPdf(letter).bytes);
      expect(text, letter.stageId).toContain('Dupont & Fils SARL');
      expect(text, letter.stageId).toContain('4 032,00 €');
    }
    expect(pdfText(attachedPdf(letters[3]!).bytes)).toMatch(/mise en demeure/i);
    expect(view.events.filter((e) => e.type === 'sent').map((e) => (e.data as { emlSha256: string }).emlSha256)).toEqual(letters.map((l) => sha256(l.bytes)));
  });
});
