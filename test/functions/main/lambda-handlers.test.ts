import { readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { APIGatewayProxyEventV2, SNSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '#functions/adapters/aws/dynamodb-store.ts';
import { createTableInput } from '#functions/adapters/aws/dynamodb-table.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';
import { ShareLinkError, verifyShareLink } from '#functions/bundle/share-link.ts';
import { deriveShareKey } from '#functions/main/share-key.ts';
import { startDynamoDbLocal, startS3rver, startSesLocal } from '../adapters/aws/stand-ins.ts';

// the real stand-ins for DynamoDB, SES and S3; mocks only for the services that have none
const [ddb, ses, s3] = await Promise.all([startDynamoDbLocal(), startSesLocal(), startS3rver(['overdue-evidence'])]);
const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);
const secrets = mockClient(SecretsManagerClient);

const token = 'a-long-api-token-from-secrets-manager';
const env = {
  TABLE_NAME: `overdue-${randomUUID()}`,
  ARCHIVE_BUCKET: 'overdue-evidence',
  SCHEDULE_GROUP: 'overdue',
  STAGE_SENDER_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:overdue-stage-sender',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/overdue-scheduler-invoke',
  DLQ_ARN: 'arn:aws:sqs:eu-west-1:123456789012:overdue-schedule-dlq',
  SES_CONFIGURATION_SET: 'overdue-events',
  SENDER_ADDRESS: 'letters@porter.example',
  OWNER_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:overdue-owner',
  API_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:overdue-api-token-AbCdEf',
};
// what the Lambda runtime and the stack give the functions, pointed at the stand-ins (the SDK reads AWS_ENDPOINT_URL_<SERVICE> itself)
Object.assign(process.env, env, {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_ENDPOINT_URL_DYNAMODB: ddb.endpoint,
  AWS_ENDPOINT_URL_SES: ses.endpoint,
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  S3_FORCE_PATH_STYLE: 'true',
});
const admin = ddb.client();
await admin.send(new CreateTableCommand(createTableInput(env.TABLE_NAME)));
const store = createDynamoDbStore({ client: ddb.client(), tableName: env.TABLE_NAME });

// imported after the environment is set: each handler builds its ports at module scope, as in Lambda
const { handler: api } = await import('#functions/main/lambda-api.ts');
const { handler: sendStage } = await import('#functions/main/lambda-stage.ts');
const { handler: sesEvents } = await import('#functions/main/lambda-ses-events.ts');
const { handler: reconciler } = await import('#functions/main/lambda-reconciler.ts');

// the example case, invoiced today: its whole ladder lies ahead, so the case has letters left to stop
const caseFile = JSON.parse(readFileSync(new URL('../../../templates/examples/en-gb-tracking.json', import.meta.url), 'utf8')) as { invoices: { issueDate: string }[] };
caseFile.invoices[0]!.issueDate = new Date().toISOString().slice(0, 10);

/** A Lambda function URL / HTTP API (payload 2.0) request, as CloudFront passes /api/* on. */
function httpEvent(method: string, path: string, options: { body?: unknown; bearer?: string } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'overdue.example', 'content-type': 'application/json', ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'overdue',
      domainName: 'overdue.example',
      domainPrefix: 'overdue',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: '01/Apr/2026:08:00:00 +0000',
      timeEpoch: Date.now(),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

/** SES's event as its configuration set publishes it to SNS, as SNS hands it to Lambda. */
function snsEvent(sesEvent: Record<string, unknown>): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:overdue-ses-events:1b2c',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-west-1:123456789012:overdue-ses-events',
          Subject: '',
          Message: JSON.stringify(sesEvent),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'x',
          SigningCertUrl: 'https://sns.example/cert.pem',
          UnsubscribeUrl: 'https://sns.example/unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

const created: { record?: CaseRecord; sent?: StageRecord } = {};

beforeEach(() => {
  scheduler.reset();
  sns.reset();
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/overdue/x' });
  sns.on(PublishCommand).resolves({ MessageId: randomUUID() });
});

afterAll(async () => {
  scheduler.restore();
  sns.restore();
  secrets.restore();
  await admin.send(new DeleteTableCommand({ TableName: env.TABLE_NAME }));
  await Promise.all([ddb.stop(), ses.stop(), s3.stop()]);
});

describe('lambda-api: the Hono app behind hono/aws-lambda', () => {
  it('refuses a request without the token, creates a case with it (201), and reads the token from Secrets Manager once', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: `${token}\n` });

    const refused = await api(httpEvent('POST', '/api/cases', { body: caseFile }));
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'unauthorized' });
    expect(await store.listCases()).toEqual([]);

    const answer = await api(httpEvent('POST', '/api/cases', { body: caseFile, bearer: token }));
    expect(answer.statusCode).toBe(201);
    const body = JSON.parse(answer.body) as { case: CaseRecord; stages: StageRecord[] };
    expect(body.case).toMatchObject({ status: 'active', version: 1 });
    created.record = body.case;

    // stored in DynamoDB, and the first scheduled stage has its one-time schedule
    expect((await store.getCase(body.case.id))?.file.reference).toBe('ACME-2026-014');
    const next = (await store.getStages(body.case.id)).find((s) => s.status === 'scheduled')!;
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({
        Name: `${body.case.id}.${next.id}`,
        GroupName: 'overdue',
        ScheduleExpressionTimezone: 'Europe/London',
        ActionAfterCompletion: 'DELETE',
        Target: expect.objectContaining({ Arn: env.STAGE_SENDER_ARN, Input: JSON.stringify({ caseId: body.case.id, stageId: next.id }) }),
      }),
    ]);

    const health = await api(httpEvent('GET', '/api/health'));
    expect(health.statusCode).toBe(200);
    expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: env.API_TOKEN_SECRET_ARN }]);
  });

  it('creates a lawyer share link signed with a key derived from the token; a tampered link is a 404', async () => {
    const id = created.record!.id;
    const shared = await api(httpEvent('POST', `/api/cases/${id}/share`, { body: { lang: 'fr', expiresInDays: 7 }, bearer: token }));
    expect(shared.statusCode, shared.body).toBe(201);
    const { url } = JSON.parse(shared.body) as { url: string };
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/share\/[\w.-]+$/);
    const tampered = await api(httpEvent('GET', `${path.slice(0, -2)}${path.endsWith('AA') ? 'BB' : 'AA'}`));
    expect(tampered.statusCode).toBe(404);
    // the link is signed with the derived key: it verifies with deriveShareKey(token), not with another key
    const tokenPart = path.slice('/api/share/'.length);
    expect(() => verifyShareLink(deriveShareKey(token), tokenPart, new Date())).not.toThrow();
    expect(() => verifyShareLink(deriveShareKey(`${token}x`), tokenPart, new Date())).toThrow(ShareLinkError);
    // and it downloads the bundle without the token
    const bundle = await api(httpEvent('GET', path));
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers?.['content-type']).toBe('application/zip');
    expect(Buffer.from(bundle.body, bundle.isBase64Encoded ? 'base64' : 'utf8').subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  }, 60_000);
});

