import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFsArchive } from '../adapters/local/fs-archive.ts';
import { createOutboxMailer, listOutbox, readOutbox } from '../adapters/local/outbox-mailer.ts';
import { createFastForwardClock, createProcessScheduler } from '../adapters/local/process-scheduler.ts';
import { createSmtpMailer } from '../adapters/local/smtp-mailer.ts';
import { openSqliteStore } from '../adapters/local/sqlite-store.ts';
import { createApp } from '../api/app.ts';
import { markUncertain } from '../cases/resend-stage.ts';
import { createStageRenderer } from '../documents/stage-renderer.tsx';
import { createWorkerStageRenderer } from '../documents/worker-stage-renderer.ts';
import { runStage } from '../pipeline/run-stage.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Ports } from '../ports/ports.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import type { Store } from '../ports/store.ts';
import { buildSiteIfNeeded } from './build-site.ts';
import { loadShareKey } from './share-key.ts';
import type { LocalConfig } from './local-config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningLocal {
  url: string;
  ports: Ports;
  /** resolves when nothing is due and nothing is running (fast-forward demos and tests) */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Overdue on one machine: the site and the API on one origin, the SQLite store, the archive, the
 * scheduler loop and the mailer (SMTP when configured, otherwise the outbox folder), in one
 * process. Stages claimed by a previous process that never recorded an outcome are marked
 * `uncertain` at start (a single process owns the data folder), then every schedule resumes.
 */
export async function startLocal(config: LocalConfig, log: (line: string) => void = console.log): Promise<RunningLocal> {
  await buildSiteIfNeeded(root, config.build, log);
  const store = openSqliteStore(join(config.dataDir, 'overdue.db'));
  const archive = createFsArchive(join(config.dataDir, 'archive'));
  const fastForward = config.clock === 'fast-forward' ? createFastForwardClock(await fastForwardStart(config.start, store)) : undefined;
  const clock: Clock = fastForward ?? systemClock;
  const outboxDir = join(config.dataDir, 'outbox');
  const mailer: Mailer = config.smtp ? createSmtpMailer({ url: config.smtp }) : createOutboxMailer({ root: outboxDir, clock });

  // letters render in worker threads (the API and the site stay responsive meanwhile), or on the main thread with --render-threads 0
  const threads = config.renderThreads > 0 ? createWorkerStageRenderer({ from: config.from, threads: config.renderThreads }) : undefined;
  let scheduler: Scheduler = { schedule: async () => {}, cancel: async () => {} };
  const ports: Ports = {
    store,
    archive,
    clock,
    mailer,
    renderer: threads ?? createStageRenderer({ from: config.from }),
    get scheduler() {
      return scheduler;
    },
    log: (level, message, data) => log(`[${level}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`),
  };
  // a single process owns the data folder: every claim found at start belongs to a run that stopped
  // before recording its outcome, whatever its time (a fast-forward demo restarted from an earlier --start
  // finds claims "in the future" of its clock)
  const uncertain = await markUncertain(ports, '9999-12-31T23:59:59.999Z');
  const loop = createProcessScheduler({
    store,
    clock,
    run: (caseId: string, stageId: string) => runStage(ports, { caseId, stageId }),
    mode: fastForward ? 'fast-forward' : 'realtime',
    // enough stages under way to keep every render thread busy while others archive and send
    concurrency: Math.max(2, 2 * config.renderThreads),
    onError: (error: unknown) => log(`[error] scheduler: ${(error as Error).stack ?? String(error)}`),
    ...(fastForward ? { fastForwardClock: fastForward } : {}),
  });
  scheduler = loop.scheduler;

  const app = createApp(ports, {
    token: config.token,
    shareKey: loadShareKey(join(config.dataDir, 'share.key')),
    outbox: config.smtp ? undefined : { list: () => listOutbox(outboxDir), read: (file) => readOutbox(outboxDir, file) },
  });
  const dist = join(root, 'site', 'dist');
  if (existsSync(dist)) {
    app.get('/', (c) => c.redirect('/en/'));
    app.use('/*', serveStatic({ root: relative(process.cwd(), dist) || '.' }));
  }
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => ready(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  loop.start();

  log(`Overdue is running at ${url}/`);
  log(`  data:  ${config.dataDir} (SQLite store, archive of every letter sent)`);
  log(`  mail:  ${config.smtp ? `SMTP ${new URL(config.smtp).host}` : `outbox folder ${outboxDir} (set --smtp or OVERDUE_SMTP_URL to send real mail)`}`);
  log(`  render: ${threads ? `${threads.threads} worker thread(s)` : 'main thread'}`);
  log(`  clock: ${fastForward ? `fast-forward from ${clock.now().toISOString()}` : 'real time'}${config.token ? '; API token required' : ''}`);
  if (!existsSync(dist)) log('  site:  not built (run npm run site:build); the API is at /api/');
  if (uncertain > 0) log(`  ${uncertain} letter(s) marked uncertain: a previous run stopped between sending and recording. Check them in the site.`);

  return {
    url,
    ports,
    idle: () => loop.idle(),
    stop: async () => {
      await loop.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await threads?.close();
      await store.close();
    },
  };
}

/**
 * Where a fast-forward clock starts: `--start` (or now), but never before the latest change the
 * data folder already records. A demo restarted with the same `--start` then carries on from where
 * it stopped, instead of replaying its past and logging new events before old ones.
 */
async function fastForwardStart(start: string | undefined, store: Pick<Store, 'listCases'>): Promise<Date> {
  const from = start ? new Date(start) : new Date();
  const latest = (await store.listCases()).reduce((max, c) => (c.updatedAt > max ? c.updatedAt : max), '');
  return latest && new Date(latest) > from ? new Date(latest) : from;
}
