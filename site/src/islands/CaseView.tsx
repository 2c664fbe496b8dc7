import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Ladder } from '../../../templates/domain/schemas/ladder.ts';
import type { LetterSource } from '../../../templates/documents/letter/letter-source.ts';
import { api, ApiError, type CaseAction, type CaseDetail, type CaseEvent, type FieldError, type OutboxMessage, type StageRecord } from '../lib/api.ts';
import { localToday } from '../lib/draft-store.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import { safeName } from '../lib/safe-name.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import { siteT, type SiteKey, type SiteT } from '../lib/site-t.ts';
import { templateName } from '../lib/template-name.ts';
import type { PdfJob } from '../pdf/pdf-job.ts';
import { ApiProblem } from './ApiProblem.tsx';
import { LawyerBundle } from './LawyerBundle.tsx';
import { CheckboxField, FormContext, SelectField, TextField, type FormState } from './form/form.tsx';
import { PdfPreview, saveBlob } from './PdfPreview.tsx';

type InvoiceLine = ReturnType<typeof import('../engine/aging.ts').invoiceLines>[number];

const outcomes = ['reached-will-pay', 'reached-promise', 'reached-dispute', 'reached-refused', 'no-answer', 'left-message', 'done'] as const;
const openStatuses = new Set(['active', 'promised', 'disputed', 'paused']);

/**
 * One case: where it stands, its invoices, every letter and task with its date and status (a
 * letter can be previewed as the client will read it; an uncertain one resent), the letters in
 * the outbox, the case log as a timeline, and the owner's actions: record a payment, a promise,
 * a dispute, a call's outcome; agree a plan or a settlement; resume; add a note; export; the
 * lawyer bundle and its share links.
 */
