import type { CaseEvent, StageRecord } from '../ports/records.ts';

/** One line of the chronology: what happened, when, by whom. */
export interface ChronologyEntry {
  at: string;
  actor: string;
  type: string;
  stage: string;
  /** a one-line description in English for the CSV; the index PDF words it in its own language from `data` */
  detail: string;
  messageId: string;
  sha256: string;
  /** the event's own data, for the index to word in the lawyer's language */
  data: Record<string, unknown>;
}

/** Where the evidence is weak: no contract, a letter that bounced, a stage whose send is uncertain… */
export interface EvidenceWarning {
  code: 'no-contract' | 'no-letters' | 'not-overdue' | 'bounced' | 'complaint' | 'uncertain' | 'failed';
  /** the stage id */
  stage?: string | undefined;
  /** the stage's key in the ladder (late-7) */
  stageKey?: string | undefined;
  /** when it happened (the bounce or complaint, the claim of an uncertain stage, the failure) */
  at?: string | undefined;
  /** who the letter bounced for or who complained */
  recipients?: string[] | undefined;
  /** the provider's or the sender's own words (a bounce diagnostic, a send error) */
  reason?: string | undefined;
  /** one line in English (case.json, the CLI) */
  detail: string;
}

/**
 * Who a delivery, bounce or complaint report is about and what the provider said. The local
 * adapters write `{ recipient, detail }`; the SES feedback handler writes `{ recipients: [],
 * bounceType, diagnostic }` (functions/adapters/aws/record-mail-feedback.ts): both are read.
 */
export function feedbackOf(data: Record<string, unknown> | undefined): { recipients: string[]; detail: string } {
  const d = data ?? {};
  const list = Array.isArray(d['recipients']) ? (d['recipients'] as unknown[]).map(String) : [];
  const recipients = list.length > 0 ? list : typeof d['recipient'] === 'string' && d['recipient'] !== '' ? [d['recipient']] : [];
  const first = ['detail', 'diagnostic', 'smtpResponse', 'complaintFeedbackType', 'bounceType'].map((k) => d[k]).find((v) => typeof v === 'string' && v !== '');
  return { recipients, detail: (first as string | undefined) ?? '' };
}

const quiet = new Set(['claimed', 'send-retry']);

function describe(e: CaseEvent): string {
  const d = e.data ?? {};
  const s = (k: string) => (d[k] === undefined || d[k] === null ? '' : String(d[k]));
  switch (e.type) {
    case 'created':
      return `case opened (invoices ${(d['invoices'] as string[] | undefined)?.join(', ') ?? ''})`;
    case 'planned':
      return `ladder ${s('ladder')} planned (${((d['stages'] as unknown[]) ?? []).length} stages)${d['reason'] ? `: ${s('reason')}` : ''}`;
    case 'sent':
      return `letter sent: ${s('subject')} to ${((d['to'] as string[]) ?? []).join(', ')}`;
    case 'payment': {
      const amount = d['amount'] as { currency: string; amount: string } | undefined;
      return `payment of ${amount?.amount ?? ''} ${amount?.currency ?? ''} on ${s('date')} (invoice ${s('invoice')})`;
    }
    case 'promise':
      return `promise to pay by ${s('until')}${d['note'] ? `: ${s('note')}` : ''}`;
    case 'dispute':
      return `dispute: ${s('note')}`;
    case 'task-outcome':
      return `call outcome: ${s('outcome')}${d['note'] ? `: ${s('note')}` : ''}`;
    case 'note':
      return s('note');
    case 'send-failed':
      return `letter not sent: ${s('error')}`;
    case 'uncertain':
      return 'letter claimed but no outcome recorded: it may or may not have been sent';
    case 'cancelled-stage':
      return `stage cancelled: ${s('reason')}`;
    case 'task-due':
      return `task due: ${s('template')}`;
    case 'promise-expired':
      return `the promised date ${s('promisedUntil')} passed without full payment`;
    case 'paid':
      return 'nothing left to pay';
    case 'resume':
      return `resumed${d['note'] ? `: ${s('note')}` : ''}`;
    case 'cancelled':
      return `case cancelled${d['reason'] ? `: ${s('reason')}` : ''}`;
    case 'share-created':
      return `share link ${s('linkId')} created, valid until ${s('expiresAt')}`;
    case 'share-revoked':
      return `share link ${s('linkId')} revoked`;
    case 'bounce':
    case 'complaint':
    case 'delivery': {
      const f = feedbackOf(d);
      return `${e.type}${f.recipients.length > 0 ? ` (${f.recipients.join(', ')})` : ''}${f.detail ? `: ${f.detail}` : ''}`;
    }
    default:
      return Object.keys(d).length > 0 ? JSON.stringify(d) : '';
  }
}

