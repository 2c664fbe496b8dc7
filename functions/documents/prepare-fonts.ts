import { Font } from '@react-pdf/renderer';
import { fontFamily, registerFonts, type FontSources } from '../../templates/fonts/register-fonts.ts';
import { tuneFont } from './tune-font.ts';

/** React-PDF's font store, as far as used here (its published type lists only register()). */
interface FontStore {
  load(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): Promise<void>;
  getFont(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): { data: unknown };
}

let ready: Promise<void> | undefined;
let readyFor: string | undefined;

/**
 * Registers the document font and loads it now, once per process: both TTF files are read and
 * parsed by fontkit before the first render instead of during it, and every later render
 * reuses the same parsed font objects (React-PDF keeps a loaded font source for the life of
 * the process; registering the same sources again is a no-op). Each parsed font is then tuned
 * for repeated text layout (tuneFont).
 *
 * @example await prepareFonts(nodeFontSources())
 * @see templates/fonts/register-fonts.ts
 */
export function prepareFonts(sources: FontSources): Promise<void> {
  const key = `${sources.regular}|${sources.bold}`;
  if (ready && readyFor === key) return ready;
  registerFonts(sources);
  readyFor = key;
  const store = Font as unknown as FontStore;
  ready = Promise.all(
    [400, 700].map(async (fontWeight) => {
      const descriptor = { fontFamily, fontWeight, fontStyle: 'normal' };
      await store.load(descriptor);
      const data = store.getFont(descriptor).data;
      if (data && typeof data === 'object') tuneFont(data);
    }),
  ).then(() => undefined);
  return ready;
}
