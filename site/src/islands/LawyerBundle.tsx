import { useState } from 'react';
import { api, ApiError, type CaseEvent, type FieldError } from '../lib/api.ts';
import { localToday } from '../lib/draft-store.ts';
import { endonyms, siteLanguages, type SupportedLanguage } from '../lib/languages.ts';
import type { SiteT } from '../lib/site-t.ts';
import { ApiProblem } from './ApiProblem.tsx';
import { FormContext, SelectField, TextField, type FormState } from './form/form.tsx';
import { saveBlob } from './PdfPreview.tsx';

/** A share link as the case log records it (functions/bundle/bundle-routes.ts): created, maybe withdrawn. */
export interface ShareLink {
  linkId: string;
  expiresAt: string;
  lang: string;
  createdAt: string;
}

/**
 * The share links of a case that still work: created, not withdrawn, not expired at `now`. The
 * signed URL itself is shown once, when the link is made (the server keeps no copy of it).
 */
export function liveShareLinks(events: readonly CaseEvent[], now: Date): ShareLink[] {
  const revoked = new Set(events.filter((e) => e.type === 'share-revoked').map((e) => String(e.data?.['linkId'])));
  return events
    .filter((e) => e.type === 'share-created' && !revoked.has(String(e.data?.['linkId'])))
    .map((e) => ({ linkId: String(e.data?.['linkId']), expiresAt: String(e.data?.['expiresAt']), lang: String(e.data?.['lang'] ?? 'en'), createdAt: e.at }))
    .filter((l) => new Date(l.expiresAt).getTime() > now.getTime());
}

/**
 * The lawyer bundle on the case page: download it (the lawyer's language, as of a date) and make
 * a read-only link a lawyer opens without an account (expiring, revocable); the links that still
 * work are listed with a button to withdraw each.
 */
export function LawyerBundle({ t, id, events, onChange }: { t: SiteT; id: string; events: readonly CaseEvent[]; onChange(message: string): void }) {
  const [lang, setLang] = useState<string>(t.lang);
  const [date, setDate] = useState(localToday());
  const [days, setDays] = useState('14');
  const [busy, setBusy] = useState<'download' | 'share' | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [made, setMade] = useState<{ url: string; expiresAt: string; linkId: string }>();
  const [copied, setCopied] = useState(false);
  const state: FormState = { t, errors, showAll: true, touched: new Set(), touch: () => {} };
  const languages = siteLanguages.map((l) => ({ value: l, label: endonyms[l as SupportedLanguage], lang: l }));
  const links = liveShareLinks(events, new Date());

  const refused = (prefix: string) => (error: unknown) => {
    if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) setErrors(error.fields.map((f) => ({ ...f, path: `${prefix}.${f.path}` })));
    else setProblem(error);
  };

  return (
    <section aria-labelledby="bundle-h" className="lawyer-bundle" data-testid="lawyer-bundle">
      <h2 id="bundle-h">{t.t('bundle.heading')}</h2>
      <p className="hint">{t.t('bundle.lead')}</p>
      <FormContext.Provider value={state}>
        <div className="grid-2">
          <SelectField path="bundle.lang" label={t.t('bundle.language')} value={lang} onChange={setLang} options={languages} />
          <TextField path="bundle.date" label={t.t('bundle.date')} type="date" value={date} onChange={setDate} required />
        </div>
        <div className="buttons">
          <button
            type="button"
            className="primary"
            disabled={busy !== undefined}
            onClick={async () => {
              setBusy('download');
              setProblem(undefined);
              setErrors([]);
              try {
                const got = await api.bundle(id, lang, date);
                if ('blob' in got) saveBlob(got.blob, got.fileName);
                else location.assign(got.url); // a signed link that downloads under the bundle's name
                onChange(t.t('bundle.downloaded', { file: got.fileName }));
              } catch (error) {
                refused('bundle')(error);
              } finally {
                setBusy(undefined);
              }
            }}
          >
            {busy === 'download' ? t.t('bundle.building') : t.t('bundle.download')}
          </button>
        </div>
        <h3>{t.t('bundle.shareHeading')}</h3>
        <p className="hint">{t.t('bundle.shareLead')}</p>
        <TextField path="share.expiresInDays" label={t.t('bundle.expiresInDays')} inputMode="numeric" dir="ltr" value={days} onChange={setDays} required />
        <div className="buttons">
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={async () => {
              setBusy('share');
              setProblem(undefined);
              setErrors([]);
              setCopied(false);
              try {
                const link = await api.share(id, { lang, expiresInDays: /^\d+$/.test(days.trim()) ? Number(days.trim()) : (days as unknown as number) });
                setMade({ url: link.url, expiresAt: link.expiresAt, linkId: link.linkId });
                onChange(t.t('bundle.shared'));
              } catch (error) {
                refused('share')(error);
              } finally {
                setBusy(undefined);
              }
            }}
          >
            {t.t('bundle.share')}
          </button>
        </div>
        {made ? (
          <div className="share-made" data-testid="share-link">
            <label htmlFor="share-url">{t.t('bundle.linkLabel', { date: t.dateTime(made.expiresAt) })}</label>
            <input id="share-url" readOnly dir="ltr" value={made.url} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(made.url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? t.t('bundle.copied') : t.t('bundle.copy')}
            </button>
          </div>
        ) : null}
        {links.length > 0 ? (
          <ul className="share-links" data-testid="share-links">
            {links.map((l) => (
              <li key={l.linkId}>
                {t.t('bundle.linkItem', { created: t.dateTime(l.createdAt), expires: t.dateTime(l.expiresAt), language: endonyms[l.lang as SupportedLanguage] ?? l.lang })}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={async () => {
                    setProblem(undefined);
                    try {
                      await api.revokeShare(id, l.linkId);
                      if (made?.linkId === l.linkId) setMade(undefined);
                      onChange(t.t('bundle.revoked'));
                    } catch (error) {
                      setProblem(error);
                    }
                  }}
                >
                  {t.t('bundle.revoke')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t.t('bundle.noLinks')}</p>
        )}
        {problem ? <ApiProblem t={t} error={problem} /> : null}
      </FormContext.Provider>
    </section>
  );
}
