import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signShareLink } from '#functions/bundle/share-link.ts';
import type { FastForwardClock } from '#functions/adapters/local/fast-forward-clock.ts';
import { statementFigures } from '../../../templates/documents/statement/statement-figures.ts';
import { normalize, pdfText, root, sameBytes, stopAll } from '../local/local-harness.ts';
import { bundleCaseBody, extract, letterKeys, removeExtracted, parseCsv, recorded, runBundleCase, sha256, sha256sumCheck, type BundleCase } from './bundle-case.ts';

/**
 * The lawyer bundle of a real case: the en-GB case with a contract, three invoices and a ladder
 * of ten letters and a call, run through the local app in fast-forward with mail to a real SMTP
 * server, then two part payments, a note, the call's outcome, a dispute and a promise to pay
 * (whose confirmation is the eleventh letter) recorded through the API, and a bounce reported
 * for late-7. The API needs a token. The bundle is downloaded once in French (the lawyer's
 * language) as of 15 May 2026, unzipped with a standard tool and checked file by file.
 */

const TOKEN = 'bundle-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const DATE = '2026-05-15';
const execFileAsync = promisify(execFile);

let c: BundleCase;
let zip: Uint8Array;
let disposition: string;
let x: ReturnType<typeof extract>;
const text = new Map<string, string>();

async function download(path: string, headers: Record<string, string> = auth): Promise<{ status: number; type: string; disposition: string; bytes: Uint8Array; body: string }> {
  const response = await fetch(`${c.app.url}${path}`, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', bytes, body: Buffer.from(bytes).toString('utf8') };
}

beforeAll(async () => {
  c = await runBundleCase({ smtp: true, token: TOKEN });
  const got = await download(`/api/cases/${c.caseId}/bundle?lang=fr&date=${DATE}`);
  expect([got.status, got.type], got.body.slice(0, 300)).toEqual([200, 'application/zip']);
  zip = got.bytes;
  disposition = got.disposition;
  x = extract(zip, 'e2e');
  for (const [path, bytes] of x.files) if (path.endsWith('.pdf')) text.set(path, pdfText(bytes));
}, 180_000);

afterAll(async () => {
  await stopAll();
  await c?.smtp?.close();
  removeExtracted();
});

const sentLetters = () => c.stages.filter((s) => s.channel === 'email' && s.status === 'sent').sort((a, b) => (a.sentAt! < b.sentAt! ? -1 : 1));
const indexText = () => text.get('00-index.pdf')!;
/** The part of the index between two headings. */
const section = (from: string, to: string) => {
  const t = indexText();
  const start = t.indexOf(from);
  const end = t.indexOf(to, start + 1);
  expect([from, start >= 0, to, end > start]).toEqual([from, true, to, true]);
  return t.slice(start, end);
};
const caseJson = () => JSON.parse(Buffer.from(x.files.get('case.json')!).toString('utf8')) as Record<string, unknown> & {
  amounts: Record<string, { currency: string; amount: string } | string | null>;
  interestSegments: { invoice: string; from: string; to: string; days: number; ratePercent: string; base: { amount: string }; interest: { amount: string } }[];
  lettersSent: { stage: string; template: string; sentAt: string; messageId: string; subject: string; to: string[]; pdf: string | null; eml: string | null; deliveryEvents: { at: string; type: string; detail: string }[] }[];
  warnings: { code: string; stage: string | null; message: string }[];
  documents: { path: string; sha256: string; size: number; kind: string }[];
};

describe('the case behind the bundle', () => {
  it('ran for real: ten ladder letters and the promise confirmation went through the SMTP server', () => {
    expect(sentLetters().map((s) => s.key)).toEqual([...letterKeys, 'promise-confirmation']);
    expect(c.smtp!.deliveries.length).toBe(11);
    expect(c.record.file.contract?.number).toBe('C-2026-007');
    expect(c.record.file.invoices.map((i) => i.number)).toEqual(['PD-0140', 'PD-0141', 'PD-0142']);
  });
});

describe('the ZIP', () => {
  it('is named after the case and the date, with one folder of the same name, and unzips with a standard tool', () => {
    expect(disposition).toBe('attachment; filename="overdue-ACME-2026-014-2026-05-15.zip"');
    expect(x.top).toEqual(['ACME-2026-014-2026-05-15']);
  });

  it('holds exactly the documents, every letter as PDF and .eml, the data and the checksums', () => {
    const letters = sentLetters().flatMap((s, i) => {
      const base = `05-letters/${String(i + 1).padStart(2, '0')}-${s.sentAt!.slice(0, 10)}-${s.key}`;
      return [`${base}.eml`, `${base}.pdf`];
    });
    expect([...x.files.keys()].sort()).toEqual(
      [
        '00-index.pdf',
        '01-final-demand.pdf',
        '02-contract.pdf',
        '03-invoices/invoice-PD-0140.pdf',
        '03-invoices/invoice-PD-0141.pdf',
        '03-invoices/invoice-PD-0142.pdf',
        '04-statement-of-account.pdf',
        ...letters,
        'SHA256SUMS',
        'case-log.jsonl',
        'case.json',
        'case.schema.json',
        'chronology.csv',
        'manifest.json',
      ].sort(),
    );
  });

  it('sha256sum -c SHA256SUMS passes, and SHA256SUMS covers every other file (the manifest included)', () => {
    const check = sha256sumCheck(x.dir);
    expect(check.code, check.output).toBe(0);
    const listed = Buffer.from(x.files.get('SHA256SUMS')!)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l)!.slice(1) as [string, string]);
    expect(listed.map(([, p]) => p).sort()).toEqual([...x.files.keys()].filter((p) => p !== 'SHA256SUMS').sort());
    for (const [hash, path] of listed) expect([path, hash]).toEqual([path, sha256(x.files.get(path)!)]);
  });

  it('sha256sum -c fails when a file is altered (the check is real)', async () => {
    const copy = extract(zip, 'tamper');
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(copy.dir, '01-final-demand.pdf'), ' ');
    const check = sha256sumCheck(copy.dir);
    expect(check.code).not.toBe(0);
    expect(check.output).toMatch(/01-final-demand\.pdf: FAILED/);
  });

  it('the manifest lists every file but itself and SHA256SUMS, with sizes and hashes, and the bundle facts', () => {
    const manifest = JSON.parse(Buffer.from(x.files.get('manifest.json')!).toString('utf8')) as { format: string; caseId: string; reference: string; bundleDate: string; language: string; files: { path: string; size: number; sha256: string }[] };
    expect([manifest.format, manifest.caseId, manifest.reference, manifest.bundleDate, manifest.language]).toEqual(['overdue-bundle/1', c.caseId, 'ACME-2026-014', DATE, 'fr']);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...x.files.keys()].filter((p) => p !== 'SHA256SUMS' && p !== 'manifest.json').sort());
    for (const f of manifest.files) expect([f.path, f.size, f.sha256]).toEqual([f.path, x.files.get(f.path)!.length, sha256(x.files.get(f.path)!)]);
  });
});

