import { RemovalPolicy, Validations, type Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from './acknowledge-wildcard.ts';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the bundling input, where package-lock.json and node_modules are. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Where a package's files are, relative to the project root (the same in local and Docker
 * bundling): the folder above its resolved entry that holds its package.json (pdfkit's
 * `exports` hide `pdfkit/package.json` itself).
 */
function packageDir(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return relative(projectRoot, dir);
  }
  throw new Error(`Overdue bundling: cannot find the folder of the ${name} package`);
}

/** The folder of the Arimo TTFs beside the bundle (OVERDUE_FONT_DIR), as Lambda sees it. */
export const lambdaFontDir = '/var/task/fonts';

/**
 * The package.json written beside a rendering bundle: pdfkit (inside React-PDF) loads its
 * standard fonts with `createRequire(import.meta.url)('#standard-fonts/<Name>')`, and in a bundle
 * `import.meta.url` is the bundle, so Node resolves `#standard-fonts/*` through the package.json
 * nearest to it. The map is pdfkit's own, pointing at the copied folder (a `require` gets the
 * CommonJS file, which is the one pdfkit's loader calls).
 */
export const bundlePackageJson = {
  type: 'module',
  imports: { '#standard-fonts/*': { require: './standard-fonts/*.cjs', default: './standard-fonts/*.mjs' } },
} as const;

/**
 * The esbuild settings every Overdue function is bundled with (exported for the bundle tests and
 * the benchmark, which check the bundles the stack builds).
 *
 * - ESM for Node 24, `@aws-sdk/*` left to the runtime (Lambda provides SDK v3).
 * - A `require` made with createRequire in the banner: CommonJS packages inside an ESM bundle
 *   (nodemailer, moment, fontkit's dependencies) call `require('fs')` and the like, which esbuild
 *   only forwards to a `require` that exists.
 * - `process.env.NODE_ENV` fixed to "production": React and react-dom drop their development
 *   builds (about 0.6 MB) and React-PDF renders with less memory (shared/PITFALLS.md).
 * - fontkit's Brotli decoder is replaced by a module that throws: it only decodes WOFF2, which
 *   the functions never load (they use TTF files; WOFF2 is broken in React-PDF anyway), and it is
 *   0.5 MB of dictionary.
 * - Minified: unminified bundles are over 5 MB.
 */
export function esbuildOptions(): nodejs.BundlingOptions {
  return {
    format: nodejs.OutputFormat.ESM,
    target: 'node24',
    minify: true,
    sourceMap: false,
    externalModules: ['@aws-sdk/*'],
    mainFields: ['module', 'main'],
    banner: "import { createRequire as __overdueCreateRequire } from 'node:module'; const require = __overdueCreateRequire(import.meta.url);",
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    esbuildArgs: { '--alias:brotli/decompress.js': `./${relative(projectRoot, fileURLToPath(new URL('./bundling/woff2-not-supported.ts', import.meta.url)))}` },
    forceDockerBundling: false,
    logLevel: nodejs.LogLevel.ERROR,
  };
}

/**
 * The shell commands run after esbuild for a function that renders PDFs: the standard fonts and
 * the package.json that maps `#standard-fonts/*` to them, and the Arimo TTFs in fonts/.
 */
export function pdfAssetCommands(inputDir: string, outputDir: string): string[] {
  const pdfkit = join(inputDir, packageDir('pdfkit'));
  const arimo = join(inputDir, packageDir('@expo-google-fonts/arimo'));
  return [
    `mkdir -p "${outputDir}/standard-fonts" "${outputDir}/fonts"`,
    `cp -R "${pdfkit}/js/standard-fonts/." "${outputDir}/standard-fonts/"`,
    `printf '%s' '${JSON.stringify(bundlePackageJson)}' > "${outputDir}/package.json"`,
    `cp "${arimo}/400Regular/Arimo_400Regular.ttf" "${arimo}/700Bold/Arimo_700Bold.ttf" "${outputDir}/fonts/"`,
  ];
}

export interface OverdueFunctionProps {
  /** the handler module, relative to the project root (exports `handler`) */
  entry: string;
  description: string;
  /** default 512 */
  memorySize?: number;
  timeout: Duration;
  /** the variables every function gets (aws-ports.ts reads them all at start) */
  environment: Record<string, string>;
  /** renders PDFs: ships the fonts and pdfkit's standard fonts beside the bundle */
  pdf?: boolean;
  /** a fixed name, for a function whose ARN must be known before it exists (the schedule target) */
  functionName?: string;
  logRetention?: logs.RetentionDays;
  tracing?: boolean;
  /** async invocations that failed for good (after Lambda's own retries) go there */
  onFailure?: sqs.IQueue;
}

