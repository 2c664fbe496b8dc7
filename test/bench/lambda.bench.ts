/**
 * The Lambda bundles as the stack builds them (synthesized once, see test/infra/synth-overdue.ts):
 * each bundle's size, and the bundled stage sender run in fresh Node processes against the local
 * stand-ins (test/infra/bundle-world.ts): cold start = importing the bundle (Lambda's init phase)
 * plus the first invocation (claim, first render with font loading, archive, send to
 * aws-ses-v2-local, schedule the next stage); warm = the following invocations in the same
 * process. Local stand-ins answer in about a millisecond, so network time to DynamoDB, S3 and
 * SES in AWS (a few ms per call) is not in these figures, and this machine is not a Lambda
 * arm64 vCPU share.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { startBundleWorld } from '../infra/bundle-world.ts';
import { runBundle, type BundleRun } from '../infra/run-bundle.ts';
import { functionKeys, synthOverdue } from '../infra/synth-overdue.ts';
import type { BenchResult } from './bench-result.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function httpPost(path: string, body: unknown, bearer: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'bench.lambda-url.eu-west-1.on.aws', 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    requestContext: { http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bench' }, requestId: `bench-${Math.random()}`, routeKey: '$default', stage: '$default', timeEpoch: Date.now() },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

function invocationOk(run: BundleRun, index: number): number {
  const invocation = run.invocations[index];
  if (!invocation || 'error' in invocation) throw new Error(`lambda bench: invocation ${index} failed: ${JSON.stringify(invocation)}\n${run.output.slice(-2000)}`);
  const result = invocation.result as { outcome?: string; statusCode?: number };
  if (result.outcome !== undefined && result.outcome !== 'sent') throw new Error(`lambda bench: the stage was not sent: ${JSON.stringify(result)}\n${run.output.slice(-2000)}`);
  return invocation.ms;
}

export async function benchLambda(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const started = performance.now();
  const synth = synthOverdue();
  results.push({ name: 'synthesize the app (bundle 4 functions)', figure: ms(performance.now() - started), detail: 'esbuild, after-bundling copies, cdk-nag' });

  for (const key of functionKeys) {
    const { dir } = synth.functions[key];
    const all = files(dir);
    const total = all.reduce((sum, f) => sum + statSync(f).size, 0);
    const zipped = all.reduce((sum, f) => sum + deflateRawSync(readFileSync(f), { level: 9 }).length, 0);
    results.push({ name: `bundle ${key}`, figure: megabytes(statSync(join(dir, 'index.mjs')).size), detail: `index.mjs; code folder ${megabytes(total)}, ≈ ${megabytes(zipped)} zipped` });
  }

  const world = await startBundleWorld(synth.outdir);
  try {
    const caseFile = JSON.parse(readFileSync(new URL('../../templates/examples/en-gb-tracking.json', import.meta.url), 'utf8')) as { invoices: { issueDate: string }[] };
    caseFile.invoices[0]!.issueDate = new Date().toISOString().slice(0, 10);
    const coldRuns = 5;
    const warmSends = 8;
    const api = await runBundle(synth.functions.api.dir, Array.from({ length: coldRuns + 1 + warmSends }, () => httpPost('/api/cases', caseFile, world.token)), world.env(synth.functions.api));
    results.push({ name: 'API cold start: import + first POST /api/cases', figure: ms(api.importMs + api.invocations[0]!.ms), detail: `import ${ms(api.importMs)}, request ${ms(api.invocations[0]!.ms)} (token from Secrets Manager, DynamoDB, Scheduler)` });
    const warmApi = api.invocations.slice(1).map((_, i) => invocationOk(api, i + 1));
    results.push({ name: 'API warm POST /api/cases', figure: ms(median(warmApi)), detail: `median of ${warmApi.length}` });

    const stageEvents = api.invocations.map((invocation) => {
      const { case: record, stages } = JSON.parse((invocation as { result: { body: string } }).result.body) as { case: { id: string }; stages: { id: string; status: string; channel: string }[] };
      const first = stages.find((s) => s.status === 'scheduled' && s.channel === 'email');
      if (!first) throw new Error('lambda bench: the example case has no e-mail stage');
      return { caseId: record.id, stageId: first.id };
    });

    const env = world.env(synth.functions.stageSender);
    const cold: { total: number; importMs: number; first: number; wall: number }[] = [];
    for (const event of stageEvents.slice(0, coldRuns)) {
      const run = await runBundle(synth.functions.stageSender.dir, [event], env);
      const first = invocationOk(run, 0);
      cold.push({ total: run.importMs + first, importMs: run.importMs, first, wall: run.wallMs });
    }
    const coldMedian = median(cold.map((c) => c.total));
    const pick = cold.find((c) => c.total === coldMedian)!;
    results.push({
      name: 'stage sender cold start (bundle)',
      figure: ms(coldMedian),
      detail: `median of ${coldRuns} fresh processes: import ${ms(pick.importMs)} + first send ${ms(pick.first)} (render, archive, SES); process wall ${ms(pick.wall)}`,
    });

    const warm = await runBundle(synth.functions.stageSender.dir, stageEvents.slice(coldRuns), env);
    const warmTimes = warm.invocations.slice(1).map((_, i) => invocationOk(warm, i + 1));
    results.push({ name: 'stage sender warm send (bundle)', figure: ms(median(warmTimes)), detail: `median of ${warmTimes.length} (range ${ms(Math.min(...warmTimes))}–${ms(Math.max(...warmTimes))}); first in that process ${ms(invocationOk(warm, 0))}` });
    results.push({ name: 'letters sent to aws-ses-v2-local', figure: String(world.ses.sends.length), detail: 'each with its PDF attached' });
  } finally {
    await world.stop();
    synth.remove();
  }
  return results;
}
