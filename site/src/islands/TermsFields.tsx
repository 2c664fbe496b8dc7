import type { DiscountDraft, DueDateRuleDraft } from '../lib/draft.ts';
import { CheckboxField, RadioGroup, SelectField, TextField, useForm } from './form/form.tsx';

/** The due-date rule: on receipt, net N days, N days end of month (with the counting method), or a fixed date. */
export function DueDateRuleFields({ prefix, rule, onChange }: { prefix: string; rule: DueDateRuleDraft; onChange(change: (r: DueDateRuleDraft) => void): void }) {
  const { t } = useForm();
  return (
    <div className="due-rule">
      <RadioGroup
        path={`${prefix}.kind`}
        also={[prefix]}
        exact
        label={t.t('terms.rule')}
        value={rule.kind}
        onChange={(v) => onChange((r) => void (r.kind = v))}
        options={[
          { value: 'on-receipt', label: t.t('terms.onReceipt') },
          { value: 'net', label: t.t('terms.net') },
          { value: 'end-of-month', label: t.t('terms.endOfMonth') },
          { value: 'fixed', label: t.t('terms.fixed') },
        ]}
      />
      {rule.kind === 'net' || rule.kind === 'end-of-month' ? (
        <TextField path={`${prefix}.days`} label={t.t('terms.days')} inputMode="numeric" dir="ltr" className="narrow" value={rule.days} onChange={(v) => onChange((r) => void (r.days = v))} required />
      ) : null}
      {rule.kind === 'end-of-month' ? (
        <SelectField
          path={`${prefix}.method`}
          label={t.t('terms.method')}
          hint={t.t('terms.methodHint')}
          value={rule.method}
          onChange={(v) => onChange((r) => void (r.method = v as DueDateRuleDraft['method']))}
          options={[
            { value: 'add-then-eom', label: t.t('terms.addThenEom') },
            { value: 'eom-then-add', label: t.t('terms.eomThenAdd') },
          ]}
        />
      ) : null}
      {rule.kind === 'fixed' ? (
        <TextField path={`${prefix}.date`} label={t.t('terms.fixedDate')} type="date" className="narrow" value={rule.date} onChange={(v) => onChange((r) => void (r.date = v))} required />
      ) : null}
    </div>
  );
}

/** "2/10 net 30": a discount when paid within some days of the invoice date. */
export function DiscountFields({ prefix, discount, onChange }: { prefix: string; discount: DiscountDraft; onChange(change: (d: DiscountDraft) => void): void }) {
  const { t } = useForm();
  return (
    <div className="discount">
      <CheckboxField path={`${prefix}.enabled`} label={t.t('discount.enabled')} checked={discount.enabled} onChange={(v) => onChange((d) => void (d.enabled = v))} />
      {discount.enabled ? (
        <div className="grid-2">
          <TextField path={`${prefix}.percent`} label={t.t('discount.percent')} inputMode="decimal" dir="ltr" value={discount.percent} onChange={(v) => onChange((d) => void (d.percent = v))} required />
          <TextField path={`${prefix}.withinDays`} label={t.t('discount.withinDays')} inputMode="numeric" dir="ltr" value={discount.withinDays} onChange={(v) => onChange((d) => void (d.withinDays = v))} required />
        </div>
      ) : null}
    </div>
  );
}
