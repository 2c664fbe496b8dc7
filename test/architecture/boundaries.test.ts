import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one rule a newcomer can see (shared/DESIGN.md): nothing under templates/ imports Node
 * built-ins, AWS SDKs, mail or database drivers, or functions/; templates/domain/ does not import
 * React either. templates/tsconfig.json (no Node types) catches globals; this catches imports.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

const serverOnly = [/^node:/, /^@aws-sdk\//, /^nodemailer/, /sqlite/, /^#functions\//, /(^|\/)functions\//, /^(fs|path|os|child_process|crypto|http|https|net|stream|worker_threads|url|util)$/];
const reactish = [/^react($|\/)/, /^react-dom/, /^@react-pdf\//];

describe('architecture boundaries', () => {
  const files = sources(join(root, 'templates'));
  it('finds the template sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it('templates/ imports nothing server-only', () => {
    const offenders = files.flatMap((f) => importsOf(f).filter((s) => serverOnly.some((re) => re.test(s))).map((s) => `${relative(root, f)} → ${s}`));
    expect(offenders).toEqual([]);
  });
  it('templates/domain/ imports no React', () => {
    const domain = files.filter((f) => f.includes(`${join('templates', 'domain')}`));
    const offenders = domain.flatMap((f) => importsOf(f).filter((s) => reactish.some((re) => re.test(s))).map((s) => `${relative(root, f)} → ${s}`));
    expect(offenders).toEqual([]);
  });
  it('date-fns is imported per function, never from its root (start-up cost)', () => {
    const offenders = files.flatMap((f) => importsOf(f).filter((s) => s === 'date-fns').map(() => relative(root, f)));
    expect(offenders).toEqual([]);
  });
  it('the import scanner sees what it must see', () => {
    // guard against a scanner that silently finds nothing
    expect(importsOf(join(root, 'templates/domain/ladder/plan-ladder.ts'))).toContain('../time/zoned-instant.ts');
  });
});
