import { daysBetween } from '#domain/time/plain-date.ts';
import { invoiceTotals } from '#domain/invoice/invoice-totals.ts';
import { caseBalance } from '../cases/case-balance.ts';
import type { CaseRecord, StageRecord } from '../ports/records.ts';

/** One line of the cases list: balance, days late, next action. */
export interface CaseSummary {
  id: string;
  reference: string | null;
  status: CaseRecord['status'];
  debtor: string;
  creditor: string;
  language: string;
  balance: { currency: string; amount: string };
  /** days since the earliest unpaid due date (0 when not yet due) */
  daysLate: number;
  oldestDueDate: string | null;
  nextAction: { stageId: string; channel: string; template: string; instant: string; localDate: string; localTime: string; timeZone: string } | null;
  uncertain: number;
  failed: number;
  createdAt: string;
}

export function caseSummary(record: CaseRecord, stages: StageRecord[], today: string): CaseSummary {
  const unpaid = record.file.invoices.filter((i) => Number(invoiceTotals(i).balance.amount) > 0).map((i) => i.dueDate).sort();
  const oldest = unpaid[0] ?? null;
  const next = stages.filter((s) => s.status === 'scheduled' && s.generation === record.generation).sort((a, b) => (a.instant < b.instant ? -1 : 1))[0];
  return {
    id: record.id,
    reference: record.file.reference ?? null,
    status: record.status,
    debtor: record.file.debtor.legalName,
    creditor: record.file.creditor.legalName,
    language: record.file.debtor.language,
    balance: caseBalance(record.file),
    daysLate: oldest && record.status !== 'paid' ? Math.max(0, daysBetween(oldest, today)) : 0,
    oldestDueDate: oldest,
    nextAction: next
      ? { stageId: next.id, channel: next.channel, template: next.template, instant: next.instant, localDate: next.localDate, localTime: next.localTime, timeZone: next.timeZone }
      : null,
    uncertain: stages.filter((s) => s.status === 'uncertain').length,
    failed: stages.filter((s) => s.status === 'failed').length,
    createdAt: record.createdAt,
  };
}
