import { z } from 'zod';
import { LocalTimeSchema } from '../time/time-zone.ts';

/**
 * The letter (or task) a stage produces. Letters: see templates/documents; tasks are calls or
 * visits for the owner, put on the owner's calendar.
 */
export const letterTemplates = [
  'pre-due',
  'due-today',
  'overdue-gentle',
  'overdue-firm',
  'overdue-stern',
  'invoice-resent',
  'ultimatum',
  'payment-plan-offer',
  'settlement-offer',
  'promise-confirmation',
  'credit-reporting',
  'final-demand',
  'instalment-reminder',
  'instalment-missed',
] as const;
export const taskTemplates = ['call', 'visit', 'hand-off'] as const;
export const LetterTemplateSchema = z.enum(letterTemplates, { message: `must be one of ${letterTemplates.join(', ')}` });
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>;
export type TaskTemplate = (typeof taskTemplates)[number];

export const attachmentKinds = ['invoice', 'statement', 'contract', 'interest', 'payment-plan'] as const;

/**
 * One step of a ladder. `offset` counts from the due date (negative = before), in calendar days
 * or in the debtor's business days; `at` is the local wall-clock time in the debtor's zone.
 */
export const StageSchema = z.discriminatedUnion(
  'channel',
  [
    z.strictObject({
      key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be lower-case letters, digits and dashes, at most 40' }),
      offset: z.strictObject({
        days: z.number().int().min(-60).max(400),
        unit: z.enum(['calendar', 'business']),
      }),
      at: LocalTimeSchema,
      channel: z.literal('email'),
      template: LetterTemplateSchema,
      attachments: z.array(z.enum(attachmentKinds)).max(5).default([]),
      /** ultimatum: the service is suspended this many days after the letter */
      suspendAfterDays: z.number().int().min(1).max(90).optional(),
      /** days the debtor is given to pay (final demand, credit reporting); the jurisdiction's minimum applies */
      respondWithinDays: z.number().int().min(1).max(90).optional(),
    }),
    z.strictObject({
      key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be lower-case letters, digits and dashes, at most 40' }),
      offset: z.strictObject({
        days: z.number().int().min(-60).max(400),
        unit: z.enum(['calendar', 'business']),
      }),
      at: LocalTimeSchema,
      channel: z.literal('task'),
      template: z.enum(taskTemplates, { message: `must be one of ${taskTemplates.join(', ')}` }),
      /** what the owner should say or do */
      note: z.string().trim().max(500).optional(),
      durationMinutes: z.number().int().min(5).max(480).default(15),
    }),
  ],
  { message: 'channel must be email or task' },
);
export type Stage = z.infer<typeof StageSchema>;
export type StageInput = z.input<typeof StageSchema>;

/**
 * A ladder: stages in the order they happen. Calendar-day stages that land on the debtor's
 * weekend or public holiday move to the next business day when `rollToBusinessDay` is set.
 */
export const LadderSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be lower-case letters, digits and dashes' }),
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1_000).optional(),
    rollToBusinessDay: z.boolean().default(true),
    stages: z.array(StageSchema).min(1, { message: 'needs at least one stage' }).max(30),
  })
  .superRefine((ladder, ctx) => {
    const seen = new Set<string>();
    ladder.stages.forEach((stage, i) => {
      if (seen.has(stage.key)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], message: `"${stage.key}" is used twice` });
      seen.add(stage.key);
      const previous = ladder.stages[i - 1];
      if (!previous) return;
      const before = previous.offset.days * 1440 + minutes(previous.at);
      const now = stage.offset.days * 1440 + minutes(stage.at);
      if (now <= before) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'offset'],
          message: `is out of order: stage "${stage.key}" (day ${stage.offset.days} at ${stage.at}) must come after "${previous.key}" (day ${previous.offset.days} at ${previous.at})`,
        });
      }
    });
  });
export type Ladder = z.infer<typeof LadderSchema>;
export type LadderInput = z.input<typeof LadderSchema>;

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
