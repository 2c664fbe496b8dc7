import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `dir` (skipping node_modules and dist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/**
 * Builds the static site (`astro build --root site`) when `site/dist` is missing or older than
 * the site's sources or the templates it imports; `always` / `never` force it.
 */
export async function buildSiteIfNeeded(root: string, mode: 'auto' | 'always' | 'never', log: (line: string) => void): Promise<void> {
  const site = join(root, 'site');
  if (mode === 'never' || !existsSync(join(site, 'astro.config.ts'))) return;
  const dist = join(site, 'dist', 'index.html');
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  if (mode === 'auto' && built > Math.max(newest(site), newest(join(root, 'templates')))) return;
  log('Building the site (astro build)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', site], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // React's production build whatever the caller runs under (Vitest sets NODE_ENV=test)
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code})`))));
  });
}
