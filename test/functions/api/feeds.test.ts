import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { startApi, type ApiUnderTest } from './api-harness.ts';

/**
 * The two documents the API serves besides JSON: the owner's tasks as an iCalendar feed
 * (/api/tasks.ics) and the OpenAPI description of the API (/api/openapi.json).
 */

let api: ApiUnderTest;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface Component {
  name: string;
  props: Map<string, { params: string; value: string }>;
  children: Component[];
}

/**
 * A minimal RFC 5545 reader: CRLF line ends (no bare CR or LF), lines folded at 75 octets with a leading space,
 * BEGIN/END components, `NAME;PARAMS:VALUE` properties. Throws on anything else.
 */
function parseIcs(text: string): Component {
  // RFC 5545 ends every content line with CRLF; ical-generator leaves the last one bare, which every reader accepts
  const physical = text.replace(/\r\n$/, '').split('\r\n');
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`a bare line break in ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`an unfolded line over 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: Component[] = [{ name: '', props: new Map(), children: [] }];
  for (const line of lines) {
    const m = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const [, name, params, value] = m as unknown as [string, string, string, string];
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: new Map(), children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      if (stack.at(-1)!.name !== value) throw new Error(`END:${value} closes ${stack.at(-1)!.name}`);
      stack.pop();
    } else {
      stack.at(-1)!.props.set(name, { params, value });
    }
  }
  if (stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('unbalanced BEGIN/END');
  return stack[0]!.children[0]!;
}

/** `20260505T110000Z` → ISO 8601 */
const utc = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}.000Z`;

describe('GET /api/tasks.ics', () => {
  it('a valid calendar listing the calls and the hand-off of a pressure-scale case, in UTC, with stable UIDs', async () => {
    const fr = await api.seed('fr-pressure-scale');
    await api.seed('en-gb-tracking'); // a tracking ladder has no tasks
    const answer = await api.request('GET', '/api/tasks.ics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = parseIcs(answer.text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.props.get('VERSION')?.value).toBe('2.0');
    expect(calendar.props.get('PRODID')?.value).toMatch(/Overdue/);
    const events = calendar.children.filter((c) => c.name === 'VEVENT');
    expect(events.length).toBe(calendar.children.length);

    const tasks = (await api.store.getStages(fr)).filter((s) => s.channel === 'task');
    expect(tasks.map((s) => s.key)).toEqual(['call-pay-today', 'call-ask-letter', 'hand-off']);
    expect(events.map((e) => e.props.get('UID')!.value)).toEqual(tasks.map((s) => `${s.id}@${fr}.overdue`));
    for (const [i, e] of events.entries()) {
      const start = e.props.get('DTSTART')!;
      expect(start.params).toBe('');
      expect(start.value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(utc(start.value)).toBe(tasks[i]!.instant);
      expect(e.props.get('DTSTAMP')!.value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.props.get('DTEND')!.value > start.value).toBe(true);
      expect(e.props.get('SUMMARY')!.value).toContain('Dupont & Fils SARL');
      // the creditor writes French: the link opens the French case page, where the outcome is recorded
      expect(e.props.get('DESCRIPTION')!.value).toContain(`/fr/case/?id=${fr}`);
      expect(e.props.get('URL')!.value).toMatch(new RegExp(`^http://[^/]+/fr/case/\\?id=${fr}$`));
    }
    expect(events.map((e) => e.props.get('SUMMARY')!.value.split(':')[0])).toEqual(['Call', 'Call', 'Hand the case to a lawyer']);

    // the same UIDs on the next fetch, after the case changed
    expect((await api.post(`/api/cases/${fr}/notes`, { note: 'Marc is on holiday until Monday' })).status).toBe(200);
    const again = parseIcs((await api.request('GET', '/api/tasks.ics')).text).children.map((c) => c.props.get('UID')!.value);
    expect(again).toEqual(events.map((e) => e.props.get('UID')!.value));
  });

  it('a paid case leaves the feed', async () => {
    const before = parseIcs((await api.request('GET', '/api/tasks.ics')).text).children.length;
    const fr = await api.seed('fr-pressure-scale');
    expect(parseIcs((await api.request('GET', '/api/tasks.ics')).text).children.length).toBe(before + 3);
    expect((await api.post(`/api/cases/${fr}/payments`, { date: '2026-04-08', amount: { currency: 'EUR', amount: '4032.00' } })).status).toBe(200);
    const uids = parseIcs((await api.request('GET', '/api/tasks.ics')).text).children.map((c) => c.props.get('UID')!.value);
    expect(uids.length).toBe(before);
    expect(uids.some((u) => u.endsWith(`@${fr}.overdue`))).toBe(false);
  });
});

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, unknown> };
}

/** The routes the app serves under /api, as OpenAPI writes them (`/api/cases/{id}`), with their methods. */
function servedRoutes(withOutbox: boolean): string[] {
  const outbox = withOutbox ? { list: async () => [], read: async () => undefined } : undefined;
  const app = createApp(api.ports, { outbox });
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/*').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`))].sort();
}

function documented(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
    .sort();
}

describe('GET /api/openapi.json', () => {
  it('is valid JSON, OpenAPI 3.1, every operation with its path parameters, body schema and responses; every $ref resolves', async () => {
    const answer = await api.request('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = JSON.parse(answer.text) as OpenApiDoc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Overdue API');
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path}`).toMatch(/\w/);
        expect((op.parameters ?? []).filter((p) => p.in === 'path' && p.required).map((p) => p.name).sort(), `${method} ${path}`).toEqual([...params].sort());
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        if (method === 'post' && op.requestBody) {
          const schema = op.requestBody.content['application/json']!.schema as { type?: string; anyOf?: { type?: string }[] };
          // an object, or (the plan: a count or the instalments) a choice of objects
          expect(schema.type ?? schema.anyOf?.map((s) => s.type), `${method} ${path}`).toSatisfy((t: unknown) => t === 'object' || (Array.isArray(t) && t.every((x) => x === 'object')));
        }
      }
    }
    // the routes of the issue are all there; the body routes with the schema of their body
    const core = [
      'get /api/cases',
      'post /api/cases',
      'get /api/cases/{id}',
      ...['payments', 'promise', 'dispute', 'resume', 'plan', 'settlement', 'cancel', 'notes', 'tasks/{stageId}/outcome'].map((a) => `post /api/cases/{id}/${a}`),
      'post /api/cases/{id}/stages/{stageId}/resend',
    ];
    expect(documented(doc)).toEqual(expect.arrayContaining(core));
    for (const route of core.filter((r) => r.startsWith('post ') && !r.endsWith('/resend'))) {
      const [method, path] = route.split(' ') as [string, string];
      expect(doc.paths[path]![method]!.requestBody?.content['application/json']?.schema, route).toBeDefined();
    }
    const payments = doc.paths['/api/cases/{id}/payments']!.post!.requestBody!.content['application/json']!.schema as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(payments.required.sort()).toEqual(['amount', 'date']);
    expect(payments.additionalProperties).toBe(false);
    const refs = [...answer.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components?.schemas?.[ref], ref).toBeDefined();
  });

  it('lists every route the API serves (health, tasks.ics, the outbox, the bundle and share links too)', async () => {
    // an app with an outbox, as `npm start` builds it without SMTP
    const app = createApp(api.ports, { outbox: { list: async () => [], read: async () => undefined } });
    const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const served = servedRoutes(true).filter((r) => r !== 'get /api/openapi.json');
    expect(documented(doc)).toEqual(served);
  });
});
