import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ReactElement } from 'react';
import { currencyOf } from '#domain/money/currency.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '#domain/money/money.ts';
import { BundleIndexDocument } from '../../templates/documents/bundle-index/BundleIndexDocument.tsx';
import type { BundleIndexData } from '../../templates/documents/bundle-index/bundle-index-view.ts';
import { ContractDocument } from '../../templates/documents/contract/ContractDocument.tsx';
import { FinalDemandDocument } from '../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { InvoiceDocument } from '../../templates/documents/invoice/InvoiceDocument.tsx';
import { StatementDocument } from '../../templates/documents/statement/StatementDocument.tsx';
import { statementFigures } from '../../templates/documents/statement/statement-figures.ts';
import { translator } from '../../templates/i18n/translator.ts';
import { CaseNotFoundError } from '../ports/errors.ts';
import type { Archive } from '../ports/archive.ts';
import type { Store } from '../ports/store.ts';
import { bundleCaseJsonSchema, type BundleCase } from './bundle-case-schema.ts';
import { chronology, chronologyCsv, feedbackOf } from './chronology.ts';

export interface BundleOptions {
  /** the bundle date: amounts and interest as of this day, the final demand dated it */
  date: string;
  /** the lawyer's language, for the index and the statement (en, ru, fr, he) */
  lang: string;
  /** renders a React-PDF document to bytes with a fixed creation date (determinism) */
  render: (document: ReactElement, creationDate: Date) => Promise<Uint8Array>;
}

export interface Bundle {
  fileName: string;
  bytes: Uint8Array;
  files: { path: string; size: number; sha256: string }[];
  warnings: { code: string; detail: string }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/**
 * ZIP entries carry 1980-01-01 12:00 (the ZIP epoch) so the same case and date give the same
 * bytes. ZIP (DOS) times have no zone and fflate writes the Date's local fields: the Date is
 * built from local fields, so the bytes do not depend on the machine's time zone.
 */
const zipTime = new Date(1980, 0, 1, 12);
/**
 * Every entry made on "Unix" (host 3) with mode 0644: Info-ZIP's unzip (Debian's) converts the
 * names of entries from an MS-DOS host (fflate's default, host 0) as if they were in the OEM code
 * page, UTF-8 flag or not, so a Cyrillic or Hebrew case reference came out as mojibake.
 */
const entryAttributes = { mtime: zipTime, os: 3, attrs: 0o100644 << 16 };
/**
 * A name for a file or folder: letters and digits of any script kept (a reference СЕВЕР-2026-5
 * names its bundle СЕВЕР-2026-5-…, not 2026-5-…), anything else a dash. ZIP marks such names as
 * UTF-8 (fflate sets the flag), which unzip, Python and the usual archivers read.
 */
const slug = (s: string) =>
  [...s.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/-+/g, '-').replace(/^[-.]+|-$/g, '')].slice(0, 60).join('') || 'case';

/**
 * The lawyer bundle: one ZIP with the index (in the lawyer's language), the final demand for the
 * jurisdiction dated the bundle date, the contract, every invoice, the statement of account,
 * every letter exactly as sent (the archived PDF and .eml, byte for byte), case.json with its
 * published schema, the chronology as CSV, the raw case log, SHA256SUMS and a manifest.
 *
 * Deterministic: the same case and bundle date give a byte-identical ZIP (fixed PDF creation
 * dates, fixed ZIP times, sorted entries, no randomness).
 *
 * @throws CaseNotFoundError
 * @example const bundle = await buildBundle({ store, archive }, 'c_…', { date: '2026-06-15', lang: 'fr', render })
 */
