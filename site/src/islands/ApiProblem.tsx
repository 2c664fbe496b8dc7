import { useId, useState } from 'react';
import { ApiError, setToken } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import type { SiteT } from '../lib/site-t.ts';

/**
 * What went wrong talking to the API, in the page's language: not running, a token needed (with
 * a field to give it), a state conflict (by the API's code), or field errors.
 */
export function ApiProblem({ t, error, onRetry }: { t: SiteT; error: unknown; onRetry?: (() => void) | undefined }) {
  const [token, setTokenValue] = useState('');
  const id = useId();
  if (!(error instanceof ApiError)) {
    return (
      <p className="error" role="alert">
        {t.t('api.unexpected', { message: String((error as Error)?.message ?? error) })}
      </p>
    );
  }
  if (error.status === 401) {
    return (
      <form
        className="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          setToken(token.trim());
          onRetry?.();
        }}
      >
        <p role="alert">{t.t('api.tokenNeeded')}</p>
        <label htmlFor={id}>{t.t('api.token')}</label>
        <input id={id} type="password" autoComplete="current-password" value={token} onChange={(e) => setTokenValue(e.target.value)} />
        <button type="submit">{t.t('api.useToken')}</button>
      </form>
    );
  }
  if (error.status === 0) {
    return (
      <div className="error" role="alert">
        <p>{t.t('api.unreachable')}</p>
        {onRetry ? (
          <button type="button" onClick={onRetry}>
            {t.t('common.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  if (error.status === 409) {
    if (error.code && t.has(`status.${error.code}`)) {
      return (
        <p className="error" role="alert">
          {t.t('api.conflict', { status: t.t(`status.${error.code}` as never) })}
        </p>
      );
    }
    return (
      <p className="error" role="alert">
        {t.t('api.conflictOther')}{' '}
        <span lang="en" dir="ltr">
          ({error.message})
        </span>
      </p>
    );
  }
  if (error.status === 404) {
    return (
      <p className="error" role="alert">
        {t.t('api.notFound')}
      </p>
    );
  }
  return (
    <div className="error" role="alert">
      <p>{t.t('api.invalid')}</p>
      <ul>
        {error.fields.map((f, i) => {
          const text = errorText(t, f.message, f.path);
          return (
            <li key={i}>
              <code dir="ltr">{f.path}</code>: {text.text}
              {text.original ? (
                <span lang="en" dir="ltr">
                  {' '}
                  ({text.original})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
