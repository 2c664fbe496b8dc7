import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { createApp, type AppOptions } from '#functions/api/app.ts';
import { createCase } from '#functions/cases/create-case.ts';
import type { Ports } from '#functions/ports/ports.ts';
import type { Store } from '#functions/ports/store.ts';
import { exampleBody } from '../../e2e/local/local-harness.ts';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface ApiUnderTest {
  url: string;
  store: Store;
  ports: Ports;
  /** operator log lines (unexpected errors land here) */
  logs: string[];
  request(method: string, path: string, init?: { body?: string | undefined; headers?: Record<string, string> }): Promise<Answer>;
  /** POST with a JSON body */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** creates one of the example cases straight through the case action; its id */
  seed(name: 'en-gb-tracking' | 'fr-pressure-scale'): Promise<string>;
  /** everything the store holds, as one comparable string */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API (functions/api/app.ts) over real HTTP (@hono/node-server on loopback) on a real SQLite
 * store in a temporary folder, at a fixed clock. No scheduler loop runs: created cases keep their
 * stages `scheduled`, and nothing is ever rendered or mailed (those ports throw if reached, which
 * the API would report as a 500).
 */
export async function startApi(options: { now?: string; app?: AppOptions } = {}): Promise<ApiUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'overdue-api-'));
  const store = openSqliteStore(join(dir, 'overdue.db'));
  const now = new Date(options.now ?? '2026-04-08T09:00:00.000Z');
  const logs: string[] = [];
  const unused = (what: string) => () => Promise.reject(new Error(`${what} must not be reached by the API`));
  const ports: Ports = {
    store,
    clock: { now: () => now },
    scheduler: { schedule: async () => {}, cancel: async () => {} },
    mailer: { send: unused('mail') },
    archive: { put: unused('archive'), get: unused('archive') },
    renderer: { render: unused('rendering') },
    log: (level, message, data) => logs.push(`[${level}] ${message} ${JSON.stringify(data ?? {})}`),
  };
  const app = createApp(ports, options.app);
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request: ApiUnderTest['request'] = async (method, path, init = {}) => {
    const response = await fetch(`${url}${path}`, { method, headers: init.headers, body: init.body });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    url,
    store,
    ports,
    logs,
    request,
    post: (path, body, headers = {}) => request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
    async seed(name) {
      return (await createCase(ports, CaseFileSchema.parse(exampleBody(name)))).id;
    },
    async snapshot() {
      const cases = await store.listCases();
      return JSON.stringify(await Promise.all(cases.map(async (c) => [await store.getCase(c.id), await store.getStages(c.id), await store.getEvents(c.id)])));
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A 400 as the API promises it: `{ error: 'invalid', fields: [{ path, message }, …] }`, at least one field. */
export function fieldErrorsOf(answer: Answer): { path: string; message: string }[] {
  const body = answer.json as { error?: unknown; fields?: unknown };
  if (answer.status !== 400 || body?.error !== 'invalid' || !Array.isArray(body.fields) || body.fields.length === 0) {
    throw new Error(`not a field-level 400: ${answer.status} ${answer.text.slice(0, 500)}`);
  }
  for (const f of body.fields as { path?: unknown; message?: unknown }[]) {
    if (typeof f.path !== 'string' || f.path === '' || typeof f.message !== 'string' || f.message === '') throw new Error(`a field error without path or message: ${JSON.stringify(f)}`);
  }
  return body.fields as { path: string; message: string }[];
}
