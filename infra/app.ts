/**
 * The CDK app. Two ways in (Node 24 runs this TypeScript as it is):
 *
 * - by the CDK CLI (cdk.json: `node infra/app.ts`): `cdk deploy -c sender=… -c ownerEmail=…`;
 *   the CLI sets CDK_OUTDIR and passes the context, the app synthesizes on exit;
 * - directly, for `npm run synth`: `node infra/app.ts [-c key=value …] [-o cdk.out]` reads the
 *   context from cdk.json and the flags, synthesizes into the output folder (bundling, cdk-nag)
 *   and exits non-zero on a bad context value or an unacknowledged finding. No AWS account,
 *   credentials or network are needed.
 *
 * The context keys are described in overdue-config.ts.
 */
import { App } from 'aws-cdk-lib';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createOverdueApp } from './overdue-app.ts';
import { projectRoot } from './overdue-function.ts';

/** `-c key=value` flags and cdk.json's "context", the flags winning (as with the CLI). */
function directRunOptions(args: string[]): { outdir: string; context: Record<string, string> } {
  const { values } = parseArgs({ args, options: { context: { type: 'string', short: 'c', multiple: true }, output: { type: 'string', short: 'o' } } });
  const cdkJson = join(projectRoot, 'cdk.json');
  const fromFile = existsSync(cdkJson) ? ((JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: Record<string, string> }).context ?? {}) : {};
  const fromFlags = Object.fromEntries(
    (values.context ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`Overdue: -c ${pair}: expected key=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  return { outdir: resolve(values.output ?? join(projectRoot, 'cdk.out')), context: { ...fromFile, ...fromFlags } };
}

try {
  if (process.env['CDK_OUTDIR']) {
    createOverdueApp(new App());
  } else {
    const { outdir, context } = directRunOptions(process.argv.slice(2));
    const app = new App({ outdir, context });
    const { stack, config, siteDir } = createOverdueApp(app);
    app.synth();
    console.log(`Synthesized ${stack.stackName} into ${outdir} (sender ${config.identity}, owner ${config.ownerEmail}${config.region ? `, ${config.region}` : ''}); cdk-nag AwsSolutions: no unacknowledged finding.`);
    if (!siteDir) console.log('  site/dist is not built: no site content in this assembly (npm run site:build first to include it).');
    if (config.usesExampleDefaults) console.log('  sender/ownerEmail are the example defaults: set -c sender=… -c ownerEmail=… before deploying.');
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
