import { describe, expect, it } from 'vitest';
import { reconcile } from '#functions/adapters/aws/reconcile.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import type { ScheduleEntry } from '#functions/ports/scheduler.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';

const now = new Date('2026-04-10T12:00:00.000Z');
const record = (id: string, status: CaseRecord['status'] = 'active', generation = 1): CaseRecord => ({ id, createdAt: '2026-04-01T08:00:00.000Z', updatedAt: '2026-04-01T08:00:00.000Z', version: 1, status, file: {} as never, generation });
const stage = (caseId: string, id: string, instant: string, extra: Partial<StageRecord> = {}): StageRecord => ({
  caseId,
  id,
  generation: Number(id.slice(1, id.indexOf('.'))),
  seq: 0,
  key: id.slice(id.indexOf('.') + 1),
  channel: 'email',
  template: 'overdue-firm',
  instant,
  localDate: instant.slice(0, 10),
  localTime: instant.slice(11, 16),
  timeZone: 'UTC',
  status: 'scheduled',
  attempts: 0,
  ...extra,
});

describe('reconcile', () => {
  it('ensures the next stage of the live generation of every live case, and reports the cases it could not, after trying all', async () => {
    const store = openSqliteStore(':memory:');
    await store.createCase(record('c_one', 'active', 2), [stage('c_one', 'g1.old', '2026-04-11T10:00:00.000Z'), stage('c_one', 'g2.late', '2026-04-13T10:00:00.000Z'), stage('c_one', 'g2.soon', '2026-04-12T10:00:00.000Z')], []);
    await store.createCase(record('c_two'), [stage('c_two', 'g1.late', '2026-04-12T10:00:00.000Z')], []);
    await store.createCase(record('c_paid', 'paid'), [stage('c_paid', 'g1.late', '2026-04-12T10:00:00.000Z')], []);
    const asked: ScheduleEntry[] = [];
    const ports = {
      store,
      clock: { now: () => now },
      scheduler: {
        schedule: async (entry: ScheduleEntry) => {
          if (entry.caseId === 'c_two') throw new Error('Scheduler: CreateSchedule of schedule c_two.g1.late failed: ThrottlingException: Rate exceeded');
          asked.push(entry);
        },
        cancel: async () => {},
      },
    };

    const error = await reconcile(ports, async () => {}).catch((e: unknown) => e);

    expect(asked).toEqual([{ caseId: 'c_one', stageId: 'g2.soon', instant: '2026-04-12T10:00:00.000Z', localDate: '2026-04-12', localTime: '10:00', timeZone: 'UTC' }]);
    expect((error as Error).message).toBe('Reconciler: 1 of 2 cases failed: c_two: Scheduler: CreateSchedule of schedule c_two.g1.late failed: ThrottlingException: Rate exceeded');
  });

  it('a claim exactly 15 minutes old is stale; one a millisecond younger is not', async () => {
    const store = openSqliteStore(':memory:');
    await store.createCase(record('c_one'), [
      stage('c_one', 'g1.a', '2026-04-10T11:00:00.000Z', { status: 'claimed', claimedAt: '2026-04-10T11:45:00.000Z' }),
      stage('c_one', 'g1.b', '2026-04-10T11:00:00.000Z', { status: 'claimed', claimedAt: '2026-04-10T11:45:00.001Z' }),
    ], []);
    const notes: string[] = [];
    const report = await reconcile({ store, clock: { now: () => now }, scheduler: { schedule: async () => {}, cancel: async () => {} } }, async (subject) => void notes.push(subject));
    expect(report).toEqual({ uncertain: 1, cases: 1, scheduled: [], failed: [] });
    expect((await store.getStages('c_one')).map((s) => `${s.id}:${s.status}`)).toEqual(['g1.a:uncertain', 'g1.b:claimed']);
    expect(notes).toEqual(['Overdue: 1 letter of uncertain fate']);
  });
});
