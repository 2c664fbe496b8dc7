import { useCallback, useSyncExternalStore } from 'react';
import type { Draft } from './draft.ts';

/** The localStorage key of the one draft (versioned: a future shape gets a new key). */
export const draftKey = 'overdue.draft.v1';

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Draft | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function read(make: () => Draft): Draft {
  const fresh = make();
  try {
    const raw = localStorage.getItem(draftKey);
    if (!raw) return fresh;
    const stored = JSON.parse(raw) as Partial<Draft>;
    if (stored.version !== 1) return fresh;
    return mergeDefaults(fresh, stored) as Draft;
  } catch {
    return fresh;
  }
}

/** Fills fields a stored draft lacks (an older site version) from a fresh one, keeping what was typed. */
function mergeDefaults(fresh: unknown, stored: unknown): unknown {
  if (Array.isArray(fresh) || typeof fresh !== 'object' || fresh === null) return stored === undefined ? fresh : stored;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return fresh;
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [key, value] of Object.entries(fresh)) out[key] = mergeDefaults(value, (stored as Record<string, unknown>)[key]);
  return out;
}

function write(): void {
  saveTimer = undefined;
  if (!current) return;
  try {
    localStorage.setItem(draftKey, JSON.stringify(current));
  } catch {
    /* storage full or disabled: the draft lives for this page only */
  }
}

/** Today in the browser's zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  // another tab changed the draft: follow it
  window.addEventListener('storage', (event) => {
    if (event.key !== draftKey || !current) return;
    try {
      current = event.newValue ? (mergeDefaults(current, JSON.parse(event.newValue)) as Draft) : current;
      notify();
    } catch {
      /* ignore a foreign value */
    }
  });
  // leaving the page: write what the debounce has not written yet
  window.addEventListener('pagehide', () => {
    if (saveTimer) {
      clearTimeout(saveTimer);
      write();
    }
  });
}

/**
 * The draft, saved in localStorage a quarter of a second after each change (and at once when the
 * page is left), so it survives a reload; other tabs follow changes.
 *
 * @example const [draft, update] = useDraft('en'); update((d) => { d.contract.title = 'Website'; });
 */
export function useDraft(fresh: () => Draft): [Draft, (change: (draft: Draft) => void) => void, (next: Draft) => void] {
  const draft = useSyncExternalStore(
    subscribe,
    () => (current ??= read(fresh)),
    () => (current ??= read(fresh)),
  );
  const replace = useCallback((next: Draft) => {
    current = { ...next, savedAt: new Date().toISOString() };
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(write, 250);
    notify();
  }, []);
  const update = useCallback(
    (change: (draft: Draft) => void) => {
      const next = structuredClone(current ?? read(fresh));
      change(next);
      replace(next);
    },
    [fresh, replace],
  );
  return [draft, update, replace];
}

/** Forgets the draft (the "start again" button). */
export function clearDraft(fresh: () => Draft): Draft {
  try {
    localStorage.removeItem(draftKey);
  } catch {
    /* nothing stored */
  }
  current = read(fresh);
  notify();
  return current;
}
