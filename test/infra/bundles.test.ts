/**
 * Each Lambda function exactly as the stack bundles it: the app is synthesized once (esbuild,
 * the after-bundling copies), each function's code folder is taken from the cloud assembly, and
 * the bundles are run in fresh Node processes against the local stand-ins: DynamoDB Local,
 * aws-ses-v2-local and s3rver; Scheduler, Secrets Manager and SNS, which have no emulator, are
 * recording endpoints the bundles' own SDK clients are pointed at (aws-sdk-client-mock cannot
 * reach into a bundle in another process, and skipping the scheduling would hide the wiring).
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '#functions/adapters/aws/dynamodb-store.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';
import { bundlePackageJson } from '../../infra/overdue-function.ts';
import { localResources, startBundleWorld } from './bundle-world.ts';
import { runBundle, type BundleRun } from './run-bundle.ts';
import { functionKeys, synthOverdue } from './synth-overdue.ts';

const synth = synthOverdue();
const { functions } = synth;
const world = await startBundleWorld(synth.outdir);
const store = createDynamoDbStore({ client: world.ddb.client(), tableName: localResources.TABLE_NAME });

afterAll(async () => {
  await world.stop();
  synth.remove();
});

const megabyte = 1024 * 1024;
const repo = new URL('../../', import.meta.url);

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** A Lambda function URL request (payload 2.0), as CloudFront's /api/* behaviour passes it on. */
function httpEvent(method: string, path: string, options: { body?: unknown; bearer?: string } = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abcdefghij.lambda-url.eu-west-1.on.aws', 'content-type': 'application/json', ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}) },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghij',
      domainName: 'abcdefghij.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abcdefghij',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: '01/Apr/2026:08:00:00 +0000',
      timeEpoch: Date.now(),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  };
}

function okResult<T>(run: BundleRun, index: number): T {
  const invocation = run.invocations[index];
  if (!invocation || 'error' in invocation) throw new Error(`invocation ${index} failed: ${JSON.stringify(invocation)}\n${run.output.slice(-3000)}`);
  return invocation.result as T;
}

// the example case, invoiced today: its whole ladder lies ahead
const caseFile = JSON.parse(readFileSync(new URL('templates/examples/en-gb-tracking.json', repo), 'utf8')) as { invoices: { issueDate: string }[] };
caseFile.invoices[0]!.issueDate = new Date().toISOString().slice(0, 10);
const created: { record?: CaseRecord; sent?: StageRecord & { messageId: string } } = {};

