import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { invoiceTotals } from '../../../../templates/domain/invoice/invoice-totals.ts';
import { planInstalments } from '../../../../templates/domain/plans/plan-instalments.ts';
import { CaseFileSchema, type CaseFile } from '../../../../templates/domain/schemas/case.ts';
import { letterTemplates, type LetterTemplate } from '../../../../templates/domain/schemas/ladder.ts';
import type { PaymentPlan } from '../../../../templates/domain/schemas/payment-plan.ts';
import { addCalendarDays } from '../../../../templates/domain/time/plain-date.ts';
import type { LetterSource } from '../../../../templates/documents/letter/letter-source.ts';

/** One example case per language, each in its own jurisdiction (GB, FR, RU, IL). */
export const examples = { en: 'en-gb-tracking', fr: 'fr-pressure-scale', ru: 'ru-gentle', he: 'he-il-pressure-scale' } as const;
export type ExampleLanguage = keyof typeof examples;
export const languages = Object.keys(examples) as ExampleLanguage[];
export { letterTemplates };

/** Letter date of each stage, in days from the first invoice's due date (as a ladder would send it). */
export const offsets: Record<LetterTemplate, number> = {
  'pre-due': -3,
  'due-today': 0,
  'overdue-gentle': 3,
  'overdue-firm': 7,
  'invoice-resent': 15,
  ultimatum: 20,
  'overdue-stern': 30,
  'payment-plan-offer': 35,
  'settlement-offer': 40,
  'promise-confirmation': 10,
  'credit-reporting': 45,
  'final-demand': 45,
  'instalment-reminder': 47,
  'instalment-missed': 85,
};

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** An example case file, parsed. */
export function exampleCase(lang: ExampleLanguage): CaseFile {
  return CaseFileSchema.parse(JSON.parse(readFileSync(`${root}templates/examples/${examples[lang]}.json`, 'utf8')));
}

/** The agreed plan of the instalment letters: the balance in 3 monthly instalments from due + 50 days. */
export function agreedPlan(caseFile: CaseFile): PaymentPlan {
  const invoice = caseFile.invoices[0]!;
  const balance = invoiceTotals(invoice, addCalendarDays(invoice.dueDate, 40)).balance;
  return {
    total: balance,
    frequency: 'monthly',
    interestWaived: true,
    agreedOn: addCalendarDays(invoice.dueDate, 40),
    instalments: planInstalments(balance, { count: 3, firstDueDate: addCalendarDays(invoice.dueDate, 50), frequency: 'monthly' }),
  };
}

/** The letter of `template` for the example case of `lang`, dated as the ladder would date it. */
export function exampleSource(lang: ExampleLanguage, template: LetterTemplate, caseFile: CaseFile = exampleCase(lang)): LetterSource {
  const date = addCalendarDays(caseFile.invoices[0]!.dueDate, offsets[template]);
  return {
    caseFile,
    stage: { template },
    date,
    ...(template === 'promise-confirmation' ? { promise: { date: addCalendarDays(date, 14) } } : {}),
    ...(template === 'instalment-reminder' || template === 'instalment-missed' ? { paymentPlan: agreedPlan(caseFile) } : {}),
  };
}
