/**
 * Runs one Lambda bundle in this fresh Node process, as the Lambda runtime would: imports
 * `<dir>/index.mjs` (the module's top level is the cold start), then calls its exported
 * `handler(event, context)` for each event read from stdin (a JSON array), one after the other.
 * Writes `{ bootMs, importMs, invocations: [{ ms, result } | { ms, error }] }` to the result file
 * (stdout is left to the function's own logs).
 *
 * Usage (see run-bundle.ts): node bundle-child.ts <bundle dir> <result file> < events.json
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, resultFile] = process.argv.slice(2);
if (!dir || !resultFile) throw new Error('usage: node bundle-child.ts <bundle dir> <result file> < events.json');

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const events = JSON.parse(input) as unknown[];

const bootMs = performance.now();
const module = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const importMs = performance.now() - bootMs;

const invocations: ({ ms: number; result: unknown } | { ms: number; error: { name: string; message: string; stack?: string | undefined } })[] = [];
for (const [i, event] of events.entries()) {
  const deadline = Date.now() + 120_000;
  const context = {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'overdue-bundle-run',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:overdue-bundle-run',
    memoryLimitInMB: '1024',
    awsRequestId: `bundle-run-${i}`,
    logGroupName: '/aws/lambda/overdue-bundle-run',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
  const started = performance.now();
  try {
    const result = await module.handler(event, context);
    invocations.push({ ms: performance.now() - started, result });
  } catch (error) {
    const e = error as Error;
    invocations.push({ ms: performance.now() - started, error: { name: e.name, message: e.message, stack: e.stack } });
  }
}
writeFileSync(resultFile, JSON.stringify({ bootMs, importMs, invocations }));
// like a frozen Lambda container: open SDK sockets must not keep the run alive
process.exit(0);
