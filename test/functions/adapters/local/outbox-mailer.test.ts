import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, listOutbox, readOutbox } from '#functions/adapters/local/outbox-mailer.ts';
import { systemClock, type Clock } from '#functions/ports/clock.ts';
import { TransientMailError } from '#functions/ports/errors.ts';
import type { OutgoingMail } from '#functions/ports/mailer.ts';
import { testMailer } from '../../../contracts/mailer.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'overdue-outbox-'));
const contractRoot = join(dir, 'contract');
mkdirSync(contractRoot);
/** a clock one second further on at every reading, so the folder's order is the order of sending */
const ticking = (start: string): Clock => {
  let at = Date.parse(start);
  return { now: () => new Date((at += 1000)) };
};

testMailer({
  name: 'outbox (a folder of .eml files)',
  make: async () => createOutboxMailer({ root: contractRoot, clock: ticking('2026-04-01T08:00:00.000Z') }),
  received: async () =>
    readdirSync(contractRoot)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(contractRoot, f)))),
  transient: async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the outbox folder should be');
    return { mailer: createOutboxMailer({ root: blocked, clock: ticking('2026-04-01T08:00:00.000Z') }) };
  },
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  skip: [
    {
      test: 'a failure that retrying cannot fix is a PermanentMailError, and nothing is delivered',
      reason: 'an outbox has no permanent failure: a write that fails (disk full, no permission) may succeed once the owner fixes it',
    },
  ],
});

async function composed(fields: { subject: string; to: string; messageId: string; date: Date }): Promise<OutgoingMail> {
  const eml = await new MailComposer({
    from: 'Jane Porter <jane@porter.example>',
    text: 'Dear Tom,\r\n\r\nplease pay.',
    attachments: [{ filename: 'PD-0142.pdf', content: Buffer.from('%PDF-1.7 …') }],
    ...fields,
  })
    .compile()
    .build();
  return { from: 'jane@porter.example', to: [fields.to.replace(/.*<|>.*/g, '')], eml: new Uint8Array(eml), messageId: fields.messageId };
}

