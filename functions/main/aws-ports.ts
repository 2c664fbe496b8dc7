import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { z } from 'zod';
import { createDynamoDbStore, type DynamoDbStore } from '../adapters/aws/dynamodb-store.ts';
import { createEventBridgeScheduler } from '../adapters/aws/eventbridge-scheduler.ts';
import { createS3Archive } from '../adapters/aws/s3-archive.ts';
import { createSesMailer } from '../adapters/aws/ses-mailer.ts';
import { createSnsOwnerNotifier, type NotifyOwner } from '../adapters/aws/sns-owner-notifier.ts';
import { systemClock } from '../ports/clock.ts';
import type { Ports } from '../ports/ports.ts';
import type { StageRenderer } from '../ports/renderer.ts';

const arn = (service: string) => z.string().regex(new RegExp(`^arn:aws[a-z-]*:${service}:`), { message: `must be an ARN of ${service}` });

/**
 * The environment every Overdue Lambda gets (the CDK stack gives all functions the same
 * variables and grants each only what it uses). AWS_ENDPOINT_URL_<SERVICE> (read by the SDK
 * itself) and S3_FORCE_PATH_STYLE point the functions at local stand-ins for tests and bundle runs.
 */
export const AwsEnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  ARCHIVE_BUCKET: z.string().min(3),
  SCHEDULE_GROUP: z.string().min(1).max(64),
  STAGE_SENDER_ARN: arn('lambda'),
  SCHEDULER_ROLE_ARN: arn('iam'),
  DLQ_ARN: arn('sqs'),
  SES_CONFIGURATION_SET: z.string().min(1),
  SENDER_ADDRESS: z.email({ message: 'must be the SES-verified sender address' }),
  OWNER_TOPIC_ARN: arn('sns'),
  API_TOKEN_SECRET_ARN: arn('secretsmanager'),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
});
export type AwsEnv = z.infer<typeof AwsEnvSchema>;

/** @throws Error naming every missing or malformed variable */
export function readAwsEnv(env: Record<string, string | undefined>): AwsEnv {
  const parsed = AwsEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Overdue on AWS: bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The SDK clients, one each per Lambda container (created once, at module scope, and reused by every invocation). */
export const clients = {
  dynamodb: new DynamoDBClient({}),
  scheduler: new SchedulerClient({}),
  ses: new SESClient({}),
  s3: new S3Client({ forcePathStyle: process.env['S3_FORCE_PATH_STYLE'] === 'true' }),
  sns: new SNSClient({}),
  secrets: new SecretsManagerClient({}),
};

/** The ports of the AWS deployment, plus the owner's notifications and the store's message look-up. */
export interface AwsPorts extends Ports {
  store: DynamoDbStore;
  notifyOwner: NotifyOwner;
}

/** One JSON line per log entry (CloudWatch Logs Insights can query the fields). */
function log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void {
  const line = JSON.stringify({ level, message, ...data });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/**
 * The stage renderer, loaded on first use: the API, the SES events handler and the reconciler
 * never render, so they never load React-PDF and its fonts (a bundler that splits code can leave
 * it out of their start-up entirely).
 */
function lazyRenderer(options: { from: string; messageIdDomain: string }): StageRenderer {
  let loaded: Promise<StageRenderer> | undefined;
  return {
    render: async (record, stage, at) => {
      loaded ??= import('../documents/stage-renderer.tsx').then((m) => m.createStageRenderer(options));
      return (await loaded).render(record, stage, at);
    },
  };
}

/**
 * Builds the Ports from the environment and the module-scope clients: DynamoDB store,
 * EventBridge Scheduler, SES mailer (through the configuration set), S3 archive, system clock,
 * the stage renderer (sending from SENDER_ADDRESS, Message-IDs on its domain), JSON logs, and the
 * owner's SNS topic.
 *
 * @example const ports = createAwsPorts(readAwsEnv(process.env)) // at module scope of a handler
 */
export function createAwsPorts(env: AwsEnv, c: typeof clients = clients): AwsPorts {
  return {
    store: createDynamoDbStore({ client: c.dynamodb, tableName: env.TABLE_NAME }),
    scheduler: createEventBridgeScheduler({
      client: c.scheduler,
      groupName: env.SCHEDULE_GROUP,
      targetArn: env.STAGE_SENDER_ARN,
      roleArn: env.SCHEDULER_ROLE_ARN,
      deadLetterArn: env.DLQ_ARN,
      log,
    }),
    mailer: createSesMailer({ client: c.ses, configurationSet: env.SES_CONFIGURATION_SET }),
    archive: createS3Archive({ client: c.s3, bucket: env.ARCHIVE_BUCKET }),
    clock: systemClock,
    renderer: lazyRenderer({ from: env.SENDER_ADDRESS, messageIdDomain: env.SENDER_ADDRESS.split('@')[1]! }),
    log,
    notifyOwner: createSnsOwnerNotifier({ client: c.sns, topicArn: env.OWNER_TOPIC_ARN }),
  };
}

/**
 * The API token from Secrets Manager (the secret's string is the token itself, at least 16
 * characters). Read once per cold start by the API handler.
 */
export async function readApiToken(env: AwsEnv, c: typeof clients = clients): Promise<string> {
  const { SecretString } = await c.secrets.send(new GetSecretValueCommand({ SecretId: env.API_TOKEN_SECRET_ARN }));
  const token = SecretString?.trim() ?? '';
  if (token.length < 16) throw new Error(`Overdue on AWS: the API token secret ${env.API_TOKEN_SECRET_ARN} must hold a token of at least 16 characters`);
  return token;
}
