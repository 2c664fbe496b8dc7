import ical, { ICalCalendarMethod } from 'ical-generator';
import { baseLanguage } from '#domain/schemas/language.ts';
import type { CaseRecord, StageRecord } from '../ports/records.ts';

const titles: Record<string, string> = { call: 'Call', visit: 'Visit', 'hand-off': 'Hand the case to a lawyer' };

/**
 * The owner's tasks (calls, visits, hand-offs) as a read-only iCalendar feed: every task stage of
 * a case still being chased, at its instant, with the debtor's phone and the case's balance.
 * UIDs are stable (`<stage id>@<case id>.overdue`), so calendar apps update rather than duplicate.
 * Each event links to the case page of the site, in the owner's language, where the outcome is recorded.
 */
export function tasksCalendar(entries: { record: CaseRecord; stages: StageRecord[]; summary: { balance: { currency: string; amount: string } } }[], origin: string): string {
  const calendar = ical({ name: 'Overdue: tasks', method: ICalCalendarMethod.PUBLISH, prodId: { company: 'Overdue', product: 'tasks', language: 'EN' } });
  for (const { record, stages, summary } of entries) {
    if (record.status === 'cancelled' || record.status === 'paid') continue;
    for (const s of stages) {
      if (s.channel !== 'task' || !['scheduled', 'sent'].includes(s.status) || s.generation !== record.generation) continue;
      const start = new Date(s.instant);
      const debtor = record.file.debtor;
      const casePage = `${origin}/${baseLanguage(record.file.creditor.language) ?? 'en'}/case/?id=${encodeURIComponent(record.id)}`;
      calendar.createEvent({
        id: `${s.id}@${record.id}.overdue`,
        start,
        end: new Date(start.getTime() + 15 * 60_000),
        summary: `${titles[s.template] ?? s.template}: ${debtor.legalName} (${summary.balance.amount} ${summary.balance.currency})`,
        description: [
          `Case ${record.file.reference ?? record.id}, invoices ${record.file.invoices.map((i) => i.number).join(', ')}`,
          debtor.contactName ? `Contact: ${debtor.contactName}` : '',
          debtor.phone ? `Phone: ${debtor.phone}` : '',
          `Debtor's local time: ${s.localDate} ${s.localTime} (${s.timeZone})`,
          `Record the outcome on the case page: ${casePage}`,
        ]
          .filter(Boolean)
          .join('\n'),
        url: casePage,
      });
    }
  }
  return calendar.toString();
}
