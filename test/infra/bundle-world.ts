import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTableInput } from '#functions/adapters/aws/dynamodb-table.ts';
import { lambdaFontDir } from '../../infra/overdue-function.ts';
import { s3rverAccount, startDynamoDbLocal, startS3rver, startSesLocal, type DynamoDbLocal, type S3Local, type SesLocal } from '../functions/adapters/aws/stand-ins.ts';
import { startRecordingEndpoint, type RecordingEndpoint } from './recording-endpoint.ts';
import type { SynthesizedFunction } from './synth-overdue.ts';

const repoNodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

/**
 * What the deployed functions' references (Ref, GetAtt: unknown until deployment) stand for
 * here. Literal values in the template (SENDER_ADDRESS, SCHEDULE_GROUP, NODE_ENV,
 * OVERDUE_FONT_DIR) are taken from the template as they are.
 */
export const localResources = {
  TABLE_NAME: 'overdue-bundles',
  ARCHIVE_BUCKET: 'overdue-evidence-bundles',
  STAGE_SENDER_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:Overdue-stage-sender',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/Overdue-SchedulerInvokeRole',
  DLQ_ARN: 'arn:aws:sqs:eu-west-1:123456789012:Overdue-DeadLetters',
  SES_CONFIGURATION_SET: 'Overdue-MailConfiguration',
  OWNER_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:Overdue-OwnerTopic',
  API_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ApiToken-AbCdEf',
} as const;

export interface BundleWorld {
  ddb: DynamoDbLocal;
  ses: SesLocal;
  s3: S3Local;
  /** EventBridge Scheduler's stand-in: records every request */
  scheduler: RecordingEndpoint;
  /** Secrets Manager's stand-in: answers the API token */
  secrets: RecordingEndpoint;
  /** SNS's stand-in: records owner notifications */
  sns: RecordingEndpoint;
  token: string;
  /** the environment a function gets: its template variables made concrete, and the stand-ins' endpoints */
  env(fn: SynthesizedFunction): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The AWS a bundle meets in the tests and the benchmark, on 127.0.0.1: DynamoDB Local with the
 * Store's table, s3rver with the evidence bucket, aws-ses-v2-local (the adapters' stand-ins),
 * and recording endpoints for the three services without an emulator (Scheduler, Secrets
 * Manager, SNS). The bundles find `@aws-sdk/*` as in Lambda, where the runtime provides it: a
 * `node_modules/@aws-sdk` beside the assembly's asset folders, and nothing else.
 *
 * @example const world = await startBundleWorld(outdir); await runBundle(fn.dir, events, world.env(fn))
 */
export async function startBundleWorld(assemblyDir: string): Promise<BundleWorld> {
  const sdk = join(assemblyDir, 'node_modules', '@aws-sdk');
  if (!existsSync(sdk)) {
    mkdirSync(dirname(sdk), { recursive: true });
    symlinkSync(join(repoNodeModules, '@aws-sdk'), sdk, 'dir');
  }
  const token = 'bundle-test-token-0123456789abcdef';
  const [ddb, ses, s3, scheduler, secrets, sns] = await Promise.all([
    startDynamoDbLocal(),
    startSesLocal(),
    startS3rver([localResources.ARCHIVE_BUCKET]),
    startRecordingEndpoint((r) => {
      const name = decodeURIComponent(r.path.split('?')[0]!.split('/').pop() ?? '');
      const arn = `arn:aws:scheduler:eu-west-1:123456789012:schedule/Overdue-letters/${name}`;
      if (r.method === 'GET') return { status: 404, body: { __type: 'ResourceNotFoundException', Message: `Schedule ${name} does not exist.` } };
      return { body: r.method === 'DELETE' ? {} : { ScheduleArn: arn } };
    }),
    startRecordingEndpoint((r) =>
      r.target === 'secretsmanager.GetSecretValue'
        ? { type: 'application/x-amz-json-1.1', body: { ARN: localResources.API_TOKEN_SECRET_ARN, Name: 'ApiToken', SecretString: token, VersionId: 'v1', CreatedDate: 1_770_000_000 } }
        : { status: 400, type: 'application/x-amz-json-1.1', body: { __type: 'InvalidRequestException', message: `not expected: ${r.target}` } },
    ),
    startRecordingEndpoint((r) => ({
      type: 'text/xml',
      body:
        r.body['Action'] === 'Publish'
          ? `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>local-${Date.now()}</MessageId></PublishResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></PublishResponse>`
          : '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>not expected</Message></Error></ErrorResponse>',
      ...(r.body['Action'] === 'Publish' ? {} : { status: 400 }),
    })),
  ]);
  await ddb.client().send(new CreateTableCommand(createTableInput(localResources.TABLE_NAME)));

  const env = (fn: SynthesizedFunction): Record<string, string> => {
    const variables: Record<string, string> = {};
    for (const [name, value] of Object.entries(fn.environment)) {
      if (typeof value === 'string') variables[name] = name === 'OVERDUE_FONT_DIR' ? value.replace(lambdaFontDir, join(fn.dir, 'fonts')) : value;
      else if (name in localResources) variables[name] = localResources[name as keyof typeof localResources];
      else throw new Error(`bundle world: the stack gives ${name} a reference (${JSON.stringify(value)}) with no local stand-in value in localResources`);
    }
    return {
      ...variables,
      TZ: 'UTC',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      // s3rver checks signatures against its one account; the other stand-ins accept any
      AWS_ACCESS_KEY_ID: s3rverAccount.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3rverAccount.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: ddb.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.endpoint,
    };
  };

  return {
    ddb,
    ses,
    s3,
    scheduler,
    secrets,
    sns,
    token,
    env,
    stop: async () => {
      await Promise.all([ddb.stop(), ses.stop(), s3.stop(), scheduler.stop(), secrets.stop(), sns.stop()]);
    },
  };
}
