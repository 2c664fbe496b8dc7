import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CaseEvent, CaseRecord, StageRecord } from '#functions/ports/records.ts';
import { exampleBody, startApp, startSmtpCapture, type App, type SmtpCapture } from '../local/local-harness.ts';

/**
 * The lawyer-bundle case: the en-GB example (Porter Design v Acme Widgets Ltd, contract
 * C-2026-007 for £6,000 + VAT) with the three invoices of the contract's schedule and a ladder of
 * ten letters and one call, run through the real local app in fast-forward.
 *
 * Invoices (VAT 20 %): PD-0140 £2,160.00 issued 20 Jan 2026, due 19 Feb (net 30, the contract's
 * rule); PD-0141 £2,160.00 issued 2 Feb, due 4 Mar; PD-0142 £2,880.00 issued 10 Feb, due 12 Mar.
 * Total £7,200.00. The ladder runs on PD-0140 (the first due): letters from 16 Feb to 9 Apr.
 */
export const START = '2026-02-10T00:00:00Z';

export const letterKeys = ['pre-due', 'due-day', 'late-3', 'late-7', 'late-14', 'late-21', 'late-28', 'late-35', 'late-42', 'late-49'] as const;

export function bundleCaseBody(): Record<string, unknown> {
  const body = exampleBody('en-gb-tracking');
  const line = (description: string, unitPrice: string) => [{ description, quantity: '1', unitPrice, taxRate: '20' }];
  body['invoices'] = [
    { number: 'PD-0140', issueDate: '2026-01-20', currency: 'GBP', contractNumber: 'C-2026-007', schedulePart: 'Deposit', lines: line('Deposit (30 % of the contract price)', '1800.00') },
    { number: 'PD-0141', issueDate: '2026-02-02', currency: 'GBP', contractNumber: 'C-2026-007', schedulePart: 'Design approved', lines: line('Design approved (30 % of the contract price)', '1800.00') },
    { number: 'PD-0142', issueDate: '2026-02-10', currency: 'GBP', contractNumber: 'C-2026-007', schedulePart: 'Completion', lines: line('Website design, final delivery (40 % of the contract price)', '2400.00') },
  ];
  const email = (key: string, days: number, template: string, extra: Record<string, unknown> = {}) => ({
    key,
    offset: { days, unit: 'calendar' },
    at: '10:00',
    channel: 'email',
    template,
    attachments: ['invoice'],
    ...extra,
  });
  body['ladder'] = {
    key: 'lawyer-bundle',
    name: 'Ten letters and a call',
    rollToBusinessDay: false,
    stages: [
      email('pre-due', -3, 'pre-due'),
      { ...email('due-day', 0, 'due-today'), at: '13:00' },
      email('late-3', 3, 'overdue-gentle'),
      email('late-7', 7, 'overdue-firm'),
      email('late-14', 14, 'invoice-resent'),
      email('late-21', 21, 'overdue-stern'),
      { key: 'call-25', offset: { days: 25, unit: 'calendar' }, at: '13:00', channel: 'task', template: 'call', note: 'Ask for a payment date.' },
      email('late-28', 28, 'ultimatum', { suspendAfterDays: 7 }),
      email('late-35', 35, 'credit-reporting', { respondWithinDays: 14 }),
      email('late-42', 42, 'overdue-stern'),
      email('late-49', 49, 'final-demand', { respondWithinDays: 14 }),
    ],
  };
  return body;
}

/** What the owner records through the API after the ladder ran (each must show in the chronology). */
export const recorded = {
  payment1: { date: '2026-03-20', amount: { currency: 'GBP', amount: '500.00' }, method: 'bank-transfer', reference: 'BACS ACME 1', invoice: 'PD-0140' },
  payment2: { date: '2026-04-02', amount: { currency: 'GBP', amount: '660.00' }, method: 'bank-transfer', reference: 'BACS ACME 2', invoice: 'PD-0141' },
  /** a note a spreadsheet would run as a formula: the CSV must neutralise it */
  formulaNote: '=HYPERLINK("http://evil.example/x","click me")',
  callOutcome: { outcome: 'reached-promise', note: 'Spoke to Tom Hale: "the money is coming next week", he said' },
  dispute: { note: 'Acme says the source files of page 3 were incomplete' },
  promise: { until: '2026-04-20', note: 'Promise by e-mail from Tom Hale, 9 April' },
} as const;

