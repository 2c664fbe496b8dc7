import { Validations, type App } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { overdueContextKeys, readOverdueConfig, type OverdueConfig } from './overdue-config.ts';
import { projectRoot } from './overdue-function.ts';
import { OverdueStack } from './overdue-stack.ts';

export interface OverdueApp {
  stack: OverdueStack;
  config: OverdueConfig;
  /** the built site deployed with the stack, if any */
  siteDir: string | undefined;
}

/**
 * Builds Overdue's stack in `app`: the context is checked (readOverdueConfig), the region comes
 * from `-c region=…` or CDK_DEFAULT_REGION, the built site is deployed when it exists, and
 * cdk-nag's AwsSolutions pack validates the result (an unacknowledged finding fails synthesis).
 *
 * `siteDir` overrides where the built site is looked for (tests pass a small folder, or `null`
 * for none).
 *
 * @throws Error naming each bad context value (readOverdueConfig)
 * @example const { stack } = createOverdueApp(new App({ context: { sender: 'porter.example' } }))
 */
export function createOverdueApp(app: App, options: { siteDir?: string | null } = {}): OverdueApp {
  const config = readOverdueConfig(Object.fromEntries(overdueContextKeys.map((key) => [key, app.node.tryGetContext(key) as unknown])));
  const region = config.region ?? process.env['CDK_DEFAULT_REGION'];
  const account = process.env['CDK_DEFAULT_ACCOUNT'];
  const builtSite = join(projectRoot, 'site', 'dist');
  const siteDir = options.siteDir === null ? undefined : (options.siteDir ?? (existsSync(join(builtSite, 'index.html')) ? builtSite : undefined));
  const stack = new OverdueStack(app, 'Overdue', {
    config,
    siteDir,
    description: 'Overdue: site, API, letter schedules, SES mail and the evidence archive',
    ...(region ? { env: { region, ...(account ? { account } : {}) } } : {}),
  });
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app, { verbose: true }));
  return { stack, config, siteDir };
}
