import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiUnderTest } from './api-harness.ts';

/**
 * With an API token configured (binding beyond loopback requires one), every /api request needs
 * `Authorization: Bearer <token>`; without it, or with anything else, 401 and nothing happens.
 */

const token = 'k7Vq2-long-enough-token-9X';
let api: ApiUnderTest;
let open: ApiUnderTest;
beforeAll(async () => {
  api = await startApi({ app: { token } });
  open = await startApi();
});
afterAll(async () => {
  await api.close();
  await open.close();
});

const bearer = { authorization: `Bearer ${token}` };

/** A request line sent as written (fetch would normalise dot segments and escapes): the status and the body. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let out = '';
    socket.on('data', (chunk: Buffer) => (out += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(out.split(' ')[1]), body: out.slice(out.indexOf('\r\n\r\n') + 4) }));
  });
}

describe('the API token', () => {
  it('a request without the token, or with a wrong one, gets 401 on every route and changes nothing', async () => {
    const id = await api.seed('en-gb-tracking');
    const before = await api.snapshot();
    const wrong: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${token.slice(0, -1)}` },
      { authorization: `Bearer ${token}x` },
      { authorization: `bearer ${token}` },
      { authorization: token },
      { authorization: `Basic ${Buffer.from(`user:${token}`).toString('base64')}` },
      { authorization: `Bearer ${'x'.repeat(8_000)}` },
      { 'x-api-token': token },
    ];
    const requests: [string, string, unknown][] = [
      ['GET', '/api/cases', undefined],
      ['GET', `/api/cases/${id}`, undefined],
      ['POST', '/api/cases', {}],
      ['POST', `/api/cases/${id}/payments`, { date: '2026-04-08', amount: { currency: 'GBP', amount: '2880.00' } }],
      ['POST', `/api/cases/${id}/cancel`, {}],
      ['POST', `/api/cases/${id}/stages/g1.late-7/resend`, undefined],
      ['GET', '/api/tasks.ics', undefined],
      ['GET', '/api/openapi.json', undefined],
    ];
    for (const headers of wrong) {
      for (const [method, path, body] of requests) {
        const answer = await api.request(method, path, { body: body === undefined ? undefined : JSON.stringify(body), headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } });
        expect([method, path, Object.keys(headers).join(), answer.status]).toEqual([method, path, Object.keys(headers).join(), 401]);
        expect(answer.json).toMatchObject({ error: 'unauthorized' });
      }
    }
    // a query-string token does not count either
    expect((await api.request('GET', `/api/cases?token=${token}`)).status).toBe(401);
    expect(await api.snapshot()).toBe(before);
  });

  it('with the token the same requests go through; the health check needs none', async () => {
    const id = await api.seed('en-gb-tracking');
    expect((await api.request('GET', '/api/cases', { headers: bearer })).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${id}`, { headers: bearer })).status).toBe(200);
    expect((await api.post(`/api/cases/${id}/notes`, { note: 'called' }, bearer)).status).toBe(200);
    expect((await api.request('GET', '/api/tasks.ics', { headers: bearer })).status).toBe(200);
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });

  it('no path trick reaches a case without the token (the public /api/health and /api/share/ prefixes included)', async () => {
    const id = await api.seed('en-gb-tracking');
    const tricks = [
      '/api/share/../cases',
      '/api/share/%2e%2e/cases',
      '/api/share/..%2fcases',
      '/api/share%2f..%2fcases',
      '/api/health/../cases',
      '/api/health/..%2fcases',
      '/api/health%2f..%2fcases',
      '/api/%63ases',
      '/api//cases',
      '/api/cases/',
      `/api/share/../cases/${id}`,
      `/api/health/..%2fcases%2f${id}`,
      '//api/cases',
      '/API/cases',
    ];
    for (const path of tricks) {
      const answer = await rawGet(api.url, path);
      expect([path, answer.status === 401 || answer.status === 404]).toEqual([path, true]);
      expect(answer.body).not.toContain(id);
      expect(answer.body).not.toContain('Acme Widgets');
    }
  });

  it('without a token configured (loopback) no header is needed', async () => {
    expect((await open.request('GET', '/api/cases')).status).toBe(200);
  });
});