describe('lambda-stage: the Scheduler\'s target', () => {
  it('sends the letter through SES with its PDF, archives the exact bytes in S3 and records it', async () => {
    const caseId = created.record!.id;
    const stage = (await store.getStages(caseId)).find((s) => s.status === 'scheduled' && s.channel === 'email')!;
    const before = ses.sends.length;

    const outcome = await sendStage({ caseId, stageId: stage.id });

    expect(outcome).toEqual({ outcome: 'sent', messageId: expect.stringMatching(/^ses-/) });
    const sent = (await store.getStage(caseId, stage.id))!;
    expect(sent).toMatchObject({ status: 'sent', messageId: (outcome as { messageId: string }).messageId });
    created.sent = sent;

    // what SES got: one message, to the debtor, from the verified sender, through the configuration set, with the PDF
    const got = ses.sends.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ source: 'letters@porter.example', destinations: ['accounts@acme.example'], configurationSet: 'overdue-events' });
    const mail = await simpleParser(Buffer.from(got[0]!.raw));
    expect(mail.subject).toBe(sent.subject);
    expect(mail.messageId).toBe(`<${caseId}.${stage.id}@porter.example>`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');

    // what S3 keeps: the .eml as sent and the PDF as attached, under their SHA-256
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const object = async (digest: string) => {
      const o = await s3.client().send(new GetObjectCommand({ Bucket: 'overdue-evidence', Key: `${digest.slice(0, 2)}/${digest}` }));
      return Buffer.from(await o.Body!.transformToByteArray());
    };
    expect(sent.emlSha256).toBe(sha(got[0]!.raw));
    expect((await object(sent.emlSha256!)).equals(Buffer.from(got[0]!.raw))).toBe(true);
    expect((await object(sent.pdfSha256!)).equals(pdf.content)).toBe(true);

    const log = await store.getEvents(caseId);
    expect(log.map((e) => e.type)).toEqual(expect.arrayContaining(['claimed', 'sent']));
    expect(log.find((e) => e.type === 'sent')?.data).toMatchObject({ messageId: sent.messageId, provider: 'ses', emlSha256: sent.emlSha256 });

    // a second invocation of the same schedule (a retry) sends nothing
    expect(await sendStage({ caseId, stageId: stage.id })).toEqual({ outcome: 'not-claimable', status: 'sent' });
    expect(ses.sends.length).toBe(before + 1);
  });

  it('refuses an event that is not { caseId, stageId }, saying what is wrong', async () => {
    await expect(sendStage({ caseId: 'c_x' })).rejects.toThrow('Stage sender: not a stage event (stageId: ');
  });
});

