import type { DueDateRule } from '../schemas/terms.ts';
import { addCalendarDays, endOfCalendarMonth, type PlainDate } from '../time/plain-date.ts';

/**
 * The calendar date on which an invoice issued on `issueDate` falls due under `rule`.
 *
 * @example dueDate({ kind: 'net', days: 30 }, '2026-01-15') // '2026-02-14'
 * @example dueDate({ kind: 'end-of-month', days: 45, method: 'add-then-eom' }, '2026-01-20') // '2026-03-31'
 * @example dueDate({ kind: 'end-of-month', days: 45, method: 'eom-then-add' }, '2026-01-20') // '2026-03-17'
 * @see shared/LEGAL.md §3.4 (the two French ways to count "45 jours fin de mois")
 */
export function dueDate(rule: DueDateRule, issueDate: PlainDate): PlainDate {
  switch (rule.kind) {
    case 'on-receipt':
      return issueDate;
    case 'net':
      return addCalendarDays(issueDate, rule.days);
    case 'end-of-month':
      return rule.method === 'eom-then-add'
        ? addCalendarDays(endOfCalendarMonth(issueDate), rule.days)
        : endOfCalendarMonth(addCalendarDays(issueDate, rule.days));
    case 'fixed':
      return rule.date;
  }
}
