import { PaymentSchema, type Payment } from '#domain/schemas/invoice.ts';
import { z } from 'zod';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { caseBalance, isPaid, paidSinceMinor } from './case-balance.ts';
import { amountOf, minorUnits } from '#domain/money/money.ts';
import { cancelScheduled, mutateCase } from './mutate-case.ts';
import { CaseStateError } from './case-state-error.ts';

/** A payment as the owner records it: which invoice (default: the oldest open one), when, how much. */
export const RecordPaymentSchema = PaymentSchema.extend({ invoice: z.string().trim().min(1).max(40).optional() });
export type RecordPayment = z.infer<typeof RecordPaymentSchema>;

/**
 * Records a payment (full or partial) on an invoice of the case, in one commit with its log entry.
 * When nothing is left to pay (or an agreed settlement amount has arrived) the case becomes `paid` and every remaining stage is cancelled in
 * the same commit: no letter can be claimed after it. A partial payment keeps the ladder; the
 * next letters quote the new balance.
 *
 * @throws CaseStateError for a cancelled case, an unknown invoice or a currency mismatch
 */
export async function recordPayment(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: RecordPayment): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (record.status === 'cancelled') throw new CaseStateError('cancelled', 'the case is cancelled: payments are not recorded on it');
    const file = record.file;
    const index = input.invoice
      ? file.invoices.findIndex((i) => i.number === input.invoice)
      : Math.max(0, file.invoices.findIndex((i) => !isPaid({ ...file, invoices: [i] })));
    const invoice = file.invoices[index];
    if (!invoice) throw new CaseStateError('invoice', `invoice ${input.invoice} is not part of this case`, 'invoice');
    if (input.amount.currency !== invoice.currency) throw new CaseStateError('currency', `the payment must be in ${invoice.currency}`, 'amount.currency');
    const payment: Payment = { date: input.date, amount: input.amount, method: input.method, reference: input.reference };
    const invoices = file.invoices.map((inv, i) => (i === index ? { ...inv, payments: [...inv.payments, payment] } : inv));
    const nextFile = { ...file, invoices };
    // a settlement is honoured once the agreed amount has arrived, even though the invoices show a balance
    const settled =
      record.status === 'settlement' &&
      record.settlement !== undefined &&
      paidSinceMinor(nextFile, record.settlement.offeredOn ?? '0000-01-01') >= minorUnits(amountOf(record.settlement.accept.amount, record.settlement.accept.currency));
    const paid = isPaid(nextFile) || settled;
    const balance = caseBalance(nextFile);
    return {
      record: { ...record, file: nextFile, status: paid ? 'paid' : record.status },
      stages: paid ? cancelScheduled(stages, settled ? 'settled' : 'paid') : [],
      events: [
        { at: now, actor: 'owner', type: 'payment', data: { invoice: invoice.number, ...payment, balance } },
        ...(paid ? [{ at: now, actor: 'system' as const, type: 'paid' as const, data: { balance, settled } }] : []),
      ],
    };
  });
}
