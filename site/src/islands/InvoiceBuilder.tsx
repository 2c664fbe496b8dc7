import { useMemo } from 'react';
import { currencyOptions, documentLanguageOptions, jurisdictionChoices } from '../lib/choices.ts';
import type { InvoiceDraft, InvoiceLineDraft } from '../lib/draft.ts';
import type { SupportedLanguage } from '../lib/languages.ts';
import type { SiteMessages } from '../lib/site-messages.ts';
import type { SiteKey } from '../lib/site-t.ts';
import type { InvoiceCheck } from '../engine/invoice-engine.ts';
import { safeName } from '../lib/safe-name.ts';
import { DraftTools } from './DraftTools.tsx';
import { DiscountFields, DueDateRuleFields } from './TermsFields.tsx';
import { ErrorSummary, FormContext, RadioGroup, Section, SelectField, TextField } from './form/form.tsx';
import { PartyFields } from './PartyFields.tsx';
import { PdfPreview } from './PdfPreview.tsx';
import { useBuilder } from './use-builder.ts';

/**
 * The invoice builder: drawn from the contract of the draft (its parties, currency, due-date rule
 * and law; a schedule part can be billed in one click) or standalone; lines with their tax
 * rates, totals from `invoiceTotals`, the due date computed and shown as a calendar date; a live
 * PDF preview in the chosen language and the download.
 */