describe('outbox mailer: the folder the site shows', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each file by the time sent and the Message-ID, and lists them oldest first with their headers decoded', async () => {
    const root = join(dir, 'listed');
    const fixed = (iso: string): Clock => ({ now: () => new Date(iso) });
    const later = await composed({
      subject: 'מכתב התראה לפני נקיטת הליכים',
      to: 'Acme <accounts@acme.example>',
      messageId: '<b2@porter.example>',
      date: new Date('2026-05-01T07:00:00.000Z'),
    });
    const earlier = await composed({
      subject: 'Последнее напоминание: счёт PD-0142',
      to: 'Tom Hale <tom@acme.example>',
      messageId: '<a1.x/y..z@porter.example>',
      date: new Date('2026-04-01T08:00:00.000Z'),
    });
    const sentLater = await createOutboxMailer({ root, clock: fixed('2026-05-01T07:00:00.123Z') }).send(later);
    const sentEarlier = await createOutboxMailer({ root, clock: fixed('2026-04-01T08:00:00.000Z') }).send(earlier);

    expect(sentLater).toEqual({ messageId: '<b2@porter.example>', provider: 'outbox 20260501T070000.123Z-b2@porter.example.eml' });
    expect(sentEarlier.provider).toBe('outbox 20260401T080000.000Z-a1.x_y.z@porter.example.eml');
    expect(await listOutbox(root)).toEqual([
      {
        file: '20260401T080000.000Z-a1.x_y.z@porter.example.eml',
        size: earlier.eml.byteLength,
        subject: 'Последнее напоминание: счёт PD-0142',
        to: 'Tom Hale <tom@acme.example>',
        date: '2026-04-01T08:00:00.000Z',
        messageId: '<a1.x/y..z@porter.example>',
      },
      {
        file: '20260501T070000.123Z-b2@porter.example.eml',
        size: later.eml.byteLength,
        subject: 'מכתב התראה לפני נקיטת הליכים',
        to: 'Acme <accounts@acme.example>',
        date: '2026-05-01T07:00:00.000Z',
        messageId: '<b2@porter.example>',
      },
    ]);
    const back = await readOutbox(root, '20260501T070000.123Z-b2@porter.example.eml');
    expect(Buffer.from(back!).equals(Buffer.from(later.eml))).toBe(true);
  });

  it('never overwrites: the same message sent twice at one instant is two files', async () => {
    const root = join(dir, 'twice');
    const mail = await composed({ subject: 'Reminder', to: 'a@acme.example', messageId: '<same@porter.example>', date: new Date() });
    const mailer = createOutboxMailer({ root, clock: { now: () => new Date('2026-04-01T08:00:00.000Z') } });
    const sent = await Promise.all([mailer.send(mail), mailer.send(mail), mailer.send(mail)]);
    expect(sent.map((s) => s.provider).sort()).toEqual([
      'outbox 20260401T080000.000Z-same@porter.example-1.eml',
      'outbox 20260401T080000.000Z-same@porter.example-2.eml',
      'outbox 20260401T080000.000Z-same@porter.example.eml',
    ]);
    expect(readdirSync(root).sort()).toEqual(sent.map((s) => s.provider.slice('outbox '.length)).sort());
  });

  it('a letter without a Date header is listed with the time of its file', async () => {
    const root = join(dir, 'undated');
    const eml = new TextEncoder().encode('From: jane@porter.example\r\nTo: tom@acme.example\r\nSubject: Undated\r\nMessage-ID: <u1@p.example>\r\n\r\nHello\r\n');
    await createOutboxMailer({ root, clock: systemClock }).send({ from: 'jane@porter.example', to: ['tom@acme.example'], eml, messageId: '<u1@p.example>' });
    const [entry] = await listOutbox(root);
    expect(entry).toMatchObject({ subject: 'Undated', to: 'tom@acme.example', messageId: '<u1@p.example>' });
    expect(entry!.date).toBe(statSync(join(root, entry!.file)).mtime.toISOString());
  });

  it('an empty or missing outbox lists nothing; stray files are not letters', async () => {
    expect(await listOutbox(join(dir, 'never-created'))).toEqual([]);
    const root = join(dir, 'stray');
    await createOutboxMailer({ root, clock: { now: () => new Date('2026-04-01T08:00:00.000Z') } }).send(
      await composed({ subject: 'x', to: 'a@acme.example', messageId: '<m@p.example>', date: new Date() }),
    );
    writeFileSync(join(root, '.half-written.tmp'), 'From: x');
    writeFileSync(join(root, 'notes.txt'), 'not a letter');
    expect((await listOutbox(root)).map((e) => e.file)).toEqual(['20260401T080000.000Z-m@p.example.eml']);
  });

  it('readOutbox refuses a name that could leave the folder, before touching the disk', async () => {
    const root = join(dir, 'guarded');
    for (const name of ['../contract/x.eml', '..', 'a/b.eml', 'a\\b.eml', '/etc/passwd', 'x..eml', '.hidden.eml', 'letter.txt', '']) {
      await expect(readOutbox(root, name), name).rejects.toThrow(RangeError);
    }
    await expect(readOutbox(root, '../x.eml')).rejects.toThrow('Outbox: "../x.eml" is not a letter in the outbox');
    expect(await readOutbox(root, '20260401T080000.000Z-nothing@p.example.eml')).toBeUndefined();
  });

  it('a folder it cannot write is a TransientMailError naming the folder and the letter', async () => {
    const root = join(dir, 'a-file');
    writeFileSync(root, '');
    const mail = await composed({ subject: 'x', to: 'a@acme.example', messageId: '<m1@p.example>', date: new Date() });
    const error = await createOutboxMailer({ root, clock: { now: () => new Date() } }).send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientMailError);
    expect((error as Error).message).toMatch(new RegExp(`^Outbox ${root}: could not write the letter <m1@p.example>: E(EXIST|NOTDIR)`));
  });
});
