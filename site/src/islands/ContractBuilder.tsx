import { useMemo } from 'react';
import { currencyOptions, documentLanguageOptions, jurisdictionChoices } from '../lib/choices.ts';
import type { ContractDraft, PaymentMethod, SchedulePartDraft } from '../lib/draft.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import type { SiteKey } from '../lib/site-t.ts';
import { errorText } from '../lib/error-text.ts';
import { safeName } from '../lib/safe-name.ts';
import type { ContractCheck } from '../engine/contract-engine.ts';
import { DraftTools } from './DraftTools.tsx';
import { DueDateRuleFields, DiscountFields } from './TermsFields.tsx';
import { CheckboxField, ErrorLines, ErrorSummary, FormContext, RadioGroup, Section, SelectField, TextField, errorsAt, fieldId } from './form/form.tsx';
import { PartyFields } from './PartyFields.tsx';
import { PdfPreview } from './PdfPreview.tsx';
import { useBuilder } from './use-builder.ts';

export interface RuleNames {
  [ruleId: string]: { name: string; basis: string };
}

const methods: PaymentMethod[] = ['bank-transfer', 'card', 'cash', 'cheque', 'other'];

/**
 * The contract builder: parties, scope, price, the payment schedule with a running check that
 * the parts add up (exact amounts from `splitSchedule`), the due-date rule with an example date,
 * the early-payment discount, late-payment terms with the statutory rule and its rate in force
 * for the chosen law, the document's language; a live PDF preview and the download.
 */