export default function InvoiceBuilder({ lang, messages }: { lang: SupportedLanguage; messages: SiteMessages }) {
  const b = useBuilder(lang, messages, () => import('../engine/invoice-engine.ts'));
  const { t, draft, update } = b;
  const inv = draft.invoice;
  const check: InvoiceCheck | undefined = useMemo(() => b.engine?.checkInvoice(draft), [b.engine, draft]);
  const errors = check?.errors ?? [];
  const form = b.form(errors);
  const setI = (change: (i: InvoiceDraft) => void) => update((d) => change(d.invoice));
  const setLine = (i: number, change: (l: InvoiceLineDraft) => void) => setI((inv) => change(inv.lines[i]!));
  const fromContract = inv.source === 'contract';
  const currency = fromContract ? draft.contract.price.currency : inv.currency;

  return (
    <FormContext.Provider value={form}>
      <div className="builder">
        <form className="builder-form" noValidate onSubmit={(e) => e.preventDefault()} data-checked={check ? 'yes' : undefined}>
          <DraftTools b={b} />
          <Section title={t.t('invoice.basis')} id="basis">
            <RadioGroup
              path="invoice.source"
              label={t.t('invoice.sourceLabel')}
              value={inv.source}
              onChange={(v) => setI((i) => void (i.source = v))}
              options={[
                {
                  value: 'contract',
                  label: t.t('invoice.fromContract'),
                  hint: draft.contract.number ? t.t('invoice.fromContractHint', { number: draft.contract.number, title: draft.contract.title || '—' }) : t.t('invoice.noContractYet'),
                },
                { value: 'standalone', label: t.t('invoice.standalone') },
              ]}
            />
            {fromContract && check?.parts?.length ? (
              <div className="bill-part">
                <p className="hint">{t.t('invoice.billPartHint')}</p>
                <ul className="buttons">
                  {check.parts.map((part, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        onClick={() =>
                          setI((inv) => {
                            inv.schedulePart = part.label;
                            inv.lines = [{ description: `${draft.contract.title} – ${part.label}`, quantity: '1', unit: '', unitPrice: part.amount.amount, taxRate: inv.lines[0]?.taxRate ?? '0' }];
                          })
                        }
                        aria-pressed={inv.schedulePart === part.label}
                      >
                        {t.t('invoice.billPart', { part: part.label, amount: t.money(part.amount) })}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Section>

          {fromContract ? (
            <p className="note">
              {t.t('invoice.partiesFromContract', { provider: draft.creditor.legalName || '—', client: draft.debtor.legalName || '—' })}{' '}
              <a href={`/${lang}/contract/`}>{t.t('invoice.editContract')}</a>
            </p>
          ) : (
            <Section title={t.t('contract.parties')} id="parties">
              <PartyFields role="creditor" party={draft.creditor} onChange={(ch) => update((d) => ch(d.creditor))} />
              <PartyFields role="debtor" party={draft.debtor} onChange={(ch) => update((d) => ch(d.debtor))} />
            </Section>
          )}

          <Section title={t.t('invoice.details')} id="details">
            <div className="grid-3">
              <TextField path="invoices[0].number" label={t.t('invoice.number')} dir="ltr" value={inv.number} onChange={(v) => setI((i) => void (i.number = v))} required />
              <TextField path="invoices[0].issueDate" label={t.t('invoice.issueDate')} type="date" value={inv.issueDate} onChange={(v) => setI((i) => void (i.issueDate = v))} required />
              <SelectField path="invoice.language" label={t.t('invoice.language')} hint={t.t('invoice.languageHint')} value={inv.language} onChange={(v) => setI((i) => void (i.language = v))} options={documentLanguageOptions(t.locale)} />
            </div>
            {fromContract ? null : (
              <div className="grid-2">
                <SelectField path="invoices[0].currency" label={t.t('contract.currency')} value={inv.currency} onChange={(v) => setI((i) => void (i.currency = v))} options={currencyOptions(t.locale)} />
                <SelectField
                  path="jurisdiction"
                  label={t.t('late.jurisdiction')}
                  value={inv.jurisdiction}
                  onChange={(v) => setI((i) => void (i.jurisdiction = v))}
                  options={jurisdictionChoices.map((j) => ({ value: j, label: t.t(`jurisdictions.${j}` as SiteKey) }))}
                />
              </div>
            )}
          </Section>

          <Section title={t.t('invoice.lines')} id="lines">
            <ol className="invoice-lines">
              {inv.lines.map((line, i) => {
                const group = t.t('invoice.line', { n: i + 1 });
                return (
                  <li key={i} className="invoice-line">
                    <TextField path={`invoices[0].lines[${i}].description`} group={group} label={t.t('invoice.description')} value={line.description} onChange={(v) => setLine(i, (l) => void (l.description = v))} required className="wide" />
                    <TextField path={`invoices[0].lines[${i}].quantity`} group={group} label={t.t('invoice.quantity')} inputMode="decimal" dir="ltr" value={line.quantity} onChange={(v) => setLine(i, (l) => void (l.quantity = v))} required />
                    <TextField path={`invoices[0].lines[${i}].unit`} group={group} label={t.t('invoice.unit')} value={line.unit} onChange={(v) => setLine(i, (l) => void (l.unit = v))} required={false} />
                    <TextField
                      path={`invoices[0].lines[${i}].unitPrice`}
                      group={group}
                      label={t.t('invoice.unitPrice', { currency })}
                      inputMode="decimal"
                      dir="ltr"
                      value={line.unitPrice}
                      onChange={(v) => setLine(i, (l) => void (l.unitPrice = v))}
                      required
                    />
                    <TextField path={`invoices[0].lines[${i}].taxRate`} group={group} label={t.t('invoice.taxRate')} inputMode="decimal" dir="ltr" value={line.taxRate} onChange={(v) => setLine(i, (l) => void (l.taxRate = v))} required />
                    <p className="line-amount">
                      <span className="label">{t.t('invoice.lineAmount')}</span> {check?.totals?.lines[i] ? t.money(check.totals.lines[i]) : '—'}
                    </p>
                    <button type="button" className="link danger" onClick={() => setI((inv) => void inv.lines.splice(i, 1))} disabled={inv.lines.length <= 1}>
                      {t.t('invoice.removeLine', { n: i + 1 })}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={() => setI((inv) => void inv.lines.push({ description: '', quantity: '1', unit: '', unitPrice: '', taxRate: inv.lines.at(-1)?.taxRate ?? '0' }))}>
              {t.t('invoice.addLine')}
            </button>
            {check?.totals ? (
              <table className="totals" aria-live="polite">
                <caption>{t.t('invoice.totalsCaption')}</caption>
                <tbody>
                  <tr>
                    <th scope="row">{t.t('invoice.net')}</th>
                    <td className="num">{t.money(check.totals.net)}</td>
                  </tr>
                  {check.totals.taxes
                    .filter((x) => Number(x.rate) > 0)
                    .map((x) => (
                      <tr key={x.rate}>
                        <th scope="row">{t.t('invoice.tax', { rate: t.percent(x.rate), base: t.money(x.base) })}</th>
                        <td className="num">{t.money(x.tax)}</td>
                      </tr>
                    ))}
                  <tr className="strong">
                    <th scope="row">{t.t('invoice.gross')}</th>
                    <td className="num" data-testid="invoice-gross">
                      {t.money(check.totals.gross)}
                    </td>
                  </tr>
                </tbody>
              </table>
            ) : (
              <p className="computed muted">{t.t('invoice.totalsPending')}</p>
            )}
          </Section>

          <Section title={t.t('invoice.payment')} id="payment">
            {fromContract ? (
              <p className="hint">{t.t('invoice.ruleFromContract')}</p>
            ) : (
              <DueDateRuleFields prefix="invoices[0].dueDateRule" rule={inv.dueDateRule} onChange={(ch) => setI((i) => ch(i.dueDateRule))} />
            )}
            <p className="computed due-date" aria-live="polite" data-testid="due-date">
              {check?.dueDate ? t.t('invoice.dueOn', { date: t.date(check.dueDate, 'weekday') }) : t.t('invoice.duePending')}
            </p>
            <DiscountFields prefix="invoices[0].earlyPaymentDiscount" discount={inv.earlyPaymentDiscount} onChange={(ch) => setI((i) => ch(i.earlyPaymentDiscount))} />
            <TextField path="invoices[0].notes" label={t.t('invoice.notes')} multiline rows={2} value={inv.notes} onChange={(v) => setI((i) => void (i.notes = v))} required={false} />
          </Section>
        </form>

        <aside className="builder-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t.t('preview.invoiceHeading')}</h2>
          {b.engineError ? <p className="error">{t.t('common.engineFailed', { message: b.engineError })}</p> : null}
          <PdfPreview
            t={t}
            prewarm
            job={check?.source ? { kind: 'invoice', lang: inv.language, source: check.source } : undefined}
            fileName={`invoice-${safeName(inv.number) || 'draft'}.pdf`}
            title={t.t('preview.invoiceFrame', { number: inv.number })}
            idleText={check ? undefined : t.t('common.loading')}
            blocked={check ? <ErrorSummary heading={t.t('preview.fixToPreview', { count: errors.length })} errors={errors} /> : undefined}
          />
        </aside>
      </div>
    </FormContext.Provider>
  );
}