export default function CaseView({ lang, messages, ladders }: { lang: SupportedLanguage; messages: SiteMessages; ladders: Ladder[] }) {
  const t = useMemo(() => siteT(lang, messages), [lang, messages]);
  const [id] = useState(() => new URLSearchParams(location.search).get('id') ?? '');
  const [detail, setDetail] = useState<CaseDetail>();
  const [lines, setLines] = useState<InvoiceLine[]>();
  const [outbox, setOutbox] = useState<OutboxMessage[] | null>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [picked, setPicked] = useState<string>();

  const load = useCallback(async () => {
    if (!id) return setError(new ApiError(404, 'no id'));
    try {
      const [d, engine] = await Promise.all([api.getCase(id), import('../engine/aging.ts')]);
      setDetail(d);
      setLines(engine.invoiceLines(d.case.file, localToday()));
      setError(undefined);
      api.outbox().then(
        (messages) => setOutbox(messages ?? null),
        () => setOutbox(null),
      );
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  if (error && !detail) return <ApiProblem t={t} error={error} onRetry={() => void load()} />;
  if (!detail) return <p role="status">{t.t('common.loading')}</p>;

  const record = detail.case;
  const file = record.file;
  const summary = detail.summary;
  const stages = [...detail.stages].sort((a, b) => (a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : a.seq - b.seq));
  const tasks = stages.filter((s) => s.channel === 'task' && (s.status === 'scheduled' || s.status === 'sent') && s.generation === record.generation);
  const status = record.status;
  const open = openStatuses.has(status);
  const currency = summary.balance.currency;
  const ownerZone = file.creditor.timeZone;
  const after = (message: string) => {
    setDone(message);
    void load();
  };
  const ladder = typeof file.ladder === 'string' ? ladders.find((l) => l.key === file.ladder) : file.ladder;
  const pickedStage = stages.find((s) => s.id === picked);
  const job: PdfJob | undefined = pickedStage ? letterJob(pickedStage) : undefined;

  function letterJob(stage: StageRecord): PdfJob | undefined {
    if (stage.channel !== 'email') return undefined;
    const step = ladder?.stages.find((s) => s.key === stage.key);
    const source: LetterSource = {
      caseFile: file,
      stage: { template: stage.template as LetterSource['stage']['template'], ...(step && step.channel === 'email' ? { suspendAfterDays: step.suspendAfterDays, respondWithinDays: step.respondWithinDays } : {}) },
      date: stage.localDate,
      paymentPlan: record.paymentPlan,
      settlement: record.settlement,
      instalment: stage.instalment,
      promise: record.promisedUntil ? { date: record.promisedUntil } : undefined,
    };
    return { kind: 'letter', lang: file.debtor.language, source };
  }

  const outboxOf = (stage: StageRecord) => outbox?.find((m) => stage.messageId && m.messageId.replace(/[<>]/g, '') === stage.messageId.replace(/[<>]/g, ''));

  return (
    <div className="case-page">
      <section className="case-head" aria-labelledby="case-h">
        <h2 id="case-h">
          {file.debtor.legalName}
          {file.reference ? (
            <>
              {' '}
              <bdi className="muted">{file.reference}</bdi>
            </>
          ) : null}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t.t('cases.status')}</dt>
            <dd>
              <span className={`status status-${status}`} data-testid="case-status">
                {t.t(`status.${status}` as SiteKey)}
              </span>
              {record.promisedUntil && status === 'promised' ? ` ${t.t('case.promisedUntil', { date: t.date(record.promisedUntil) })}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t.t('cases.balance')}</dt>
            <dd data-testid="case-balance">{t.money(summary.balance)}</dd>
          </div>
          <div>
            <dt>{t.t('cases.daysLate')}</dt>
            <dd>{t.t('cases.days', { count: summary.daysLate })}</dd>
          </div>
          <div>
            <dt>{t.t('cases.nextAction')}</dt>
            <dd>{summary.nextAction ? t.t('cases.next', { what: templateName(t, summary.nextAction.template), when: t.dateTime(summary.nextAction.instant, summary.nextAction.timeZone) }) : t.t('cases.noNext')}</dd>
          </div>
        </dl>
        <p role="status" aria-live="polite" className="success">
          {done}
        </p>
        {error ? <ApiProblem t={t} error={error} onRetry={() => void load()} /> : null}
      </section>

      <section aria-labelledby="invoices-h">
        <h2 id="invoices-h">{t.t('case.invoices')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="invoices-caption" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="invoices-caption">
              {t.t('case.invoicesCaption', { count: file.invoices.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.t('case.invoice')}</th>
                <th scope="col">{t.t('case.issued')}</th>
                <th scope="col">{t.t('case.due')}</th>
                <th scope="col" className="num">
                  {t.t('case.gross')}
                </th>
                <th scope="col" className="num">
                  {t.t('case.paid')}
                </th>
                <th scope="col" className="num">
                  {t.t('cases.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(lines ?? []).map((line) => (
                <tr key={line.number}>
                  <th scope="row" dir="auto">
                    {line.number}
                  </th>
                  <td>{t.date(line.issueDate)}</td>
                  <td>{t.date(line.dueDate)}</td>
                  <td className="num">{t.money(line.gross)}</td>
                  <td className="num">{t.money(line.paid)}</td>
                  <td className="num">{t.money(line.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="actions-h" className="actions">
        <h2 id="actions-h">{t.t('case.actions')}</h2>
        {status !== 'cancelled' ? (
          <Action t={t} id={id} action="payments" title={t.t('case.recordPayment')} submit={t.t('case.recordPaymentSubmit')} onDone={() => after(t.t('case.paymentRecorded'))}>
            {(f) => {
              const invoice = f.value('invoice', file.invoices.find((i) => Number(lines?.find((l) => l.number === i.number)?.balance.amount ?? 0) > 0)?.number ?? file.invoices[0]!.number);
              return {
                fields: (
                  <>
                    <div className="grid-2">
                      <TextField path="payments.date" label={t.t('case.paymentDate')} type="date" value={f.value('date', localToday())} onChange={f.set('date')} required />
                      <TextField path="payments.amount" also={['payments.amount.amount']} label={t.t('case.amount', { currency })} inputMode="decimal" dir="ltr" value={f.value('amount', summary.balance.amount)} onChange={f.set('amount')} required />
                    </div>
                    {file.invoices.length > 1 ? (
                      <SelectField path="payments.invoice" label={t.t('case.invoice')} value={invoice} onChange={f.set('invoice')} options={file.invoices.map((i) => ({ value: i.number, label: i.number }))} />
                    ) : null}
                    <div className="grid-2">
                      <SelectField
                        path="payments.method"
                        label={t.t('case.method')}
                        value={f.value('method', 'bank-transfer')}
                        onChange={f.set('method')}
                        options={(['bank-transfer', 'card', 'cash', 'cheque', 'other'] as const).map((m) => ({ value: m, label: t.t(`methods.${m}`) }))}
                      />
                      <TextField path="payments.reference" label={t.t('case.paymentReference')} dir="auto" value={f.value('reference', '')} onChange={f.set('reference')} required={false} />
                    </div>
                  </>
                ),
                body: () => ({
                  date: f.value('date', localToday()),
                  amount: { currency, amount: f.value('amount', summary.balance.amount).trim() },
                  invoice,
                  method: f.value('method', 'bank-transfer'),
                  ...(f.value('reference', '').trim() ? { reference: f.value('reference', '').trim() } : {}),
                }),
              };
            }}
          </Action>
        ) : null}
        {status === 'active' ? (
          <Action t={t} id={id} action="promise" title={t.t('case.promise')} submit={t.t('case.promiseSubmit')} onDone={() => after(t.t('case.promiseRecorded'))}>
            {(f) => ({
              fields: (
                <>
                  <TextField path="promise.until" label={t.t('case.promiseUntil')} type="date" value={f.value('until', '')} onChange={f.set('until')} required />
                  <TextField path="promise.note" label={t.t('case.note')} multiline rows={2} value={f.value('note', '')} onChange={f.set('note')} required={false} />
                </>
              ),
              body: () => ({ until: f.value('until', ''), ...(f.value('note', '').trim() ? { note: f.value('note', '') } : {}) }),
            })}
          </Action>
        ) : null}
        {status === 'active' ? (
          <Action t={t} id={id} action="dispute" title={t.t('case.dispute')} submit={t.t('case.disputeSubmit')} onDone={() => after(t.t('case.disputeRecorded'))}>
            {(f) => ({
              fields: <TextField path="dispute.note" label={t.t('case.disputeNote')} multiline rows={2} value={f.value('note', '')} onChange={f.set('note')} required />,
              body: () => ({ note: f.value('note', '') }),
            })}
          </Action>
        ) : null}
        {status === 'promised' || status === 'disputed' || status === 'paused' ? (
          <Action t={t} id={id} action="resume" title={t.t('case.resume')} submit={t.t('case.resumeSubmit')} onDone={() => after(t.t('case.resumed'))}>
            {(f) => ({
              fields: <TextField path="resume.note" label={t.t('case.note')} multiline rows={2} value={f.value('note', '')} onChange={f.set('note')} required={false} />,
              body: () => (f.value('note', '').trim() ? { note: f.value('note', '') } : {}),
            })}
          </Action>
        ) : null}
        {tasks.length > 0 && status !== 'cancelled' ? <CallOutcome t={t} id={id} tasks={tasks} onDone={() => after(t.t('case.outcomeRecorded'))} /> : null}
        {open ? (
          <Action t={t} id={id} action="plan" title={t.t('case.plan')} submit={t.t('case.planSubmit')} onDone={() => after(t.t('case.planAgreed'))}>
            {(f) => ({
              fields: (
                <>
                  <p className="hint">{t.t('case.planHint', { balance: t.money(summary.balance) })}</p>
                  <div className="grid-3">
                    <TextField path="plan.count" label={t.t('case.planCount')} inputMode="numeric" dir="ltr" value={f.value('count', '3')} onChange={f.set('count')} required />
                    <TextField path="plan.firstDueDate" label={t.t('case.planFirst')} type="date" value={f.value('firstDueDate', '')} onChange={f.set('firstDueDate')} required />
                    <SelectField
                      path="plan.frequency"
                      label={t.t('case.planFrequency')}
                      value={f.value('frequency', 'monthly')}
                      onChange={f.set('frequency')}
                      options={(['weekly', 'fortnightly', 'monthly'] as const).map((x) => ({ value: x, label: t.t(`case.frequency.${x}`) }))}
                    />
                  </div>
                  <CheckboxField path="plan.interestWaived" label={t.t('case.planWaive')} checked={f.value('interestWaived', 'yes') === 'yes'} onChange={(on) => f.set('interestWaived')(on ? 'yes' : 'no')} />
                </>
              ),
              body: () => ({
                count: /^\d+$/.test(f.value('count', '3')) ? Number(f.value('count', '3')) : f.value('count', '3'),
                firstDueDate: f.value('firstDueDate', ''),
                frequency: f.value('frequency', 'monthly'),
                interestWaived: f.value('interestWaived', 'yes') === 'yes',
              }),
            })}
          </Action>
        ) : null}
        {open ? (
          <Action t={t} id={id} action="settlement" title={t.t('case.settlement')} submit={t.t('case.settlementSubmit')} onDone={() => after(t.t('case.settlementAgreed'))}>
            {(f) => ({
              fields: (
                <div className="grid-2">
                  <TextField path="settlement.accept" also={['settlement.accept.amount']} label={t.t('case.settlementAccept', { currency, balance: t.money(summary.balance) })} inputMode="decimal" dir="ltr" value={f.value('accept', '')} onChange={f.set('accept')} required />
                  <TextField path="settlement.payBy" label={t.t('case.settlementPayBy')} type="date" value={f.value('payBy', '')} onChange={f.set('payBy')} required />
                </div>
              ),
              body: () => ({ accept: { currency, amount: f.value('accept', '').trim() }, payBy: f.value('payBy', '') }),
            })}
          </Action>
        ) : null}
        <Action t={t} id={id} action="notes" title={t.t('case.addNote')} submit={t.t('case.addNoteSubmit')} onDone={() => after(t.t('case.noteAdded'))}>
          {(f) => ({
            fields: <TextField path="notes.note" label={t.t('case.note')} multiline rows={2} value={f.value('note', '')} onChange={f.set('note')} required />,
            body: () => ({ note: f.value('note', '') }),
          })}
        </Action>
        {status !== 'cancelled' && status !== 'paid' ? (
          <Action t={t} id={id} action="cancel" title={t.t('case.cancel')} submit={t.t('case.cancelSubmit')} danger onDone={() => after(t.t('case.cancelled'))}>
            {(f) => ({
              fields: <TextField path="cancel.reason" label={t.t('case.cancelReason')} multiline rows={2} value={f.value('reason', '')} onChange={f.set('reason')} required={false} />,
              body: () => (f.value('reason', '').trim() ? { reason: f.value('reason', '') } : {}),
            })}
          </Action>
        ) : null}
        <button type="button" onClick={() => saveBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `case-${safeName(file.reference ?? record.id)}.json`)}>
          {t.t('case.export')}
        </button>
      </section>

      <LawyerBundle t={t} id={id} events={detail.events} onChange={after} />

      <div className="case-columns">
        <section aria-labelledby="stages-h">
          <h2 id="stages-h">{t.t('case.stages')}</h2>
          <ol className="timeline" data-testid="case-stages">
            {stages
              .filter((s) => s.channel !== 'check')
              .map((s) => {
                const mail = outboxOf(s);
                return (
                  <li key={s.id} className={`stage channel-${s.channel} stage-is-${s.status}`} data-status={s.status}>
                    <p className="when">
                      <time dateTime={s.instant}>{t.t('timeline.when', { date: t.date(s.localDate, 'weekday'), time: s.localTime, zone: t.ltr(s.timeZone) })}</time>
                    </p>
                    <p className="what">
                      <span className="channel">{t.t(s.channel === 'email' ? 'timeline.letter' : 'timeline.task')}</span> <span className="template">{templateName(t, s.template)}</span>{' '}
                      <span className={`stage-status stage-${s.status}`}>{t.t(`stageStatus.${s.status}` as SiteKey)}</span>
                    </p>
                    {s.sentAt ? <p className="hint">{t.t('case.sentAt', { time: t.dateTime(s.sentAt, ownerZone) })}</p> : null}
                    {s.error && (s.status === 'failed' || s.status === 'uncertain') ? (
                      <p className="warning">
                        {t.t('case.stageProblem')}{' '}
                        <span lang="en" dir="ltr">
                          ({s.error})
                        </span>
                      </p>
                    ) : null}
                    <div className="buttons">
                      {s.channel === 'email' ? (
                        <button type="button" className="link" onClick={() => setPicked(s.id)} aria-pressed={picked === s.id}>
                          {t.t('timeline.previewLetter', { template: templateName(t, s.template) })}
                        </button>
                      ) : null}
                      {mail ? (
                        <a href={api.outboxUrl(mail.file)} download={mail.file}>
                          {t.t('case.outboxLink')}
                        </a>
                      ) : null}
                      {s.status === 'uncertain' || s.status === 'failed' ? <Resend t={t} id={id} stage={s} onDone={() => after(t.t('case.resendRequested'))} /> : null}
                    </div>
                  </li>
                );
              })}
          </ol>
          <OutboxList t={t} outbox={outbox} stages={stages} />
        </section>
        <aside className="builder-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t.t('preview.letterHeading')}</h2>
          {pickedStage ? <p className="hint">{t.t('preview.letterOf', { template: templateName(t, pickedStage.template), date: t.date(pickedStage.localDate) })}</p> : null}
          <PdfPreview t={t} job={job} idleText={t.t('preview.pickLetter')} fileName={`letter-${safeName(pickedStage?.id ?? 'case')}.pdf`} title={t.t('preview.letterFrame')} />
        </aside>
      </div>

      <section aria-labelledby="log-h">
        <h2 id="log-h">{t.t('case.log')}</h2>
        <ol className="log" data-testid="case-log">
          {detail.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{t.dateTime(e.at, ownerZone)}</time> <strong>{t.has(`events.${e.type}`) ? t.t(`events.${e.type}` as SiteKey) : e.type}</strong> <span className="muted">{t.t(`actors.${e.actor}` as SiteKey)}</span>
              <EventDetail t={t} event={e} stages={stages} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function EventDetail({ t, event, stages }: { t: SiteT; event: CaseEvent; stages: StageRecord[] }) {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const stage = event.stageId ? stages.find((s) => s.id === event.stageId) : undefined;
  const parts: ReactNode[] = [];
  if (stage) parts.push(templateName(t, stage.template));
  const money = d.amount as { currency: string; amount: string } | undefined;
  if (event.type === 'payment' && money) parts.push(t.t('case.eventPayment', { amount: t.money(money), date: t.date(String(d.date)) }));
  if (event.type === 'promise' && d.until) parts.push(t.t('case.promisedUntil', { date: t.date(String(d.until)) }));
  if (event.type === 'task-outcome' && d.outcome) parts.push(t.t(`outcomes.${String(d.outcome)}` as SiteKey));
  if (event.type === 'planned' && Array.isArray(d.stages)) parts.push(t.t('case.eventPlanned', { count: d.stages.length }));
  if (event.type === 'settlement-agreed' && d.settlement) {
    const s = d.settlement as { accept: { currency: string; amount: string }; payBy: string };
    parts.push(t.t('case.eventSettlement', { amount: t.money(s.accept), date: t.date(s.payBy) }));
  }
  if (event.type === 'plan-agreed' && d.plan) parts.push(t.t('case.eventPlan', { count: (d.plan as { instalments: unknown[] }).instalments.length }));
  const note = (d.note ?? d.reason) as string | null | undefined;
  if (parts.length === 0 && !note) return null;
  return (
    <p className="event-detail">
      {parts.map((p, i) => (
        <span key={i}>{i > 0 ? ' · ' : ''}{p}</span>
      ))}
      {note ? (
        <q dir="auto">
          {parts.length > 0 ? ' ' : ''}
          {note}
        </q>
      ) : null}
    </p>
  );
}

function OutboxList({ t, outbox, stages }: { t: SiteT; outbox: OutboxMessage[] | null | undefined; stages: StageRecord[] }) {
  if (outbox === undefined) return null;
  const ids = new Set(stages.map((s) => s.messageId?.replace(/[<>]/g, '')).filter(Boolean));
  const mine = (outbox ?? []).filter((m) => ids.has(m.messageId.replace(/[<>]/g, '')));
  return (
    <section aria-labelledby="outbox-h" className="outbox">
      <h3 id="outbox-h">{t.t('case.outbox')}</h3>
      {outbox === null ? (
        <p className="hint">{t.t('case.outboxSmtp')}</p>
      ) : mine.length === 0 ? (
        <p className="hint">{t.t('case.outboxEmpty')}</p>
      ) : (
        <ul data-testid="outbox">
          {mine.map((m) => (
            <li key={m.file}>
              <a href={api.outboxUrl(m.file)} download={m.file} dir="auto">
                {m.subject}
              </a>{' '}
              <span className="muted">
                {t.dateTime(m.date)} · <span dir="ltr">{m.to}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ActionForm {
  value(name: string, initial: string): string;
  set(name: string): (value: string) => void;
}

/**
 * One owner action as a disclosure: its fields, a submit button, the API's field errors shown
 * next to the fields (paths prefixed with the action: `payments.amount.amount`), other refusals
 * below the form.
 */
function Action({
  t,
  id,
  action,
  title,
  submit,
  danger,
  onDone,
  children,
}: {
  t: SiteT;
  id: string;
  action: CaseAction;
  title: string;
  submit: string;
  danger?: boolean;
  onDone(): void;
  children(form: ActionForm): { fields: ReactNode; body(): unknown };
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [openState, setOpen] = useState(false);
  const form: ActionForm = {
    value: (name, initial) => values[name] ?? initial,
    set: (name) => (value) => setValues((v) => ({ ...v, [name]: value })),
  };
  const { fields, body } = children(form);
  const state: FormState = { t, errors, showAll: true, touched: new Set(), touch: () => {} };
  return (
    <details className={`action ${danger ? 'danger' : ''}`} open={openState} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-action={action}>
      <summary>{title}</summary>
      <FormContext.Provider value={state}>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setProblem(undefined);
            try {
              await api.act(id, action, body());
              setErrors([]);
              setValues({});
              setOpen(false);
              onDone();
            } catch (error) {
              if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) setErrors(error.fields.map((f) => ({ ...f, path: `${action}.${f.path}` })));
              else setProblem(error);
            } finally {
              setBusy(false);
            }
          }}
        >
          {fields}
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {submit}
          </button>
          {problem ? <ApiProblem t={t} error={problem} /> : null}
        </form>
      </FormContext.Provider>
    </details>
  );
}

function CallOutcome({ t, id, tasks, onDone }: { t: SiteT; id: string; tasks: StageRecord[]; onDone(): void }) {
  const [stageId, setStageId] = useState(tasks[0]!.id);
  const [outcome, setOutcome] = useState<string>('reached-will-pay');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<unknown>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const state: FormState = { t, errors, showAll: true, touched: new Set(), touch: () => {} };
  return (
    <details className="action" data-action="outcome">
      <summary>{t.t('case.callOutcome')}</summary>
      <FormContext.Provider value={state}>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setProblem(undefined);
            try {
              await api.taskOutcome(id, stageId, { outcome, ...(note.trim() ? { note } : {}) });
              setNote('');
              setErrors([]);
              onDone();
            } catch (error) {
              if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) setErrors(error.fields.map((f) => ({ ...f, path: `outcome.${f.path}` })));
              else setProblem(error);
            }
          }}
        >
          <SelectField
            path="outcome.stage"
            label={t.t('case.whichTask')}
            value={stageId}
            onChange={setStageId}
            options={tasks.map((s) => ({ value: s.id, label: `${templateName(t, s.template)} – ${t.date(s.localDate)} ${s.localTime}` }))}
          />
          <SelectField path="outcome.outcome" label={t.t('case.outcome')} value={outcome} onChange={setOutcome} options={outcomes.map((o) => ({ value: o, label: t.t(`outcomes.${o}`) }))} />
          <TextField path="outcome.note" label={t.t('case.note')} multiline rows={2} value={note} onChange={setNote} required={false} />
          <button type="submit" className="primary">
            {t.t('case.outcomeSubmit')}
          </button>
          {problem ? <ApiProblem t={t} error={problem} /> : null}
        </form>
      </FormContext.Provider>
    </details>
  );
}

function Resend({ t, id, stage, onDone }: { t: SiteT; id: string; stage: StageRecord; onDone(): void }) {
  const [problem, setProblem] = useState<unknown>();
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await api.resend(id, stage.id);
            onDone();
          } catch (error) {
            setProblem(error);
          }
        }}
      >
        {t.t('case.resend', { template: templateName(t, stage.template) })}
      </button>
      {problem ? <ApiProblem t={t} error={problem} /> : null}
    </>
  );
}
