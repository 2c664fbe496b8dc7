import { randomBytes, randomUUID } from 'node:crypto';
import { MessageRejected, SESClient } from '@aws-sdk/client-ses';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '#functions/adapters/aws/ses-mailer.ts';
import { sesMailError } from '#functions/adapters/aws/ses-mail-error.ts';
import { PermanentMailError, TransientMailError } from '#functions/ports/errors.ts';
import { testMailer } from '../../../contracts/mailer.contract.ts';
import { freePort, sesClient, startSesLocal } from './stand-ins.ts';

const ses = await startSesLocal();
const clients: SESClient[] = [];
const client = (endpoint = ses.endpoint, maxAttempts = 1) => {
  const c = sesClient(endpoint, { maxAttempts });
  clients.push(c);
  return c;
};

testMailer({
  name: 'ses (aws-ses-v2-local behind a recording proxy)',
  make: async () => createSesMailer({ client: client(), configurationSet: 'overdue-events' }),
  received: async () => ses.sends.map((s) => s.raw),
  providerMessageId: { reason: 'SES assigns its own MessageId, which its delivery, bounce and complaint events carry' },
  transient: async () => {
    // SES's answer when the sending rate is exceeded; the SDK retries throttling itself (3 attempts here), then it is ours
    ses.fail('throttled@acme.example', 400, 'Throttling', 'Maximum sending rate exceeded.');
    return { mailer: createSesMailer({ client: client(ses.endpoint, 3) }), to: ['throttled@acme.example'] };
  },
  permanent: async () => {
    // SES's answer, in the sandbox, for a recipient that is not verified
    ses.fail('not-verified@acme.example', 400, 'MessageRejected', 'Email address is not verified. The following identities failed the check in region EU-WEST-3: not-verified@acme.example');
    return { mailer: createSesMailer({ client: client() }), to: ['not-verified@acme.example'] };
  },
});

describe('ses mailer: what only SES has', () => {
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await ses.stop();
  });

  it('sends a nodemailer-composed letter with its PDF: SES gets the exact bytes, envelope and configuration set, and the stand-in finds the attachment intact', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]);
    const messageId = `<${randomUUID()}@porter.example>`;
    const eml = new Uint8Array(
      await new MailComposer({
        from: 'Jane Porter <jane@porter.example>',
        to: 'Accounts <accounts@acme.example>',
        subject: 'Rechnung PD-0142 — Последнее напоминание',
        messageId,
        text: 'Please find the letter attached.',
        attachments: [{ filename: 'PD-0142-final-demand.pdf', content: pdf, contentType: 'application/pdf' }],
      })
        .compile()
        .build(),
    );

    const before = ses.sends.length;
    const sent = await createSesMailer({ client: client(), configurationSet: 'overdue-events' }).send({ from: 'jane@porter.example', to: ['accounts@acme.example'], eml, messageId });

    const got = ses.sends.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ source: 'jane@porter.example', destinations: ['accounts@acme.example'], configurationSet: 'overdue-events' });
    expect(Buffer.from(got[0]!.raw).equals(Buffer.from(eml))).toBe(true);
    const stored = (await ses.store()).emails.find((e) => e.messageId === sent.messageId);
    expect(stored).toMatchObject({ from: '"Jane Porter" <jane@porter.example>', subject: 'Rechnung PD-0142 — Последнее напоминание', destination: { to: ['"Accounts" <accounts@acme.example>'] } });
    expect(stored!.attachments.map((a) => [a.filename, a.contentType])).toEqual([['PD-0142-final-demand.pdf', 'application/pdf']]);
    expect(Buffer.from(stored!.attachments[0]!.content, 'base64').equals(pdf)).toBe(true);
    expect((await simpleParser(Buffer.from(got[0]!.raw))).messageId).toBe(messageId);
    expect(sent).toEqual({ messageId: expect.stringMatching(/\S/), provider: 'ses' });
  });

  it('no configuration set given: none is sent (SES would refuse an unknown one)', async () => {
    const before = ses.sends.length;
    await createSesMailer({ client: client() }).send({ from: 'jane@porter.example', to: ['accounts@acme.example'], eml: new TextEncoder().encode('From: jane@porter.example\r\nTo: accounts@acme.example\r\nSubject: x\r\n\r\nx\r\n'), messageId: '<x@porter.example>' });
    expect(ses.sends[before]?.configurationSet).toBeUndefined();
  });

  it('SES unreachable (connection refused) is a TransientMailError', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const error = await createSesMailer({ client: client(closed) })
      .send({ from: 'jane@porter.example', to: ['accounts@acme.example'], eml: new Uint8Array([1]), messageId: '<x@porter.example>' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientMailError);
    expect((error as Error).message).toMatch(/^SES: .*ECONNREFUSED/);
  });

  it.each([
    [503, 'ServiceUnavailable', 'Service is unavailable. Please try again later.', TransientMailError],
    [500, 'InternalFailure', 'The request processing has failed because of an unknown error.', TransientMailError],
    [400, 'MailFromDomainNotVerifiedException', 'The MAIL FROM domain is not verified.', PermanentMailError],
    [400, 'ConfigurationSetDoesNotExistException', 'Configuration set <overdue-events> does not exist.', PermanentMailError],
    [400, 'InvalidParameterValue', 'Missing final \'@domain\'', PermanentMailError],
  ])('SES answering %i %s becomes the right port error, with SES\'s words', async (status, code, message, kind) => {
    const to = `${code.toLowerCase()}@acme.example`;
    ses.fail(to, status, code, message);
    const error = await createSesMailer({ client: client() }).send({ from: 'jane@porter.example', to: [to], eml: new Uint8Array([1]), messageId: '<x@porter.example>' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toBe(`SES: ${code}: ${message} (HTTP ${status})`);
  });

  it('sesMailError: the SDK\'s own exception classes map by name', () => {
    expect(sesMailError(new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } }))).toBeInstanceOf(PermanentMailError);
    expect(sesMailError(Object.assign(new Error('Daily message quota exceeded.'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }))).toBeInstanceOf(TransientMailError);
    expect(sesMailError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).message).toBe('SES: ECONNRESET: socket hang up');
  });

  it('sends exactly one SendRawEmail with the bytes as they are', async () => {
    const spy = client();
    const calls: unknown[] = [];
    spy.middlewareStack.add((next, context) => async (args) => {
      calls.push([context.commandName, args.input]);
      return next(args);
    }, { step: 'initialize' });
    const eml = new TextEncoder().encode('From: jane@porter.example\r\nTo: a@acme.example, b@acme.example\r\nSubject: x\r\n\r\nx\r\n');
    await createSesMailer({ client: spy, configurationSet: 'overdue-events' }).send({ from: 'jane@porter.example', to: ['a@acme.example', 'b@acme.example'], eml, messageId: '<x@porter.example>' });
    expect(calls).toEqual([['SendRawEmailCommand', { Source: 'jane@porter.example', Destinations: ['a@acme.example', 'b@acme.example'], RawMessage: { Data: eml }, ConfigurationSetName: 'overdue-events' }]]);
  });
});
