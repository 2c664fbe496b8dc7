import { useMemo, useState } from 'react';
import type { Ladder, Stage } from '../../../templates/domain/schemas/ladder.ts';
import { api, type CaseRecord } from '../lib/api.ts';
import type { LadderDraft, StageDraft } from '../lib/draft.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import type { SiteKey } from '../lib/site-t.ts';
import { templateName } from '../lib/template-name.ts';
import type { CaseCheck } from '../engine/case-engine.ts';
import { ApiProblem } from './ApiProblem.tsx';
import { DraftTools } from './DraftTools.tsx';
import { CheckboxField, ErrorSummary, FormContext, RadioGroup, Section, SelectField, TextField } from './form/form.tsx';
import { PdfPreview } from './PdfPreview.tsx';
import { Timeline } from './Timeline.tsx';
import { useBuilder } from './use-builder.ts';

const letterTemplates = [
  'pre-due', 'due-today', 'overdue-gentle', 'overdue-firm', 'overdue-stern', 'invoice-resent', 'ultimatum', 'payment-plan-offer',
  'settlement-offer', 'credit-reporting', 'final-demand',
] as const;
const taskTemplates = ['call', 'visit', 'hand-off'] as const;

function stageDraft(s: Stage): StageDraft {
  return {
    key: s.key,
    channel: s.channel,
    template: s.template,
    days: String(s.offset.days),
    unit: s.offset.unit,
    at: s.at,
    respondWithinDays: s.channel === 'email' && s.respondWithinDays ? String(s.respondWithinDays) : '',
    note: s.channel === 'task' && s.note ? s.note : '',
  };
}

/**
 * The ladder planner: choose a ready ladder or build one, see every stage on its date and local
 * time in the client's zone (weekends and public holidays skipped, and said so), preview each
 * letter in the client's language, and send the case to the API, which schedules it.
 */