export async function buildBundle(deps: { store: Store; archive: Archive }, caseId: string, options: BundleOptions): Promise<Bundle> {
  const record = await deps.store.getCase(caseId);
  if (!record) throw new CaseNotFoundError(caseId);
  const [stages, events] = await Promise.all([deps.store.getStages(caseId), deps.store.getEvents(caseId)]);
  const file = record.file;
  const debtorT = translator(file.debtor.language);
  const lawyerT = translator(options.lang);
  const created = new Date(`${options.date}T12:00:00Z`);
  const render = (element: ReactElement) => options.render(element, created);
  const reference = file.reference ?? record.id;
  const folder = `${slug(reference)}-${options.date}`;
  const entries = new Map<string, { bytes: Uint8Array; kind: BundleCase['documents'][number]['kind'] }>();
  const add = (path: string, bytes: Uint8Array, kind: BundleCase['documents'][number]['kind']) => entries.set(path, { bytes, kind });

  const figures = statementFigures(file, options.date);
  // a final demand needs an invoice past its due date on the bundle date; a case paid, or not yet
  // due, still gets its bundle, with a warning instead of the demand
  const overdue = figures.invoices.some((line) => line.status === 'due');
  if (overdue) add('01-final-demand.pdf', await render(<FinalDemandDocument source={{ caseFile: file, date: options.date }} t={debtorT} />), 'final-demand');
  if (file.contract) {
    add('02-contract.pdf', await render(<ContractDocument source={{ creditor: file.creditor, debtor: file.debtor, contract: file.contract }} t={translator(file.contract.language)} showNotes={false} />), 'contract');
  }
  for (const invoice of file.invoices) {
    add(`03-invoices/invoice-${slug(invoice.number)}.pdf`, await render(<InvoiceDocument source={{ ...file, invoice }} t={debtorT} />), 'invoice');
  }
  add('04-statement-of-account.pdf', await render(<StatementDocument source={{ caseFile: file, date: options.date }} t={lawyerT} />), 'statement');

  const sent = stages.filter((s) => s.status === 'sent' && s.channel === 'email').sort((a, b) => ((a.sentAt ?? '') < (b.sentAt ?? '') ? -1 : 1));
  const letters: BundleCase['lettersSent'] = [];
  /** each sent letter's PDF (else .eml) in the bundle, by stage id: what a warning points to */
  const letterFiles = new Map<string, string>();
  let n = 0;
  for (const stage of sent) {
    n++;
    const base = `05-letters/${String(n).padStart(2, '0')}-${(stage.sentAt ?? '').slice(0, 10)}-${slug(stage.key)}`;
    const pdf = stage.pdfSha256 ? await deps.archive.get(stage.pdfSha256) : undefined;
    const eml = stage.emlSha256 ? await deps.archive.get(stage.emlSha256) : undefined;
    if (pdf) add(`${base}.pdf`, pdf, 'letter-pdf');
    if (eml) add(`${base}.eml`, eml, 'letter-eml');
    if (pdf || eml) letterFiles.set(stage.id, pdf ? `${base}.pdf` : `${base}.eml`);
    const sentEvent = events.find((e) => e.type === 'sent' && e.stageId === stage.id);
    letters.push({
      stage: stage.id,
      template: stage.template,
      sentAt: stage.sentAt ?? '',
      messageId: stage.messageId ?? '',
      subject: stage.subject ?? '',
      to: ((sentEvent?.data?.['to'] as string[] | undefined) ?? []).slice(),
      pdf: pdf ? `${base}.pdf` : null,
      eml: eml ? `${base}.eml` : null,
      deliveryEvents: events
        .filter((e) => ['delivery', 'bounce', 'complaint'].includes(e.type) && e.stageId === stage.id)
        .map((e) => {
          const f = feedbackOf(e.data);
          return { at: e.at, type: e.type, detail: [f.recipients.join(', '), f.detail].filter(Boolean).join(': ') };
        }),
    });
  }

  const { entries: chrono, warnings } = chronology(events, stages, file.contract !== undefined);
  if (!overdue) warnings.unshift({ code: 'not-overdue', at: `${options.date}T12:00:00.000Z`, detail: `no invoice is past its due date on ${options.date}: the bundle holds no final demand` });
  add('chronology.csv', strToU8(chronologyCsv(chrono)), 'chronology');
  add('case-log.jsonl', strToU8(events.map((e) => JSON.stringify(e)).join('\n') + '\n'), 'data');

  const currency = file.invoices[0]!.currency;
  const exponent = currencyOf(currency)!.exponent;
  const money = (minor: number): Money => ({ currency, amount: decimalOf(minor, exponent) });
  const minor = (m: Money) => (m.amount.startsWith('-') ? -minorUnits(amountOf(m.amount.slice(1), m.currency)) : minorUnits(amountOf(m.amount, m.currency)));
  const invoiced = figures.invoices.reduce((s, i) => s + minor(i.gross), 0);
  const paid = figures.invoices.reduce((s, i) => s + minor(i.paid), 0);
  const totals = figures.totals.find((t) => t.currency === currency);
  const computed = figures.interest.outcome === 'computed' ? figures.interest.summary : undefined;
  const amounts: BundleCase['amounts'] = {
    principal: money(invoiced),
    paid: money(paid),
    balance: money(invoiced - paid),
    interest: computed ? computed.totals.interest : null,
    fixedCompensation: computed && minor(computed.totals.fixedCompensation) > 0 ? computed.totals.fixedCompensation : null,
    flatFees: computed && minor(computed.totals.flatFee) > 0 ? computed.totals.flatFee : null,
    totalClaimed: totals?.totalClaimed ?? money(invoiced - paid),
    interestNote: figures.interest.outcome === 'refused' ? figures.interest.error.message : null,
  };
  const segments: BundleCase['interestSegments'] = (computed?.invoices ?? []).flatMap((r) =>
    r.segments.map((s) => ({ invoice: r.reference ?? '', from: s.from, to: s.to, days: s.days, ratePercent: s.rate.percent, base: s.base, interest: s.interest })),
  );

  add('case.schema.json', strToU8(`${JSON.stringify(bundleCaseJsonSchema(), null, 2)}\n`), 'data');
  // the index lists every other file with its SHA-256; case.json, SHA256SUMS and the manifest list the index too
  const listed = () => [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, e]) => ({ path, size: e.bytes.length, sha256: sha256(e.bytes), kind: e.kind }));
  const indexData: BundleIndexData = {
    reference,
    bundleDate: options.date,
    creditor: file.creditor,
    debtor: file.debtor,
    amounts: {
      invoiced: amounts.principal,
      paid: amounts.paid,
      balance: amounts.balance,
      interest: amounts.interest,
      compensation: amounts.fixedCompensation,
      fees: amounts.flatFees,
      total: amounts.totalClaimed,
      interestNote: amounts.interestNote,
    },
    segments,
    chronology: chrono.map((e) => ({ at: e.at, type: e.type, stage: e.stage, detail: e.detail, data: e.data })),
    files: listed().map(({ path, size, sha256: hash }) => ({ path, size, sha256: hash })),
    warnings: warnings.map((w) => ({
      code: w.code,
      detail: w.detail,
      stageKey: w.stageKey,
      at: w.at,
      recipients: w.recipients,
      reason: w.reason,
      letter: w.stage ? letterFiles.get(w.stage) : undefined,
    })),
  };
  add('00-index.pdf', await render(<BundleIndexDocument data={indexData} t={lawyerT} />), 'index');

  const party = (p: typeof file.creditor) => ({
    kind: p.kind,
    legalName: p.legalName,
    address: { lines: p.address.lines, city: p.address.city, ...(p.address.postalCode ? { postalCode: p.address.postalCode } : {}), country: p.address.country },
    emails: p.emails,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.taxId ? { taxId: p.taxId } : {}),
    ...(p.companyId ? { companyId: p.companyId } : {}),
  });
  const caseJson: BundleCase = {
    $schema: './case.schema.json',
    format: 'overdue-case/1',
    caseId: record.id,
    reference: file.reference ?? null,
    bundleDate: options.date,
    jurisdiction: file.jurisdiction,
    status: record.status,
    creditor: party(file.creditor),
    debtor: party(file.debtor),
    contract: file.contract ? { number: file.contract.number, date: file.contract.date, title: file.contract.title, price: file.contract.price } : null,
    invoices: figures.invoices.map((i) => ({
      number: i.invoice.number,
      issueDate: i.invoice.issueDate,
      dueDate: i.invoice.dueDate,
      total: i.gross,
      paid: i.paid,
      balance: i.balance,
      payments: i.payments.map((p) => ({ date: p.date, amount: p.amount, ...(p.reference ? { reference: p.reference } : {}) })),
    })),
    amounts,
    interestSegments: segments,
    lettersSent: letters,
    warnings: warnings.map((w) => ({ code: w.code, stage: w.stage ?? null, message: w.detail })),
    documents: listed(),
  };
  add('case.json', strToU8(`${JSON.stringify(caseJson, null, 2)}\n`), 'data');

  const files = listed();
  const manifest = {
    format: 'overdue-bundle/1',
    caseId: record.id,
    reference,
    bundleDate: options.date,
    language: options.lang,
    generator: 'Overdue',
    files,
    warnings: warnings.map((w) => ({ code: w.code, stage: w.stage ?? null, detail: w.detail })),
  };
  // SHA256SUMS covers every file, the manifest too: `sha256sum -c SHA256SUMS` checks them all
  add('manifest.json', strToU8(`${JSON.stringify(manifest, null, 2)}\n`), 'data');
  const all = listed();
  const sums = all.map((f) => `${f.sha256}  ${f.path}`).join('\n') + '\n';
  const zip: Zippable = {};
  for (const f of all) zip[`${folder}/${f.path}`] = [entries.get(f.path)!.bytes, entryAttributes];
  zip[`${folder}/SHA256SUMS`] = [strToU8(sums), entryAttributes];
  const ordered: Zippable = Object.fromEntries(Object.entries(zip).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    fileName: `overdue-${folder}.zip`,
    bytes: zipSync(ordered, { level: 6, mtime: zipTime }),
    files: files.map(({ path, size, sha256: hash }) => ({ path, size, sha256: hash })),
    warnings: warnings.map((w) => ({ code: w.code, detail: w.detail })),
  };
}

