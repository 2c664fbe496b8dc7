import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planLadder } from '#domain/ladder/plan-ladder.ts';
import { readyLadders } from '#ladders/ready-ladders.ts';
import { isBusinessDay } from '#domain/time/business-days.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import type { Ladder } from '#domain/schemas/ladder.ts';

const paris = { country: 'FR', timeZone: 'Europe/Paris' };
const israel = { country: 'IL', timeZone: 'Asia/Jerusalem' };
const row = (s: { key: string; localDate: string; localTime: string; instant: string }) => `${s.key} ${s.localDate} ${s.localTime} ${s.instant}`;

describe('planLadder: tracking (calendar days)', () => {
  it('plans −3, +3, +7, +15, +30, +45 at 10:00 local, rolling weekends and holidays', () => {
    const stages = planLadder(readyLadders.tracking!, '2026-03-31', paris);
    expect(stages.map(row)).toEqual([
      'pre-due 2026-03-30 10:00 2026-03-30T08:00:00.000Z', // 28 Mar is a Saturday → Monday 30
      'late-3 2026-04-03 10:00 2026-04-03T08:00:00.000Z',
      'late-7 2026-04-07 10:00 2026-04-07T08:00:00.000Z',
      'late-15 2026-04-15 10:00 2026-04-15T08:00:00.000Z',
      'late-30 2026-04-30 10:00 2026-04-30T08:00:00.000Z',
      'late-45 2026-05-15 10:00 2026-05-15T08:00:00.000Z',
    ]);
    expect(stages[0]!.shifts).toEqual([{ kind: 'weekend', from: '2026-03-28' }]);
  });
  it('records a public holiday by name', () => {
    // due 11 Jul 2026: +3 = 14 Jul, Bastille Day → 15 Jul
    const stages = planLadder(readyLadders.tracking!, '2026-07-11', paris);
    expect(stages[1]!.localDate).toBe('2026-07-15');
    expect(stages[1]!.shifts).toEqual([{ kind: 'holiday', from: '2026-07-14', name: 'Bastille Day' }]);
  });
  it('uses the winter offset before the DST change and the summer one after', () => {
    const stages = planLadder(readyLadders.tracking!, '2026-03-25', paris);
    expect(stages[0]!.instant).toBe('2026-03-23T09:00:00.000Z'); // CET
    expect(stages[1]!.instant).toBe('2026-03-30T08:00:00.000Z'); // 28 Mar (Sat) → 30 Mar, CEST
  });
});

describe('planLadder: pressure scale (business days)', () => {
  it("skips Israel's Friday–Saturday weekend and Passover, calls at mid-day", () => {
    const stages = planLadder(readyLadders['pressure-scale']!, '2026-04-02', israel);
    expect(stages.map(row)).toEqual([
      'notice 2026-03-30 10:00 2026-03-30T07:00:00.000Z',
      'due-day 2026-04-05 13:00 2026-04-05T10:00:00.000Z', // 2 Apr Passover, 3–4 Apr weekend → Sunday 5
      'demand 2026-04-06 10:00 2026-04-06T07:00:00.000Z',
      'call-pay-today 2026-04-07 13:00 2026-04-07T10:00:00.000Z',
      'call-ask-letter 2026-04-09 13:00 2026-04-09T10:00:00.000Z', // 8 Apr is the last day of Passover
      'formal-claim 2026-04-16 10:00 2026-04-16T07:00:00.000Z',
      'hand-off 2026-04-20 13:00 2026-04-20T10:00:00.000Z',
    ]);
    expect(stages.filter((s) => s.channel === 'task').map((s) => s.template)).toEqual(['call', 'call', 'hand-off']);
    expect(stages[1]!.shifts).toEqual([{ kind: 'holiday', from: '2026-04-02', name: 'Passover (Pesach)' }]);
  });
});

