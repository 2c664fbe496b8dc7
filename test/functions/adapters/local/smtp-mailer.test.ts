import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type SmtpSettings } from '#functions/adapters/local/smtp-mailer.ts';
import { PermanentMailError, TransientMailError } from '#functions/ports/errors.ts';
import type { OutgoingMail } from '#functions/ports/mailer.ts';
import { testMailer } from '../../../contracts/mailer.contract.ts';

/** What the test server got: the envelope and the DATA bytes of every message it accepted. */
interface Delivery {
  from: string;
  to: string[];
  bytes: Uint8Array;
  user: string | undefined;
}

/**
 * A real SMTP server on loopback (smtp-server). Recipients at `busy.example` are deferred with 451
 * at RCPT, `nobody@…` refused with 550; a message whose subject says `REFUSE-DATA` is refused with
 * 554 after DATA and one saying `DEFER-DATA` deferred with 452.
 */
async function startServer(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; deliveries: Delivery[]; close: () => Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 20 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@busy.example')) return callback(Object.assign(new Error('4.2.1 Mailbox busy, try again later'), { responseCode: 451 }));
      if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('latin1');
        if (text.includes('REFUSE-DATA')) return callback(Object.assign(new Error('5.7.1 Message refused by policy'), { responseCode: 554 }));
        if (text.includes('DEFER-DATA')) return callback(Object.assign(new Error('4.3.1 Insufficient system storage'), { responseCode: 452 }));
        deliveries.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          bytes: new Uint8Array(bytes),
          user: session.user === undefined ? undefined : String(session.user),
        });
        callback(null, `2.0.0 Ok: queued as Q${deliveries.length}`);
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, deliveries, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const settings = (port: number, extra: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  secure: false,
  timeouts: { connection: 2000, greeting: 2000, socket: 5000 },
  ...extra,
});

let smtp: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  smtp = await startServer();
});
afterAll(async () => {
  await smtp.close();
});

testMailer({
  name: 'smtp (nodemailer to a real SMTP server on loopback)',
  make: async () => createSmtpMailer(settings(smtp.port)),
  received: async () => smtp.deliveries.map((d) => d.bytes),
  transient: async () => ({ mailer: createSmtpMailer(settings(smtp.port)), to: ['accounts@busy.example'] }),
  permanent: async () => ({ mailer: createSmtpMailer(settings(smtp.port)), to: ['nobody@acme.example'] }),
});

