import { createHash } from 'node:crypto';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
  ValidationException,
  type GetScheduleCommandOutput,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBridgeScheduler } from '#functions/adapters/aws/eventbridge-scheduler.ts';
import { scheduleName } from '#functions/adapters/aws/schedule-name.ts';
import type { ScheduleEntry } from '#functions/ports/scheduler.ts';

// EventBridge Scheduler has no local stand-in: the adapter is held to the exact requests it makes
const mock = mockClient(SchedulerClient);
afterEach(() => mock.reset());

const arns = {
  targetArn: 'arn:aws:lambda:eu-west-3:123456789012:function:overdue-stage-sender',
  roleArn: 'arn:aws:iam::123456789012:role/overdue-scheduler-invoke',
  deadLetterArn: 'arn:aws:sqs:eu-west-3:123456789012:overdue-schedule-dlq',
};
const fixedNow = (iso: string) => ({ now: () => new Date(iso) });
const scheduler = (now = '2026-03-01T12:00:00.000Z', log?: (level: string, message: string, data?: Record<string, unknown>) => void) =>
  createEventBridgeScheduler({ client: new SchedulerClient({ region: 'eu-west-3' }), groupName: 'overdue', ...arns, clock: fixedNow(now), log });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const caseId = 'c_8f3kq2m7x1p9d4t6';
/** 10:00 in Paris on the Monday after the spring change (29 March 2026): CEST, UTC+2, so 08:00Z */
const parisAfterDst: ScheduleEntry = { caseId, stageId: 'g1.late-7', instant: '2026-03-30T08:00:00.000Z', localDate: '2026-03-30', localTime: '10:00', timeZone: 'Europe/Paris' };

