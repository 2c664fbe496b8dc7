import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Draft } from '../lib/draft.ts';
import { emptyDraft } from '../lib/draft.ts';
import { localToday, useDraft } from '../lib/draft-store.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import { siteT, type SiteT } from '../lib/site-t.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import type { FormState } from './form/form.tsx';

/**
 * What every builder island shares: the page's translator, the saved draft, a domain module
 * loaded after the page has rendered (it carries zod and the domain rules; the form is usable
 * before it arrives), and the form's touched/show-all state.
 */
export function useBuilder<E>(lang: SupportedLanguage, messages: SiteMessages, loadEngine: () => Promise<E>) {
  const t = useMemo(() => siteT(lang, messages), [lang, messages]);
  const fresh = useCallback(
    () => emptyDraft(lang, localToday(), { signature: t.t('schedule.defaultDeposit'), milestone: t.t('schedule.defaultMilestone'), completion: t.t('schedule.defaultCompletion') }),
    [lang, t],
  );
  const [draft, update, replace] = useDraft(fresh);
  const [engine, setEngine] = useState<E>();
  const [engineError, setEngineError] = useState<string>();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      loadEngine().then(
        (module) => !cancelled && setEngine(() => module),
        (error: Error) => !cancelled && setEngineError(error.message),
      );
    // effects run after the first paint: the form is there, the rules follow without blocking it
    void load();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once
  }, []);

  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);
  const form = (errors: FormState['errors']): FormState => ({ t, errors, showAll, touched, touch });
  return { t, draft, update, replace, fresh, engine, engineError, form, showAll, setShowAll };
}

export type Builder<E> = ReturnType<typeof useBuilder<E>>;
export type { Draft, SiteT };