describe('every letter exactly as it was sent', () => {
  it('each .eml is byte for byte what the SMTP server received for that stage, and parses', async () => {
    const received = new Map<string, Uint8Array>();
    for (const d of c.smtp!.deliveries) {
      const mail = await simpleParser(Buffer.from(d.bytes));
      received.set(mail.messageId!, d.bytes);
    }
    for (const [i, stage] of sentLetters().entries()) {
      const path = `05-letters/${String(i + 1).padStart(2, '0')}-${stage.sentAt!.slice(0, 10)}-${stage.key}.eml`;
      const eml = x.files.get(path)!;
      const wire = received.get(stage.messageId!);
      expect([path, wire !== undefined && sameBytes(eml, wire)]).toEqual([path, true]);
      expect(sha256(eml)).toBe(stage.emlSha256);
      const mail = await simpleParser(Buffer.from(eml));
      expect([mail.messageId, mail.subject, mail.date?.toISOString()]).toEqual([stage.messageId, stage.subject, stage.sentAt]);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['accounts@acme.example']);
      // the archived PDF beside it is the PDF the debtor got attached
      const pdf = x.files.get(path.replace(/\.eml$/, '.pdf'))!;
      const attached = mail.attachments.filter((a) => a.contentType === 'application/pdf');
      expect(attached.length).toBe(1);
      expect(sameBytes(pdf, new Uint8Array(attached[0]!.content))).toBe(true);
      expect(sha256(pdf)).toBe(stage.pdfSha256);
    }
  });

  it('case.json records each letter with its send time, provider message id, recipients and the bounce recorded for it', () => {
    const letters = caseJson().lettersSent;
    expect(letters.map((l) => [l.stage, l.sentAt, l.messageId, l.subject])).toEqual(sentLetters().map((s) => [s.id, s.sentAt, s.messageId, s.subject]));
    for (const l of letters) {
      expect(l.to).toEqual(['accounts@acme.example']);
      expect(l.pdf && x.files.has(l.pdf)).toBe(true);
      expect(l.eml && x.files.has(l.eml)).toBe(true);
    }
    const late7 = letters.find((l) => l.stage === 'g1.late-7')!;
    expect(late7.deliveryEvents).toEqual([{ at: '2026-04-21T12:00:00.000Z', type: 'bounce', detail: 'accounts@acme.example: 550 5.1.1 mailbox full' }]);
    expect(letters.filter((l) => l.deliveryEvents.length > 0).map((l) => l.stage)).toEqual(['g1.late-7']);
  });
});