describe('EventBridge Scheduler adapter: schedule', () => {
  it('creates one one-time schedule with the exact request: wall-clock at() in the debtor\'s zone, DELETE after completion, retry policy, DLQ, deterministic name and token', async () => {
    mock.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-3:123456789012:schedule/overdue/x' });
    await scheduler().schedule(parisAfterDst);

    const calls = mock.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0]).toBeInstanceOf(CreateScheduleCommand);
    expect(calls[0]!.args[0].input).toEqual({
      Name: 'c_8f3kq2m7x1p9d4t6.g1.late-7',
      GroupName: 'overdue',
      // the Paris wall clock, not the UTC fields of the instant (which would say 08:00)
      ScheduleExpression: 'at(2026-03-30T10:00:00)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'Overdue: stage g1.late-7 of case c_8f3kq2m7x1p9d4t6',
      Target: {
        Arn: arns.targetArn,
        RoleArn: arns.roleArn,
        Input: '{"caseId":"c_8f3kq2m7x1p9d4t6","stageId":"g1.late-7"}',
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: arns.deadLetterArn },
      },
      ClientToken: sha256('create\nc_8f3kq2m7x1p9d4t6.g1.late-7\nat(2026-03-30T10:00:00)\nEurope/Paris'),
    });
  });

  it.each([
    ['winter in Paris (CET, UTC+1)', { instant: '2027-01-15T09:00:00.000Z', localDate: '2027-01-15', localTime: '10:00', timeZone: 'Europe/Paris' }, 'at(2027-01-15T10:00:00)'],
    ['New York the day after the autumn change (EST, UTC-5)', { instant: '2026-11-02T14:00:00.000Z', localDate: '2026-11-02', localTime: '09:00', timeZone: 'America/New_York' }, 'at(2026-11-02T09:00:00)'],
    ['Jerusalem on a Sunday (IST, UTC+2)', { instant: '2026-12-06T07:30:00.000Z', localDate: '2026-12-06', localTime: '09:30', timeZone: 'Asia/Jerusalem' }, 'at(2026-12-06T09:30:00)'],
    ['Auckland, where the local date is a day ahead of UTC', { instant: '2026-06-30T21:00:00.000Z', localDate: '2026-07-01', localTime: '09:00', timeZone: 'Pacific/Auckland' }, 'at(2026-07-01T09:00:00)'],
  ])('%s: %s', async (_title, when, expression) => {
    mock.on(CreateScheduleCommand).resolves({});
    await scheduler().schedule({ caseId, stageId: 'g1.reminder', ...when });
    const input = mock.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect([input.ScheduleExpression, input.ScheduleExpressionTimezone]).toEqual([expression, when.timeZone]);
  });

  it('a stage that is due now or overdue (a resend, a catch-up) fires at the first whole minute at least a minute ahead, on the zone\'s wall clock', async () => {
    mock.on(CreateScheduleCommand).resolves({});
    const log: string[] = [];
    // resendStage moves the instant to now and leaves the old localDate/localTime in place
    await scheduler('2026-04-10T07:03:27.500Z', (level, message) => log.push(`${level}: ${message}`)).schedule({ ...parisAfterDst, instant: '2026-04-10T07:03:27.500Z' });
    const input = mock.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    // 07:03:27.5Z + 60 s = 07:04:27.5Z, rounded up to 07:05Z = 09:05 in Paris (CEST)
    expect([input.ScheduleExpression, input.ScheduleExpressionTimezone]).toEqual(['at(2026-04-10T09:05:00)', 'Europe/Paris']);
    expect(log).toEqual([]);
  });

  it('a wall clock that does not denote the instant (a "now" letter labelled with UTC fields) is scheduled by the instant, with a warning', async () => {
    mock.on(CreateScheduleCommand).resolves({});
    const log: string[] = [];
    const entry: ScheduleEntry = { caseId, stageId: 'g2.promise-confirmation', instant: '2026-04-10T10:00:30.000Z', localDate: '2026-04-10', localTime: '10:00', timeZone: 'Europe/Paris' };
    await scheduler('2026-04-10T09:00:00.000Z', (level, message) => log.push(`${level}: ${message}`)).schedule(entry);
    // 10:00:30Z rounded up = 10:01Z = 12:01 in Paris; never before the instant
    expect(mock.commandCalls(CreateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2026-04-10T12:01:00)');
    expect(log).toEqual(['warn: stage wall clock differs from its instant: scheduled by the instant']);
  });

  it('the same stage asked twice gets the same name and token (a retry cannot make a second schedule); another time, another token', async () => {
    mock.on(CreateScheduleCommand).resolves({});
    await scheduler().schedule(parisAfterDst);
    await scheduler().schedule(parisAfterDst);
    await scheduler().schedule({ ...parisAfterDst, instant: '2026-03-30T09:00:00.000Z', localTime: '11:00' });
    const [a, b, c] = mock.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input);
    expect(b).toEqual(a);
    expect(c!.Name).toBe(a!.Name);
    expect(c!.ClientToken).not.toBe(a!.ClientToken);
    for (const input of [a!, c!]) expect(input.ClientToken).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
  });

  describe('when the schedule already exists (ConflictException)', () => {
    const conflict = () => new ConflictException({ message: 'Schedule c_8f3kq2m7x1p9d4t6.g1.late-7 already exists.', Message: 'Schedule c_8f3kq2m7x1p9d4t6.g1.late-7 already exists.', $metadata: { httpStatusCode: 409 } });
    const existing = (expression: string, extra: Partial<GetScheduleCommandOutput> = {}): GetScheduleCommandOutput => ({
      Name: 'c_8f3kq2m7x1p9d4t6.g1.late-7',
      GroupName: 'overdue',
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: 'Europe/Paris',
      State: 'ENABLED',
      Target: { Arn: arns.targetArn, RoleArn: arns.roleArn, Input: '{"caseId":"c_8f3kq2m7x1p9d4t6","stageId":"g1.late-7"}' },
      $metadata: {},
      ...extra,
    });

    it('is success when it fires for this stage at the time asked: read, nothing changed', async () => {
      mock.on(CreateScheduleCommand).rejects(conflict());
      mock.on(GetScheduleCommand).resolves(existing('at(2026-03-30T10:00:00)'));
      await scheduler().schedule(parisAfterDst);
      expect(mock.calls().map((c) => c.args[0].constructor.name)).toEqual(['CreateScheduleCommand', 'GetScheduleCommand']);
      expect(mock.commandCalls(GetScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'c_8f3kq2m7x1p9d4t6.g1.late-7', GroupName: 'overdue' });
    });

    it.each([
      ['fires at another time', existing('at(2026-03-30T09:00:00)')],
      ['is disabled', existing('at(2026-03-30T10:00:00)', { State: 'DISABLED' })],
      ['invokes something else', existing('at(2026-03-30T10:00:00)', { Target: { Arn: 'arn:aws:lambda:eu-west-3:123456789012:function:old', RoleArn: arns.roleArn, Input: '{}' } })],
    ])('is replaced with the full definition (UpdateSchedule) when it %s', async (_what, found) => {
      mock.on(CreateScheduleCommand).rejects(conflict());
      mock.on(GetScheduleCommand).resolves(found);
      mock.on(UpdateScheduleCommand).resolves({});
      await scheduler().schedule(parisAfterDst);
      const create = mock.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
      const update = mock.commandCalls(UpdateScheduleCommand)[0]!.args[0].input;
      const { ClientToken: _c, ...definition } = create;
      expect(update).toEqual({ ...definition, ClientToken: sha256('update\nc_8f3kq2m7x1p9d4t6.g1.late-7\nat(2026-03-30T10:00:00)\nEurope/Paris') });
    });

    it('is armed again when it already fired but the stage is still scheduled (the reconciler\'s case)', async () => {
      mock.on(CreateScheduleCommand).rejects(conflict());
      mock.on(GetScheduleCommand).resolves(existing('at(2026-03-30T10:00:00)'));
      mock.on(UpdateScheduleCommand).resolves({});
      await scheduler('2026-03-31T02:00:00.000Z').schedule(parisAfterDst);
      // now + 60 s = 02:01Z = 04:01 in Paris
      expect(mock.commandCalls(UpdateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2026-03-31T04:01:00)');
    });

    it('is created again when it ran and was deleted between the two calls', async () => {
      mock.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({});
      mock.on(GetScheduleCommand).rejects(new ResourceNotFoundException({ message: 'Schedule not found.', Message: 'Schedule not found.', $metadata: { httpStatusCode: 404 } }));
      await scheduler().schedule(parisAfterDst);
      expect(mock.calls().map((c) => c.args[0].constructor.name)).toEqual(['CreateScheduleCommand', 'GetScheduleCommand', 'CreateScheduleCommand']);
    });
  });

  it('says which operation on which schedule failed, and why', async () => {
    mock.on(CreateScheduleCommand).rejects(new ValidationException({ message: 'Invalid Schedule Expression at(2026-02-30T10:00:00)', Message: 'Invalid Schedule Expression at(2026-02-30T10:00:00)', $metadata: { httpStatusCode: 400 } }));
    const error = await scheduler().schedule(parisAfterDst).catch((e: unknown) => e);
    expect((error as Error).message).toMatchInlineSnapshot(
      `"Scheduler: CreateSchedule of schedule c_8f3kq2m7x1p9d4t6.g1.late-7 failed: ValidationException: Invalid Schedule Expression at(2026-02-30T10:00:00)"`,
    );
  });
});

