import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type CaseDetail, type StageRecord } from '../lib/api.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import { siteT, type SiteKey } from '../lib/site-t.ts';
import { templateName } from '../lib/template-name.ts';
import { ApiProblem } from './ApiProblem.tsx';

const outcomes = ['reached-will-pay', 'reached-promise', 'reached-dispute', 'reached-refused', 'no-answer', 'left-message', 'done'] as const;

interface Due {
  detail: CaseDetail;
  stage: StageRecord;
  overdue: boolean;
}

/** The calendar date of `instant` in `zone`, `YYYY-MM-DD`. */
function dateIn(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The owner's calls, visits and hand-offs due today (in each client's zone) or earlier and not
 * yet answered, across every case still being chased, each with the client's phone and a way to
 * record what came of it; letters that need a decision (uncertain or failed) are listed too.
 */
export default function TasksToday({ lang, messages }: { lang: SupportedLanguage; messages: SiteMessages }) {
  const t = useMemo(() => siteT(lang, messages), [lang, messages]);
  const [due, setDue] = useState<Due[]>();
  const [attention, setAttention] = useState<Due[]>([]);
  const [error, setError] = useState<unknown>();
  const [recorded, setRecorded] = useState<string>();

  const load = useCallback(async () => {
    try {
      const list = await api.listCases();
      const chased = list.filter((c) => c.status !== 'paid' && c.status !== 'cancelled');
      const details = await Promise.all(chased.map((c) => api.getCase(c.id)));
      const now = new Date();
      const found: Due[] = [];
      const problems: Due[] = [];
      for (const detail of details) {
        const answered = new Set(detail.events.filter((e) => e.type === 'task-outcome').map((e) => e.stageId));
        for (const stage of detail.stages) {
          if (stage.generation !== detail.case.generation) continue;
          if (stage.status === 'uncertain' || stage.status === 'failed') problems.push({ detail, stage, overdue: false });
          if (stage.channel !== 'task' || answered.has(stage.id) || !['scheduled', 'sent'].includes(stage.status)) continue;
          const today = dateIn(now, stage.timeZone);
          if (stage.localDate <= today) found.push({ detail, stage, overdue: stage.localDate < today });
        }
      }
      found.sort((a, b) => (a.stage.instant < b.stage.instant ? -1 : 1));
      setDue(found);
      setAttention(problems);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (error) return <ApiProblem t={t} error={error} onRetry={() => void load()} />;
  if (!due) return <p role="status">{t.t('common.loading')}</p>;
  return (
    <>
      <p role="status" aria-live="polite" className="success">
        {recorded}
      </p>
      <section aria-labelledby="due-h">
        <h2 id="due-h">{t.t('tasks.dueHeading', { count: due.length })}</h2>
        {due.length === 0 ? (
          <p className="empty">{t.t('tasks.none')}</p>
        ) : (
          <ul className="tasks" data-testid="tasks">
            {due.map(({ detail, stage, overdue }) => {
              const debtor = detail.case.file.debtor;
              const zoned = new Intl.DateTimeFormat(t.locale, { timeStyle: 'short', timeZone: stage.timeZone }).format(new Date(stage.instant));
              return (
                <li key={`${detail.case.id}/${stage.id}`} className="task">
                  <h3>
                    {templateName(t, stage.template)}: <a href={`/${lang}/case/?id=${encodeURIComponent(detail.case.id)}`}>{debtor.legalName}</a>
                  </h3>
                  <p>
                    {t.t(overdue ? 'tasks.wasDue' : 'tasks.dueAt', { date: t.date(stage.localDate), time: zoned, zone: t.ltr(stage.timeZone) })} · {t.t('tasks.balance', { amount: t.money(detail.summary.balance) })}
                  </p>
                  {debtor.phone || debtor.contactName ? (
                    <p>
                      {debtor.contactName ? <span dir="auto">{debtor.contactName} </span> : null}
                      {debtor.phone ? (
                        <a href={`tel:${debtor.phone.replace(/[^+\d]/g, '')}`} dir="ltr">
                          {debtor.phone}
                        </a>
                      ) : null}
                    </p>
                  ) : null}
                  <OutcomeForm
                    t={t}
                    onSubmit={async (outcome, note) => {
                      await api.taskOutcome(detail.case.id, stage.id, { outcome, ...(note ? { note } : {}) });
                      setRecorded(t.t('tasks.recorded', { client: debtor.legalName }));
                      await load();
                    }}
                    idPrefix={`${detail.case.id}-${stage.id}`}
                  />
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href="/api/tasks.ics">{t.t('tasks.calendar')}</a> <span className="hint">{t.t('tasks.calendarHint')}</span>
        </p>
      </section>
      {attention.length > 0 ? (
        <section aria-labelledby="attention-h">
          <h2 id="attention-h">{t.t('tasks.attention')}</h2>
          <ul>
            {attention.map(({ detail, stage }) => (
              <li key={`${detail.case.id}/${stage.id}`}>
                <a href={`/${lang}/case/?id=${encodeURIComponent(detail.case.id)}`}>{detail.case.file.debtor.legalName}</a>: {templateName(t, stage.template)} – {t.t(`stageStatus.${stage.status}` as SiteKey)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function OutcomeForm({ t, onSubmit, idPrefix }: { t: ReturnType<typeof siteT>; onSubmit(outcome: string, note: string): Promise<void>; idPrefix: string }) {
  const [outcome, setOutcome] = useState<string>('reached-will-pay');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<unknown>();
  const id = idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <form
      className="outcome-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onSubmit(outcome, note.trim());
        } catch (error) {
          setProblem(error);
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t.t('case.outcome')}</label>
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {t.t(`outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t.t('case.note')} <span className="optional">{t.t('common.optional')}</span>
        </label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        {t.t('case.outcomeSubmit')}
      </button>
      {problem ? <ApiProblem t={t} error={problem} /> : null}
    </form>
  );
}
