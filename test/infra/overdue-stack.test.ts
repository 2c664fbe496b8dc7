/**
 * The Overdue stack as `cdk synth` builds it (bundling, cdk-nag validation): the resources and
 * their key properties, every grant of every role (exact: one line per action and resource), the
 * few `Resource: '*'` that AWS requires, the cdk-nag outcome and its acknowledgements, and the
 * context checks. Two synthesized variants: the defaults with a built site, and every option on.
 */
import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import cdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTableInput } from '#functions/adapters/aws/dynamodb-table.ts';
import { AwsEnvSchema } from '#functions/main/aws-ports.ts';
import { readOverdueConfig } from '../../infra/overdue-config.ts';
import { siteContentSecurityPolicy } from '../../infra/site-content-security-policy.ts';
import { siteIndexRewriteCode } from '../../infra/site-index-rewrite.ts';
import { allowsOnEverything, grantsOf, text } from './iam-grants.ts';
import { synthOverdue } from './synth-overdue.ts';

delete process.env['CDK_DEFAULT_ACCOUNT'];
const region = 'eu-west-1';

// a built site in miniature (the real site/dist may not exist in CI)
const siteDir = mkdtempSync(join(tmpdir(), 'overdue-site-'));
mkdirSync(join(siteDir, 'en'), { recursive: true });
mkdirSync(join(siteDir, '_astro'), { recursive: true });
writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Overdue</title>');
writeFileSync(join(siteDir, 'en', 'index.html'), '<!doctype html><title>Overdue</title>');
writeFileSync(join(siteDir, '_astro', 'app.abc123.js'), 'export {};');

const main = synthOverdue({ context: { region }, siteDir });
const resources = main.template.toJSON()['Resources'] as Record<string, { Type: string; Properties: Record<string, unknown> }>;

afterAll(() => {
  main.remove();
  rmSync(siteDir, { recursive: true, force: true });
});

