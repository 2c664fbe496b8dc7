import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** How much JavaScript a built page makes the browser load, by when. */
export interface PageJs {
  page: string;
  /** before any interaction: inline scripts, module scripts, `client:load`/`client:only` islands and their static imports (gzip bytes) */
  initial: number;
  /** files of `initial` */
  files: string[];
  /** islands that wait for idle time or for being seen (`client:idle`, `client:visible`), beyond `initial` */
  deferred: number;
}

const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** Static imports of a built chunk (`import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`); dynamic `import()` is not followed. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s*(?:[{*][^;"'`]*?from\s*|[\w$]+\s+from\s*)?["']([^"']+\.js)["']/g)) out.push(m[1]!);
  return out;
}

/**
 * The JavaScript a page of `dist` ships before interaction, from the built HTML: inline scripts,
 * `<script type="module" src>`, and each island's component and renderer (astro-island
 * `component-url`/`renderer-url`) that hydrates at once, with everything they import statically.
 * Dynamic imports (the domain modules loaded after the page, the PDF worker) are not counted.
 *
 * @example pageJs('site/dist', 'en/contract/index.html').initial // 74_112
 */
export function pageJs(dist: string, page: string): PageJs {
  const html = readFileSync(join(dist, page), 'utf8');
  let inline = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline += gzip(m[1]!);
  const now: string[] = [];
  const later: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) now.push(m[1]!);
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const tag = m[0];
    const client = /\bclient="([^"]+)"/.exec(tag)?.[1] ?? 'load';
    const urls = [/\bcomponent-url="([^"]+)"/.exec(tag)?.[1], /\brenderer-url="([^"]+)"/.exec(tag)?.[1]].filter((u): u is string => !!u);
    (client === 'load' || client === 'only' ? now : later).push(...urls);
  }
  const initialFiles = closure(dist, now);
  const deferredFiles = [...closure(dist, later)].filter((f) => !initialFiles.has(f));
  return { page, initial: inline + gzipSize(dist, initialFiles), files: [...initialFiles].sort(), deferred: gzipSize(dist, deferredFiles) };
}

/** A built chunk and everything it imports statically (paths relative to `dist`). */
export function closure(dist: string, roots: readonly string[], seen = new Set<string>()): Set<string> {
  const stack = roots.map((u) => u.replace(/^\//, ''));
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(code)) stack.push(spec.startsWith('/') ? spec.slice(1) : new URL(spec, `http://x/${dir}`).pathname.slice(1));
  }
  return seen;
}

/** Total gzip size (level 9) of built files. */
export function gzipSize(dist: string, files: Iterable<string>): number {
  return [...files].reduce((sum, f) => sum + gzip(readFileSync(join(dist, f))), 0);
}
