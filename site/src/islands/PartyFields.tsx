import { countryOptions, documentLanguageOptions, timeZoneOptions } from '../lib/choices.ts';
import type { PartyDraft } from '../lib/draft.ts';
import { CheckboxField, RadioGroup, SelectField, TextField, useForm } from './form/form.tsx';

/**
 * One party's fields (the provider: `creditor`, the client: `debtor`). The provider also gives
 * the bank account the documents print; the client's language and time zone decide the
 * letters' language and their local sending time.
 */
export function PartyFields({ role, party, onChange }: { role: 'creditor' | 'debtor'; party: PartyDraft; onChange(change: (p: PartyDraft) => void): void }) {
  const { t } = useForm();
  const p = (field: string) => `${role}.${field}`;
  const group = t.t(role === 'creditor' ? 'party.provider' : 'party.client');
  const set = <K extends keyof PartyDraft>(key: K) => (value: PartyDraft[K]) => onChange((d) => void (d[key] = value));
  return (
    <fieldset className="party" id={`${role}-fields`}>
      <legend>{group}</legend>
      <p className="hint">{t.t(role === 'creditor' ? 'party.providerHint' : 'party.clientHint')}</p>
      <RadioGroup
        path={p('kind')}
        group={group}
        label={t.t('party.kind')}
        value={party.kind}
        onChange={set('kind')}
        options={[
          { value: 'business', label: t.t('party.business') },
          { value: 'consumer', label: t.t('party.consumer') },
        ]}
        className="inline"
      />
      {party.kind === 'business' ? (
        <CheckboxField path={p('soleTrader')} group={group} label={t.t('party.soleTrader')} checked={party.soleTrader} onChange={set('soleTrader')} />
      ) : null}
      <div className="grid-2">
        <TextField path={p('legalName')} group={group} label={t.t('party.legalName')} value={party.legalName} onChange={set('legalName')} autoComplete="organization" required />
        <TextField path={p('tradingName')} group={group} label={t.t('party.tradingName')} value={party.tradingName} onChange={set('tradingName')} required={false} />
        <TextField path={p('contactName')} group={group} label={t.t('party.contactName')} value={party.contactName} onChange={set('contactName')} autoComplete="name" required={false} />
        <TextField
          path={p('emails')}
          group={group}
          label={t.t('party.email')}
          hint={t.t('party.emailHint')}
          type="email"
          inputMode="email"
          dir="ltr"
          value={party.email}
          onChange={set('email')}
          autoComplete="email"
          required
        />
        <TextField path={p('phone')} group={group} label={t.t('party.phone')} type="tel" inputMode="tel" dir="ltr" value={party.phone} onChange={set('phone')} autoComplete="tel" required={false} />
      </div>
      <fieldset className="address">
        <legend>{t.t('party.address')}</legend>
        <TextField
          path={p('address.lines[0]')}
          also={[p('address.lines')]}
          group={group}
          label={t.t('party.street')}
          value={party.address.lines[0]}
          onChange={(v) => onChange((d) => void (d.address.lines[0] = v))}
          autoComplete="address-line1"
          required
        />
        <TextField
          path={p('address.lines[1]')}
          group={group}
          label={t.t('party.street2')}
          value={party.address.lines[1]}
          onChange={(v) => onChange((d) => void (d.address.lines[1] = v))}
          autoComplete="address-line2"
          required={false}
        />
        <div className="grid-3">
          <TextField path={p('address.city')} group={group} label={t.t('party.city')} value={party.address.city} onChange={(v) => onChange((d) => void (d.address.city = v))} autoComplete="address-level2" required />
          <TextField
            path={p('address.postalCode')}
            group={group}
            label={t.t('party.postalCode')}
            dir="ltr"
            value={party.address.postalCode}
            onChange={(v) => onChange((d) => void (d.address.postalCode = v))}
            autoComplete="postal-code"
            required={false}
          />
          <SelectField
            path={p('address.country')}
            group={group}
            label={t.t('party.country')}
            value={party.address.country}
            onChange={(v) => onChange((d) => void (d.address.country = v))}
            options={countryOptions(t.locale)}
          />
        </div>
        <TextField
          path={p('address.region')}
          group={group}
          label={t.t('party.region')}
          hint={t.t('party.regionHint')}
          dir="ltr"
          className="narrow"
          value={party.address.region}
          onChange={(v) => onChange((d) => void (d.address.region = v))}
          required={false}
        />
      </fieldset>
      <div className="grid-2">
        <SelectField
          path={p('language')}
          group={group}
          label={t.t(role === 'debtor' ? 'party.languageClient' : 'party.language')}
          value={party.language}
          onChange={set('language')}
          options={documentLanguageOptions(t.locale)}
        />
        <SelectField
          path={p('timeZone')}
          group={group}
          label={t.t('party.timeZone')}
          hint={role === 'debtor' ? t.t('party.timeZoneHint') : undefined}
          value={party.timeZone}
          onChange={set('timeZone')}
          options={timeZoneOptions()}
        />
        <TextField path={p('taxId')} group={group} label={t.t('party.taxId')} dir="ltr" value={party.taxId} onChange={set('taxId')} required={false} />
        <TextField path={p('companyId')} group={group} label={t.t('party.companyId')} dir="ltr" value={party.companyId} onChange={set('companyId')} required={false} />
      </div>
      {role === 'creditor' ? (
        <fieldset className="bank">
          <legend>{t.t('party.bank')}</legend>
          <p className="hint">{t.t('party.bankHint')}</p>
          <div className="grid-2">
            <TextField path={p('bank.accountName')} group={group} label={t.t('party.accountName')} value={party.bank.accountName} onChange={(v) => onChange((d) => void (d.bank.accountName = v))} required={false} />
            <TextField path={p('bank.iban')} group={group} label={t.t('party.iban')} dir="ltr" value={party.bank.iban} onChange={(v) => onChange((d) => void (d.bank.iban = v))} required={false} />
            <TextField path={p('bank.bic')} group={group} label={t.t('party.bic')} dir="ltr" value={party.bank.bic} onChange={(v) => onChange((d) => void (d.bank.bic = v))} required={false} />
            <TextField path={p('bank.details')} group={group} label={t.t('party.bankDetails')} value={party.bank.details} onChange={(v) => onChange((d) => void (d.bank.details = v))} required={false} />
          </div>
        </fieldset>
      ) : null}
    </fieldset>
  );
}
