import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { createFsArchive } from '../../../functions/adapters/local/fs-archive.ts';
import { openSqliteStore } from '../../../functions/adapters/local/sqlite-store.ts';
import { createApp, type OutboxAccess } from '../../../functions/api/app.ts';
import { buildSiteIfNeeded } from '../../../functions/main/build-site.ts';
import type { Ports } from '../../../functions/ports/ports.ts';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const dist = join(root, 'site', 'dist');

/**
 * Builds the site when site/dist is missing or older than the site's sources or templates/
 * (functions/main/build-site.ts decides), so `npm test` stays one command; a fresh tree pays
 * one `astro build` (about 30 s here), later runs nothing.
 */
export async function ensureSite(): Promise<void> {
  // the build inherits this process's environment: Vitest's NODE_ENV=test would give React's
  // development build (twice the size, much slower), so the child is told it builds for production
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    await buildSiteIfNeeded(root, 'auto', () => {});
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(join(dist, 'en', 'contract', 'index.html'))) throw new Error('site/dist has no en/contract page after the build');
}

export interface RunningSite {
  url: string;
  ports: Ports;
  close(): Promise<void>;
}

/**
 * The API of functions/api/app.ts on a SQLite store in a temporary folder, at a fixed clock,
 * with a scheduler that records nothing (these tests check that the site shows what the API
 * holds, not the sending), together with the built site on one origin, as `npm start` serves
 * them, with a real archive folder and a share-link key for the lawyer bundle. Mail and letter
 * rendering are never reached by the routes the site calls here.
 */
export async function startSite(options: { now: Date; outbox?: OutboxAccess }): Promise<RunningSite> {
  const dir = mkdtempSync(join(tmpdir(), 'overdue-site-'));
  const store = openSqliteStore(join(dir, 'overdue.db'));
  const unused = (what: string) => () => Promise.reject(new Error(`${what} is not used by the site tests`));
  const ports: Ports = {
    store,
    clock: { now: () => options.now },
    scheduler: { schedule: async () => {}, cancel: async () => {} },
    mailer: { send: unused('mail') },
    archive: createFsArchive(join(dir, 'archive')),
    renderer: { render: unused('rendering') },
  };
  const app = createApp(ports, { outbox: options.outbox, shareKey: new Uint8Array(randomBytes(32)) });
  app.use('/*', serveStatic({ root: relative(process.cwd(), dist) || '.' }));
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => ready(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ports,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; Playwright gives every launch a fresh temporary profile (shared/PITFALLS.md, Browsers). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