/**
 * The case's chronology from its append-only log (claims and retries left out as noise), with
 * the message id and the SHA-256 of what was sent, and the places where the evidence is weak.
 */
export function chronology(events: CaseEvent[], stages: StageRecord[], hasContract: boolean): { entries: ChronologyEntry[]; warnings: EvidenceWarning[] } {
  const entries = events
    .filter((e) => !quiet.has(e.type))
    .map((e) => ({
      at: e.at,
      actor: e.actor,
      type: e.type,
      stage: e.stageId ?? '',
      detail: describe(e),
      messageId: e.type === 'sent' ? String(e.data?.['messageId'] ?? '') : '',
      sha256: e.type === 'sent' ? String(e.data?.['pdfSha256'] ?? '') : '',
      data: e.data ?? {},
    }));
  const keyOf = (stageId: string | undefined) => stages.find((s) => s.id === stageId)?.key ?? stageId;
  const warnings: EvidenceWarning[] = [];
  if (!hasContract) warnings.push({ code: 'no-contract', detail: 'no written contract is on file: the debt rests on the invoices and the correspondence' });
  if (!stages.some((s) => s.status === 'sent' && s.channel === 'email')) warnings.push({ code: 'no-letters', detail: 'no letter has been sent yet' });
  for (const e of events) {
    if (e.type === 'bounce' || e.type === 'complaint') {
      const f = feedbackOf(e.data);
      const who = f.recipients.length > 0 ? ` for ${f.recipients.join(', ')}` : '';
      warnings.push({
        code: e.type === 'bounce' ? 'bounced' : 'complaint',
        stage: e.stageId,
        stageKey: keyOf(e.stageId),
        at: e.at,
        recipients: f.recipients,
        reason: f.detail,
        detail:
          e.type === 'bounce'
            ? `the letter of stage ${keyOf(e.stageId) ?? '?'} bounced on ${e.at.slice(0, 10)}${who}${f.detail ? ` (${f.detail})` : ''}: it may not have reached the debtor`
            : `the letter of stage ${keyOf(e.stageId) ?? '?'} was reported as spam on ${e.at.slice(0, 10)}${who}`,
      });
    }
  }
  for (const s of stages) {
    if (s.status === 'uncertain') {
      warnings.push({ code: 'uncertain', stage: s.id, stageKey: s.key, at: s.claimedAt, detail: `stage ${s.key}: prepared${s.claimedAt ? ` on ${s.claimedAt.slice(0, 10)}` : ''} with no outcome recorded, so whether it was sent is uncertain` });
    }
    if (s.status === 'failed') {
      warnings.push({ code: 'failed', stage: s.id, stageKey: s.key, reason: s.error ?? '', detail: `stage ${s.key}: the letter could not be sent (${s.error ?? 'error'})` });
    }
  }
  return { entries, warnings };
}

/** RFC 4180 CSV of the chronology (CRLF, quotes doubled), UTF-8 with a BOM so spreadsheets read accents and Hebrew. */
export function chronologyCsv(entries: ChronologyEntry[]): string {
  // a cell a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with ' (CSV injection)
  const cell = (raw: string) => {
    const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const rows = [['time', 'actor', 'event', 'stage', 'detail', 'message_id', 'sha256'], ...entries.map((e) => [e.at, e.actor, e.type, e.stage, e.detail, e.messageId, e.sha256])];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