export interface BundleCase {
  app: App;
  smtp: SmtpCapture | undefined;
  caseId: string;
  record: CaseRecord;
  stages: StageRecord[];
  events: CaseEvent[];
}

async function ok(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await answer;
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
}

/**
 * Runs the case through the real local app: the ten letters and the call fall due (fast-forward),
 * then, unless `events: false`, the owner records two part payments, a note, the call's outcome,
 * a dispute and a promise to pay (which sends a confirmation letter and, when the promise runs
 * out, an expiry check), and the mail provider reports a bounce of the late-7 letter. Mail goes to
 * a real SMTP server on loopback when `smtp` is set, else to the outbox folder.
 */
export async function runBundleCase(options: { smtp?: boolean; events?: boolean; token?: string } = {}): Promise<BundleCase> {
  const smtp = options.smtp ? await startSmtpCapture() : undefined;
  const app = await startApp({ start: START, ...(smtp ? { smtp: smtp.url } : {}), ...(options.token ? { extraArgs: ['--token', options.token] } : {}) });
  const auth = options.token ? { authorization: `Bearer ${options.token}` } : undefined;
  const create = await app.post<{ case: CaseRecord }>('/api/cases', bundleCaseBody(), auth);
  if (create.status !== 201) throw new Error(`POST /api/cases: ${create.status} ${JSON.stringify(create.body)}`);
  const caseId = create.body.case.id;
  await app.running.idle();
  if (options.events !== false) {
    const post = (path: string, body: unknown) => ok(app.post(`/api/cases/${caseId}${path}`, body, auth), path);
    await post('/payments', recorded.payment1);
    await post('/payments', recorded.payment2);
    await post('/notes', { note: recorded.formulaNote });
    await post('/tasks/g1.call-25/outcome', recorded.callOutcome);
    await post('/dispute', recorded.dispute);
    await post('/promise', recorded.promise);
    await app.running.idle();
    // the provider's bounce report for late-7, as the SES/SMTP feedback handlers append it
    const store = app.running.ports.store;
    await store.commit({
      caseId,
      events: [{ at: '2026-04-21T12:00:00.000Z', actor: 'mail-provider', type: 'bounce', stageId: 'g1.late-7', data: { recipient: 'accounts@acme.example', detail: '550 5.1.1 mailbox full' } }],
    });
  }
  const store = app.running.ports.store;
  const [record, stages, events] = await Promise.all([store.getCase(caseId), store.getStages(caseId), store.getEvents(caseId)]);
  return { app, smtp, caseId, record: record!, stages, events };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Whether the standard `unzip` is on this machine (else Python's zipfile module extracts). */
export const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Extracts a ZIP with a standard tool (`unzip`, or `python3 -m zipfile -e` where unzip is not
 * installed) into a fresh folder; returns the bundle's folder (the ZIP's one top-level folder),
 * the top-level names and every file's bytes by path relative to the bundle folder.
 */
const extracted: string[] = [];

/** Removes the folders `extract` made (call from afterAll). */
export function removeExtracted(): void {
  for (const dir of extracted.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function extract(zip: Uint8Array, label: string): { top: string[]; dir: string; files: Map<string, Uint8Array> } {
  const work = mkdtempSync(join(tmpdir(), `bundle-${label}-`));
  extracted.push(work);
  const zipPath = join(work, 'bundle.zip');
  writeFileSync(zipPath, zip);
  const out = join(work, 'x');
  mkdirSync(out);
  if (hasUnzip) execFileSync('unzip', ['-q', zipPath, '-d', out]);
  else execFileSync('python3', ['-m', 'zipfile', '-e', zipPath, out]);
  const top = readdirSync(out);
  const dir = join(out, top[0] ?? '');
  const files = new Map<string, Uint8Array>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), new Uint8Array(readFileSync(p)));
    }
  };
  if (top.length === 1) walk(dir);
  return { top, dir, files };
}

/** `sha256sum -c SHA256SUMS` in the folder: its exit code and output. */
export function sha256sumCheck(dir: string): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. Throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n > 0 && !text.endsWith('\r\n')) throw new Error('CSV: the last record does not end with CRLF');
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('CSV: unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r') throw new Error(`CSV: a character after a closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`CSV: a bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CSV: CR without LF at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
