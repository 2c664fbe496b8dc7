import { Annotations, ArnFormat, CfnOutput, Duration, Lazy, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { overdueTable } from '../functions/adapters/aws/dynamodb-table.ts';
import type { OverdueConfig } from './overdue-config.ts';
import { acknowledgeWildcards } from './acknowledge-wildcard.ts';
import { OverdueFunction } from './overdue-function.ts';
import { siteContentSecurityPolicy } from './site-content-security-policy.ts';
import { siteIndexRewriteCode } from './site-index-rewrite.ts';

export interface OverdueStackProps extends StackProps {
  config: OverdueConfig;
  /** the built site (site/dist); when absent the stack deploys no site content, only the API */
  siteDir?: string | undefined;
}

/** Every action the EventBridge Scheduler adapter calls (eventbridge-scheduler.ts). */
const scheduleActions = ['scheduler:CreateSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'];

/**
 * Overdue on AWS, one stack:
 *
 * - the static site in a private bucket behind CloudFront (origin access control), /api/* on
 *   the same origin routed to the API function's URL;
 * - the Store's DynamoDB table (on-demand, point-in-time recovery), the evidence bucket
 *   (versioned, encrypted, never public, Object Lock optional);
 * - the stage sender, woken by one EventBridge Scheduler schedule per next stage (schedule
 *   group + the role Scheduler assumes), with a dead-letter queue whose alarm e-mails the owner;
 * - SES: the sender identity, a configuration set whose delivery, bounce and complaint events
 *   reach the SES events function through an SNS topic;
 * - the daily reconciler, the API token in Secrets Manager;
 * - each function's role grants exactly the calls its code makes, on the resources it uses.
 *
 * @example new OverdueStack(app, 'Overdue', { config: readOverdueConfig(context), siteDir: 'site/dist' })
 */
export class OverdueStack extends Stack {
  readonly table: dynamodb.Table;
  readonly evidence: s3.Bucket;
  readonly siteBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deadLetters: sqs.Queue;
  readonly functions: { api: OverdueFunction; stageSender: OverdueFunction; sesEvents: OverdueFunction; reconciler: OverdueFunction };

  constructor(scope: Construct, id: string, props: OverdueStackProps) {
    super(scope, id, props);
    const { config } = props;
    if (config.usesExampleDefaults) {
      Annotations.of(this).addWarningV2(
        'overdue:example-context',
        `sender (${config.sender}) or ownerEmail (${config.ownerEmail}) is the example default: set -c sender=… -c ownerEmail=… before deploying`,
      );
    }

    // ---- encryption key for the SNS topics (CloudWatch and SES publish to them) ----------------
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Overdue: encrypts the owner and mail-event SNS topics',
      enableKeyRotation: true,
      // it protects only messages in flight: deleted (after the 30-day waiting period) with the stack
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(30),
    });
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      // the documented key policy for a service publishing to an encrypted topic; a key policy names the key itself as '*'
      key.addToResourcePolicy(
        new iam.PolicyStatement({ principals: [new iam.ServicePrincipal(service)], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }),
      );
    }

    // ---- buckets ------------------------------------------------------------------------------
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL; the bucket owner still owns them
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.evidence = new s3.Bucket(this, 'Evidence', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      removalPolicy: RemovalPolicy.RETAIN,
      ...(config.objectLock
        ? { objectLockEnabled: true, objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(365 * config.objectLockYears)) }
        : {}),
    });

    // ---- the Store's table (its keys and indexes come from the adapter: dynamodb-table.ts) ------
    const { partitionKey, sortKey, indexes } = overdueTable;
    this.table = new dynamodb.Table(this, 'Cases', {
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      // encrypted at rest with the AWS owned key (no KMS charges); deletion protection is a context option
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: indexes.byStatus.name,
      partitionKey: { name: indexes.byStatus.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: indexes.byStatus.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: indexes.byMessage.name,
      partitionKey: { name: indexes.byMessage.partitionKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
    const indexNames = [indexes.byStatus.name, indexes.byMessage.name];

    // ---- dead letters, the owner's topic and the alarm ----------------------------------------
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue (of the letter schedules, the reconciler schedule, the SNS subscription and the functions\' failed async invocations); a dead-letter queue of its own would only move the problem, and the alarm e-mails the owner instead.',
    });
    const ownerTopic = new sns.Topic(this, 'OwnerTopic', { displayName: 'Overdue', masterKey: key, enforceSSL: true });
    ownerTopic.addSubscription(new subscriptions.EmailSubscription(config.ownerEmail));
    const deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'Overdue: a letter schedule, a function invocation or an SES event could not be delivered and is waiting in the dead-letter queue. Look at the messages, fix the cause, and resend from the site.',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    deadLetterAlarm.addAlarmAction(new cloudwatchActions.SnsAction(ownerTopic));

    // ---- EventBridge Scheduler: the group of letter schedules and the role they run with -------
    const stageSenderName = `${this.stackName}-stage-sender`;
    // built from the name, not read from the function: the function's own environment carries it
    const stageSenderArn = this.formatArn({ service: 'lambda', resource: 'function', resourceName: stageSenderName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const group = new scheduler.ScheduleGroup(this, 'LetterSchedules', { scheduleGroupName: `${this.stackName}-letters`, removalPolicy: RemovalPolicy.DESTROY });
    const schedulesArn = this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${group.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const invokeRole = new iam.Role(this, 'SchedulerInvokeRole', {
      description: 'Overdue: assumed by EventBridge Scheduler to run a letter schedule (invoke the stage sender, dead-letter a failed run)',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': this.account },
        ArnEquals: { 'aws:SourceArn': group.scheduleGroupArn },
      }),
    });
    invokeRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [stageSenderArn] }));
    invokeRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetters.queueArn] }));

    // ---- SES: identity, configuration set, events → SNS → the SES events function --------------
    const configurationSet = new ses.ConfigurationSet(this, 'MailConfiguration', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const senderIsDomain = !config.identity.includes('@');
    const identity = new ses.EmailIdentity(this, 'Sender', {
      identity: senderIsDomain ? ses.Identity.domain(config.identity) : ses.Identity.email(config.identity),
      configurationSet,
    });
    const sandboxIdentities = config.sandboxRecipients
      .filter((address) => address.toLowerCase() !== config.identity)
      .map((address, i) => new ses.EmailIdentity(this, `SandboxRecipient${i + 1}`, { identity: ses.Identity.email(address) }));
    const mailEvents = new sns.Topic(this, 'MailEventsTopic', { displayName: 'Overdue mail events', masterKey: key, enforceSSL: true });
    configurationSet.addEventDestination('MailEvents', {
      destination: ses.EventDestination.snsTopic(mailEvents),
      events: [ses.EmailSendingEvent.DELIVERY, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    // ---- the API token ------------------------------------------------------------------------
    const apiToken = new secretsmanager.Secret(this, 'ApiToken', {
      description: 'Overdue: the API token (Authorization: Bearer <token>); the secret string is the token itself',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(apiToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The token is the owner\'s password to the API, kept in the browser and scripts: an automatic rotation would lock them out. Rotate by hand (put-secret-value); the API reads it again on its next cold start.',
    });

    // ---- the functions ------------------------------------------------------------------------
    const environment = {
      TABLE_NAME: this.table.tableName,
      ARCHIVE_BUCKET: this.evidence.bucketName,
      SCHEDULE_GROUP: group.scheduleGroupName,
      STAGE_SENDER_ARN: stageSenderArn,
      SCHEDULER_ROLE_ARN: invokeRole.roleArn,
      DLQ_ARN: this.deadLetters.queueArn,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      SENDER_ADDRESS: config.fromAddress,
      OWNER_TOPIC_ARN: ownerTopic.topicArn,
      API_TOKEN_SECRET_ARN: apiToken.secretArn,
    };
    const common = { environment, tracing: config.tracing } as const;
    const api = new OverdueFunction(this, 'Api', {
      ...common,
      entry: 'functions/main/lambda-api.ts',
      description: 'Overdue API (Hono) behind CloudFront /api/*',
      // the lawyer bundle route renders the case's documents
      pdf: true,
      memorySize: 1024,
      // below CloudFront's 30 s origin read timeout
      timeout: Duration.seconds(29),
    });
    const stageSender = new OverdueFunction(this, 'StageSender', {
      ...common,
      entry: 'functions/main/lambda-stage.ts',
      description: 'Overdue stage sender: renders, archives and sends one letter (EventBridge Scheduler target)',
      functionName: stageSenderName,
      pdf: true,
      memorySize: 1024,
      // a render, an upload and up to four send attempts with back-off (2 + 4 + 8 s)
      timeout: Duration.minutes(2),
      onFailure: this.deadLetters,
    });
    const sesEvents = new OverdueFunction(this, 'SesEvents', {
      ...common,
      entry: 'functions/main/lambda-ses-events.ts',
      description: 'Overdue SES events: a bounce or complaint pauses the case and tells the owner',
      timeout: Duration.seconds(30),
      onFailure: this.deadLetters,
    });
    const reconciler = new OverdueFunction(this, 'Reconciler', {
      ...common,
      entry: 'functions/main/lambda-reconciler.ts',
      description: 'Overdue daily reconciler: stale claims become uncertain, every live case keeps its next schedule',
      timeout: Duration.minutes(5),
      onFailure: this.deadLetters,
    });
    this.functions = { api, stageSender, sesEvents, reconciler };

    for (const fn of [api, stageSender, sesEvents, reconciler]) fn.bindTable(this.table, indexNames);
    stageSender.bindBucket(this.evidence, 'write-once');
    // the lawyer bundle holds every letter as sent; a bundle too large for a Lambda answer (6 MB)
    // is stored under bundles/ and downloaded with a presigned link (s3-bundle-delivery.ts)
    api.bindBucket(this.evidence, 'read');
    api.allow(['s3:PutObject'], [this.evidence.arnForObjects('bundles/*')], {
      wildcardReason: 'Lawyer bundles too large for a Lambda answer are stored as bundles/<sha256>.zip, a digest computed at run time, and downloaded with a presigned link; the grant is put only, under that prefix of this one bucket.',
    });
    const schedulesReason =
      'Letter schedules are named at run time from the case and stage (scheduleName in eventbridge-scheduler.ts), one per next stage; the pattern covers only the schedules of this stack\'s letter group.';
    // the API, the sender and the reconciler create, re-arm and cancel letter schedules, which run as the invoke role
    for (const fn of [api, stageSender, reconciler]) {
      fn.allow(scheduleActions, [schedulesArn], { wildcardReason: schedulesReason });
      fn.allow(['iam:PassRole'], [invokeRole.roleArn], { conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } });
    }
    // a bounce or a complaint pauses the case: its schedules are only cancelled
    sesEvents.allow(['scheduler:DeleteSchedule'], [schedulesArn], { wildcardReason: schedulesReason });
    api.allow(['secretsmanager:GetSecretValue'], [apiToken.secretArn]);
    stageSender.allow(
      ['ses:SendRawEmail'],
      [identity.emailIdentityArn, ...sandboxIdentities.map((i) => i.emailIdentityArn), this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName })],
    );
    for (const fn of [sesEvents, reconciler]) {
      fn.allow(['sns:Publish'], [ownerTopic.topicArn]);
      // publishing to an encrypted topic
      fn.allow(['kms:GenerateDataKey', 'kms:Decrypt'], [key.keyArn]);
    }
    mailEvents.addSubscription(new subscriptions.LambdaSubscription(sesEvents.function, { deadLetterQueue: this.deadLetters }));

    // the daily reconciler: an EventBridge rule (Lambda's resource policy lets exactly this rule
    // invoke it; no role), outside the letter group the functions may change
    new events.Rule(this, 'DailyReconcile', {
      description: 'Overdue: daily reconciliation of claims and letter schedules (03:17 UTC)',
      schedule: events.Schedule.cron({ minute: '17', hour: '3' }),
      targets: [new eventsTargets.LambdaFunction(reconciler.function, { deadLetterQueue: this.deadLetters, retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });

    // ---- CloudFront: the site, and /api/* to the API function ---------------------------------
    const apiUrl = api.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE, invokeMode: lambda.InvokeMode.BUFFERED });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Overdue: security headers on every response',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: siteContentSecurityPolicy, override: true },
      },
      removeHeaders: ['Server'],
    });
    const indexRewrite = new cloudfront.Function(this, 'SiteIndexRewrite', {
      comment: 'Overdue: /en/cases → /en/cases/index.html (Astro directory format)',
      code: cloudfront.FunctionCode.fromInline(siteIndexRewriteCode),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const certificate = config.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Site', {
      comment: 'Overdue',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(certificate && config.customDomain
        ? { certificate, domainNames: [config.customDomain], minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: indexRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.FunctionUrlOrigin(apiUrl),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      // S3 behind origin access control answers 403 for a key that is not there: show the
      // language chooser (which sends the browser to its language's index) with a 404. Only
      // 403: a 404 from the API (an unknown case) must reach the client as the API's JSON.
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/index.html', ttl: Duration.minutes(1) }],
    });
    const distribution = this.distribution;
    Validations.of(distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: debtors and their lawyers open links from any country, and the owner travels; the API is protected by its token.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No WAF web ACL: its fixed monthly cost exceeds this one-owner tool\'s whole bill; the API refuses requests without the token (constant-time check) and the site is static.',
      },
    );
    if (!certificate) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without customDomain the distribution uses the *.cloudfront.net certificate, whose security policy CloudFront fixes (TLSv1); with customDomain and certificateArn it is TLSv1.2_2021.',
      });
    }

    // ---- the site's content (site/dist) -------------------------------------------------------
    if (props.siteDir) {
      // hashed assets never change under their name; pages are revalidated on every visit
      new s3deploy.BucketDeployment(this, 'SiteAssets', {
        sources: [s3deploy.Source.asset(props.siteDir)],
        destinationBucket: this.siteBucket,
        include: ['_astro/*'],
        exclude: ['*'],
        prune: false,
        cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
        memoryLimit: 512,
      });
      const pages = new s3deploy.BucketDeployment(this, 'SitePages', {
        sources: [s3deploy.Source.asset(props.siteDir)],
        destinationBucket: this.siteBucket,
        exclude: ['_astro/*'],
        prune: true,
        cacheControl: [s3deploy.CacheControl.fromString('public, max-age=0, must-revalidate')],
        distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      narrowSiteDeployment(pages, distribution);
    } else {
      Annotations.of(this).addInfo('site/dist is not built: the stack deploys no site content (the API still works). Run `npm run site:build`, then synth or deploy again.');
    }

    // ---- what the owner needs after a deploy --------------------------------------------------
    new CfnOutput(this, 'SiteUrl', { value: `https://${config.customDomain ?? distribution.distributionDomainName}/`, description: 'The site and, under /api/, the API' });
    new CfnOutput(this, 'DistributionDomain', { value: distribution.distributionDomainName, description: 'Point customDomain here (CNAME or alias)' });
    new CfnOutput(this, 'ApiTokenSecret', { value: apiToken.secretArn, description: 'aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text' });
    new CfnOutput(this, 'SenderIdentity', { value: config.identity, description: senderIsDomain ? 'SES domain identity: add the three DKIM CNAME records below' : 'SES address identity: click the link in the verification e-mail' });
    if (senderIsDomain) {
      identity.dkimRecords.forEach((record, i) => new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}` }));
    }
  }
}

/**
 * CDK's BucketDeployment (a CDK-provided Python function that syncs site/dist into the bucket
 * during a deployment, shared by both deployments): its invalidation grant is narrowed from
 * `*` to this distribution, and what CDK fixes in that function is acknowledged with the reason.
 */
function narrowSiteDeployment(deployment: s3deploy.BucketDeployment, distribution: cloudfront.Distribution): void {
  const stack = Stack.of(deployment);
  const role = deployment.handlerRole;
  const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
  if (!policy) throw new Error('Overdue: the BucketDeployment handler role has no policy; check narrowSiteDeployment');
  // The statement is rewritten in the rendered document (after CDK merges statements), so
  // cdk-nag and CloudFormation both see the narrowed resource.
  const document = policy.document;
  const cfnPolicy = policy.node.defaultChild as iam.CfnPolicy;
  cfnPolicy.policyDocument = Lazy.any({
    produce: () => {
      const rendered = stack.resolve(document) as { Statement: { Action?: string | string[]; Resource?: unknown }[] };
      const invalidation = rendered.Statement.filter((st) => [st.Action ?? []].flat().includes('cloudfront:CreateInvalidation'));
      if (invalidation.length !== 1 || invalidation[0]!.Resource !== '*') {
        throw new Error('Overdue: the BucketDeployment handler\'s invalidation statement changed; check narrowSiteDeployment');
      }
      invalidation[0]!.Resource = stack.resolve(distribution.distributionArn);
      return rendered;
    },
  });
  const statements = (document.toJSON() as { Statement?: { Action?: string | string[]; Resource?: string | string[] }[] } | undefined)?.Statement ?? [];

  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('Overdue: the BucketDeployment handler function was not found');
  const cdkFixed = 'CDK\'s BucketDeployment handler, which copies site/dist into the site bucket during a deployment and never runs otherwise';
  Validations.of(handler).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${cdkFixed}: CDK pins its Python runtime with the AWS CLI layer it ships.` },
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${cdkFixed}: CDK gives its role the AWS managed basic execution policy (its own log writes).` },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${cdkFixed}: CDK grants it ${action} to read the uploaded site from the CDK assets bucket and to sync and prune the site bucket (aws s3 sync --delete).`,
    })),
  );
  const s3Resources = statements.filter((st) => ![st.Action ?? []].flat().includes('cloudfront:CreateInvalidation')).flatMap((st) => [st.Resource ?? []].flat());
  acknowledgeWildcards(role, s3Resources, `${cdkFixed}: CDK grants it the objects of the CDK assets bucket (the uploaded site) and of the site bucket, which it syncs.`);
}
