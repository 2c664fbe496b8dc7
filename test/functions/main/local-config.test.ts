import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopback, readLocalConfig } from '#functions/main/local-config.ts';

/** What `npm start` accepts, by flag or environment variable; above all, where it refuses to listen. */

const token = 'a-token-of-24-characters';

describe('readLocalConfig', () => {
  it('defaults: loopback, port 4321, .overdue, real clock, outbox mail, no token', () => {
    const config = readLocalConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4321, data: '.overdue', dataDir: resolve('.overdue'), clock: 'real', build: 'auto', renderThreads: 1 });
    expect(config.token).toBeUndefined();
    expect(config.smtp).toBeUndefined();
  });

  it('binding to a non-loopback host without a token refuses to start, by flag or by environment', () => {
    for (const [args, env] of [
      [['--host', '0.0.0.0'], {}],
      [['--host', '192.168.1.20'], {}],
      [['--host', '::'], {}],
      [[], { OVERDUE_HOST: '0.0.0.0' }],
      [['--host', '0.0.0.0', '--token', ''], {}],
    ] as const) {
      expect(() => readLocalConfig([...args], { ...env }), JSON.stringify(args)).toThrow(/^Refusing to listen on \S+ without an API token: set --token or OVERDUE_TOKEN/);
    }
  });

  it('render threads: by flag or environment, 0 for the main thread; anything but a whole number from 0 to 16 is refused by its flag name', () => {
    expect(readLocalConfig(['--render-threads', '2'], {}).renderThreads).toBe(2);
    expect(readLocalConfig([], { OVERDUE_RENDER_THREADS: '0' }).renderThreads).toBe(0);
    expect(() => readLocalConfig(['--render-threads', 'two'], {})).toThrow(/^--render-threads: /);
    expect(() => readLocalConfig(['--render-threads', '1.5'], {})).toThrow('--render-threads: must be a whole number');
    expect(() => readLocalConfig(['--render-threads', '64'], {})).toThrow(/^--render-threads: .*16/);
  });

  it('with a token of 16 characters or more it binds anywhere; a shorter token is refused', () => {
    expect(readLocalConfig(['--host', '0.0.0.0', '--token', token], {})).toMatchObject({ host: '0.0.0.0', token });
    expect(readLocalConfig([], { OVERDUE_HOST: '0.0.0.0', OVERDUE_TOKEN: token })).toMatchObject({ host: '0.0.0.0', token });
    expect(() => readLocalConfig(['--host', '0.0.0.0', '--token', 'short'], {})).toThrow('--token: must be at least 16 characters');
  });

  it('loopback needs no token: 127.0.0.0/8, ::1, localhost', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) {
      expect(isLoopback(host)).toBe(true);
      expect(readLocalConfig(['--host', host], {}).host).toBe(host);
    }
    for (const host of ['0.0.0.0', '::', '128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com']) expect(isLoopback(host)).toBe(false);
  });

  it('flags win over the environment; every problem is named with its flag', () => {
    expect(readLocalConfig(['--port', '8080'], { OVERDUE_PORT: '9090' }).port).toBe(8080);
    expect(readLocalConfig([], { OVERDUE_PORT: '9090', OVERDUE_CLOCK: 'fast-forward' })).toMatchObject({ port: 9090, clock: 'fast-forward' });
    let message = '';
    try {
      readLocalConfig(['--port', '70000', '--smtp', 'http://mail.example', '--clock', 'slow', '--start', 'yesterday', '--from', 'nobody'], {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').map((line) => line.split(':')[0]).sort()).toEqual(['--clock', '--from', '--port', '--smtp', '--start']);
  });

  it('an unknown flag is refused rather than ignored', () => {
    expect(() => readLocalConfig(['--tokn', token], {})).toThrow(/--tokn/);
  });
});