const id = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const only = (template: Template, type: string) => {
  const found = Object.values(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return found[0]! as { Properties: Record<string, unknown> };
};

describe('the CDK CLI (npm run deploy)', () => {
  it('reads the cloud assembly this aws-cdk-lib writes (its schema version), and lists the stack', () => {
    // `cdk deploy` refuses an assembly newer than the CLI understands: the pinned CLI must read this one
    const cli = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');
    const out = spawnSync(process.execPath, [cli, 'ls', '--app', main.outdir, '--no-notices', '--no-version-reporting'], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status, `${out.stdout}\n${out.stderr}`).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(['Overdue']);
  }, 70_000);
});

describe('resources and their key properties', () => {
  const t = main.template;
  const { stack } = main;

  it('the table: on-demand, point-in-time recovery, deletion protection, and exactly the keys and indexes the DynamoDB store declares', () => {
    const table = only(t, 'AWS::DynamoDB::Table').Properties;
    const declared = createTableInput('x');
    expect(table).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      KeySchema: declared.KeySchema,
      GlobalSecondaryIndexes: declared.GlobalSecondaryIndexes,
    });
    expect(new Set(table['AttributeDefinitions'] as unknown[])).toEqual(new Set(declared.AttributeDefinitions));
    t.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('the evidence bucket: versioned, encrypted, all public access blocked, TLS only, access-logged, kept on stack deletion; no Object Lock unless asked', () => {
    const evidence = resources[id(stack.evidence)]!;
    expect(evidence.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { LogFilePrefix: 'evidence/' },
    });
    expect(evidence.Properties['ObjectLockEnabled']).toBeUndefined();
    t.hasResource('AWS::S3::Bucket', { Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' } }), DeletionPolicy: 'Retain' });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id(stack.evidence) },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('the site bucket is private: only CloudFront (origin access control, this distribution) reads it', () => {
    expect(resources[id(stack.siteBucket)]!.Properties).toMatchObject({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } });
    t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' } });
    const policy = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id(stack.siteBucket) } } }))[0] as { Properties: { PolicyDocument: { Statement: { Effect: string; Principal?: unknown; Action: unknown; Condition?: unknown }[] } } };
    const allows = policy.Properties.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id(stack.siteBucket), 'Arn'] }, '/*']] },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      },
    ]);
    expect(text((allows[0]!.Condition as { StringEquals: Record<string, unknown> }).StringEquals['AWS:SourceArn'])).toContain(`distribution/<${id(stack.distribution)}>`);
  });

  it('CloudFront: the site with its index rewrite and security headers (CSP included), /api/* to the API function URL uncached with every viewer header but Host, 403 → the language chooser', () => {
    const config = only(t, 'AWS::CloudFront::Distribution').Properties['DistributionConfig'] as Record<string, unknown>;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      CustomErrorResponses: [{ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/index.html' }],
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // Managed-CachingOptimized
        FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [id(stack.node.findChild('SiteIndexRewrite')), 'FunctionARN'] } }],
      },
      CacheBehaviors: [
        {
          PathPattern: '/api/*',
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        },
      ],
    });
    // /api/* goes to the origin whose domain is the API function URL's host
    const behaviours = config['CacheBehaviors'] as { TargetOriginId: string; ResponseHeadersPolicyId: unknown }[];
    const origins = config['Origins'] as { Id: string; DomainName: unknown; CustomOriginConfig?: unknown; OriginAccessControlId?: unknown }[];
    const api = origins.find((o) => o.Id === behaviours[0]!.TargetOriginId)!;
    // the host of https://<id>.lambda-url.<region>.on.aws/
    expect(api.DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [id(stack.functions.api.function.node.findChild('FunctionUrl')), 'FunctionUrl'] }] }] });
    expect(api.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const site = origins.find((o) => o.Id === (config['DefaultCacheBehavior'] as { TargetOriginId: string }).TargetOriginId)!;
    expect(site.OriginAccessControlId).toBeDefined();
    expect(behaviours[0]!.ResponseHeadersPolicyId).toEqual((config['DefaultCacheBehavior'] as { ResponseHeadersPolicyId: unknown }).ResponseHeadersPolicyId);
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: siteContentSecurityPolicy, Override: true },
        },
      },
    });
    t.hasResourceProperties('AWS::CloudFront::Function', { AutoPublish: true, FunctionCode: siteIndexRewriteCode, FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
  });

  it('the index rewrite (run here as CloudFront runs it) maps Astro\'s directory pages to their index.html and leaves files alone', () => {
    const handler = new Function(`${siteIndexRewriteCode}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(['/', '/en/', '/en', '/fr/contract', '/he/cases/', '/_astro/app.abc123.js', '/favicon.svg', '/index.html'].map(rewrite)).toEqual([
      '/index.html',
      '/en/index.html',
      '/en/index.html',
      '/fr/contract/index.html',
      '/he/cases/index.html',
      '/_astro/app.abc123.js',
      '/favicon.svg',
      '/index.html',
    ]);
  });

  it('the site content: hashed assets immutable, pages revalidated, the distribution invalidated after a deployment', () => {
    const deployments = Object.values(t.findResources('Custom::CDKBucketDeployment')).map((r) => (r as { Properties: Record<string, unknown> }).Properties);
    expect(deployments).toHaveLength(2);
    expect(deployments).toContainEqual(expect.objectContaining({ Include: ['_astro/*'], Exclude: ['*'], Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } }));
    expect(deployments).toContainEqual(expect.objectContaining({ Exclude: ['_astro/*'], DistributionPaths: ['/*'], SystemMetadata: { 'cache-control': 'public, max-age=0, must-revalidate' } }));
  });

  it('four functions: Node 24 on arm64, ESM bundles, their own log groups, memory and timeouts; each gets every variable the AWS ports read', () => {
    const expected = { api: [1024, 29], stageSender: [1024, 120], sesEvents: [512, 30], reconciler: [512, 300] } as const;
    const required = Object.entries(AwsEnvSchema.shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([name]) => name);
    for (const [key, [memory, timeout]] of Object.entries(expected)) {
      const fn = stack.functions[key as keyof typeof expected];
      const props = resources[id(fn.function)]!.Properties;
      expect(props, key).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: memory, Timeout: timeout, LoggingConfig: { LogGroup: { Ref: id(fn.logGroup) } } });
      const variables = (props['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables).sort(), key).toEqual(expect.arrayContaining(required));
      expect(variables['NODE_ENV']).toBe('production');
      expect(variables['SENDER_ADDRESS']).toBe('letters@porter.example');
    }
    expect(resources[id(stack.functions.stageSender.function)]!.Properties['FunctionName']).toBe('Overdue-stage-sender');
    t.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    // what a deletion of the stack keeps: the data, never the plumbing (a kept log group with a fixed name would block the next deployment)
    const kept = Object.entries(t.toJSON()['Resources'] as Record<string, { Type: string; DeletionPolicy?: string }>).filter(([, r]) => r.DeletionPolicy === 'Retain').map(([, r]) => r.Type).sort();
    expect(kept).toEqual(['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::S3::Bucket', 'AWS::S3::Bucket']);
  });

  it('the API function URL is public (AuthType NONE): the API checks its token itself (see the notes on origin access control)', () => {
    t.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [id(stack.functions.api.function), 'Arn'] } });
    t.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false } });
  });

  it('dead letters: an encrypted, TLS-only queue; its alarm (any visible message) e-mails the owner through the encrypted owner topic', () => {
    expect(resources[id(stack.deadLetters)]!.Properties).toEqual({ MessageRetentionPeriod: 1_209_600, SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
    const alarm = only(t, 'AWS::CloudWatch::Alarm').Properties;
    expect(alarm).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    const ownerTopic = text((alarm['AlarmActions'] as unknown[])[0]);
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'jane@porter.example', TopicArn: { Ref: ownerTopic.slice(1, -1) } });
    t.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    // the stage sender's, the SES events' and the reconciler's failed async invocations land there too
    expect(Object.values(t.findResources('AWS::Lambda::EventInvokeConfig')).map((r) => text((r as { Properties: { DestinationConfig: { OnFailure: { Destination: unknown } } } }).Properties.DestinationConfig.OnFailure.Destination))).toEqual(
      Array(3).fill(`<${id(stack.deadLetters)}.Arn>`),
    );
  });

  it('SES: the sender identity with the configuration set, whose delivery, bounce and complaint events go to the SNS topic the SES events function reads', () => {
    const identity = only(t, 'AWS::SES::EmailIdentity').Properties;
    expect(identity).toMatchObject({ EmailIdentity: 'letters@porter.example', ConfigurationSetAttributes: { ConfigurationSetName: { Ref: id(stack.node.findChild('MailConfiguration')) } } });
    t.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true }, SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
    const destination = only(t, 'AWS::SES::ConfigurationSetEventDestination').Properties as { EventDestination: { MatchingEventTypes: string[]; SnsDestination: { TopicARN: unknown } } };
    expect(destination.EventDestination.MatchingEventTypes).toEqual(['delivery', 'bounce', 'complaint']);
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: destination.EventDestination.SnsDestination.TopicARN,
      Endpoint: { 'Fn::GetAtt': [id(stack.functions.sesEvents.function), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [id(stack.deadLetters), 'Arn'] } },
    });
  });

  it('the letter schedules: a schedule group, and a role only Scheduler of this account and group can assume', () => {
    t.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Overdue-letters' });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [id(stack.node.findChild('LetterSchedules')), 'Arn'] } } },
          },
        ],
      },
    });
  });

  it('the reconciler runs daily from an EventBridge rule, which alone may invoke it; failed runs go to the dead-letter queue', () => {
    const rule = only(t, 'AWS::Events::Rule').Properties;
    expect(rule).toMatchObject({ ScheduleExpression: 'cron(17 3 * * ? *)', State: 'ENABLED', Targets: [{ Arn: { 'Fn::GetAtt': [id(stack.functions.reconciler.function), 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(stack.deadLetters), 'Arn'] } } }] });
    t.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', FunctionName: { 'Fn::GetAtt': [id(stack.functions.reconciler.function), 'Arn'] }, SourceArn: { 'Fn::GetAtt': [id(stack.node.findChild('DailyReconcile')), 'Arn'] } });
  });
});

describe('IAM: every grant, exactly', () => {
  const { stack } = main;
  const roleOf = (key: keyof typeof stack.functions) => id(stack.functions[key].role);
  const ref = (c: IConstruct) => `<${id(c)}>`;
  const arn = (c: IConstruct) => `<${id(c)}.Arn>`;
  const table = arn(stack.table);
  const store = ['BatchGetItem', 'ConditionCheckItem', 'GetItem', 'PutItem', 'Query'].map((a) => `dynamodb:${a} on ${table}`).concat(['byMessage', 'byStatus'].map((i) => `dynamodb:Query on ${table}/index/${i}`));
  const logs = (key: keyof typeof stack.functions) => ['logs:CreateLogStream', 'logs:PutLogEvents'].map((a) => `${a} on ${arn(stack.functions[key].logGroup)}`);
  const schedules = `arn:<AWS::Partition>:scheduler:${region}:<AWS::AccountId>:schedule/Overdue-letters/*`;
  const invokeRole = stack.node.findChild('SchedulerInvokeRole') as iam.Role;
  const scheduling = [
    ...['CreateSchedule', 'DeleteSchedule', 'GetSchedule', 'UpdateSchedule'].map((a) => `scheduler:${a} on ${schedules}`),
    `iam:PassRole on ${arn(invokeRole)} if {"StringEquals":{"iam:PassedToService":"scheduler.amazonaws.com"}}`,
  ];
  const deadLetters = `sqs:SendMessage on ${arn(stack.deadLetters)}`;
  const ownerTopic = `sns:Publish on ${ref(stack.node.findChild('OwnerTopic'))}`;
  const topicKey = ['kms:Decrypt', 'kms:GenerateDataKey'].map((a) => `${a} on ${arn(stack.node.findChild('TopicKey'))}`);
  const evidence = `${arn(stack.evidence)}/*`;

  it('API: its log group, the store, reading evidence (lawyer bundle) and putting large bundles under bundles/, letter schedules, passing the invoke role to Scheduler, the API token', () => {
    expect(grantsOf(resources, roleOf('api'))).toEqual(
      [...logs('api'), ...store, `s3:GetObject on ${evidence}`, `s3:PutObject on ${arn(stack.evidence)}/bundles/*`, ...scheduling, `secretsmanager:GetSecretValue on ${ref(stack.node.findChild('ApiToken'))}`].sort(),
    );
  });

  it('stage sender: its log group, the store, writing and re-reading evidence, letter schedules, SendRawEmail from the sender identity through the configuration set, its failure destination', () => {
    const identity = `arn:<AWS::Partition>:ses:${region}:<AWS::AccountId>:identity/${ref(stack.node.findChild('Sender'))}`;
    const configurationSet = `arn:<AWS::Partition>:ses:${region}:<AWS::AccountId>:configuration-set/${ref(stack.node.findChild('MailConfiguration'))}`;
    expect(grantsOf(resources, roleOf('stageSender'))).toEqual(
      [...logs('stageSender'), ...store, `s3:GetObject on ${evidence}`, `s3:PutObject on ${evidence}`, ...scheduling, `ses:SendRawEmail on ${identity}`, `ses:SendRawEmail on ${configurationSet}`, deadLetters].sort(),
    );
  });

  it('SES events: its log group, the store, cancelling letter schedules (no creating, no role passing), notifying the owner on the encrypted topic, its failure destination', () => {
    expect(grantsOf(resources, roleOf('sesEvents'))).toEqual([...logs('sesEvents'), ...store, `scheduler:DeleteSchedule on ${schedules}`, ownerTopic, ...topicKey, deadLetters].sort());
  });

  it('reconciler: its log group, the store, letter schedules, notifying the owner, its failure destination', () => {
    expect(grantsOf(resources, roleOf('reconciler'))).toEqual([...logs('reconciler'), ...store, ...scheduling, ownerTopic, ...topicKey, deadLetters].sort());
  });

  it('the role Scheduler assumes: invoking the stage sender (by its name-built ARN) and dead-lettering a failed run, nothing else', () => {
    expect(grantsOf(resources, id(invokeRole))).toEqual([`lambda:InvokeFunction on arn:<AWS::Partition>:lambda:${region}:<AWS::AccountId>:function:Overdue-stage-sender`, deadLetters].sort());
  });

  it('CDK\'s site deployment handler: what CDK grants it, with the invalidation narrowed to this distribution', () => {
    const role = Object.keys(resources).find((k) => k.startsWith('CustomCDKBucketDeployment') && resources[k]!.Type === 'AWS::IAM::Role')!;
    const grants = grantsOf(resources, role);
    expect(grants.filter((g) => g.startsWith('cloudfront:'))).toEqual(
      ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'].map((a) => `${a} on arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/${ref(stack.distribution)}`),
    );
    // the rest touches only the CDK assets bucket and the site bucket
    expect(grants.filter((g) => !g.startsWith('cloudfront:')).every((g) => / on (arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-|<SiteBucket)/.test(g))).toBe(true);
  });

  it('`Resource: "*"` appears only where AWS requires it: the KMS key policy, where it means the key itself', () => {
    expect(allowsOnEverything(resources)).toEqual([
      { logicalId: id(stack.node.findChild('TopicKey')), type: 'AWS::KMS::Key', principal: 'aws:arn:<AWS::Partition>:iam::<AWS::AccountId>:root', actions: ['kms:*'] },
      { logicalId: id(stack.node.findChild('TopicKey')), type: 'AWS::KMS::Key', principal: 'service:cloudwatch.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] },
      { logicalId: id(stack.node.findChild('TopicKey')), type: 'AWS::KMS::Key', principal: 'service:ses.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] },
    ]);
  });

  it('no wildcard action anywhere in the stack\'s own roles', () => {
    for (const key of ['api', 'stageSender', 'sesEvents', 'reconciler'] as const) {
      expect(grantsOf(resources, roleOf(key)).filter((g) => g.split(' on ')[0]!.includes('*')), key).toEqual([]);
    }
    expect(grantsOf(resources, id(invokeRole)).filter((g) => g.split(' on ')[0]!.includes('*'))).toEqual([]);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  /** Every acknowledgement in the construct tree: rule id, where, why. */
  const acknowledgements = (root: IConstruct) =>
    root.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([rule, reason]) => ({ rule: rule.replace(/^annotation::/i, ''), path: c.node.path, reason }))),
      )
      .filter((a) => a.rule.startsWith('AwsSolutions-'));

  it('synthesis passed its validation (an unacknowledged error would have thrown) and the report holds no AwsSolutions finding and no CloudFormation warning', () => {
    for (const plugin of main.report.pluginReports) expect(plugin.violations ?? [], plugin.pluginName).toEqual([]);
    // the pack itself, run on the tree: no error and no warning left
    expect(new cdkNag.AwsSolutionsChecks().validateScope(main.app)).toEqual({ success: true, violations: [] });
  });

  it('every acknowledgement names a finding the pack really raises there, with a reason', () => {
    const raw = new cdkNag.AwsSolutionsChecks();
    // the same pack with acknowledgements ignored: what it would report
    (raw as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const findings = raw.validateScope(main.app).violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
    const acks = acknowledgements(main.app);
    expect(acks.length).toBeGreaterThan(10);
    for (const ack of acks) {
      expect(findings.some((f) => f.rule === ack.rule && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))), `${ack.rule} at ${ack.path}`).toBe(true);
      expect(ack.reason.length, `${ack.rule} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
    console.log(`cdk-nag acknowledgements (${acks.length}):\n${acks.map((a) => `  ${a.rule} @ ${a.path.replace(/^Overdue\//, '')}\n      ${a.reason}`).join('\n')}`);
  });

  it('is active: a wildcard grant nobody explained is reported (and would stop synthesis)', () => {
    const { violations } = new cdkNag.AwsSolutionsChecks().validateScope(unexplainedWildcard());
    expect(violations.map((v) => v.ruleName).sort()).toEqual(['AwsSolutions-IAM5[Action::s3:*]', 'AwsSolutions-IAM5[Resource::*]']);
  });
});

/** A throw-away stack whose one role has an unexplained `s3:*` on `*`. */
function unexplainedWildcard(): IConstruct {
  const probe = new Stack(undefined, 'NagProbe');
  const role = new iam.Role(probe, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  return probe;
}

describe('every option on: a domain sender, custom domain, Object Lock, sandbox recipients, tracing, no deletion protection, no built site', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const variant = synthOverdue({
    context: {
      region: 'eu-west-3',
      sender: 'porter.example',
      from: 'jane@porter.example',
      ownerEmail: 'jane@porter.example',
      customDomain: 'overdue.porter.example',
      certificateArn,
      objectLock: 'true',
      objectLockYears: '6',
      deletionProtection: 'false',
      sandboxRecipients: 'accounts@acme.example, tom@hale.example',
      tracing: 'true',
    },
    siteDir: null,
    outdir: main.outdir,
  });
  const t = variant.template;
  const vr = t.toJSON()['Resources'] as Record<string, { Type: string; Properties: Record<string, unknown> }>;

  it('a domain identity with its DKIM records as outputs, the From address on it, and the sandbox recipients as identities the sender may send to', () => {
    const identities = Object.values(t.findResources('AWS::SES::EmailIdentity')).map((r) => (r as { Properties: { EmailIdentity: string } }).Properties.EmailIdentity);
    expect(identities.sort()).toEqual(['accounts@acme.example', 'porter.example', 'tom@hale.example']);
    expect(Object.keys(t.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'))).toHaveLength(3);
    const sender = vr[id(variant.stack.functions.stageSender.function)]!.Properties as { Environment: { Variables: Record<string, unknown> } };
    expect(sender.Environment.Variables['SENDER_ADDRESS']).toBe('jane@porter.example');
    const sends = grantsOf(vr, id(variant.stack.functions.stageSender.role)).filter((g) => g.startsWith('ses:'));
    expect(sends).toHaveLength(4);
    expect(sends.every((g) => g.startsWith('ses:SendRawEmail on arn:<AWS::Partition>:ses:eu-west-3:<AWS::AccountId>:'))).toBe(true);
  });

  it('the custom domain on the distribution with its us-east-1 certificate and TLS 1.2 at least', () => {
    const config = only(t, 'AWS::CloudFront::Distribution').Properties['DistributionConfig'];
    expect(config).toMatchObject({ Aliases: ['overdue.porter.example'], ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' } });
    expect(t.findOutputs('SiteUrl')['SiteUrl']).toMatchObject({ Value: 'https://overdue.porter.example/' });
  });

  it('Object Lock in governance mode for the years asked, and no deletion protection', () => {
    expect(vr[id(variant.stack.evidence)]!.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 6 * 365 } } },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(only(t, 'AWS::DynamoDB::Table').Properties['DeletionProtectionEnabled']).toBe(false);
  });

  it('no site deployment without a built site; tracing on: X-Ray\'s two actions on `*` are the one identity-policy exception (X-Ray has no resource-level permissions)', () => {
    expect(t.findResources('Custom::CDKBucketDeployment')).toEqual({});
    t.allResourcesProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
    const everything = allowsOnEverything(vr).filter((a) => a.type !== 'AWS::KMS::Key');
    expect(everything).toHaveLength(4);
    for (const a of everything) expect(a).toMatchObject({ type: 'AWS::IAM::Policy', principal: '(the role)', actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'] });
    expect(new cdkNag.AwsSolutionsChecks().validateScope(variant.app)).toEqual({ success: true, violations: [] });
  });
});

describe('context checks (no synthesis)', () => {
  it('defaults let `cdk synth` run with no context, and say so', () => {
    expect(readOverdueConfig({})).toMatchObject({ sender: 'letters@example.com', identity: 'letters@example.com', fromAddress: 'letters@example.com', ownerEmail: 'owner@example.com', objectLock: false, deletionProtection: true, tracing: false, sandboxRecipients: [], usesExampleDefaults: true });
  });

  it('a domain sender sends from letters@<domain> unless `from` says otherwise', () => {
    expect(readOverdueConfig({ sender: 'Porter.Example', ownerEmail: 'jane@porter.example' })).toMatchObject({ identity: 'porter.example', fromAddress: 'letters@porter.example', usesExampleDefaults: false });
    expect(readOverdueConfig({ sender: 'porter.example', from: 'jane@porter.example' }).fromAddress).toBe('jane@porter.example');
  });

  it('names every bad value, with what it must be', () => {
    expect(() =>
      readOverdueConfig({ sender: 'not a sender', ownerEmail: 'jane', region: 'Europe', customDomain: 'overdue.porter.example', objectLock: 'yes', objectLockYears: '0', sandboxRecipients: 'a@b.example, nope' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [Error: Overdue: bad context:
        -c sender="not a sender": must be an e-mail address (jane@porter.example) or a domain (porter.example)
        -c ownerEmail="jane": must be an e-mail address
        -c region="Europe": must be an AWS region such as eu-west-1
        -c objectLock="yes": must be true or false
        -c objectLockYears="0": Too small: expected number to be >=1
        -c sandboxRecipients="a@b.example, nope": must be a comma-separated list of e-mail addresses]
    `);
  });

  it('refuses a custom domain without its certificate, a certificate outside us-east-1, and a From address off the sender domain', () => {
    expect(() => readOverdueConfig({ customDomain: 'overdue.porter.example' })).toThrow('-c certificateArn="": customDomain and certificateArn go together: set both or neither');
    expect(() => readOverdueConfig({ customDomain: 'overdue.porter.example', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' })).toThrow(
      'must be the ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates from us-east-1)',
    );
    expect(() => readOverdueConfig({ sender: 'porter.example', from: 'jane@elsewhere.example' })).toThrow('-c from="jane@elsewhere.example": must be an address on the sender domain porter.example');
    expect(() => readOverdueConfig({ sender: 'jane@porter.example', from: 'tom@porter.example' })).toThrow('is only for a domain sender; letters go out from the sender address jane@porter.example');
  });
});
