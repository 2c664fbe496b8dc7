import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { readLocalConfig } from '#functions/main/local-config.ts';
import { startLocal, type RunningLocal } from '#functions/main/local.ts';
import type { CaseEvent, CaseRecord, StageRecord } from '#functions/ports/records.ts';
import type { RenderedStage } from '#functions/ports/renderer.ts';
import { normalize, pdfText } from '../../templates/documents/contract/pdf-text.ts';

export { normalize, pdfText };

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/** An example case file of templates/examples, as the raw JSON a client would POST. */
export function exampleBody(name: 'en-gb-tracking' | 'fr-pressure-scale' | 'ru-gentle' | 'he-il-pressure-scale'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'templates', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A JSON answer of the API. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** What GET /api/cases/{id} answers. */
export interface CaseView {
  case: CaseRecord;
  summary: { status: string; balance: { currency: string; amount: string }; nextAction: { stageId: string } | null; uncertain: number };
  stages: StageRecord[];
  events: CaseEvent[];
}

export interface App {
  running: RunningLocal;
  url: string;
  dataDir: string;
  outboxDir: string;
  /** every line the app logged */
  logs: string[];
  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
  post<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  /** GET /api/cases/{id}, expecting 200 */
  view(caseId: string): Promise<CaseView>;
  /** POST /api/cases, expecting 201; the new case's id */
  create(body: unknown): Promise<string>;
  stop(): Promise<void>;
}

const apps = new Set<App>();

/**
 * The real local app (functions/main/local.ts) in this process, configured the way `npm start`
 * reads its flags (readLocalConfig): loopback, port 0, a fresh data folder (or the one given), the
 * fast-forward clock from `start` (real time without it), the site not built, and SMTP when a URL
 * is given (else the outbox).
 */
export async function startApp(options: { start?: string | undefined; smtp?: string; dataDir?: string; extraArgs?: string[] }): Promise<App> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'overdue-e2e-'));
  const clock = options.start === undefined ? [] : ['--clock', 'fast-forward', '--start', options.start];
  const args = ['--port', '0', '--data', dataDir, ...clock, '--build', 'never', ...(options.smtp ? ['--smtp', options.smtp] : []), ...(options.extraArgs ?? [])];
  const config = readLocalConfig(args, {});
  const logs: string[] = [];
  const running = await startLocal(config, (line) => logs.push(line));
  const request = async <T>(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (the iCalendar feed): the text
    }
    return { status: response.status, body: parsed as T };
  };
  let stopped = false;
  const app: App = {
    running,
    url: running.url,
    dataDir,
    outboxDir: join(dataDir, 'outbox'),
    logs,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    async view(caseId) {
      const answer = await request<CaseView>('GET', `/api/cases/${caseId}`, undefined);
      if (answer.status !== 200) throw new Error(`GET /api/cases/${caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async create(body) {
      const answer = await request<{ case: CaseRecord }>('POST', '/api/cases', body);
      if (answer.status !== 201) throw new Error(`POST /api/cases: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.case.id;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      apps.delete(app);
      await running.stop();
    },
  };
  apps.add(app);
  return app;
}

