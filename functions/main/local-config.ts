import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';

/** What `npm start` can be told, by flag or by environment variable (flags win). */
export const LocalConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(4321),
  data: z.string().min(1).default('.overdue'),
  token: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  smtp: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: 'must look like smtp://user:password@host:587 or smtps://…:465' })
    .optional(),
  from: z.email({ message: 'is not an e-mail address' }).optional(),
  clock: z.enum(['real', 'fast-forward']).default('real'),
  /** fast-forward: where the virtual clock starts (ISO 8601) */
  start: z.iso.datetime({ offset: true }).optional(),
  build: z.enum(['auto', 'always', 'never']).default('auto'),
  /**
   * worker threads that render letters (0: on the main thread). One keeps the API and the site
   * responsive while a letter renders; each costs about 150–250 MB. A backlog of thousands of
   * letters renders fastest with one per core (`npm run bench -- pipeline`).
   */
  renderThreads: z.coerce.number().int({ message: 'must be a whole number' }).min(0).max(16).default(1),
});
export type LocalConfig = z.infer<typeof LocalConfigSchema> & { dataDir: string };

/**
 * Reads flags (`--port 8080 --smtp smtp://…`) and environment variables (OVERDUE_HOST,
 * OVERDUE_PORT, OVERDUE_DATA, OVERDUE_TOKEN, OVERDUE_SMTP_URL, OVERDUE_FROM, OVERDUE_CLOCK,
 * OVERDUE_RENDER_THREADS).
 * Binding anywhere but loopback without a token is refused.
 *
 * @throws Error with every problem named
 */
export function readLocalConfig(args: string[], env: NodeJS.ProcessEnv): LocalConfig {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      token: { type: 'string' },
      smtp: { type: 'string' },
      from: { type: 'string' },
      clock: { type: 'string' },
      start: { type: 'string' },
      build: { type: 'string' },
      'render-threads': { type: 'string' },
    },
  });
  const raw = {
    host: values.host ?? env.OVERDUE_HOST,
    port: values.port ?? env.OVERDUE_PORT,
    data: values.data ?? env.OVERDUE_DATA,
    token: values.token ?? env.OVERDUE_TOKEN,
    smtp: values.smtp ?? env.OVERDUE_SMTP_URL,
    from: values.from ?? env.OVERDUE_FROM,
    clock: values.clock ?? env.OVERDUE_CLOCK,
    start: values.start,
    build: values.build,
    renderThreads: values['render-threads'] ?? env.OVERDUE_RENDER_THREADS,
  };
  const parsed = LocalConfigSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${flagName(i.path.join('.'))}: ${i.message}`).join('\n'));
  const config = parsed.data;
  if (!isLoopback(config.host) && !config.token) {
    throw new Error(`Refusing to listen on ${config.host} without an API token: set --token or OVERDUE_TOKEN (16+ characters), or keep the default 127.0.0.1.`);
  }
  return { ...config, dataDir: resolve(config.data) };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `renderThreads` → `render-threads`: the flag as the user types it. */
function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