function mail(subject: string, to: string[] = ['accounts@acme.example']): OutgoingMail {
  const messageId = `<${randomUUID()}@porter.example>`;
  const eml = [
    'From: jane@porter.example',
    `To: ${to.join(', ')}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please pay invoice PD-0142.',
    '',
  ].join('\r\n');
  return { from: 'bounces@porter.example', to, eml: new TextEncoder().encode(eml), messageId };
}

describe('smtp mailer: what the server sees and how it answers', () => {
  it('uses the envelope as given (not the headers) and returns the Message-ID, with the queue id in `provider`', async () => {
    const letter = mail('Reminder', ['accounts@acme.example', 'tom@acme.example']);
    const sent = await createSmtpMailer(settings(smtp.port)).send(letter);
    const delivery = smtp.deliveries.at(-1)!;
    expect({ from: delivery.from, to: delivery.to }).toEqual({ from: 'bounces@porter.example', to: ['accounts@acme.example', 'tom@acme.example'] });
    expect(Buffer.from(delivery.bytes).equals(Buffer.from(letter.eml))).toBe(true);
    expect(sent.messageId).toBe(letter.messageId);
    expect(sent.provider).toBe(`smtp 127.0.0.1:${smtp.port} 250 2.0.0 Ok: queued as Q${smtp.deliveries.length}`);
  });

  it('when some recipients are refused the letter still goes to the others, and provider names the refused', async () => {
    const letter = mail('Partly refused', ['accounts@acme.example', 'nobody@acme.example']);
    const sent = await createSmtpMailer(settings(smtp.port)).send(letter);
    expect(smtp.deliveries.at(-1)!.to).toEqual(['accounts@acme.example']);
    expect(sent.provider).toMatch(/ \(refused: nobody@acme\.example\)$/);
  });

  it('a recipient deferred with 451 is transient, refused with 550 permanent; each message quotes the server', async () => {
    const mailer = createSmtpMailer(settings(smtp.port));
    const deferred = await mailer.send(mail('x', ['a@busy.example'])).catch((e: unknown) => e);
    const refused = await mailer.send(mail('x', ['nobody@acme.example'])).catch((e: unknown) => e);
    expect(deferred).toBeInstanceOf(TransientMailError);
    expect((deferred as Error).message).toBe(
      `SMTP 127.0.0.1:${smtp.port} during RCPT TO: Can't send mail - all recipients were rejected: 451 4.2.1 Mailbox busy, try again later [EENVELOPE]`,
    );
    expect(refused).toBeInstanceOf(PermanentMailError);
    expect((refused as Error).message).toBe(
      `SMTP 127.0.0.1:${smtp.port} during RCPT TO: Can't send mail - all recipients were rejected: 550 5.1.1 No such user here [EENVELOPE]`,
    );
  });

  it('an answer after DATA decides too: 452 transient, 554 permanent', async () => {
    const mailer = createSmtpMailer(settings(smtp.port));
    const deferred = await mailer.send(mail('DEFER-DATA')).catch((e: unknown) => e);
    const refused = await mailer.send(mail('REFUSE-DATA')).catch((e: unknown) => e);
    expect(deferred).toBeInstanceOf(TransientMailError);
    expect((deferred as Error).message).toBe(`SMTP 127.0.0.1:${smtp.port} during DATA: Message failed: 452 4.3.1 Insufficient system storage [EMESSAGE]`);
    expect(refused).toBeInstanceOf(PermanentMailError);
    expect((refused as Error).message).toBe(`SMTP 127.0.0.1:${smtp.port} during DATA: Message failed: 554 5.7.1 Message refused by policy [EMESSAGE]`);
  });

  it('a server that is not there is transient', async () => {
    const closed = await startServer();
    const { port } = closed;
    await closed.close();
    const error = await createSmtpMailer(settings(port)).send(mail('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientMailError);
    expect((error as Error).message).toBe(`SMTP 127.0.0.1:${port} during CONN: connect ECONNREFUSED 127.0.0.1:${port} [ESOCKET]`);
  });

  it('a server that never greets times out, transiently', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await createSmtpMailer(settings(port, { timeouts: { connection: 1000, greeting: 300, socket: 1000 } }))
        .send(mail('x'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientMailError);
      expect((error as Error).message).toMatch(/\[ETIMEDOUT\]$/);
    } finally {
      silent.close();
    }
  });

  describe('with a password', () => {
    let authed: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      authed = await startServer({
        authOptional: false,
        allowInsecureAuth: true,
        onAuth(auth, _session, callback) {
          if (auth.username === 'jane' && auth.password === 's3cret') return callback(null, { user: 'jane' });
          if (auth.username === 'jane@porter.example' && auth.password === 'p@ss:w/rd %') return callback(null, { user: auth.username });
          callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
        },
      });
    });
    afterAll(async () => {
      await authed.close();
    });

    it('logs in and sends', async () => {
      await createSmtpMailer(settings(authed.port, { auth: { user: 'jane', pass: 's3cret' } })).send(mail('x'));
      expect(authed.deliveries.map((d) => d.user)).toEqual(['jane']);
    });

    it('takes the settings as one URL too, user and password percent-decoded', async () => {
      const before = authed.deliveries.length;
      const url = `smtp://${encodeURIComponent('jane@porter.example')}:${encodeURIComponent('p@ss:w/rd %')}@127.0.0.1:${authed.port}`;
      const sent = await createSmtpMailer({ url }).send(mail('x'));
      expect(authed.deliveries.slice(before).map((d) => d.user)).toEqual(['jane@porter.example']);
      expect(sent.provider).toMatch(new RegExp(`^smtp 127\\.0\\.0\\.1:${authed.port} 250 `));
    });

    it('refuses a URL that is not smtp:// or smtps://, without repeating the password', () => {
      expect(() => createSmtpMailer({ url: 'https://jane:s3cret@mail.example' })).toThrow('SMTP: the URL must start with smtp:// or smtps://, not https://');
      expect(() => createSmtpMailer({ url: 'jane:s3cret' })).toThrow(/^SMTP: the URL/);
      expect(() => createSmtpMailer({ url: 'smtp://jane:s3cret@' })).toThrow(/^SMTP: the URL/);
      for (const url of ['https://jane:s3cret@mail.example', 'jane:s3cret', 'smtp://jane:s3cret@']) {
        try {
          createSmtpMailer({ url });
        } catch (error) {
          expect((error as Error).message).not.toContain('s3cret');
        }
      }
    });

    it('a wrong password is permanent and names the answer', async () => {
      const error = await createSmtpMailer(settings(authed.port, { auth: { user: 'jane', pass: 'wrong' } }))
        .send(mail('x'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentMailError);
      expect((error as Error).message).toMatch(/535 5\.7\.8 Authentication credentials invalid/);
    });

    it('requireTLS refuses to log in over a connection the server cannot upgrade (permanent: the server does not offer STARTTLS)', async () => {
      const before = authed.deliveries.length;
      const error = await createSmtpMailer(settings(authed.port, { auth: { user: 'jane', pass: 's3cret' }, requireTLS: true }))
        .send(mail('x'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentMailError);
      expect((error as Error).message).toBe(
        `SMTP 127.0.0.1:${authed.port} during STARTTLS: Error upgrading connection with STARTTLS: 500 Error: command not recognized [ETLS]`,
      );
      expect(authed.deliveries).toHaveLength(before);
    });

    it('without credentials the server\'s 530 is permanent', async () => {
      const error = await createSmtpMailer(settings(authed.port)).send(mail('x')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentMailError);
      expect((error as Error).message).toMatch(/during MAIL FROM: .*530 .*authentication Required/);
    });
  });
});