describe('lambda-ses-events: bounces, complaints and deliveries', () => {
  const bounce = () => ({
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'accounts@acme.example', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp: '2026-04-01T09:00:05.000Z',
      feedbackId: '0102019e-bounce-feedback-000000',
      reportingMTA: 'dsn; a8-30.smtp-out.amazonses.com',
    },
    mail: {
      timestamp: '2026-04-01T09:00:01.000Z',
      source: 'letters@porter.example',
      messageId: created.sent!.messageId,
      destination: ['accounts@acme.example'],
      headersTruncated: false,
      commonHeaders: { messageId: `<${created.record!.id}.${created.sent!.id}@porter.example>`, subject: created.sent!.subject },
      tags: { 'ses:configuration-set': ['overdue-events'] },
    },
  });

  it('a bounce pauses the case, cancels its schedules, logs the recipient and the stage, and tells the owner (once, however often SNS delivers it)', async () => {
    const caseId = created.record!.id;
    const scheduled = (await store.getStages(caseId)).filter((s) => s.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(0);

    const result = await sesEvents(snsEvent(bounce()));

    expect(result).toEqual({ recorded: [{ outcome: 'paused', caseId, stageId: created.sent!.id }], ignored: [] });
    expect((await store.getCase(caseId))?.status).toBe('paused');
    expect((await store.getStages(caseId)).filter((s) => s.status === 'scheduled')).toEqual([]);
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input.Name).sort()).toEqual(scheduled.map((s) => `${caseId}.${s.id}`).sort());
    const entry = (await store.getEvents(caseId)).find((e) => e.type === 'bounce');
    expect(entry).toMatchObject({
      actor: 'mail-provider',
      stageId: created.sent!.id,
      data: { recipients: ['accounts@acme.example'], messageId: created.sent!.messageId, bounceType: 'Permanent', diagnostic: '5.1.1 smtp; 550 5.1.1 user unknown', status: 'active' },
    });
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toEqual([{ TopicArn: env.OWNER_TOPIC_ARN, Subject: 'Overdue: a letter bounced (ACME-2026-014)', Message: expect.stringContaining('to accounts@acme.example bounced (Permanent)') }]);

    const again = await sesEvents(snsEvent(bounce()));
    expect(again.recorded).toEqual([{ outcome: 'duplicate', caseId, stageId: created.sent!.id }]);
    expect((await store.getEvents(caseId)).filter((e) => e.type === 'bounce')).toHaveLength(1);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('a delivery is logged; a Send event is ignored (EventBridge form)', async () => {
    const caseId = created.record!.id;
    const mail = bounce().mail;
    const delivery = { eventType: 'Delivery', mail, delivery: { timestamp: '2026-04-01T09:00:02.000Z', recipients: ['accounts@acme.example'], smtpResponse: '250 2.0.0 OK', processingTimeMillis: 812 } };
    const result = await sesEvents({ version: '0', id: randomUUID(), 'detail-type': 'Email Delivered', source: 'aws.ses', account: '123456789012', time: '2026-04-01T09:00:02Z', region: 'eu-west-1', resources: [], detail: delivery });
    expect(result.recorded).toEqual([{ outcome: 'logged', caseId, stageId: created.sent!.id }]);
    expect((await store.getEvents(caseId)).find((e) => e.type === 'delivery')?.data).toMatchObject({ recipients: ['accounts@acme.example'], smtpResponse: '250 2.0.0 OK' });

    const ignored = await sesEvents(snsEvent({ eventType: 'Send', mail, send: {} }));
    expect(ignored).toEqual({ recorded: [], ignored: [`Send ${created.sent!.messageId}`] });
  });
});