describe('case.json, the machine-readable hand-off', () => {
  it('validates against the published case.schema.json (JSON Schema 2020-12, ajv)', () => {
    const schema = JSON.parse(Buffer.from(x.files.get('case.schema.json')!).toString('utf8')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const data = caseJson();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // the schema has teeth: a case.json without its amounts, or with an unknown field, is refused
    const { amounts: _gone, ...withoutAmounts } = data;
    expect(validate(withoutAmounts)).toBe(false);
    expect(validate({ ...data, extra: 1 })).toBe(false);
    expect(validate({ ...data, documents: [{ path: 'x', sha256: 'not-a-hash', size: 1, kind: 'data' }] })).toBe(false);
  });

  it('carries the parties, the amounts to the bundle date and the interest, equal to the statement figures', () => {
    const data = caseJson();
    const figures = statementFigures(c.record.file, DATE);
    const totals = figures.totals[0]!;
    const summary = figures.interest.outcome === 'computed' ? figures.interest.summary : undefined;
    expect(summary).toBeDefined();
    expect([data['caseId'], data['reference'], data['bundleDate'], data['jurisdiction']]).toEqual([c.caseId, 'ACME-2026-014', DATE, 'GB']);
    expect((data['debtor'] as { legalName: string }).legalName).toBe('Acme Widgets Ltd');
    expect((data['creditor'] as { legalName: string }).legalName).toBe('Jane Porter');
    expect(data.amounts).toEqual({
      principal: { currency: 'GBP', amount: '7200.00' },
      paid: { currency: 'GBP', amount: '1160.00' },
      balance: { currency: 'GBP', amount: '6040.00' },
      interest: totals.interest,
      // £70 per invoice of £1,000–£9,999.99 (Late Payment Act s.5A), three invoices
      fixedCompensation: { currency: 'GBP', amount: '210.00' },
      flatFees: null,
      totalClaimed: totals.totalClaimed,
      interestNote: null,
    });
    expect(Number(totals.totalClaimed.amount)).toBeCloseTo(6040 + 210 + Number(totals.interest.amount), 2);
    const expected = summary!.invoices.flatMap((r) => r.segments.map((s) => ({ invoice: r.reference, from: s.from, to: s.to, days: s.days, ratePercent: s.rate.percent, base: s.base, interest: s.interest })));
    expect(data.interestSegments).toEqual(expected);
    expect(data.interestSegments.length).toBe(5); // PD-0140 and PD-0141 split by their part payments
    const sum = data.interestSegments.reduce((s, seg) => s + Math.round(Number(seg.interest.amount) * 100), 0);
    expect(sum).toBe(Math.round(Number(totals.interest.amount) * 100));
  });

  it('lists every document with its hash (the index included) and the evidence warnings', () => {
    const data = caseJson();
    const paths = data.documents.map((d) => d.path);
    expect(paths.sort()).toEqual([...x.files.keys()].filter((p) => !['case.json', 'SHA256SUMS', 'manifest.json'].includes(p)).sort());
    for (const d of data.documents) expect([d.path, d.sha256, d.size]).toEqual([d.path, sha256(x.files.get(d.path)!), x.files.get(d.path)!.length]);
    expect(data.warnings.map((w) => [w.code, w.stage])).toEqual([['bounced', 'g1.late-7']]);
    expect(data.warnings[0]!.message).toBe('the letter of stage late-7 bounced on 2026-04-21 for accounts@acme.example (550 5.1.1 mailbox full): it may not have reached the debtor');
  });
});

describe('the chronology CSV', () => {
  const csv = () => Buffer.from(x.files.get('chronology.csv')!).toString('utf8');
  it('is RFC 4180 (CRLF, quoted fields) with a BOM, one row per event of the log but claims and retries', () => {
    expect(csv().startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv().slice(1));
    expect(rows[0]).toEqual(['time', 'actor', 'event', 'stage', 'detail', 'message_id', 'sha256']);
    for (const r of rows) expect(r.length).toBe(7);
    const logged = c.events.filter((e) => e.type !== 'claimed' && e.type !== 'send-retry');
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(logged.map((e) => [e.at, e.type, e.stageId ?? '']));
    const sent = rows.filter((r) => r[2] === 'sent');
    expect(sent.map((r) => [r[3], r[5], r[6]])).toEqual(sentLetters().map((s) => [s.id, s.messageId, s.pdfSha256]));
  });

  it('keeps every payment, promise, dispute and call note, and neutralises a note written as a formula', () => {
    const rows = parseCsv(csv().slice(1));
    const detail = (type: string) => rows.filter((r) => r[2] === type).map((r) => r[4]!);
    expect(detail('payment').length).toBe(2);
    expect(detail('payment')[0]).toContain('500.00');
    expect(detail('payment')[1]).toContain('660.00');
    expect(detail('dispute')[0]).toContain(recorded.dispute.note);
    expect(detail('promise')[0]).toContain(recorded.promise.note);
    expect(detail('promise')[0]).toContain(recorded.promise.until);
    expect(detail('task-outcome')[0]).toContain(recorded.callOutcome.note); // quotes and a comma, round-tripped
    expect(detail('note')).toEqual([`'${recorded.formulaNote}`]);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('the index PDF, in the lawyer\u2019s language (French)', () => {
  it('names the parties and the case', () => {
    const t = indexText();
    expect(t).toContain('Dossier de recouvrement');
    expect(t).toContain('Dossier ACME-2026-014 : bordereau du 15 mai 2026');
    const parties = section('Parties', 'Montants au');
    for (const s of ['Créancier', 'Débiteur', 'Jane Porter', 'Porter Design', '12 Canal Street', 'Manchester', 'M1 3HE', 'GB123456789', 'Acme Widgets Ltd', 'Tom Hale', 'Unit 4, Riverside Park', 'Leeds', 'LS1 4AP', '01234567', 'accounts@acme.example']) {
      expect(parties).toContain(s);
    }
  });

  it('gives the amounts in French format, interest and total equal to the statement figures', () => {
    const amounts = section('Montants au 15 mai 2026', 'Détail des intérêts');
    const totals = statementFigures(c.record.file, DATE).totals[0]!;
    const fr = (amount: string) => normalize(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'GBP' }).format(Number(amount)));
    expect(fr('7200')).toBe('7 200,00 £GB');
    expect(amounts).toContain('Facturé (TTC) 7 200,00 £GB');
    expect(amounts).toContain('Réglé 1 160,00 £GB');
    expect(amounts).toContain('Solde 6 040,00 £GB');
    expect(amounts).toContain(`Intérêts au 15 mai 2026 ${fr(totals.interest.amount)}`);
    expect(amounts).toContain('Indemnité forfaitaire 210,00 £GB');
    expect(amounts).toContain(`Total réclamé ${fr(totals.totalClaimed.amount)}`);
  });

  it('itemises the interest segments exactly as the statement figures, and the statement shows the same', () => {
    const rows = section('Détail des intérêts', 'Points faibles');
    const summary = statementFigures(c.record.file, DATE).interest;
    if (summary.outcome !== 'computed') throw new Error('the engine did not compute');
    const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const fr = (amount: string) => normalize(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'GBP' }).format(Number(amount)));
    const statement = text.get('04-statement-of-account.pdf')!;
    let n = 0;
    for (const r of summary.summary.invoices) {
      for (const s of r.segments) {
        n++;
        const rate = `${s.rate.percent.replace('.', ',')} %`;
        expect(rows).toContain(`${r.reference} ${frDate(s.from)} ${frDate(s.to)} ${s.days} ${rate} ${fr(s.base.amount)} ${fr(s.interest.amount)}`);
        expect(statement).toContain(`${s.days} ${rate} ${fr(s.base.amount)} ${fr(s.interest.amount)}`);
      }
    }
    expect(n).toBe(5);
    expect(rows).toContain('PD-0140 20/02/2026 20/03/2026 29 11,75 % 2 160,00 £GB 20,16 £GB');
  });

  it('has a chronology of every event, in French, with every payment, promise, dispute and call note', () => {
    const chrono = section('Chronologie', 'Contenu du dossier');
    for (const note of [recorded.dispute.note, recorded.promise.note, recorded.callOutcome.note, recorded.formulaNote]) expect(chrono).toContain(note);
    expect(chrono).toContain('500,00 £GB');
    expect(chrono).toContain('660,00 £GB');
    expect(chrono).toContain('20 avril 2026'); // the promised date
    for (const label of ['Dossier ouvert', 'Paiement reçu', 'Promesse de paiement', 'Contestation', "Résultat d'appel", 'Note', 'Lettre envoyée', 'Promesse échue']) expect(chrono).toContain(label);
    expect(chrono.split('Lettre envoyée').length - 1).toBe(11);
    // every letter's subject, as sent
    for (const s of sentLetters()) expect(chrono).toContain(normalize(s.subject!).split(' ').slice(0, 3).join(' '));
    // worded in French, not English or raw data
    expect(chrono).not.toMatch(/letter sent:|payment of \d|promise to pay by|call outcome:|dispute: |task due/);
    expect(chrono).not.toContain('{"');
  });

  it('warns, in French, that the late-7 letter bounced', () => {
    const warnings = section('Points faibles de la preuve', 'Chronologie');
    expect(warnings).toContain("La lettre 05-letters/04-2026-02-26-late-7.pdf a été rejetée le 21 avril 2026 pour accounts@acme.example : elle n'a peut-être pas atteint le débiteur.");
    expect(warnings).not.toMatch(/may not have reached|bounce on/);
  });

  it('has a table of contents listing every other file with its size and its full SHA-256, equal to the real files', () => {
    const toc = indexText().slice(indexText().indexOf('Contenu du dossier'));
    const listed = [...x.files.keys()].filter((p) => !['00-index.pdf', 'case.json', 'SHA256SUMS', 'manifest.json'].includes(p)).sort();
    const hashes = [...toc.matchAll(/\b[0-9a-f]{64}\b/g)].map((m) => m[0]);
    expect(hashes.sort()).toEqual(listed.map((p) => sha256(x.files.get(p)!)).sort());
    for (const p of listed) {
      const at = toc.indexOf(p);
      expect([p, at >= 0]).toEqual([p, true]);
      // the path, its size, then its hash
      const size = new Intl.NumberFormat('fr-FR').format(x.files.get(p)!.length);
      // (pdftotext may read the repeated column header "Taille" between the first path of a page and its size)
      const row = new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (Taille )?${normalize(size)} octets SHA-256 ${sha256(x.files.get(p)!)}`);
      expect(toc.slice(at, at + p.length + 140)).toMatch(row);
    }
  });
});

describe('the documents', () => {
  it('the final demand is a letter before action (England & Wales, a company), dated the bundle date, for the total claimed', () => {
    const t = text.get('01-final-demand.pdf')!;
    const totals = statementFigures(c.record.file, DATE).totals[0]!;
    expect(t).toMatch(/^Manchester, 15 May 2026/);
    expect(t).toContain('Letter before action – unpaid invoices PD-0140, PD-0141, PD-0142');
    expect(t).toContain('Practice Direction – Pre-Action Conduct and Protocols');
    expect(t).toContain(`£${Number(totals.totalClaimed.amount).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`);
    expect(t).toContain('within 14 days of the date of this letter, that is by 29 May 2026');
  });

  it('the statement of account is in French as of the bundle date', () => {
    const t = text.get('04-statement-of-account.pdf')!;
    expect(t).toContain('Relevé de compte au 15 mai 2026');
    expect(t).toContain('Total réclamé');
    for (const n of ['PD-0140', 'PD-0141', 'PD-0142']) expect(t).toContain(n);
  });

  it('the contract and every invoice are there, in their own language', () => {
    const contract = text.get('02-contract.pdf')!;
    expect(contract).toContain('C-2026-007');
    expect(contract).toContain('Brand identity and website design');
    expect(contract).toContain('£6,000.00');
    const totals: Record<string, string> = { 'PD-0140': '£2,160.00', 'PD-0141': '£2,160.00', 'PD-0142': '£2,880.00' };
    for (const [number, total] of Object.entries(totals)) {
      const t = text.get(`03-invoices/invoice-${number}.pdf`)!;
      expect(t).toContain(`Invoice ${number}`);
      expect(t).toContain(total);
      expect(t).toContain(`Please quote ${number} with your payment.`);
      expect(t).toContain('Acme Widgets Ltd');
    }
  });
});

describe('deterministic', () => {
  it('the same case and date give the same ZIP, byte for byte, in this process', async () => {
    const again = await download(`/api/cases/${c.caseId}/bundle?lang=fr&date=${DATE}`);
    expect(again.status).toBe(200);
    expect(sha256(again.bytes)).toBe(sha256(zip));
  }, 60_000);

  it('and in another process in another time zone (the CLI, UTC+14), from the same data folder', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bundle-cli-'));
    const out = join(outDir, 'case.zip');
    const run = await execFileAsync('npm', ['run', '-s', 'cli', '--', 'bundle', c.caseId, '--lang', 'fr', '--date', DATE, '--data', c.app.dataDir, '--out', out], {
      cwd: root,
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    });
    expect(run.stdout).toContain(`${out}: `);
    expect(run.stdout).toContain('warning: ');
    expect(sha256(new Uint8Array(readFileSync(out)))).toBe(sha256(zip));
    rmSync(outDir, { recursive: true, force: true });
  }, 90_000);
});

describe('the owner\u2019s route and share links', () => {
  let shareKey: Uint8Array;
  let linkId: string;
  let url: string;
  let notFound: { status: number; body: string; type: string };

  beforeAll(async () => {
    shareKey = new Uint8Array(readFileSync(join(c.app.dataDir, 'share.key')));
    const unknown = await download('/api/share/not-a-token', {});
    notFound = { status: unknown.status, body: unknown.body, type: unknown.type };
  });

  const token = (u: string) => u.slice(u.lastIndexOf('/') + 1);
  const expectNothing = async (t: string, what: string) => {
    const got = await download(`/api/share/${t}`, {});
    expect([what, got.status, got.type, got.body]).toEqual([what, 404, notFound.type, notFound.body]);
  };

  it('the owner\u2019s bundle route needs the API token; an unknown case is 404; a bad language or date is 400', async () => {
    expect((await download(`/api/cases/${c.caseId}/bundle?lang=fr`, {})).status).toBe(401);
    expect((await download(`/api/cases/${c.caseId}/bundle?lang=fr`, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    const unknown = await download('/api/cases/c_0000000000000000/bundle?lang=fr');
    expect([unknown.status, JSON.parse(unknown.body).error]).toEqual([404, 'not-found']);
    expect((await download(`/api/cases/${c.caseId}/bundle?lang=de`)).status).toBe(400);
    expect((await download(`/api/cases/${c.caseId}/bundle?date=2026-02-30`)).status).toBe(400);
    expect((await c.app.post(`/api/cases/${c.caseId}/share`, { lang: 'fr' })).status).toBe(401);
  });

  it('a share link opens without the API token: the same ZIP the owner downloads for today', async () => {
    const made = await c.app.post<{ linkId: string; expiresAt: string; url: string }>(`/api/cases/${c.caseId}/share`, { lang: 'fr', expiresInDays: 1 }, auth);
    expect(made.status).toBe(201);
    ({ linkId, url } = made.body);
    expect(url).toMatch(new RegExp(`^${c.app.url}/api/share/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));
    const shared = await download(new URL(url).pathname, {});
    expect([shared.status, shared.type]).toEqual([200, 'application/zip']);
    const owner = await download(`/api/cases/${c.caseId}/bundle?lang=fr`);
    expect(owner.status).toBe(200);
    expect(sha256(shared.bytes)).toBe(sha256(owner.bytes));
    const today = c.app.running.ports.clock.now().toISOString().slice(0, 10);
    expect(shared.disposition).toBe(`attachment; filename="overdue-ACME-2026-014-${today}.zip"`);
    const events = await c.app.running.ports.store.getEvents(c.caseId);
    expect(events.filter((e) => e.type === 'share-created').map((e) => e.data?.['linkId'])).toEqual([linkId]);
  }, 60_000);

  it('a tampered link reveals nothing: a character of the payload or of the signature changed', async () => {
    const t = token(url);
    const [body, sig] = t.split('.') as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    await expectNothing(`${flip(body, 5)}.${sig}`, 'payload flipped');
    await expectNothing(`${body}.${flip(sig, 10)}`, 'signature flipped');
    // the payload re-encoded to name another language, old signature kept
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    await expectNothing(`${Buffer.from(JSON.stringify({ ...payload, g: 'en' })).toString('base64url')}.${sig}`, 'payload re-encoded');
    await expectNothing(`${body}.`, 'signature cut');
    await expectNothing('x'.repeat(500), 'garbage');
  });

  it('a link signed with another key, or naming a link id never created, reveals nothing', async () => {
    const expiresAt = new Date(c.app.running.ports.clock.now().getTime() + 86_400_000).toISOString();
    await expectNothing(signShareLink(new Uint8Array(randomBytes(32)), { caseId: c.caseId, linkId, expiresAt, lang: 'fr' }), 'wrong key');
    await expectNothing(signShareLink(shareKey, { caseId: c.caseId, linkId: 'AAAAAAAAAAAAAAAA', expiresAt, lang: 'fr' }), 'unknown link id');
    await expectNothing(signShareLink(shareKey, { caseId: 'c_0000000000000000', linkId, expiresAt, lang: 'fr' }), 'unknown case');
  });

  it('a link made for case A cannot open case B, even re-signed with the real key for B', async () => {
    const body = bundleCaseBody();
    body['reference'] = 'OTHER-CASE-1';
    // a case already paid: no letters go out while this test runs
    body['invoices'] = (body['invoices'] as Record<string, unknown>[]).map((inv, i) => ({ ...inv, payments: [{ date: '2026-02-15', amount: { currency: 'GBP', amount: i === 2 ? '2880.00' : '2160.00' } }] }));
    const made = await c.app.post<{ case: { id: string; status: string } }>('/api/cases', body, auth);
    expect([made.status, made.body.case.status]).toEqual([201, 'paid']);
    const other = made.body.case.id;
    const expiresAt = new Date(c.app.running.ports.clock.now().getTime() + 86_400_000).toISOString();
    await expectNothing(signShareLink(shareKey, { caseId: other, linkId, expiresAt, lang: 'fr' }), 'A\u2019s link id for B');
    const linkB = await c.app.post<{ linkId: string }>(`/api/cases/${other}/share`, { lang: 'en' }, auth);
    expect(linkB.status).toBe(201);
    await expectNothing(signShareLink(shareKey, { caseId: c.caseId, linkId: linkB.body.linkId, expiresAt, lang: 'en' }), 'B\u2019s link id for A');
  });

  it('a revoked link reveals nothing', async () => {
    const made = await c.app.post<{ linkId: string; url: string }>(`/api/cases/${c.caseId}/share`, { lang: 'en', expiresInDays: 30 }, auth);
    expect(made.status).toBe(201);
    const response = await fetch(`${c.app.url}/api/cases/${c.caseId}/share/${made.body.linkId}`, { method: 'DELETE', headers: auth });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: made.body.linkId });
    await expectNothing(token(made.body.url), 'revoked');
    const events = await c.app.running.ports.store.getEvents(c.caseId);
    expect(events.filter((e) => e.type === 'share-revoked').map((e) => e.data?.['linkId'])).toEqual([made.body.linkId]);
    // revoking needs the token too
    expect((await fetch(`${c.app.url}/api/cases/${c.caseId}/share/${made.body.linkId}`, { method: 'DELETE' })).status).toBe(401);
  });

  it('an expired link reveals nothing (the clock moved past its expiry)', async () => {
    const clock = c.app.running.ports.clock as FastForwardClock;
    clock.advanceTo(new Date(clock.now().getTime() + 86_400_000 + 1000));
    await expectNothing(token(url), 'expired');
    expect(notFound).toEqual({ status: 404, type: 'application/json', body: JSON.stringify({ error: 'not-found', message: 'this link is not valid: it may have expired or been withdrawn' }) });
  });
});
