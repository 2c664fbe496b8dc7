import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type Bundle } from '#functions/bundle/build-bundle.tsx';
import { renderDatedPdf } from '#functions/bundle/render-dated-pdf.ts';
import { markUncertain } from '#functions/cases/resend-stage.ts';
import { runStage } from '#functions/pipeline/run-stage.ts';
import { PermanentMailError } from '#functions/ports/errors.ts';
import type { StageRecord } from '#functions/ports/records.ts';
import { pdfText } from '../../templates/documents/contract/pdf-text.ts';
import { extract, removeExtracted, parseCsv, sha256, sha256sumCheck } from '../../e2e/bundle/bundle-case.ts';
import { example, localPorts, newCase, removeLocal } from './bundle-ports.ts';

/**
 * Where the evidence is weak, each through the real code that causes it: a case with no contract
 * (the en-GB example without one, the debtor a sole trader), the first letter sent for real to
 * the outbox and then bounced and reported as spam (the SES feedback handler's shape of event,
 * appended through the store), the second claimed and never recorded (a crash: markUncertain
 * makes it uncertain), the third refused for good by the mail server (the pipeline marks it
 * failed). Each must show as a warning in the index, in case.json and in the manifest.
 */

const ports = localPorts('2026-03-01T00:00:00Z');
let caseId: string;
let stages: StageRecord[];
let bundle: Bundle;
let x: ReturnType<typeof extract>;
let index: string;

const caseJson = () =>
  JSON.parse(Buffer.from(x.files.get('case.json')!).toString('utf8')) as {
    contract: unknown;
    warnings: { code: string; stage: string | null; message: string }[];
    lettersSent: { stage: string; eml: string | null; pdf: string | null; deliveryEvents: { type: string; detail: string }[] }[];
  };

beforeAll(async () => {
  const body = example('en-gb-tracking');
  delete body['contract'];
  body['jurisdiction'] = 'GB';
  body['debtor'] = { ...(body['debtor'] as object), soleTrader: true };
  body['invoices'] = (body['invoices'] as Record<string, unknown>[]).map(({ contractNumber: _c, schedulePart: _s, ...inv }) => ({ ...inv, dueDate: '2026-04-01' }));
  caseId = await newCase(ports, body);
  const planned = await ports.store.getStages(caseId);
  const [first, second, third] = planned as [StageRecord, StageRecord, StageRecord];

  ports.clock.advanceTo(first.instant);
  expect(await runStage(ports, { caseId, stageId: first.id })).toMatchObject({ outcome: 'sent' });

  ports.clock.advanceTo(second.instant);
  await ports.store.claimStage(caseId, second.id, { token: 'crashed-before-recording', at: ports.clock.now().toISOString() });
  ports.clock.advanceTo(new Date(Date.parse(second.instant) + 3_600_000));
  expect(await markUncertain(ports, ports.clock.now().toISOString())).toBe(1);

  ports.clock.advanceTo(third.instant);
  const mailer = ports.mailer;
  ports.mailer = {
    send: async () => {
      throw new PermanentMailError('SMTP smtp.example:587 during RCPT TO: 550 5.1.1 <accounts@acme.example>: Recipient address rejected');
    },
  };
  expect(await runStage(ports, { caseId, stageId: third.id }, { sleep: async () => {} })).toMatchObject({ outcome: 'failed' });
  ports.mailer = mailer;

  // what functions/adapters/aws/record-mail-feedback.ts appends for an SES bounce and complaint
  const feedback = { messageId: '0100018f-ses', reportedAt: '2026-04-20T08:00:00.000Z', recipients: ['accounts@acme.example'] };
  await ports.store.commit({
    caseId,
    events: [
      { at: '2026-04-20T08:00:05.000Z', actor: 'mail-provider', type: 'bounce', stageId: first.id, data: { ...feedback, feedbackId: 'fb-1', bounceType: 'Permanent', bounceSubType: 'General', diagnostic: '5.1.1 smtp; 550 5.1.1 user unknown', status: 'active' } },
      { at: '2026-04-21T08:00:05.000Z', actor: 'mail-provider', type: 'complaint', stageId: first.id, data: { ...feedback, feedbackId: 'fb-2', complaintFeedbackType: 'abuse', status: 'active' } },
    ],
  });
  stages = await ports.store.getStages(caseId);
  bundle = await buildBundle(ports, caseId, { date: '2026-05-01', lang: 'en', render: renderDatedPdf });
  x = extract(bundle.bytes, 'weak');
  index = pdfText(x.files.get('00-index.pdf')!);
}, 120_000);

afterAll(async () => {
  await ports.store.close();
  removeExtracted();
  removeLocal();
});