export default function ContractBuilder({ lang, messages, ruleNames }: { lang: SupportedLanguage; messages: SiteMessages; ruleNames: RuleNames }) {
  const b = useBuilder(lang, messages, () => import('../engine/contract-engine.ts'));
  const { t, draft, update } = b;
  const c = draft.contract;
  const check: ContractCheck | undefined = useMemo(() => b.engine?.checkContract(draft), [b.engine, draft]);
  const errors = check?.errors ?? [];
  const setC = (change: (c: ContractDraft) => void) => update((d) => change(d.contract));
  const setPart = (i: number, change: (p: SchedulePartDraft) => void) => setC((c) => change(c.schedule[i]!));
  const form = b.form(errors);
  const currency = c.price.currency;

  const triggers = (['signature', 'milestone', 'completion'] as const).map((value) => ({ value, label: t.t(`schedule.trigger.${value}`) }));
  const modes = (['percent', 'amount', 'balance'] as const).map((value) => ({ value, label: t.t(`schedule.mode.${value}`) }));

  return (
    <FormContext.Provider value={form}>
      <div className="builder">
        <form className="builder-form" noValidate onSubmit={(e) => e.preventDefault()} data-checked={check ? 'yes' : undefined} aria-describedby="builder-intro">
          <DraftTools b={b} />
          <Section title={t.t('contract.parties')} id="parties">
            <PartyFields role="creditor" party={draft.creditor} onChange={(ch) => update((d) => ch(d.creditor))} />
            <PartyFields role="debtor" party={draft.debtor} onChange={(ch) => update((d) => ch(d.debtor))} />
          </Section>

          <Section title={t.t('contract.about')} id="about">
            <div className="grid-3">
              <TextField path="contract.number" label={t.t('contract.number')} dir="ltr" value={c.number} onChange={(v) => setC((c) => void (c.number = v))} required />
              <TextField path="contract.date" label={t.t('contract.date')} type="date" value={c.date} onChange={(v) => setC((c) => void (c.date = v))} required />
              <SelectField path="contract.language" label={t.t('contract.language')} hint={t.t('contract.languageHint')} value={c.language} onChange={(v) => setC((c) => void (c.language = v))} options={documentLanguageOptions(t.locale)} />
            </div>
            <TextField path="contract.title" label={t.t('contract.title')} value={c.title} onChange={(v) => setC((c) => void (c.title = v))} required />
            <TextField path="contract.scope" label={t.t('contract.scope')} hint={t.t('contract.scopeHint')} multiline rows={4} value={c.scope} onChange={(v) => setC((c) => void (c.scope = v))} required />
            <TextField
              path="contract.completion"
              label={t.t('contract.completion')}
              hint={t.t('contract.completionHint')}
              multiline
              rows={2}
              value={c.completion}
              onChange={(v) => setC((c) => void (c.completion = v))}
              required={false}
            />
          </Section>

          <Section title={t.t('contract.priceSchedule')} id="price">
            <div className="grid-2">
              <SelectField path="contract.price.currency" label={t.t('contract.currency')} value={currency} onChange={(v) => setC((c) => void (c.price.currency = v))} options={currencyOptions(t.locale)} />
              <TextField path="contract.price.amount" label={t.t('contract.price')} inputMode="decimal" dir="ltr" value={c.price.amount} onChange={(v) => setC((c) => void (c.price.amount = v))} required />
            </div>
            <fieldset className="schedule" id={fieldId('contract.schedule')} tabIndex={-1}>
              <legend>{t.t('schedule.legend')}</legend>
              <p className="hint">{t.t('schedule.hint')}</p>
              <ol className="schedule-parts">
                {c.schedule.map((part, i) => (
                  <li key={i} className="schedule-part">
                    <TextField path={`contract.schedule[${i}].label`} group={t.t('schedule.part', { n: i + 1 })} label={t.t('schedule.label')} value={part.label} onChange={(v) => setPart(i, (p) => void (p.label = v))} required />
                    <SelectField
                      path={`contract.schedule[${i}].trigger`}
                      group={t.t('schedule.part', { n: i + 1 })}
                      label={t.t('schedule.triggerLabel')}
                      value={part.trigger}
                      onChange={(v) => setPart(i, (p) => void (p.trigger = v as SchedulePartDraft['trigger']))}
                      options={triggers}
                    />
                    <SelectField
                      path={`contract.schedule[${i}].mode`}
                      group={t.t('schedule.part', { n: i + 1 })}
                      label={t.t('schedule.modeLabel')}
                      value={part.mode}
                      onChange={(v) => setPart(i, (p) => void (p.mode = v as SchedulePartDraft['mode']))}
                      options={modes}
                      exact
                    />
                    {part.mode !== 'balance' ? (
                      <TextField
                        path={`contract.schedule[${i}].${part.mode}`}
                        also={[`contract.schedule[${i}]`]}
                        exact
                        group={t.t('schedule.part', { n: i + 1 })}
                        label={part.mode === 'percent' ? t.t('schedule.percent') : t.t('schedule.amount', { currency })}
                        inputMode="decimal"
                        dir="ltr"
                        value={part.value}
                        onChange={(v) => setPart(i, (p) => void (p.value = v))}
                        required
                      />
                    ) : (
                      <p className="balance-note">{t.t('schedule.balanceNote')}</p>
                    )}
                    <ErrorLines id={`schedule-${i}-amount-error`} errors={errorsAt(errors, [`contract.schedule[${i}].amount.amount`, `contract.schedule[${i}].percent`])} />
                    <button type="button" className="link danger" onClick={() => setC((c) => void c.schedule.splice(i, 1))} disabled={c.schedule.length <= 1}>
                      {t.t('schedule.remove', { n: i + 1 })}
                    </button>
                  </li>
                ))}
              </ol>
              <button type="button" onClick={() => setC((c) => void c.schedule.push({ label: '', trigger: 'milestone', mode: 'percent', value: '' }))}>
                {t.t('schedule.add')}
              </button>
              {scheduleCheck(check)}
            </fieldset>
          </Section>

          <Section title={t.t('contract.terms')} id="terms">
            <DueDateRuleFields prefix="contract.dueDateRule" rule={c.dueDateRule} onChange={(ch) => setC((c) => ch(c.dueDateRule))} />
            {check?.dueExample ? (
              <p className="computed" aria-live="polite">
                {t.t('terms.example', { issued: t.date(check.dueExample.issued), due: t.date(check.dueExample.due, 'weekday') })}
              </p>
            ) : null}
            <DiscountFields prefix="contract.earlyPaymentDiscount" discount={c.earlyPaymentDiscount} onChange={(ch) => setC((c) => ch(c.earlyPaymentDiscount))} />
            <fieldset className="checkboxes" id={fieldId('contract.paymentMethods')} tabIndex={-1}>
              <legend>{t.t('contract.methods')}</legend>
              {methods.map((m) => (
                <CheckboxField
                  key={m}
                  path={`contract.paymentMethods.${m}`}
                  label={t.t(`methods.${m}`)}
                  checked={c.paymentMethods.includes(m)}
                  onChange={(on) => setC((c) => void (c.paymentMethods = on ? methods.filter((x) => x === m || c.paymentMethods.includes(x)) : c.paymentMethods.filter((x) => x !== m)))}
                />
              ))}
              <ErrorLines id="methods-error" errors={errorsAt(errors, ['contract.paymentMethods'], true)} />
            </fieldset>
          </Section>

          <Section title={t.t('late.heading')} id="late">
            <SelectField
              path="contract.jurisdiction"
              label={t.t('late.jurisdiction')}
              hint={t.t('late.jurisdictionHint')}
              value={c.jurisdiction}
              onChange={(v) => setC((c) => void (c.jurisdiction = v))}
              options={jurisdictionChoices.map((j) => ({ value: j, label: t.t(`jurisdictions.${j}` as SiteKey) }))}
            />
            <RadioGroup
              path="contract.latePayment.interest"
              exact
              label={t.t('late.interest')}
              value={c.latePayment.interest.kind}
              onChange={(v) => setC((c) => void (c.latePayment.interest.kind = v))}
              options={[
                { value: 'statutory', label: t.t('late.statutory') },
                { value: 'contractual', label: t.t('late.contractual') },
                { value: 'none', label: t.t('late.none') },
              ]}
            />
            {c.latePayment.interest.kind === 'statutory' ? statutoryNote(check, c.date) : null}
            {c.latePayment.interest.kind === 'contractual' ? (
              <div className="grid-2">
                <TextField
                  path="contract.latePayment.interest.rate.percent"
                  label={t.t('late.rate')}
                  inputMode="decimal"
                  dir="ltr"
                  value={c.latePayment.interest.percent}
                  onChange={(v) => setC((c) => void (c.latePayment.interest.percent = v))}
                  required
                />
                <SelectField
                  path="contract.latePayment.interest.rate.per"
                  label={t.t('late.per')}
                  value={c.latePayment.interest.per}
                  onChange={(v) => setC((c) => void (c.latePayment.interest.per = v as 'year' | 'month'))}
                  options={[
                    { value: 'year', label: t.t('late.perYear') },
                    { value: 'month', label: t.t('late.perMonth') },
                  ]}
                />
              </div>
            ) : null}
            <TextField
              path="contract.latePayment.flatFee"
              label={t.t('late.flatFee', { currency })}
              hint={t.t('late.flatFeeHint')}
              inputMode="decimal"
              dir="ltr"
              className="narrow"
              value={c.latePayment.flatFee}
              onChange={(v) => setC((c) => void (c.latePayment.flatFee = v))}
              required={false}
            />
            <CheckboxField
              path="contract.latePayment.fixedCompensation"
              label={t.t('late.fixedCompensation')}
              hint={t.t('late.fixedCompensationHint')}
              checked={c.latePayment.fixedCompensation}
              onChange={(v) => setC((c) => void (c.latePayment.fixedCompensation = v))}
            />
            {c.jurisdiction === 'RU' ? (
              <CheckboxField
                path="contract.latePayment.penaltyClause"
                label={t.t('late.penaltyClause')}
                hint={t.t('late.penaltyClauseHint')}
                checked={c.latePayment.penaltyClause}
                onChange={(v) => setC((c) => void (c.latePayment.penaltyClause = v))}
              />
            ) : null}
          </Section>

          <Section title={t.t('contract.clauses')} id="clauses">
            <CheckboxField
              path="contract.clauses.samePolicyForEveryone"
              label={t.t('contract.samePolicy')}
              checked={c.clauses.samePolicyForEveryone}
              onChange={(v) => setC((c) => void (c.clauses.samePolicyForEveryone = v))}
            />
            <CheckboxField
              path="contract.clauses.deliverablesReleasedOnPayment"
              label={t.t('contract.deliverables')}
              checked={c.clauses.deliverablesReleasedOnPayment}
              onChange={(v) => setC((c) => void (c.clauses.deliverablesReleasedOnPayment = v))}
            />
          </Section>
        </form>

        <aside className="builder-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t.t('preview.contractHeading')}</h2>
          {b.engineError ? <p className="error">{t.t('common.engineFailed', { message: b.engineError })}</p> : null}
          <PdfPreview
            t={t}
            prewarm
            job={check?.source ? { kind: 'contract', lang: check.source.contract.language, source: check.source } : undefined}
            fileName={`contract-${safeName(c.number) || 'draft'}.pdf`}
            title={t.t('preview.contractFrame', { number: c.number })}
            idleText={check ? undefined : t.t('common.loading')}
            blocked={check ? <ErrorSummary heading={t.t('preview.fixToPreview', { count: errors.length })} errors={errors} /> : undefined}
          />
        </aside>
      </div>
    </FormContext.Provider>
  );

  function scheduleCheck(check: ContractCheck | undefined) {
    const s = check?.schedule;
    if (!s) return <p className="computed muted">{t.t('schedule.checkPending')}</p>;
    if ('problems' in s) {
      return (
        <div className="schedule-check bad" role="status" aria-live="polite">
          <p>
            <span aria-hidden="true">✗ </span>
            {s.problems.map((m) => errorText(t, m).text).join(' ')}
          </p>
        </div>
      );
    }
    return (
      <div className="schedule-check good" role="status" aria-live="polite">
        <table>
          <caption>{t.t('schedule.checkCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('schedule.label')}</th>
              <th scope="col">{t.t('schedule.share')}</th>
              <th scope="col" className="num">
                {t.t('schedule.amountColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.label}</td>
                <td>{line.percent !== undefined ? t.percent(line.percent) : '—'}</td>
                <td className="num">{t.money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                <span aria-hidden="true">✓ </span>
                {t.t('schedule.addsUp')}
              </th>
              <td className="num">{t.money(s.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    );
  }

  function statutoryNote(check: ContractCheck | undefined, date: string) {
    const s = check?.statutory;
    if (!s) return null;
    const rule = s.ruleId ? ruleNames[s.ruleId] : undefined;
    return (
      <div className="statutory" aria-live="polite">
        {rule ? <p className="rule-name">{rule.name}</p> : null}
        {s.percent !== undefined ? (
          <p className="computed" data-testid="statutory-rate">
            {t.t('late.rateInForce', { rate: t.percent(s.percent), date: t.date(date) })}
          </p>
        ) : (
          <p className="computed">{t.t(s.refused === 'not-applicable' ? 'late.notApplicable' : s.refused === 'rate-unavailable' ? 'late.rateUnavailable' : 'late.rateUnknown')}</p>
        )}
        {rule ? <p className="hint">{rule.basis}</p> : null}
        {currency !== s.currency ? <p className="warning">{t.t('late.otherCurrency', { currency: s.currency })}</p> : null}
      </div>
    );
  }
}
