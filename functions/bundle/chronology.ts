import type { CaseEvent, StageRecord } from '../ports/records.ts';

/** One line of the chronology: what happened, when, by whom. */
export interface ChronologyEntry {
  at: string;
  actor: string;
  type: string;
  stage: string;
  /** a one-line description in English for the CSV; the index PDF words it in its own language */
  detail: string;
  messageId: string;
  sha256: string;
}

/** Where the evidence is weak: no contract, a letter that bounced, a stage whose send is uncertain… */
export interface EvidenceWarning {
  code: 'no-contract' | 'no-letters' | 'bounced' | 'complaint' | 'uncertain' | 'failed';
  stage?: string | undefined;
  detail: string;
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
    case 'bounce':
    case 'complaint':
    case 'delivery':
      return `${e.type}${d['recipient'] ? ` (${s('recipient')})` : ''}${d['detail'] ? `: ${s('detail')}` : ''}`;
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
    }));
  const warnings: EvidenceWarning[] = [];
  if (!hasContract) warnings.push({ code: 'no-contract', detail: 'no written contract is on file: the debt rests on the invoices and the correspondence' });
  if (!stages.some((s) => s.status === 'sent' && s.channel === 'email')) warnings.push({ code: 'no-letters', detail: 'no letter has been sent yet' });
  for (const e of events) {
    if (e.type === 'bounce' || e.type === 'complaint') {
      warnings.push({ code: e.type === 'bounce' ? 'bounced' : 'complaint', stage: e.stageId, detail: `${e.type} on ${e.at.slice(0, 10)}${e.data?.['recipient'] ? ` for ${String(e.data['recipient'])}` : ''}: the letter may not have reached the debtor` });
    }
  }
  for (const s of stages) {
    if (s.status === 'uncertain') warnings.push({ code: 'uncertain', stage: s.id, detail: `stage ${s.key}: whether it was sent is uncertain` });
    if (s.status === 'failed') warnings.push({ code: 'failed', stage: s.id, detail: `stage ${s.key}: the letter could not be sent (${s.error ?? 'error'})` });
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