describe('weak evidence', () => {
  it('the case is as the test meant: one letter sent, one uncertain, one failed, no contract', () => {
    expect(stages.slice(0, 3).map((s) => [s.key, s.status])).toEqual([
      ['pre-due', 'sent'],
      ['late-3', 'uncertain'],
      ['late-7', 'failed'],
    ]);
    expect(caseJson().contract).toBeNull();
    expect([...x.files.keys()].filter((p) => p.startsWith('02-'))).toEqual([]);
    const check = sha256sumCheck(x.dir);
    expect(check.code, check.output).toBe(0);
    const schema = JSON.parse(Buffer.from(x.files.get('case.schema.json')!).toString('utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(caseJson()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('case.json, the manifest and the bundle name each weakness, with its stage', () => {
    const [first, second, third] = stages as [StageRecord, StageRecord, StageRecord];
    const expected = [
      ['no-contract', null],
      ['bounced', first.id],
      ['complaint', first.id],
      ['uncertain', second.id],
      ['failed', third.id],
    ];
    expect(caseJson().warnings.map((w) => [w.code, w.stage])).toEqual(expected);
    const manifest = JSON.parse(Buffer.from(x.files.get('manifest.json')!).toString('utf8')) as { warnings: { code: string; stage: string | null }[] };
    expect(manifest.warnings.map((w) => [w.code, w.stage])).toEqual(expected);
    expect(bundle.warnings.map((w) => w.code)).toEqual(expected.map(([code]) => code));
    const messages = caseJson().warnings.map((w) => w.message);
    expect(messages[1]).toBe('the letter of stage pre-due bounced on 2026-04-20 for accounts@acme.example (5.1.1 smtp; 550 5.1.1 user unknown): it may not have reached the debtor');
    expect(messages[3]).toMatch(/^stage late-3: prepared on 2026-04-07 with no outcome recorded/);
    expect(messages[4]).toContain('550 5.1.1 <accounts@acme.example>: Recipient address rejected');
  });

  it('the index warns of each, in words, pointing at the letter in the bundle', () => {
    const letter = caseJson().lettersSent[0]!.pdf!;
    expect(letter).toMatch(/^05-letters\/01-2026-03-30-pre-due\.pdf$/);
    expect(index).toContain('Where the evidence is weak');
    expect(index).toContain('No written contract is on file: the claim rests on the invoices and the correspondence.');
    expect(index).toContain(`The letter ${letter} bounced on April 20, 2026 for accounts@acme.example: it may not have reached the debtor.`);
    expect(index).toContain(`The debtor's mail system reported the letter ${letter} as spam on April 21, 2026 (accounts@acme.example).`);
    expect(index).toContain('Whether the letter of step late-3 was sent is uncertain: it was prepared on April 7, 2026 and no outcome was recorded.');
    expect(index).toContain('The letter of step late-7 could not be sent:');
    expect(index).toContain('Recipient address rejected');
    expect(index).not.toContain('Nothing noted.');
  });

  it('the chronology of the index and the CSV carry the provider\u2019s reports as the SES handler records them', () => {
    expect(index).toContain('Bounced accounts@acme.example: 5.1.1 smtp; 550 5.1.1 user unknown');
    expect(index).toContain('Complaint accounts@acme.example: abuse');
    expect(index).toContain('Send uncertain');
    expect(index).toContain('Letter not sent');
    const rows = parseCsv(Buffer.from(x.files.get('chronology.csv')!).toString('utf8').slice(1));
    expect(rows.filter((r) => r[2] === 'bounce').map((r) => r[4])).toEqual(['bounce (accounts@acme.example): 5.1.1 smtp; 550 5.1.1 user unknown']);
    expect(rows.filter((r) => r[2] === 'complaint').map((r) => r[4])).toEqual(['complaint (accounts@acme.example): abuse']);
    const sent = caseJson().lettersSent;
    expect(sent.map((l) => l.stage)).toEqual([stages[0]!.id]);
    expect(sent[0]!.deliveryEvents.map((e) => [e.type, e.detail])).toEqual([
      ['bounce', 'accounts@acme.example: 5.1.1 smtp; 550 5.1.1 user unknown'],
      ['complaint', 'accounts@acme.example: abuse'],
    ]);
  });

  it('the letter that went out is in the bundle byte for byte as the outbox holds it', () => {
    const outbox = readdirSync(ports.outboxDir).filter((n) => n.endsWith('.eml'));
    expect(outbox.length).toBe(1);
    const eml = x.files.get(caseJson().lettersSent[0]!.eml!)!;
    expect(Buffer.from(eml).equals(readFileSync(join(ports.outboxDir, outbox[0]!)))).toBe(true);
    expect(sha256(eml)).toBe(stages[0]!.emlSha256);
  });

  it('the final demand to a sole trader in England is a letter of claim with the protocol\u2019s annexes, dated the bundle date', () => {
    const t = pdfText(x.files.get('01-final-demand.pdf')!);
    expect(t).toContain('Letter of claim');
    expect(t).toContain('1 May 2026');
    for (const annex of ['Information Sheet', 'Reply Form', 'Financial Statement']) expect(t).toContain(annex);
  });
});
