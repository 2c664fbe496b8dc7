import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorsOf, startApi, type Answer, type ApiUnderTest } from './api-harness.ts';

/**
 * Actions the case's state forbids answer 409 `{ error: 'conflict', code, message }` and change
 * nothing; actions that name something the case does not have answer a field-level 400 naming it.
 * Over HTTP, on a real SQLite store, at 8 April 2026 (the en-GB example: £2,880.00 due 1 April).
 */

let api: ApiUnderTest;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const pay = (amount: string) => ({ date: '2026-04-08', amount: { currency: 'GBP', amount } });

/** Expects a 409 that changed nothing. */
async function refused(path: string, body: unknown): Promise<Answer> {
  const before = await api.snapshot();
  const answer = await api.post(path, body);
  expect([path, answer.status, (answer.json as { error: string }).error], answer.text).toEqual([path, 409, 'conflict']);
  expect((answer.json as { message: string }).message).toMatch(/\w/);
  expect(await api.snapshot()).toBe(before);
  return answer;
}

/** Expects a field-level 400 on `field` that changed nothing. */
async function invalid(path: string, body: unknown, field: string): Promise<void> {
  const before = await api.snapshot();
  const answer = await api.post(path, body);
  expect(fieldErrorsOf(answer).map((f) => f.path)).toEqual([field]);
  expect(await api.snapshot()).toBe(before);
}

describe('409: the state forbids it', () => {
  it('an active case cannot be resumed', async () => {
    const id = await api.seed('en-gb-tracking');
    await refused(`/api/cases/${id}/resume`, {});
  });

  it('a paid case takes no promise, dispute, plan or settlement, and cannot be resumed', async () => {
    const id = await api.seed('en-gb-tracking');
    expect((await api.post(`/api/cases/${id}/payments`, pay('2880.00'))).status).toBe(200);
    await refused(`/api/cases/${id}/promise`, { until: '2026-04-20' });
    await refused(`/api/cases/${id}/dispute`, { note: 'too late' });
    await refused(`/api/cases/${id}/plan`, { count: 2, firstDueDate: '2026-04-20', frequency: 'monthly' });
    await refused(`/api/cases/${id}/settlement`, { accept: { currency: 'GBP', amount: '100.00' }, payBy: '2026-04-22' });
    await refused(`/api/cases/${id}/resume`, {});
  });

  it('a cancelled case takes no payment and cannot be cancelled again', async () => {
    const id = await api.seed('en-gb-tracking');
    expect((await api.post(`/api/cases/${id}/cancel`, { reason: 'written off' })).status).toBe(200);
    await refused(`/api/cases/${id}/payments`, pay('10.00'));
    await refused(`/api/cases/${id}/cancel`, {});
    await refused(`/api/cases/${id}/promise`, { until: '2026-04-20' });
  });

  it('a case under a payment plan takes no promise and cannot be resumed', async () => {
    const id = await api.seed('en-gb-tracking');
    expect((await api.post(`/api/cases/${id}/plan`, { count: 2, firstDueDate: '2026-04-20', frequency: 'monthly' })).status).toBe(200);
    await refused(`/api/cases/${id}/promise`, { until: '2026-04-20' });
    await refused(`/api/cases/${id}/resume`, {});
  });

  it('only an uncertain or failed letter can be resent: a scheduled one is a 409', async () => {
    const id = await api.seed('en-gb-tracking');
    const before = await api.snapshot();
    const answer = await api.request('POST', `/api/cases/${id}/stages/g1.late-15/resend`);
    expect([answer.status, (answer.json as { error: string }).error], answer.text).toEqual([409, 'conflict']);
    expect(await api.snapshot()).toBe(before);
  });
});

describe('400: the action names something the case does not have, or a value the case cannot take', () => {
  it('a payment on an invoice of another case, or in another currency', async () => {
    const id = await api.seed('en-gb-tracking');
    await invalid(`/api/cases/${id}/payments`, { ...pay('10.00'), invoice: 'F-2026-031' }, 'invoice');
    await invalid(`/api/cases/${id}/payments`, { date: '2026-04-08', amount: { currency: 'EUR', amount: '10.00' } }, 'amount.currency');
  });

  it('a promise dated in the past; a plan starting in the past or not covering the balance; a settlement for the whole debt', async () => {
    const id = await api.seed('en-gb-tracking');
    await invalid(`/api/cases/${id}/promise`, { until: '2026-04-07' }, 'until');
    await invalid(`/api/cases/${id}/plan`, { count: 2, firstDueDate: '2026-04-01', frequency: 'monthly' }, 'firstDueDate');
    await invalid(
      `/api/cases/${id}/plan`,
      { total: { currency: 'GBP', amount: '100.00' }, frequency: 'monthly', instalments: [{ number: 1, dueDate: '2026-04-20', amount: { currency: 'GBP', amount: '100.00' } }] },
      'total',
    );
    await invalid(`/api/cases/${id}/settlement`, { accept: { currency: 'GBP', amount: '2880.00' }, payBy: '2026-04-22' }, 'accept');
  });

  it('instalments given one by one must add up to the plan total and be numbered 1, 2, 3 …', async () => {
    const id = await api.seed('en-gb-tracking');
    const inst = (number: number, dueDate: string, amount: string) => ({ number, dueDate, amount: { currency: 'GBP', amount } });
    const total = { currency: 'GBP', amount: '2880.00' };
    await invalid(`/api/cases/${id}/plan`, { total, frequency: 'monthly', instalments: [inst(1, '2026-04-20', '1000.00'), inst(2, '2026-05-20', '1000.00')] }, 'instalments');
    await invalid(`/api/cases/${id}/plan`, { total, frequency: 'monthly', instalments: [inst(5, '2026-04-20', '1440.00'), inst(6, '2026-05-20', '1440.00')] }, 'instalments[0].number');
    await invalid(`/api/cases/${id}/plan`, { total, frequency: 'monthly', instalments: [inst(1, '2026-04-20', '1440.00'), inst(1, '2026-05-20', '1440.00')] }, 'instalments[1].number');
  });

  it('the outcome of a task the case does not have, and a resend of a stage it does not have, name the stage id', async () => {
    const id = await api.seed('fr-pressure-scale');
    await invalid(`/api/cases/${id}/tasks/g1.no-such-call/outcome`, { outcome: 'no-answer' }, 'stageId');
    // a letter is not a task
    await invalid(`/api/cases/${id}/tasks/g1.demand/outcome`, { outcome: 'no-answer' }, 'stageId');
    const before = await api.snapshot();
    const answer = await api.request('POST', `/api/cases/${id}/stages/g9.nothing/resend`);
    expect(fieldErrorsOf(answer).map((f) => f.path)).toEqual(['stageId']);
    expect(await api.snapshot()).toBe(before);
  });

  it('the outcome of a call that exists is logged', async () => {
    const id = await api.seed('fr-pressure-scale');
    const answer = await api.post(`/api/cases/${id}/tasks/g1.call-pay-today/outcome`, { outcome: 'reached-will-pay', note: 'Marc: virement vendredi' });
    expect(answer.status).toBe(200);
    const events = await api.store.getEvents(id);
    expect(events.at(-1)).toMatchObject({ type: 'task-outcome', actor: 'owner', stageId: 'g1.call-pay-today', data: { outcome: 'reached-will-pay', note: 'Marc: virement vendredi' } });
  });
});
