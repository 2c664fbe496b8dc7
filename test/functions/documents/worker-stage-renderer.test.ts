import { afterAll, describe, expect, it } from 'vitest';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { createStageRenderer } from '#functions/documents/stage-renderer.tsx';
import { createWorkerStageRenderer, type WorkerStageRenderer } from '#functions/documents/worker-stage-renderer.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';
import { exampleBody, parseLetter, pdfText } from '../../e2e/local/local-harness.ts';

/**
 * The stage renderer in worker threads renders what the renderer renders on the main thread,
 * several letters at once, and reports a renderer's error or a dying thread as a failed render.
 */

const opened: WorkerStageRenderer[] = [];
afterAll(async () => {
  await Promise.all(opened.map((r) => r.close()));
});

/** one pool of two threads for the tests below (starting a thread loads React-PDF: seconds) */
let shared: WorkerStageRenderer | undefined;
function pool(): WorkerStageRenderer {
  if (!shared) {
    shared = createWorkerStageRenderer({ threads: 2, from: 'letters@porter.example' });
    opened.push(shared);
  }
  return shared;
}

function caseOf(name: 'en-gb-tracking' | 'he-il-pressure-scale', id: string): CaseRecord {
  return { id, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', version: 1, status: 'active', file: CaseFileSchema.parse(exampleBody(name)), generation: 1 };
}

function stageOf(record: CaseRecord, key: string, template: string): StageRecord {
  return {
    caseId: record.id,
    id: `g1.${key}`,
    generation: 1,
    seq: 0,
    key,
    channel: 'email',
    template,
    instant: '2026-04-08T09:00:00.000Z',
    localDate: '2026-04-08',
    localTime: '10:00',
    timeZone: record.file.debtor.timeZone,
    status: 'claimed',
    attempts: 1,
  };
}

const AT = new Date('2026-04-08T09:00:00.000Z');
const en = caseOf('en-gb-tracking', 'c_workerenglish001');
const he = caseOf('he-il-pressure-scale', 'c_workerhebrew0001');

describe('createWorkerStageRenderer', () => {
  it('renders in its threads what the main thread renders: the same message, the same letter', async () => {
    const main = createStageRenderer({ from: 'letters@porter.example' });
    for (const [record, key, template] of [
      [en, 'late-7', 'overdue-firm'],
      [he, 'demand', 'overdue-firm'],
    ] as const) {
      const stage = stageOf(record, key, template);
      const [inThread, onMain] = await Promise.all([pool().render(record, stage, AT), main.render(record, stage, AT)]);
      expect({ subject: inThread.subject, from: inThread.from, to: inThread.to, messageId: inThread.messageId }).toEqual({
        subject: onMain.subject,
        from: onMain.from,
        to: onMain.to,
        messageId: onMain.messageId,
      });
      expect(inThread.pdf).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(inThread.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdfText(inThread.pdf)).toBe(pdfText(onMain.pdf));
      const [a, b] = await Promise.all([parseLetter(inThread.eml), parseLetter(onMain.eml)]);
      expect([a.subject, a.messageId, a.date.toISOString(), a.mail.text]).toEqual([b.subject, b.messageId, b.date.toISOString(), b.mail.text]);
      expect(Buffer.from(a.mail.attachments[0]!.content).equals(Buffer.from(inThread.pdf))).toBe(true);
    }
  });

  it('keeps every thread busy: with two threads, two letters render at once and the rest wait their turn, in order', async () => {
    await pool().warm();
    const before = pool().stats();
    const stages = ['pre-due', 'late-3', 'late-7', 'late-15', 'late-30'].map((k) => stageOf(en, k, 'overdue-gentle'));
    const renders = stages.map((s) => pool().render(en, s, AT));
    expect(pool().queued).toBe(3);
    const done = await Promise.all(renders);
    expect(done.map((r) => r.messageId)).toEqual(stages.map((s) => `<${en.id}.${s.id}@overdue.local>`));
    expect(pool().queued).toBe(0);
    // the threads report the CPU time they spent
    expect(pool().stats().renders - before.renders).toBe(5);
    expect(pool().stats().cpuMs).toBeGreaterThan(before.cpuMs);
  });

  it("a renderer's error comes back as a failed render; the threads go on with the next letters", async () => {
    const broken: CaseRecord = { ...en, file: { ...en.file, debtor: { ...en.file.debtor, emails: [] } } };
    const failing = pool().render(broken, stageOf(broken, 'late-7', 'overdue-firm'), AT);
    const next = pool().render(en, stageOf(en, 'late-3', 'overdue-gentle'), AT);
    await expect(failing).rejects.toThrow(/recipient/);
    expect((await next).messageId).toBe(`<${en.id}.g1.late-3@overdue.local>`);
  });

  it('a thread that dies (over its memory limit) fails its letter instead of hanging; close() fails what waits', async () => {
    const small = createWorkerStageRenderer({ threads: 1, resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    opened.push(small);
    await expect(small.render(en, stageOf(en, 'late-7', 'overdue-firm'), AT)).rejects.toThrow(/^render thread stopped/);
    const waiting = expect(small.render(en, stageOf(en, 'late-3', 'overdue-gentle'), AT)).rejects.toThrow(/closed/);
    await small.close();
    await waiting;
    await expect(small.render(en, stageOf(en, 'late-7', 'overdue-firm'), AT)).rejects.toThrow(/closed/);
  });
});
