import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOverdueApp } from '../../infra/overdue-app.ts';
import type { OverdueConfig } from '../../infra/overdue-config.ts';
import type { OverdueStack } from '../../infra/overdue-stack.ts';

export type FunctionKey = 'api' | 'stageSender' | 'sesEvents' | 'reconciler';
export const functionKeys: readonly FunctionKey[] = ['api', 'stageSender', 'sesEvents', 'reconciler'];

/** One function as the cloud assembly holds it. */
export interface SynthesizedFunction {
  logicalId: string;
  /** the folder CDK zips and uploads as the function's code: the bundle exactly as deployed */
  dir: string;
  /** Environment.Variables as in the template (CloudFormation intrinsics where a value is a reference) */
  environment: Record<string, unknown>;
}

export interface SynthesizedOverdue {
  app: App;
  stack: OverdueStack;
  config: OverdueConfig;
  template: Template;
  outdir: string;
  functions: Record<FunctionKey, SynthesizedFunction>;
  /** validation-report.json as this synthesis wrote it (CDK's CloudFormation checks and cdk-nag) */
  report: { pluginReports: { pluginName: string; conclusion?: string; violations?: unknown[] }[] };
  remove(): void;
}

/**
 * Synthesizes the Overdue app as `cdk synth` does (createOverdueApp: context checks, bundling,
 * cdk-nag validation) into a fresh temporary folder, and finds each function's code folder in
 * the assembly: the template's Code.S3Key names the asset (`<hash>.zip`), whose source in the
 * asset manifest is the `asset.<hash>` folder that CDK zips.
 *
 * @example const { template, functions } = synthOverdue({ context: { sender: 'porter.example' } })
 */
export function synthOverdue(options: { context?: Record<string, unknown>; siteDir?: string | null; outdir?: string } = {}): SynthesizedOverdue {
  // CDK reuses a bundle within one process only for the same assembly folder: variants synthesized
  // into the folder of an earlier synthesis are not bundled again
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), 'overdue-cdk-'));
  const app = new App({ outdir, context: { sender: 'letters@porter.example', ownerEmail: 'jane@porter.example', ...options.context } });
  const { stack, config } = createOverdueApp(app, { siteDir: options.siteDir === undefined ? null : options.siteDir });
  const assembly = app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as SynthesizedOverdue['report'];
  const template = Template.fromStack(stack);
  const artifact = assembly.getStackArtifact(stack.artifactId);
  const manifest = JSON.parse(readFileSync(join(outdir, `${artifact.stackName}.assets.json`), 'utf8')) as { files: Record<string, { source: { path: string } }> };
  const resources = (artifact.template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources;

  const functions = Object.fromEntries(
    functionKeys.map((key) => {
      const logicalId = Stack.of(stack).getLogicalId(stack.functions[key].function.node.defaultChild as CfnResource);
      const properties = resources[logicalId]!.Properties as { Code: { S3Key: string }; Environment?: { Variables?: Record<string, unknown> } };
      const hash = properties.Code.S3Key.replace(/\.zip$/, '');
      const source = manifest.files[hash]?.source.path;
      if (!source) throw new Error(`synthOverdue: no asset ${hash} for ${key} in the asset manifest`);
      return [key, { logicalId, dir: join(outdir, source), environment: properties.Environment?.Variables ?? {} }];
    }),
  ) as Record<FunctionKey, SynthesizedFunction>;

  return { app, stack, config, template, outdir, functions, report, remove: () => rmSync(outdir, { recursive: true, force: true }) };
}