describe('lambda-reconciler: the daily safety net', () => {
  it('re-creates a missing schedule for every live case, marks claims older than 15 minutes uncertain (fresher ones untouched) and tells the owner', async () => {
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const later = (days: number) => new Date(Math.ceil((now + days * 86_400_000) / 60_000) * 60_000);
    const base = { ...created.record!, status: 'active' as const, version: 1, createdAt: ago(60), updatedAt: ago(60) };
    const stage = (caseId: string, key: string, extra: Partial<StageRecord>): StageRecord => ({
      caseId,
      id: `g1.${key}`,
      generation: 1,
      seq: 0,
      key,
      channel: 'email',
      template: 'overdue-gentle',
      instant: later(3).toISOString(),
      localDate: later(3).toISOString().slice(0, 10),
      localTime: later(3).toISOString().slice(11, 16),
      timeZone: 'UTC',
      status: 'scheduled',
      attempts: 0,
      ...extra,
    });
    // a case whose schedule went missing (its next stage is scheduled, no schedule exists)
    await store.createCase({ ...base, id: 'c_missingschedule' }, [stage('c_missingschedule', 'reminder', {})], []);
    // a case with a claim 20 minutes old (a crash between claim and record) and one 5 minutes old (still running)
    await store.createCase({ ...base, id: 'c_staleclaim' }, [stage('c_staleclaim', 'stale', { status: 'claimed', claimToken: 't1', claimedAt: ago(20) }), stage('c_staleclaim', 'fresh', { status: 'claimed', claimToken: 't2', claimedAt: ago(5) })], []);

    const report = await reconciler();

    expect(report.uncertain).toBe(1);
    expect((await store.getStage('c_staleclaim', 'g1.stale'))?.status).toBe('uncertain');
    expect((await store.getStage('c_staleclaim', 'g1.fresh'))?.status).toBe('claimed');
    expect((await store.getEvents('c_staleclaim')).map((e) => [e.type, e.stageId])).toEqual([['uncertain', 'g1.stale']]);
    expect(report.scheduled).toEqual([{ caseId: 'c_missingschedule', stageId: 'g1.reminder' }]);
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({ Name: 'c_missingschedule.g1.reminder', ScheduleExpression: `at(${later(3).toISOString().slice(0, 16)}:00)`, ScheduleExpressionTimezone: 'UTC' }),
    ]);
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject)).toEqual(['Overdue: 1 letter of uncertain fate']);
  });
});