/** Stops every app still running and removes the folders (call from afterAll). */
export async function stopAll(dirs: string[] = []): Promise<void> {
  for (const app of [...apps]) {
    await app.stop();
    dirs.push(app.dataDir);
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** A gate the test opens: `reached` resolves when something arrived at it, `release()` lets it go on. */
export interface Gate {
  reached: Promise<void>;
  release(): void;
}

function gate(): Gate & { arrive(): Promise<void> } {
  let arrived!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((r) => (arrived = r));
  const released = new Promise<void>((r) => (open = r));
  return {
    reached,
    release: () => open(),
    arrive: () => {
      arrived();
      return released;
    },
  };
}

/**
 * Holds the pipeline of the first stage matching `match` between its claim and its render, until
 * the test releases it: the fast-forward clock stands at that stage's instant meanwhile (time only
 * moves when nothing runs), so the test can act "in the middle of the ladder" through the API.
 * The real renderer still renders; after it the pipeline re-reads the case before sending.
 */
export function holdRender(app: App, match: (stage: StageRecord) => boolean): Gate {
  const g = gate();
  const ports = app.running.ports;
  const inner = ports.renderer;
  let used = false;
  ports.renderer = {
    async render(record: CaseRecord, stage: StageRecord, at: Date): Promise<RenderedStage> {
      if (!used && match(stage)) {
        used = true;
        ports.renderer = inner;
        await g.arrive();
      }
      return inner.render(record, stage, at);
    },
  };
  return { reached: g.reached, release: g.release };
}

/** What a real SMTP server on loopback accepted: the envelope and the exact DATA bytes. */
export interface Delivery {
  from: string;
  to: string[];
  user: string | undefined;
  bytes: Uint8Array;
}

export interface SmtpCapture {
  url: string;
  deliveries: Delivery[];
  /** holds the answer to DATA of the first message matching `match` (its bytes are received, the client waits) */
  hold(match: (text: string) => boolean): Gate;
  /** answers DATA of the next `times` messages matching `match` with an SMTP error (4xx: try again later, 5xx: refused) */
  refuse(match: (text: string) => boolean, reply: { code: number; message: string }, times?: number): void;
  /** DATA answers refused so far */
  refusals: number;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that accepts user `overdue` / `letters-pass` and keeps every message's bytes. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const deliveries: Delivery[] = [];
  const holds: { match: (text: string) => boolean; g: ReturnType<typeof gate> }[] = [];
  const refusals: { match: (text: string) => boolean; reply: { code: number; message: string }; times: number }[] = [];
  let refused = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    size: 20 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === 'overdue' && auth.password === 'letters-pass') return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('latin1');
        const refusal = refusals.find((r) => r.times > 0 && r.match(text));
        if (refusal) {
          refusal.times--;
          refused++;
          return callback(Object.assign(new Error(refusal.reply.message), { responseCode: refusal.reply.code }));
        }
        const i = holds.findIndex((h) => h.match(text));
        const held = i >= 0 ? holds.splice(i, 1)[0]!.g.arrive() : Promise.resolve();
        void held.then(() => {
          deliveries.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user === undefined ? undefined : String(session.user),
            bytes: new Uint8Array(bytes),
          });
          callback(null, `2.0.0 Ok: queued as Q${deliveries.length}`);
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://overdue:letters-pass@127.0.0.1:${port}`,
    deliveries,
    refuse(match, reply, times = 1) {
      refusals.push({ match, reply, times });
    },
    get refusals() {
      return refused;
    },
    hold(match) {
      const g = gate();
      holds.push({ match, g });
      return { reached: g.reached, release: g.release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One letter as the debtor's mail program sees it. */
export interface Letter {
  bytes: Uint8Array;
  mail: ParsedMail;
  messageId: string;
  caseId: string;
  stageId: string;
  subject: string;
  date: Date;
  /** the outbox file name, when it came from the outbox */
  file?: string;
}

/** `<c_….g1.late-7@overdue.local>` → case and stage (functions/documents/stage-renderer.tsx, stageMessageId). */
function stageOf(messageId: string): { caseId: string; stageId: string } {
  const m = /^<(c_[0-9a-z]{16})\.(.+)@[^@>]+>$/.exec(messageId);
  if (!m) throw new Error(`not a stage Message-ID: ${messageId}`);
  return { caseId: m[1]!, stageId: m[2]! };
}

export async function parseLetter(bytes: Uint8Array, file?: string): Promise<Letter> {
  const mail = await simpleParser(Buffer.from(bytes));
  const messageId = mail.messageId ?? '';
  return { bytes, mail, messageId, ...stageOf(messageId), subject: mail.subject ?? '', date: mail.date ?? new Date(Number.NaN), ...(file ? { file } : {}) };
}

/** The outbox's letters, in file-name order (the time sent, then the Message-ID). */
export async function outboxLetters(dir: string): Promise<Letter[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.eml') && !n.startsWith('.')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map((n) => parseLetter(new Uint8Array(readFileSync(join(dir, n))), n)));
}

/** The SMTP server's deliveries, in the order accepted. */
export function smtpLetters(capture: SmtpCapture): Promise<Letter[]> {
  return Promise.all(capture.deliveries.map((d) => parseLetter(d.bytes)));
}

/** The one PDF attached to a letter (fails when there is not exactly one). */
export function attachedPdf(letter: Letter): { filename: string; bytes: Uint8Array } {
  const pdfs = letter.mail.attachments.filter((a) => a.contentType === 'application/pdf');
  if (pdfs.length !== 1 || letter.mail.attachments.length !== 1) throw new Error(`${letter.messageId}: ${letter.mail.attachments.length} attachments, ${pdfs.length} PDF`);
  return { filename: pdfs[0]!.filename ?? '', bytes: new Uint8Array(pdfs[0]!.content) };
}

/** The stage ids of the `sent` events of a case's log, in log order. */
export function sentStageIds(view: CaseView): string[] {
  return view.events.filter((e) => e.type === 'sent').map((e) => e.stageId!);
}

/** The position in the log of the first event of `type` (−1 when none). */
export function indexOfEvent(view: CaseView, type: CaseEvent['type']): number {
  return view.events.findIndex((e) => e.type === type);
}

/** Stages of the case by id. */
export function stageMap(view: CaseView): Map<string, StageRecord> {
  return new Map(view.stages.map((s) => [s.id, s]));
}