export default function LadderPlanner({ lang, messages, ladders }: { lang: SupportedLanguage; messages: SiteMessages; ladders: Ladder[] }) {
  const b = useBuilder(lang, messages, () => import('../engine/case-engine.ts'));
  const { t, draft, update } = b;
  const l = draft.ladder;
  const [now] = useState(() => new Date());
  const check: CaseCheck | undefined = useMemo(() => b.engine?.checkCase(draft, now), [b.engine, draft, now]);
  const errors = check?.errors ?? [];
  const form = b.form(errors);
  const setL = (change: (l: LadderDraft) => void) => update((d) => change(d.ladder));
  const setStage = (i: number, change: (s: StageDraft) => void) => setL((l) => change(l.custom.stages[i]!));
  const [picked, setPicked] = useState<number>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ record: CaseRecord; planned: number }>();
  const [sendError, setSendError] = useState<unknown>();

  const file = check?.file;
  const plan = check?.plan;
  const pickedStage = picked !== undefined && plan && check?.stages ? { planned: plan.stages.find((s) => s.index === picked), stage: check.stages[picked] } : undefined;
  const letterJob =
    file && pickedStage?.planned && pickedStage.stage?.channel === 'email'
      ? { kind: 'letter' as const, lang: file.debtor.language, source: { caseFile: file, stage: pickedStage.stage, date: pickedStage.planned.localDate } }
      : undefined;

  async function schedule() {
    b.setShowAll(true);
    if (!check || check.errors.length > 0) {
      document.getElementById('ladder-problems')?.focus();
      return;
    }
    setSending(true);
    setSendError(undefined);
    try {
      const created = await api.createCase(check.input);
      setSent({ record: created.case, planned: created.stages.filter((s) => s.status === 'scheduled').length });
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <FormContext.Provider value={form}>
      <div className="builder">
        <form className="builder-form" noValidate onSubmit={(e) => e.preventDefault()} data-checked={check ? 'yes' : undefined}>
          <DraftTools b={b} />
          <Section title={t.t('ladder.case')} id="case">
            {file && plan?.anchor ? (
              <p className="case-line">
                {t.t('ladder.caseLine', {
                  client: file.debtor.legalName,
                  invoice: t.ltr(plan.anchor.number),
                  due: t.date(plan.anchor.dueDate),
                  zone: t.ltr(file.debtor.timeZone),
                })}
              </p>
            ) : (
              <p className="hint">
                {t.t('ladder.caseIncomplete')} <a href={`/${lang}/invoice/`}>{t.t('ladder.toInvoice')}</a>
              </p>
            )}
            <TextField path="reference" label={t.t('ladder.reference')} hint={t.t('ladder.referenceHint')} dir="auto" value={draft.reference} onChange={(v) => update((d) => void (d.reference = v))} required={false} />
          </Section>

          <Section title={t.t('ladder.choose')} id="choose">
            <RadioGroup
              path="ladder.choice"
              also={['ladder']}
              exact
              label={t.t('ladder.which')}
              value={l.choice}
              onChange={(v) => setL((l) => void (l.choice = v))}
              options={[
                ...ladders.map((ladder) => ({
                  value: ladder.key as LadderDraft['choice'],
                  label: t.t(`ladders.${ladder.key}.name` as SiteKey),
                  hint: t.t(`ladders.${ladder.key}.description` as SiteKey),
                })),
                { value: 'custom' as const, label: t.t('ladders.custom.name'), hint: t.t('ladders.custom.description') },
              ]}
            />
            {l.choice === 'custom' ? (
              <div className="custom-ladder">
                <div className="buttons">
                  {ladders.map((ladder) => (
                    <button key={ladder.key} type="button" onClick={() => setL((l) => void (l.custom = { name: l.custom.name, rollToBusinessDay: ladder.rollToBusinessDay, stages: ladder.stages.map(stageDraft) }))}>
                      {t.t('ladder.copyFrom', { name: t.t(`ladders.${ladder.key}.name` as SiteKey) })}
                    </button>
                  ))}
                </div>
                <TextField path="ladder.name" label={t.t('ladder.name')} value={l.custom.name} onChange={(v) => setL((l) => void (l.custom.name = v))} required={false} />
                <CheckboxField path="ladder.rollToBusinessDay" label={t.t('ladder.roll')} hint={t.t('ladder.rollHint')} checked={l.custom.rollToBusinessDay} onChange={(v) => setL((l) => void (l.custom.rollToBusinessDay = v))} />
                <ol className="stages">
                  {l.custom.stages.map((s, i) => {
                    const group = t.t('ladder.stage', { n: i + 1 });
                    const p = `ladder.stages[${i}]`;
                    return (
                      <li key={i} className="stage-editor">
                        <TextField path={`${p}.key`} group={group} label={t.t('ladder.key')} dir="ltr" value={s.key} onChange={(v) => setStage(i, (s) => void (s.key = v))} required />
                        <SelectField
                          path={`${p}.channel`}
                          also={[p]}
                          exact
                          group={group}
                          label={t.t('ladder.channel')}
                          value={s.channel}
                          onChange={(v) =>
                            setStage(i, (s) => {
                              s.channel = v as StageDraft['channel'];
                              s.template = v === 'task' ? 'call' : 'overdue-gentle';
                            })
                          }
                          options={[
                            { value: 'email', label: t.t('ladder.email') },
                            { value: 'task', label: t.t('ladder.task') },
                          ]}
                        />
                        <SelectField
                          path={`${p}.template`}
                          group={group}
                          label={t.t('ladder.template')}
                          value={s.template}
                          onChange={(v) => setStage(i, (s) => void (s.template = v))}
                          options={(s.channel === 'email' ? letterTemplates : taskTemplates).map((x) => ({ value: x, label: templateName(t, x) }))}
                        />
                        <TextField path={`${p}.offset.days`} also={[`${p}.offset`]} group={group} label={t.t('ladder.days')} hint={t.t('ladder.daysHint')} inputMode="numeric" dir="ltr" value={s.days} onChange={(v) => setStage(i, (s) => void (s.days = v))} required />
                        <SelectField
                          path={`${p}.offset.unit`}
                          group={group}
                          label={t.t('ladder.unit')}
                          value={s.unit}
                          onChange={(v) => setStage(i, (s) => void (s.unit = v as StageDraft['unit']))}
                          options={[
                            { value: 'calendar', label: t.t('ladder.calendarDays') },
                            { value: 'business', label: t.t('ladder.businessDays') },
                          ]}
                        />
                        <TextField path={`${p}.at`} group={group} label={t.t('ladder.at')} type="time" value={s.at} onChange={(v) => setStage(i, (s) => void (s.at = v))} required />
                        {s.channel === 'email' && (s.template === 'final-demand' || s.template === 'credit-reporting' || s.template === 'overdue-firm') ? (
                          <TextField path={`${p}.respondWithinDays`} group={group} label={t.t('ladder.respondWithin')} inputMode="numeric" dir="ltr" value={s.respondWithinDays} onChange={(v) => setStage(i, (s) => void (s.respondWithinDays = v))} required={false} />
                        ) : null}
                        {s.channel === 'task' ? <TextField path={`${p}.note`} group={group} label={t.t('ladder.note')} value={s.note} onChange={(v) => setStage(i, (s) => void (s.note = v))} required={false} /> : null}
                        <button type="button" className="link danger" onClick={() => setL((l) => void l.custom.stages.splice(i, 1))}>
                          {t.t('ladder.removeStage', { n: i + 1 })}
                        </button>
                      </li>
                    );
                  })}
                </ol>
                <button
                  type="button"
                  onClick={() =>
                    setL((l) => {
                      const last = l.custom.stages.at(-1);
                      l.custom.stages.push({ key: `step-${l.custom.stages.length + 1}`, channel: 'email', template: 'overdue-gentle', days: String(Number(last?.days ?? 0) + 7), unit: 'calendar', at: last?.at ?? '10:00', respondWithinDays: '', note: '' });
                    })
                  }
                >
                  {t.t('ladder.addStage')}
                </button>
              </div>
            ) : null}
            <RadioGroup
              path="catchUp"
              label={t.t('ladder.catchUp')}
              value={l.catchUp}
              onChange={(v) => setL((l) => void (l.catchUp = v))}
              options={[
                { value: 'latest', label: t.t('ladder.catchUpLatest') },
                { value: 'none', label: t.t('ladder.catchUpNone') },
              ]}
            />
          </Section>

          <Section title={t.t('ladder.timeline')} id="timeline">
            {!check ? <p role="status">{t.t('common.loading')}</p> : plan ? <Timeline t={t} stages={plan.stages} ownerZone={file!.creditor.timeZone} picked={picked} onPick={setPicked} /> : <p className="hint">{t.t('ladder.timelinePending')}</p>}
          </Section>

          <Section title={t.t('ladder.send')} id="send">
            <p className="hint">{t.t('ladder.sendHint')}</p>
            {b.showAll ? <ErrorSummary id="ladder-problems" heading={t.t('ladder.fixToSend', { count: errors.length })} errors={errors} /> : null}
            <button type="button" className="primary" onClick={() => void schedule()} disabled={sending || !check} aria-describedby="send-status">
              {t.t('ladder.schedule')}
            </button>
            <div id="send-status" role="status" aria-live="polite">
              {sending ? <p>{t.t('ladder.sending')}</p> : null}
              {sent ? (
                <p className="success" data-testid="scheduled">
                  {t.t('ladder.scheduled', { count: sent.planned })} <a href={`/${lang}/case/?id=${encodeURIComponent(sent.record.id)}`}>{t.t('ladder.openCase')}</a>
                </p>
              ) : null}
            </div>
            {sendError ? <ApiProblem t={t} error={sendError} onRetry={() => void schedule()} /> : null}
          </Section>
        </form>

        <aside className="builder-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t.t('preview.letterHeading')}</h2>
          {pickedStage?.planned ? (
            <p className="hint">
              {t.t('preview.letterOf', { template: templateName(t, pickedStage.planned.template), date: t.date(pickedStage.planned.localDate) })}
            </p>
          ) : null}
          <PdfPreview
            t={t}
            job={letterJob}
            idleText={t.t('preview.pickLetter')}
            fileName={`letter-${pickedStage?.planned?.key ?? 'draft'}.pdf`}
            title={t.t('preview.letterFrame')}
          />
        </aside>
      </div>
    </FormContext.Provider>
  );
}
