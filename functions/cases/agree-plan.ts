import { planInstalments } from '#domain/plans/plan-instalments.ts';
import { PaymentPlanSchema, SettlementSchema, type PaymentPlan } from '#domain/schemas/payment-plan.ts';
import { PlainDateSchema } from '#domain/time/plain-date.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';
import { z } from 'zod';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord, StageRecord } from '../ports/records.ts';
import { caseBalance, isPaid } from './case-balance.ts';
import { CaseStateError } from './case-state-error.ts';
import { checkStage, immediateLetter } from './check-stage.ts';
import { cancelScheduled, mutateCase } from './mutate-case.ts';
import { zonedInstant } from '#domain/time/zoned-instant.ts';
import { currencyOf } from '#domain/money/currency.ts';
import { amountOf, decimalOf, minorUnits } from '#domain/money/money.ts';

/** A plan as the owner agrees it: N instalments from a first date, or the instalments themselves. */
export const AgreePlanSchema = z.union([
  z.strictObject({
    count: z.number().int().min(1).max(120),
    firstDueDate: PlainDateSchema,
    frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
    interestWaived: z.boolean().default(true),
  }),
  PaymentPlanSchema,
]);

export const AgreeSettlementSchema = z.strictObject({ accept: SettlementSchema.shape.accept, payBy: PlainDateSchema });

const open = new Set(['active', 'promised', 'disputed', 'plan', 'settlement']);

/**
 * Agrees a payment plan: the ladder is replaced by the plan's own reminders (for each instalment
 * a reminder 3 days before and a check the business day after; a missed instalment sends the
 * "instalment missed" letter and re-escalates the case on its original ladder). The plan
 * agreement letter goes out now.
 */
export async function agreePaymentPlan(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: z.infer<typeof AgreePlanSchema>): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (!open.has(record.status)) throw new CaseStateError(record.status, `a ${record.status} case cannot take a payment plan`);
    const balance = caseBalance(record.file);
    const plan: PaymentPlan =
      'count' in input
        ? {
            total: balance,
            frequency: input.frequency,
            interestWaived: input.interestWaived,
            agreedOn: now.slice(0, 10),
            instalments: planInstalments(balance, { count: input.count, firstDueDate: input.firstDueDate, frequency: input.frequency }),
          }
        : { ...input, agreedOn: input.agreedOn ?? now.slice(0, 10) };
    if (plan.total.currency !== balance.currency || plan.total.amount !== balance.amount) {
      throw new CaseStateError('total', `the plan must cover the balance ${balance.amount} ${balance.currency}`, 'total');
    }
    // instalments given one by one: numbered 1, 2, 3 … (the checks and the letters name them so) and adding up to the total exactly
    plan.instalments.forEach((inst, i) => {
      if (inst.number !== i + 1) throw new CaseStateError('instalments', `must be ${i + 1}: instalments are numbered 1, 2, 3 … in order`, `instalments[${i}].number`);
    });
    const sum = plan.instalments.reduce((s, inst) => s + minorUnits(amountOf(inst.amount.amount, inst.amount.currency)), 0);
    if (sum !== minorUnits(amountOf(plan.total.amount, plan.total.currency))) {
      throw new CaseStateError('instalments', `the instalments add up to ${decimalOf(sum, currencyOf(plan.total.currency)!.exponent)}, not the total ${plan.total.amount} ${plan.total.currency}`, 'instalments');
    }
    if (plan.instalments[0]!.dueDate < now.slice(0, 10)) {
      throw new CaseStateError('past', 'the first instalment is in the past', 'count' in input ? 'firstDueDate' : 'instalments[0].dueDate');
    }
    const generation = record.generation + 1;
    const file = record.file;
    const fresh: StageRecord[] = [immediateLetter(file, caseId, generation, 0, 'plan-agreement', 'payment-plan-offer', now)];
    plan.instalments.forEach((inst) => {
      const reminderDay = addCalendarDays(inst.dueDate, -3);
      if (reminderDay > now.slice(0, 10)) {
        fresh.push({
          ...immediateLetter(file, caseId, generation, fresh.length, `i${inst.number}-reminder`, 'instalment-reminder', now),
          instant: zonedInstant(reminderDay, '10:00', file.debtor.timeZone),
          localDate: reminderDay,
          localTime: '10:00',
          instalment: inst.number,
        });
      }
      fresh.push(checkStage(file, caseId, generation, fresh.length, `i${inst.number}-check`, 'instalment-check', inst.dueDate, { businessDaysAfter: 1, instalment: inst.number }));
    });
    return {
      record: { ...record, status: 'plan', paymentPlan: plan, settlement: undefined, generation, promisedUntil: undefined },
      stages: [...cancelScheduled(stages, 'payment plan agreed'), ...fresh.map((stage) => ({ stage, expect: 'absent' as const }))],
      events: [{ at: now, actor: 'owner', type: 'plan-agreed', data: { plan } }],
    };
  });
}

/**
 * Agrees a settlement (accept less in full and final payment if paid by a date): the ladder stops,
 * the settlement offer goes out now, a reminder 3 days before the date, and a check the business
 * day after it re-escalates the case if the agreed amount has not arrived.
 */
export async function agreeSettlement(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: z.infer<typeof AgreeSettlementSchema>): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (!open.has(record.status) || isPaid(record.file)) throw new CaseStateError(record.status, `a ${record.status} case cannot take a settlement`);
    const balance = caseBalance(record.file);
    const parsed = SettlementSchema.safeParse({ accept: input.accept, inFullOf: balance, payBy: input.payBy, offeredOn: now.slice(0, 10) });
    if (!parsed.success) throw new CaseStateError('settlement', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'accept');
    const settlement = parsed.data;
    const generation = record.generation + 1;
    const file = record.file;
    const fresh: StageRecord[] = [immediateLetter(file, caseId, generation, 0, 'settlement-offer', 'settlement-offer', now)];
    const reminderDay = addCalendarDays(settlement.payBy, -3);
    if (reminderDay > now.slice(0, 10)) {
      fresh.push({
        ...immediateLetter(file, caseId, generation, 1, 'settlement-reminder', 'settlement-offer', now),
        instant: zonedInstant(reminderDay, '10:00', file.debtor.timeZone),
        localDate: reminderDay,
        localTime: '10:00',
      });
    }
    fresh.push(checkStage(file, caseId, generation, fresh.length, 'settlement-check', 'settlement-check', settlement.payBy, { businessDaysAfter: 1 }));
    return {
      record: { ...record, status: 'settlement', settlement, paymentPlan: undefined, generation, promisedUntil: undefined },
      stages: [...cancelScheduled(stages, 'settlement agreed'), ...fresh.map((stage) => ({ stage, expect: 'absent' as const }))],
      events: [{ at: now, actor: 'owner', type: 'settlement-agreed', data: { settlement } }],
    };
  });
}