describe('EventBridge Scheduler adapter: cancel', () => {
  it('deletes the schedule by name in the group', async () => {
    mock.on(DeleteScheduleCommand).resolves({});
    await scheduler().cancel(caseId, 'g1.late-7');
    expect(mock.calls()).toHaveLength(1);
    expect(mock.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'c_8f3kq2m7x1p9d4t6.g1.late-7', GroupName: 'overdue' });
  });

  it('an unknown schedule (already ran and deleted itself, never made) is not an error; anything else is', async () => {
    mock.on(DeleteScheduleCommand).rejectsOnce(new ResourceNotFoundException({ message: 'Schedule not found.', Message: 'Schedule not found.', $metadata: { httpStatusCode: 404 } }));
    await expect(scheduler().cancel(caseId, 'g1.late-7')).resolves.toBeUndefined();
    mock.on(DeleteScheduleCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', Message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }));
    await expect(scheduler().cancel(caseId, 'g1.late-7')).rejects.toThrow('Scheduler: DeleteSchedule of schedule c_8f3kq2m7x1p9d4t6.g1.late-7 failed: ThrottlingException: Rate exceeded');
  });
});

describe('scheduleName', () => {
  const valid = /^[0-9a-zA-Z_.-]{1,64}$/;

  it('is <caseId>.<stageId> when that is a valid name', () => {
    expect(scheduleName('c_8f3kq2m7x1p9d4t6', 'g12.instalment-missed')).toBe('c_8f3kq2m7x1p9d4t6.g12.instalment-missed');
  });

  it('is a readable prefix plus a digest when the ids are too long or carry other characters, always valid and deterministic', () => {
    const long = scheduleName('c_'.padEnd(64, 'x'), 'g1.late-7');
    const odd = scheduleName('case with spaces', 'g1.relance/ü');
    expect(long).toMatch(valid);
    expect(odd).toMatch(valid);
    expect(long).toMatch(/^c_x{22}\.g1\.late-7\.[0-9a-f]{22}$/);
    expect(odd).toMatch(/^case-with-spaces\.g1\.relance--\.[0-9a-f]{22}$/);
    expect(scheduleName('c_'.padEnd(64, 'x'), 'g1.late-7')).toBe(long);
    expect(scheduleName('c_'.padEnd(64, 'x'), 'g1.late-8')).not.toBe(long);
  });

  it('tells apart ids that a naive join would confuse', () => {
    expect(scheduleName('a.b', 'c')).not.toBe(scheduleName('a', 'b.c'));
  });
});
