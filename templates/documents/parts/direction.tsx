import { createContext, useContext, type ReactNode } from 'react';
import type { Translator } from '../../i18n/translator.ts';

const TranslatorContext = createContext<Translator | undefined>(undefined);

/** Gives every part below it the document's language and direction. */
export function WithTranslator({ t, children }: { t: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}

/** The translator of the document being rendered. */
export function useT(): Translator {
  const t = useContext(TranslatorContext);
  if (!t) throw new Error('A document part was rendered outside <WithTranslator>');
  return t;
}
