import type { Money } from '../../domain/money/money.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/** What the bundle index is drawn from: plain data computed by the bundle builder. */
export interface BundleIndexData {
  reference: string;
  bundleDate: string;
  creditor: Party;
  debtor: Party;
  amounts: {
    invoiced: Money;
    paid: Money;
    balance: Money;
    interest: Money | null;
    compensation: Money | null;
    fees: Money | null;
    total: Money;
    interestNote: string | null;
  };
  segments: { invoice: string; from: string; to: string; days: number; ratePercent: string; base: Money; interest: Money }[];
  /** the case log; `detail` is the English line of the CSV, `data` the event's own data the index words from */
  chronology: { at: string; type: string; stage?: string | undefined; detail: string; data?: Record<string, unknown> | undefined }[];
  files: { path: string; size: number; sha256: string }[];
  warnings: BundleWarning[];
}

/** Where the evidence is weak, with what the index needs to say it in the lawyer's language. */
export interface BundleWarning {
  code: string;
  /** in English: the fallback for a code the catalog does not know */
  detail: string;
  /** the step of the ladder (late-7) */
  stageKey?: string | undefined;
  /** ISO instant of the bounce, complaint or claim */
  at?: string | undefined;
  recipients?: string[] | undefined;
  /** the provider's diagnostic or the send error, verbatim */
  reason?: string | undefined;
  /** the letter's file in the bundle, when it was sent */
  letter?: string | undefined;
}