describe('the bundles, as the stack builds them', () => {
  it('are each under 5 MB of JavaScript (the code folder with its files is printed too)', () => {
    const lines = functionKeys.map((key) => {
      const { dir } = functions[key];
      const js = statSync(join(dir, 'index.mjs')).size;
      const total = folderSize(dir);
      expect(js, `${key} index.mjs`).toBeLessThan(5 * megabyte);
      return `${key.padEnd(12)} index.mjs ${(js / megabyte).toFixed(2)} MB, code folder ${(total / megabyte).toFixed(2)} MB (${readdirSync(dir).join(', ')})`;
    });
    console.log(`bundle sizes:\n  ${lines.join('\n  ')}`);
  });

  it('import nothing but node built-ins and the runtime\'s @aws-sdk/* (everything else is inside)', async () => {
    // esbuild reads each bundle's own import statements and import() calls
    const entries = Object.fromEntries(functionKeys.map((key) => [key, join(functions[key].dir, 'index.mjs')]));
    const { metafile } = await build({ entryPoints: entries, outdir: join(synth.outdir, 'import-scan'), bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
    for (const [key, entry] of Object.entries(entries)) {
      const input = Object.entries(metafile.inputs).find(([path]) => resolve(path) === entry)?.[1];
      expect(input, key).toBeDefined();
      const specifiers = input!.imports.filter((i) => i.external).map((i) => i.path);
      expect(specifiers.filter((s) => !isBuiltin(s) && !s.startsWith('@aws-sdk/')), key).toEqual([]);
      expect(specifiers.some((s) => s.startsWith('@aws-sdk/client-dynamodb')), `${key} uses the runtime's SDK`).toBe(true);
    }
  });

  it('the stage sender and the API carry the Arimo fonts and pdfkit\'s standard fonts, resolvable through the package.json beside the bundle', () => {
    const { dir, environment } = functions.stageSender;
    expect(environment['OVERDUE_FONT_DIR']).toBe('/var/task/fonts');
    const arimo = new URL('node_modules/@expo-google-fonts/arimo/', repo);
    for (const file of ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf']) {
      const name = file.split('/')[1]!;
      expect(readFileSync(join(dir, 'fonts', name)).equals(readFileSync(new URL(file, arimo))), name).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual(bundlePackageJson);
    // what pdfkit does inside the bundle: createRequire(import.meta.url)('#standard-fonts/…')
    const requireFromBundle = createRequire(join(dir, 'index.mjs'));
    const names = { Helvetica: 'Helvetica', HelveticaBold: 'Helvetica-Bold', TimesRoman: 'Times-Roman', ZapfDingbats: 'ZapfDingbats' };
    for (const [file, name] of Object.entries(names)) expect((requireFromBundle(`#standard-fonts/${file}`) as { name?: string }).name).toBe(name);
    // the API renders the lawyer bundle and carries the same files; the functions that never render carry none
    expect(readdirSync(functions.api.dir).sort()).toEqual(readdirSync(dir).sort());
    for (const key of ['sesEvents', 'reconciler'] as const) expect(readdirSync(functions[key].dir)).toEqual(['index.mjs']);
  });
});

describe('the bundles, run in Node against the stand-ins', () => {
  it('API: refuses a request without the token; with it, a function URL POST creates the case in DynamoDB Local and schedules its first stage', async () => {
    const run = await runBundle(
      functions.api.dir,
      [httpEvent('GET', '/api/health'), httpEvent('POST', '/api/cases', { body: caseFile }), httpEvent('POST', '/api/cases', { body: caseFile, bearer: world.token })],
      world.env(functions.api),
    );
    const [health, refused, answer] = [0, 1, 2].map((i) => okResult<{ statusCode: number; body: string }>(run, i));
    expect(health!.statusCode).toBe(200);
    expect(refused!.statusCode).toBe(401);
    expect(answer!.statusCode).toBe(201);
    const { case: record } = JSON.parse(answer!.body) as { case: CaseRecord };
    created.record = record;

    expect((await store.getCase(record.id))?.file.reference).toBe('ACME-2026-014');
    expect(world.secrets.requests.map((r) => [r.target, r.body])).toEqual([['secretsmanager.GetSecretValue', { SecretId: localResources.API_TOKEN_SECRET_ARN }]]);
    const first = (await store.getStages(record.id)).find((s) => s.status === 'scheduled')!;
    const creates = world.scheduler.requests.filter((r) => r.method === 'POST');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.path).toBe(`/schedules/${encodeURIComponent(`${record.id}.${first.id}`)}`);
    // the wiring the stack gives every function: its group, the stage sender, the invoke role, the dead-letter queue
    expect(creates[0]!.body).toMatchObject({
      GroupName: functions.api.environment['SCHEDULE_GROUP'],
      ScheduleExpressionTimezone: 'Europe/London',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: localResources.STAGE_SENDER_ARN,
        RoleArn: localResources.SCHEDULER_ROLE_ARN,
        DeadLetterConfig: { Arn: localResources.DLQ_ARN },
        Input: JSON.stringify({ caseId: record.id, stageId: first.id }),
      },
    });
    expect(functions.api.environment['SCHEDULE_GROUP']).toBe('Overdue-letters');
  });

  it('stage sender: renders the letter, archives it in s3rver and sends it with its PDF (Arimo embedded) to aws-ses-v2-local, then schedules the next stage', async () => {
    const caseId = created.record!.id;
    const stage = (await store.getStages(caseId)).find((s) => s.status === 'scheduled' && s.channel === 'email')!;
    const sendsBefore = world.ses.sends.length;
    const schedulesBefore = world.scheduler.requests.length;

    const run = await runBundle(functions.stageSender.dir, [{ caseId, stageId: stage.id }], world.env(functions.stageSender));

    const outcome = okResult<{ outcome: string; messageId: string }>(run, 0);
    expect(outcome).toEqual({ outcome: 'sent', messageId: expect.any(String) });
    const sent = (await store.getStage(caseId, stage.id))!;
    expect(sent).toMatchObject({ status: 'sent', messageId: outcome.messageId });
    created.sent = { ...sent, messageId: outcome.messageId };

    const got = world.ses.sends.slice(sendsBefore);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ source: 'letters@porter.example', destinations: ['accounts@acme.example'], configurationSet: localResources.SES_CONFIGURATION_SET });
    const mail = await simpleParser(Buffer.from(got[0]!.raw));
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.content.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo/);
    const scratch = mkdtempSync(join(tmpdir(), 'overdue-pdf-'));
    try {
      writeFileSync(join(scratch, 'letter.pdf'), pdf.content);
      const text = execFileSync('pdftotext', [join(scratch, 'letter.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('ACME-2026-014');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }

    const object = await world.s3.client().send(new GetObjectCommand({ Bucket: localResources.ARCHIVE_BUCKET, Key: `${sent.pdfSha256!.slice(0, 2)}/${sent.pdfSha256}` }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(pdf.content)).toBe(true);

    const next = (await store.getStages(caseId)).find((s) => s.status === 'scheduled')!;
    const creates = world.scheduler.requests.slice(schedulesBefore).filter((r) => r.method === 'POST');
    expect(creates.map((r) => r.path)).toEqual([`/schedules/${encodeURIComponent(`${caseId}.${next.id}`)}`]);
    console.log(`stage sender bundle: import ${run.importMs.toFixed(0)} ms, first send (render + archive + SES) ${run.invocations[0]!.ms.toFixed(0)} ms, process ${run.wallMs.toFixed(0)} ms`);
  });

  it('SES events: a delivery published through SNS is logged on the case', async () => {
    const { record, sent } = created;
    if (!record || !sent) throw new Error('this test reports on the letter the stage sender test sends, which did not go out');
    const sesEvent = {
      eventType: 'Delivery',
      mail: { timestamp: new Date().toISOString(), source: 'letters@porter.example', messageId: sent!.messageId, destination: ['accounts@acme.example'], commonHeaders: { subject: sent!.subject } },
      delivery: { timestamp: new Date().toISOString(), recipients: ['accounts@acme.example'], smtpResponse: '250 2.0.0 OK', processingTimeMillis: 640 },
    };
    const snsEvent = {
      Records: [
        { EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:Overdue-MailEvents:1', Sns: { Type: 'Notification', MessageId: randomUUID(), TopicArn: 'arn:aws:sns:eu-west-1:123456789012:Overdue-MailEvents', Subject: '', Message: JSON.stringify(sesEvent), Timestamp: new Date().toISOString(), MessageAttributes: {} } },
      ],
    };

    const run = await runBundle(functions.sesEvents.dir, [snsEvent], world.env(functions.sesEvents));

    expect(okResult(run, 0)).toEqual({ recorded: [{ outcome: 'logged', caseId: record!.id, stageId: sent!.id }], ignored: [] });
    expect((await store.getEvents(record!.id)).find((e) => e.type === 'delivery')?.data).toMatchObject({ recipients: ['accounts@acme.example'] });
  });

  it('reconciler: finds the live case and ensures its next schedule', async () => {
    const { record } = created;
    const next = (await store.getStages(record!.id)).find((s) => s.status === 'scheduled')!;

    const run = await runBundle(functions.reconciler.dir, [{}], world.env(functions.reconciler));

    expect(okResult(run, 0)).toMatchObject({ uncertain: 0, cases: 1, scheduled: [{ caseId: record!.id, stageId: next.id }], failed: [] });
  });
});