describe('planLadder: properties', () => {
  const ladders = ['tracking', 'pressure-scale', 'gentle'].map((k) => readyLadders[k]!);
  const debtors = [
    paris,
    israel,
    { country: 'GB', region: 'ENG', timeZone: 'Europe/London' },
    { country: 'US', region: 'NY', timeZone: 'America/New_York' },
    { country: 'RU', timeZone: 'Europe/Moscow' },
    { country: 'DE', timeZone: 'Europe/Berlin' },
  ];
  it('instants are strictly increasing, business days land on business days, and local times are kept across DST', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ladders),
        fc.constantFrom(...debtors),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (ladder, debtor, d) => {
          const due = d.toISOString().slice(0, 10);
          const stages = planLadder(ladder, due, debtor);
          for (let i = 1; i < stages.length; i++) expect(stages[i]!.instant > stages[i - 1]!.instant).toBe(true);
          stages.forEach((s, i) => {
            const stage = ladder.stages[i]!;
            if (stage.offset.unit === 'business' || ladder.rollToBusinessDay) expect(isBusinessDay(s.localDate, debtor), `${s.key} ${s.localDate}`).toBe(true);
            expect(localDateTime(s.instant, debtor.timeZone)).toEqual({ date: s.localDate, time: stage.at });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('moves a stage that would collide with the previous one to the next business day', () => {
    const ladder: Ladder = {
      key: 'tight',
      name: 'Tight',
      rollToBusinessDay: true,
      stages: [
        { key: 'a', offset: { days: 1, unit: 'calendar' }, at: '10:00', channel: 'email', template: 'overdue-gentle', attachments: [] },
        { key: 'b', offset: { days: 2, unit: 'calendar' }, at: '09:00', channel: 'email', template: 'overdue-firm', attachments: [] },
      ],
    };
    // due Fri 3 Apr 2026 in France: +1 Sat → Mon 6 (Easter Monday) → Tue 7 10:00; +2 Sun → Tue 7 09:00 collides → Wed 8
    const [a, b] = planLadder(ladder, '2026-04-03', paris);
    expect(a!.localDate).toBe('2026-04-07');
    expect(b!.localDate).toBe('2026-04-08');
    expect(b!.shifts.at(-1)).toEqual({ kind: 'after-previous', from: '2026-04-07' });
  });
});

describe('catch-up policy', () => {
  const ladder = readyLadders.tracking!;
  it('by default sends only the most recent missed stage, at once during working hours', () => {
    // Monday 20 Apr 2026, 11:00 in Paris: pre-due, +3, +7 and +15 (15 Apr) have passed
    const stages = planLadder(ladder, '2026-03-31', paris, { now: '2026-04-20T09:00:00Z' });
    expect(stages.map((s) => `${s.key}:${s.status}${s.caughtUp ? ':caught-up' : ''}`)).toEqual([
      'pre-due:skipped',
      'late-3:skipped',
      'late-7:skipped',
      'late-15:planned:caught-up',
      'late-30:planned',
      'late-45:planned',
    ]);
    expect(stages[3]!.instant).toBe('2026-04-20T09:00:00.000Z');
    expect(stages.filter((s) => s.status === 'skipped').every((s) => s.skipReason === 'missed')).toBe(true);
  });
  it('waits for the next business morning outside working hours', () => {
    // Saturday 18 Apr 2026 22:00 Paris → Monday 20 Apr at the stage's 10:00
    const stages = planLadder(ladder, '2026-03-31', paris, { now: '2026-04-18T20:00:00Z' });
    const caught = stages.find((s) => s.caughtUp)!;
    expect([caught.key, caught.localDate, caught.localTime, caught.instant]).toEqual(['late-15', '2026-04-20', '10:00', '2026-04-20T08:00:00.000Z']);
  });
  it('before working hours on a business day, sends at the stage time that day', () => {
    const stages = planLadder(ladder, '2026-03-31', paris, { now: '2026-04-21T04:00:00Z' }); // 06:00 Paris
    expect(stages.find((s) => s.caughtUp)?.instant).toBe('2026-04-21T08:00:00.000Z');
  });
  it('skips everything past with policy none', () => {
    const stages = planLadder(ladder, '2026-03-31', paris, { now: '2026-04-20T09:00:00Z', catchUp: 'none' });
    expect(stages.filter((s) => s.status === 'planned').map((s) => s.key)).toEqual(['late-30', 'late-45']);
  });
  it('lets the next stage supersede a caught-up one that would not go out before it', () => {
    // Friday 29 Apr 2026 20:00 Paris: +15 missed; next business morning is Thu 30 Apr 10:00 = the +30 stage itself
    const stages = planLadder(ladder, '2026-03-31', paris, { now: '2026-04-29T18:00:00Z' });
    expect(stages.filter((s) => s.status === 'planned').map((s) => s.key)).toEqual(['late-30', 'late-45']);
  });
  it('skips stages dated before the invoice was issued', () => {
    const stages = planLadder(ladder, '2026-03-31', paris, { notBefore: '2026-03-31' });
    expect(stages[0]).toMatchObject({ key: 'pre-due', status: 'skipped', skipReason: 'before-issue' });
  });
});