/**
 * One Overdue Lambda function: Node 24 on arm64, the handler bundled by esbuild as ESM
 * (esbuildOptions), its own log group with a retention, and its own role that can write to that
 * log group and nothing else until `bind*` grants exactly what the function uses.
 *
 * @example
 * const sender = new OverdueFunction(this, 'StageSender', { entry: 'functions/main/lambda-stage.ts', pdf: true, memorySize: 1024, timeout: Duration.minutes(2), environment });
 * sender.bindTable(table); sender.bindBucket(evidence, 'write-once');
 */
export class OverdueFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: OverdueFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      // operational logs only (the case log is in the table); a kept log group with a fixed name would block the next deployment
      removalPolicy: RemovalPolicy.DESTROY,
      ...(props.functionName ? { logGroupName: `/aws/lambda/${props.functionName}` } : {}),
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (Overdue)`,
    });
    // only this function's log group (no logs:CreateLogGroup: the stack creates it)
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${this.logGroup.logGroupArn}`] }),
    );
    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing: CDK grants xray:PutTraceSegments and xray:PutTelemetryRecords, which X-Ray only allows on "*" (it has no resource-level permissions); the stack tests check that these are the only "*" grants.',
      });
    }
    const bundling = esbuildOptions();
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.TEXT,
      ...(props.functionName ? { functionName: props.functionName } : {}),
      ...(props.tracing ? { tracing: lambda.Tracing.ACTIVE } : {}),
      ...(props.onFailure ? { onFailure: new SqsOnFailure(props.onFailure) } : {}),
      environment: {
        ...props.environment,
        NODE_ENV: 'production',
        ...(props.pdf ? { OVERDUE_FONT_DIR: lambdaFontDir } : {}),
      },
      bundling: {
        ...bundling,
        ...(props.pdf
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => pdfAssetCommands(inputDir, outputDir),
              },
            }
          : {}),
      },
    });
  }

  /** The function's ARN, for targets and conditions. */
  get functionArn(): string {
    return this.function.functionArn;
  }

  /**
   * The Store's table: exactly the calls the DynamoDB store makes (GetItem, BatchGetItem, Query
   * on the table and its indexes, and the Put and ConditionCheck items of its
   * TransactWriteItems; it never updates, deletes or scans), and TABLE_NAME.
   */
  bindTable(table: dynamodb.ITable, indexNames: readonly string[]): this {
    this.allow(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'], [table.tableArn]);
    this.allow(['dynamodb:Query'], indexNames.map((name) => `${table.tableArn}/index/${name}`));
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /**
   * The evidence archive: 'write-once' = PutObject and GetObject (the S3 archive puts with
   * If-None-Match and reads an existing object back to check it; HeadObject is GetObject's
   * permission), 'read' = GetObject; and ARCHIVE_BUCKET. Objects only: no listing, no deletes,
   * no version access.
   */
  bindBucket(bucket: s3.IBucket, access: 'write-once' | 'read'): this {
    this.allow(access === 'write-once' ? ['s3:PutObject', 's3:GetObject'] : ['s3:GetObject'], [bucket.arnForObjects('*')], {
      wildcardReason: 'Evidence object keys are the SHA-256 digests of letters rendered at run time (<aa>/<sha256>), so no key is known in advance; the grant is limited to objects of this one bucket and to put/get.',
    });
    this.function.addEnvironment('ARCHIVE_BUCKET', bucket.bucketName);
    return this;
  }

  /**
   * Any other exact grant (a topic, a secret, an SES identity, the schedule group). A resource
   * pattern with a `*` needs `wildcardReason`, which becomes its cdk-nag acknowledgement.
   */
  allow(actions: string[], resources: string[], options: { conditions?: Record<string, Record<string, unknown>>; wildcardReason?: string } = {}): this {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources, ...(options.conditions ? { conditions: options.conditions } : {}) }));
    acknowledgeWildcards(this.role, resources, options.wildcardReason);
    return this;
  }
}

/**
 * Lambda's async-invocation failure destination on a queue, granting only sqs:SendMessage on it
 * (CDK's SqsDestination also grants GetQueueAttributes and GetQueueUrl, which Lambda's
 * destination delivery does not need).
 */
class SqsOnFailure implements lambda.IDestination {
  readonly queue: sqs.IQueue;
  constructor(queue: sqs.IQueue) {
    this.queue = queue;
  }
  bind(_scope: Construct, fn: lambda.IFunction): lambda.DestinationConfig {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    return { destination: this.queue.queueArn };
  }
}
