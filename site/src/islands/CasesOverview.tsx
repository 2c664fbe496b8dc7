import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type CaseDetail, type CaseSummary } from '../lib/api.ts';
import { localToday } from '../lib/draft-store.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import { siteT, type SiteKey, type SiteT } from '../lib/site-t.ts';
import type { Aging } from '../engine/aging.ts';
import { ApiProblem } from './ApiProblem.tsx';
import { templateName } from '../lib/template-name.ts';

/**
 * The cases: receivables aging (current, 1–30, 31–60, 61–90, 90+ days late) as a chart with its
 * table, and every case with its balance, days late and next action.
 */
export default function CasesOverview({ lang, messages }: { lang: SupportedLanguage; messages: SiteMessages }) {
  const t = useMemo(() => siteT(lang, messages), [lang, messages]);
  const [cases, setCases] = useState<CaseSummary[]>();
  const [agings, setAgings] = useState<Aging[]>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const list = await api.listCases();
      setCases(list);
      const open = list.filter((c) => c.status !== 'paid' && c.status !== 'cancelled');
      const [details, engine] = await Promise.all([Promise.all(open.map((c) => api.getCase(c.id))), import('../engine/aging.ts')]);
      setAgings(engine.aging(details.map((d: CaseDetail) => ({ file: d.case.file, status: d.case.status })), localToday()));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (error) return <ApiProblem t={t} error={error} onRetry={() => void load()} />;
  if (!cases) return <p role="status">{t.t('common.loading')}</p>;
  if (cases.length === 0) {
    return (
      <p className="empty">
        {t.t('cases.none')} <a href={`/${lang}/ladder/`}>{t.t('cases.startOne')}</a>
      </p>
    );
  }
  return (
    <>
      <section aria-labelledby="aging-h">
        <h2 id="aging-h">{t.t('aging.heading')}</h2>
        {!agings ? <p role="status">{t.t('common.loading')}</p> : agings.length === 0 ? <p>{t.t('aging.nothingOpen')}</p> : agings.map((a) => <AgingChart key={a.currency} t={t} aging={a} />)}
      </section>
      <section aria-labelledby="cases-h">
        <h2 id="cases-h">{t.t('cases.heading')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="cases-caption" tabIndex={0}>
          <table className="cases" data-testid="cases-table">
            <caption className="visually-hidden" id="cases-caption">
              {t.t('cases.caption', { count: cases.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.t('cases.client')}</th>
                <th scope="col">{t.t('cases.status')}</th>
                <th scope="col" className="num">
                  {t.t('cases.balance')}
                </th>
                <th scope="col" className="num">
                  {t.t('cases.daysLate')}
                </th>
                <th scope="col">{t.t('cases.nextAction')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={`/${lang}/case/?id=${encodeURIComponent(c.id)}`}>{c.debtor}</a>
                    {c.reference ? (
                      <>
                        {' '}
                        <bdi className="muted">{c.reference}</bdi>
                      </>
                    ) : null}
                    {c.uncertain + c.failed > 0 ? <span className="badge warn">{t.t('cases.needsYou', { count: c.uncertain + c.failed })}</span> : null}
                  </th>
                  <td>
                    <span className={`status status-${c.status}`}>{t.t(`status.${c.status}` as SiteKey)}</span>
                  </td>
                  <td className="num">{t.money(c.balance)}</td>
                  <td className="num">{t.t('cases.days', { count: c.daysLate })}</td>
                  <td>
                    {c.nextAction
                      ? t.t('cases.next', {
                          what: templateName(t, c.nextAction.template),
                          when: t.dateTime(c.nextAction.instant, c.nextAction.timeZone),
                        })
                      : t.t('cases.noNext')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/**
 * One currency's aging as horizontal bars (an SVG image with a title and a description) and the
 * same figures as a table, which is the chart's text alternative and what a screen reader reads.
 * Bars grow from the inline start: from the right on a right-to-left page.
 */
export function AgingChart({ t, aging }: { t: SiteT; aging: Aging }) {
  const max = Math.max(...aging.rows.map((r) => Number(r.amount.amount)), 0);
  const width = 560;
  const labelWidth = 110;
  const valueWidth = 150;
  const barSpace = width - labelWidth - valueWidth;
  const rowHeight = 34;
  const rtl = t.dir === 'rtl';
  const id = `aging-${aging.currency}`;
  const label = (bucket: string) => t.t(`aging.bucket.${bucket}` as SiteKey);
  const summary = aging.rows.map((r) => `${label(r.bucket)}: ${t.money(r.amount)}`).join('; ');
  return (
    <figure className="aging" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{t.t('aging.caption', { currency: aging.currency, total: t.money(aging.total) })}</figcaption>
      <svg viewBox={`0 0 ${width} ${rowHeight * aging.rows.length + 8}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="aging-chart" direction={rtl ? 'rtl' : 'ltr'}>
        <title id={`${id}-title`}>{t.t('aging.chartTitle', { currency: aging.currency })}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {aging.rows.map((r, i) => {
          const y = 4 + i * rowHeight;
          const w = max > 0 ? Math.max((Number(r.amount.amount) / max) * barSpace, Number(r.amount.amount) > 0 ? 2 : 0) : 0;
          const barX = rtl ? width - labelWidth - w : labelWidth;
          return (
            <g key={r.bucket} className={`bucket bucket-${i}`}>
              <text x={rtl ? width - 4 : 4} y={y + rowHeight / 2} dominantBaseline="middle" textAnchor="start">
                {label(r.bucket)}
              </text>
              <rect x={barX} y={y + 6} width={w} height={rowHeight - 12} rx={3} />
              <text x={rtl ? width - labelWidth - w - 6 : labelWidth + w + 6} y={y + rowHeight / 2} dominantBaseline="middle" textAnchor="start" className="value">
                {t.money(r.amount)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="aging-table" data-testid={`aging-table-${aging.currency}`}>
        <caption>{t.t('aging.tableCaption', { currency: aging.currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('aging.age')}</th>
            <th scope="col" className="num">
              {t.t('aging.invoices')}
            </th>
            <th scope="col" className="num">
              {t.t('aging.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {aging.rows.map((r) => (
            <tr key={r.bucket}>
              <th scope="row">{label(r.bucket)}</th>
              <td className="num">{t.number(r.invoices)}</td>
              <td className="num">{t.money(r.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.t('aging.total')}</th>
            <td className="num">{t.number(aging.rows.reduce((s, r) => s + r.invoices, 0))}</td>
            <td className="num">{t.money(aging.total)}</td>
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
