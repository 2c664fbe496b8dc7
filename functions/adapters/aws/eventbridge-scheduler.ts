import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type GetScheduleCommandOutput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { zonedInstant } from '#domain/time/zoned-instant.ts';
import { systemClock, type Clock } from '../../ports/clock.ts';
import type { Ports } from '../../ports/ports.ts';
import type { ScheduleEntry, Scheduler } from '../../ports/scheduler.ts';
import { scheduleClientToken, scheduleName } from './schedule-name.ts';
import { scheduleAt, type ScheduleTime } from './schedule-time.ts';

export interface EventBridgeSchedulerOptions {
  client: SchedulerClient;
  /** the schedule group (CDK: CfnScheduleGroup); its name, not its ARN */
  groupName: string;
  /** the stage sender Lambda the schedules invoke */
  targetArn: string;
  /** the role EventBridge Scheduler assumes to invoke it (lambda:InvokeFunction on targetArn) */
  roleArn: string;
  /** the SQS queue that receives invocations that failed for good */
  deadLetterArn: string;
  /** default: 5 retries within an hour */
  retry?: { maximumRetryAttempts: number; maximumEventAgeInSeconds: number } | undefined;
  clock?: Clock | undefined;
  log?: Ports['log'];
}

/**
 * The Scheduler on EventBridge Scheduler: one one-time schedule per case for its next stage,
 * named from the case and stage (scheduleName), firing at the stage's wall-clock time in the
 * debtor's zone (scheduleAt), deleted by Scheduler itself once it ran (ActionAfterCompletion
 * DELETE), invoking the stage sender with `{ caseId, stageId }`, with a retry policy and a
 * dead-letter queue.
 *
 * - `schedule` is idempotent: CreateSchedule with a deterministic ClientToken; a
 *   ConflictException means the schedule exists, and it is kept when it still fires for this
 *   stage between the stage's instant and the time asked for, and not in the past; otherwise
 *   it is updated (UpdateSchedule replaces the whole definition) so a moved stage, a resend of
 *   the same stage, or a schedule that fired without the stage being sent is armed again.
 * - `cancel` deletes the schedule; one that is not there (already ran, never made) is fine.
 * - Errors are thrown as `Error('Scheduler: …')` naming the operation, schedule and AWS error.
 *
 * @example
 * const scheduler = createEventBridgeScheduler({ client: new SchedulerClient({}), groupName: 'overdue', targetArn, roleArn, deadLetterArn });
 * await scheduler.schedule({ caseId, stageId: 'g1.late-7', instant: '2026-03-30T08:00:00.000Z', localDate: '2026-03-30', localTime: '10:00', timeZone: 'Europe/Paris' });
 * // CreateSchedule { Name: '<caseId>.g1.late-7', ScheduleExpression: 'at(2026-03-30T10:00:00)', ScheduleExpressionTimezone: 'Europe/Paris', … }
 */
export function createEventBridgeScheduler(options: EventBridgeSchedulerOptions): Scheduler {
  const { client, groupName: GroupName } = options;
  const clock = options.clock ?? systemClock;
  const retry = options.retry ?? { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 3600 };

  const definition = (entry: ScheduleEntry, name: string, when: ScheduleTime): Omit<CreateScheduleCommandInput, 'ClientToken'> => ({
    Name: name,
    GroupName,
    ScheduleExpression: when.expression,
    ScheduleExpressionTimezone: when.timeZone,
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    Description: `Overdue: stage ${entry.stageId} of case ${entry.caseId}`.slice(0, 512),
    Target: {
      Arn: options.targetArn,
      RoleArn: options.roleArn,
      Input: JSON.stringify({ caseId: entry.caseId, stageId: entry.stageId }),
      RetryPolicy: { MaximumRetryAttempts: retry.maximumRetryAttempts, MaximumEventAgeInSeconds: retry.maximumEventAgeInSeconds },
      DeadLetterConfig: { Arn: options.deadLetterArn },
    },
  });

  /** An existing schedule still does the job: same target and input, enabled, firing after now, no earlier than the stage and no later than asked. */
  const stillRight = (existing: GetScheduleCommandOutput, wanted: Omit<CreateScheduleCommandInput, 'ClientToken'>, entry: ScheduleEntry, when: ScheduleTime, now: Date): boolean => {
    const fires = atInstant(existing.ScheduleExpression, existing.ScheduleExpressionTimezone);
    if (fires === undefined || existing.State !== 'ENABLED') return false;
    if (existing.Target?.Arn !== wanted.Target?.Arn || existing.Target?.Input !== wanted.Target?.Input) return false;
    const notBefore = Math.max(Math.floor(Date.parse(entry.instant) / 60_000) * 60_000, now.getTime() + 1);
    return fires >= notBefore && fires <= Date.parse(when.instant);
  };

  return {
    async schedule(entry: ScheduleEntry): Promise<void> {
      const name = scheduleName(entry.caseId, entry.stageId);
      const now = clock.now();
      const when = scheduleAt(entry, now);
      if (when.adjusted === 'wall-clock-differs') {
        options.log?.('warn', 'stage wall clock differs from its instant: scheduled by the instant', { ...entry, expression: when.expression });
      }
      const wanted = definition(entry, name, when);
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(new CreateScheduleCommand({ ...wanted, ClientToken: scheduleClientToken('create', name, when.expression, when.timeZone) }));
          return;
        } catch (error) {
          if ((error as Error).name !== 'ConflictException') throw schedulerError('CreateSchedule', name, error);
        }
        let existing: GetScheduleCommandOutput;
        try {
          existing = await client.send(new GetScheduleCommand({ Name: name, GroupName }));
        } catch (error) {
          // it ran and Scheduler deleted it between our two calls: create it again (once)
          if ((error as Error).name === 'ResourceNotFoundException' && attempt < 2) continue;
          throw schedulerError('GetSchedule', name, error);
        }
        if (stillRight(existing, wanted, entry, when, now)) return;
        try {
          await client.send(new UpdateScheduleCommand({ ...wanted, ClientToken: scheduleClientToken('update', name, when.expression, when.timeZone) }));
          return;
        } catch (error) {
          throw schedulerError('UpdateSchedule', name, error);
        }
      }
    },

    async cancel(caseId: string, stageId: string): Promise<void> {
      const name = scheduleName(caseId, stageId);
      try {
        await client.send(new DeleteScheduleCommand({ Name: name, GroupName }));
      } catch (error) {
        if ((error as Error).name === 'ResourceNotFoundException') return;
        throw schedulerError('DeleteSchedule', name, error);
      }
    },
  };
}

/** The UTC instant (ms) of an `at(yyyy-mm-ddThh:mm:ss)` expression in `timeZone`, or undefined for any other expression. */
function atInstant(expression: string | undefined, timeZone: string | undefined): number | undefined {
  const match = /^at\((\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):(\d{2})\)$/.exec(expression ?? '');
  if (!match) return undefined;
  return Date.parse(zonedInstant(match[1]!, match[2]!, timeZone ?? 'UTC')) + Number(match[3]) * 1000;
}

function schedulerError(operation: string, name: string, error: unknown): Error {
  const e = error as Error;
  return new Error(`Scheduler: ${operation} of schedule ${name} failed: ${e.name}: ${e.message}`, { cause: error });
}
