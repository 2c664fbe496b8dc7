import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import { createFastForwardClock, type FastForwardClock } from '#functions/adapters/local/fast-forward-clock.ts';
import { createOutboxMailer } from '#functions/adapters/local/outbox-mailer.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { createCase } from '#functions/cases/create-case.ts';
import { createStageRenderer } from '#functions/documents/stage-renderer.tsx';
import type { Ports } from '#functions/ports/ports.ts';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The real local adapters on a temp folder (SQLite store, file archive, outbox mailer, the stage
 * renderer of the documents) with a fast-forward clock the test moves, and a scheduler that does
 * nothing: the test runs the stages it wants with runStage.
 */
const made: string[] = [];

/** Removes the data folders `localPorts` made (call from afterAll, after closing the stores). */
export function removeLocal(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function localPorts(start: string): Ports & { clock: FastForwardClock; dir: string; outboxDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-unit-'));
  made.push(dir);
  const clock = createFastForwardClock(new Date(start));
  const outboxDir = join(dir, 'outbox');
  return {
    dir,
    outboxDir,
    store: openSqliteStore(join(dir, 'overdue.db')),
    archive: createFsArchive(join(dir, 'archive')),
    clock,
    mailer: createOutboxMailer({ root: outboxDir, clock }),
    renderer: createStageRenderer(),
    scheduler: { schedule: async () => {}, cancel: async () => {} },
  };
}

/** An example case file of templates/examples, as raw JSON to vary. */
export function example(name: 'en-gb-tracking' | 'fr-pressure-scale' | 'ru-gentle' | 'he-il-pressure-scale'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'templates', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** Creates the case through the real createCase (planned, stored, logged); returns its id. */
export async function newCase(ports: Ports, body: Record<string, unknown>): Promise<string> {
  return (await createCase(ports, CaseFileSchema.parse(body))).id;
}
