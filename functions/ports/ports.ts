import type { Archive } from './archive.ts';
import type { Clock } from './clock.ts';
import type { Mailer } from './mailer.ts';
import type { StageRenderer } from './renderer.ts';
import type { Scheduler } from './scheduler.ts';
import type { Store } from './store.ts';

/** Everything the pipeline and the API need from the outside world, passed in (never imported). */
export interface Ports {
  store: Store;
  scheduler: Scheduler;
  mailer: Mailer;
  archive: Archive;
  clock: Clock;
  renderer: StageRenderer;
  /** logs for the operator (not the case log) */
  log?: (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => void;
}