export interface BundleIndexView {
  title: string;
  subtitle: string;
  preparedFor: string;
  partiesHeading: string;
  amountsHeading: string;
  amounts: { label: string; value: string; strong?: boolean }[];
  interestNote?: string | undefined;
  segmentsHeading: string;
  segmentColumns: string[];
  segments: string[][];
  noSegments: string;
  chronologyHeading: string;
  chronologyColumns: string[];
  chronology: string[][];
  warningsHeading: string;
  warnings: string[];
  filesHeading: string;
  fileColumns: string[];
  files: { path: string; size: string; sha256: string }[];
  verify: string;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** an ICU select key: `reached-will-pay` → `reached_will_pay` (ICU selectors take no dashes) */
const selector = (v: unknown): string => str(v).replace(/-/g, '_');
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && typeof (v as Money).currency === 'string' && typeof (v as Money).amount === 'string';

/**
 * One event of the log in the lawyer's language: the facts of its data worded by the catalog,
 * what the owner or the debtor wrote (notes, subjects, diagnostics) quoted as written. An event
 * the catalog cannot word falls back to the English line of the CSV.
 */
function eventDetail(e: BundleIndexData['chronology'][number], t: Translator): string {
  const d = e.data ?? {};
  const withNote = (text: string, note: unknown) => (str(note) ? (text ? `${text} — ${str(note)}` : str(note)) : text);
  const date = (v: unknown) => (isDate(v) ? t.date(v) : str(v));
  const money = (v: unknown) => (isMoney(v) ? t.money(v) : '');
  switch (e.type) {
    case 'created':
      return t.t('bundle.detail.created', { invoices: t.ltr(((d['invoices'] as unknown[] | undefined) ?? []).map(str).join(', ')) });
    case 'planned':
      return t.t('bundle.detail.planned', { count: ((d['stages'] as unknown[] | undefined) ?? []).length });
    case 'sent':
      return t.t('bundle.detail.sent', { subject: str(d['subject']), to: t.ltr(((d['to'] as unknown[] | undefined) ?? []).map(str).join(', ')) });
    case 'payment':
      return withNote(t.t('bundle.detail.payment', { amount: money(d['amount']), date: date(d['date']), invoice: t.ltr(str(d['invoice'])) }), d['reference'] ? t.ltr(str(d['reference'])) : '');
    case 'paid':
      return t.t('bundle.detail.paid');
    case 'promise':
      return withNote(t.t('bundle.detail.promise', { date: date(d['until']) }), d['note']);
    case 'promise-expired':
      return t.t('bundle.detail.promise-expired', { date: date(d['promisedUntil']) });
    case 'task-due':
      return t.t('bundle.detail.task-due', { task: selector(d['template']) });
    case 'task-outcome':
      return withNote(t.t('bundle.detail.task-outcome', { outcome: selector(d['outcome']) }), d['note']);
    case 'dispute':
    case 'note':
      return str(d['note']);
    case 'resume':
      return str(d['note']);
    case 'cancelled':
      return str(d['reason']);
    case 'send-failed':
      return t.t('bundle.detail.send-failed', { error: str(d['error']) });
    case 'uncertain':
      return t.t('bundle.detail.uncertain');
    case 'cancelled-stage':
      return t.t('bundle.detail.cancelled-stage', { stage: t.ltr(str(e.stage)) });
    case 'delivery':
    case 'bounce':
    case 'complaint': {
      const recipients = Array.isArray(d['recipients']) ? (d['recipients'] as unknown[]).map(str) : d['recipient'] ? [str(d['recipient'])] : [];
      const said = ['detail', 'diagnostic', 'smtpResponse', 'complaintFeedbackType', 'bounceType'].map((k) => d[k]).find((v) => typeof v === 'string' && v !== '');
      return [t.ltr(recipients.join(', ')), said ? t.ltr(str(said)) : ''].filter(Boolean).join(': ');
    }
    case 'share-created':
      return t.t('bundle.detail.share-created', { date: isDate(str(d['expiresAt']).slice(0, 10)) ? t.date(str(d['expiresAt']).slice(0, 10)) : str(d['expiresAt']) });
    case 'share-revoked':
    case 'resend-requested':
    case 'pause':
    case 'claimed':
    case 'send-retry':
      return '';
    case 'plan-agreed': {
      const plan = (d['plan'] ?? {}) as { total?: unknown; instalments?: unknown[] };
      return t.t('bundle.detail.plan-agreed', { count: plan.instalments?.length ?? 0, total: money(plan.total) });
    }
    case 'settlement-agreed': {
      const s = (d['settlement'] ?? {}) as { accept?: unknown; inFullOf?: unknown; payBy?: unknown };
      return t.t('bundle.detail.settlement-agreed', { accept: money(s.accept), inFullOf: money(s.inFullOf), date: date(s.payBy) });
    }
    case 'settlement-lapsed':
      return t.t('bundle.detail.settlement-lapsed', { date: date(d['payBy']) });
    case 'instalment-missed':
      return t.t('bundle.detail.instalment-missed', { number: str(d['instalment']) });
    default:
      return e.detail;
  }
}

/** A warning in the lawyer's language, from its facts. */
function warningText(w: BundleWarning, t: Translator): string {
  const day = w.at && isDate(w.at.slice(0, 10)) ? t.date(w.at.slice(0, 10)) : '';
  const letter = t.ltr(w.letter ?? w.stageKey ?? '');
  const recipient = t.ltr((w.recipients ?? []).join(', '));
  switch (w.code) {
    case 'no-contract':
      return t.t('bundle.warnings.no-contract');
    case 'no-letters':
      return t.t('bundle.warnings.no-letters');
    case 'not-overdue':
      return t.t('bundle.warnings.not-overdue', { date: day });
    case 'bounced':
      return t.t('bundle.warnings.bounced', { letter, date: day, recipient });
    case 'complaint':
      return t.t('bundle.warnings.complaint', { letter, date: day, recipient });
    case 'uncertain':
      return t.t('bundle.warnings.uncertain', { stage: t.ltr(w.stageKey ?? ''), date: day });
    case 'failed':
      return t.t('bundle.warnings.failed', { stage: t.ltr(w.stageKey ?? ''), error: t.ltr(w.reason ?? '') });
    default:
      return w.detail;
  }
}

/**
 * The index of the lawyer bundle in the lawyer's language: amounts with the itemised interest,
 * the chronology of the case log, where the evidence is weak, and the table of contents with
 * every file's SHA-256.
 */
export function bundleIndexView(data: BundleIndexData, t: Translator): BundleIndexView {
  const date = t.date(data.bundleDate);
  const a = data.amounts;
  const amounts = [
    { label: t.t('bundle.amounts.invoiced'), value: t.money(a.invoiced) },
    { label: t.t('bundle.amounts.paid'), value: t.money(a.paid) },
    { label: t.t('bundle.amounts.balance'), value: t.money(a.balance) },
    ...(a.interest ? [{ label: t.t('bundle.amounts.interest', { date }), value: t.money(a.interest) }] : []),
    ...(a.compensation ? [{ label: t.t('bundle.amounts.compensation'), value: t.money(a.compensation) }] : []),
    ...(a.fees ? [{ label: t.t('bundle.amounts.fees'), value: t.money(a.fees) }] : []),
    { label: t.t('bundle.amounts.total'), value: t.money(a.total), strong: true },
  ];
  const eventLabel = (type: string) => {
    try {
      return t.t(`bundle.event.${type}` as MessageKey);
    } catch {
      return type;
    }
  };
  return {
    title: t.t('bundle.title'),
    subtitle: t.t('bundle.subtitle', { reference: t.ltr(data.reference), date }),
    preparedFor: t.t('bundle.preparedFor'),
    partiesHeading: t.t('bundle.parties'),
    amountsHeading: t.t('bundle.amounts.heading', { date }),
    amounts,
    interestNote: a.interestNote ? t.t('bundle.amounts.interestUnavailable', { reason: a.interestNote }) : undefined,
    segmentsHeading: t.t('bundle.segments.heading'),
    segmentColumns: ['invoice', 'from', 'to', 'days', 'rate', 'base', 'interest'].map((k) => t.t(`bundle.segments.${k}` as MessageKey)),
    segments: data.segments.map((s) => [t.ltr(s.invoice), t.date(s.from, 'short'), t.date(s.to, 'short'), t.number(String(s.days)), t.percent(s.ratePercent), t.money(s.base), t.money(s.interest)]),
    noSegments: t.t('bundle.segments.none'),
    chronologyHeading: t.t('bundle.chronology.heading'),
    chronologyColumns: [t.t('bundle.chronology.time'), t.t('bundle.chronology.event'), t.t('bundle.chronology.detail')],
    chronology: data.chronology.map((e) => [t.ltr(e.at.slice(0, 16).replace('T', ' ')), eventLabel(e.type), eventDetail(e, t)]),
    warningsHeading: t.t('bundle.warnings.heading'),
    warnings: data.warnings.length === 0 ? [t.t('bundle.warnings.none')] : data.warnings.map((w) => warningText(w, t)),
    filesHeading: t.t('bundle.files.heading'),
    fileColumns: [t.t('bundle.files.file'), t.t('bundle.files.size'), t.t('bundle.files.sha256')],
    files: data.files.map((f) => ({ path: t.ltr(f.path), size: t.t('bundle.bytes', { size: f.size }), sha256: t.ltr(f.sha256) })),
    verify: t.t('bundle.files.verify'),
  };
}
