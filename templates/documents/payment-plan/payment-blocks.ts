import type { Contract } from '../../domain/schemas/contract.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { isolate } from '../parts/isolate.ts';
import type { AgreementBlock } from './agreement-view.ts';

const k = (key: string) => key as MessageKey;

/**
 * How to pay under a payment agreement: the creditor's bank details (IBAN in an LTR isolate in
 * Hebrew) and the reference to quote, or the contract's payment methods when no account is known.
 *
 * @example paymentBlocks({ creditor }, 'PD-0142', translator('en-GB'))[1].text // 'Please quote PD-0142 with each payment.'
 * @see shared/LEGAL.md §1.4 (how the debt can be paid)
 */
export function paymentBlocks(source: { creditor: Party; contract?: Contract | undefined }, reference: string, t: Translator): AgreementBlock[] {
  const bank = source.creditor.bank;
  const para = (text: string): AgreementBlock => ({ kind: 'para', text });
  if (!bank) {
    if (source.contract) {
      const methods = new Intl.ListFormat(t.locale, { type: 'disjunction' }).format(source.contract.paymentMethods.map((m) => t.t(k(`contract.methods.${m}`))));
      return [para(t.t('contract.methods.text', { methods })), para(t.t('plan.payment.reference', { reference: t.ltr(reference) }))];
    }
    return [para(t.t('plan.payment.agreed')), para(t.t('plan.payment.reference', { reference: t.ltr(reference) }))];
  }
  const details = [
    t.t('common.bank.accountName', { name: isolate(t, bank.accountName) }),
    ...(bank.iban ? [t.t('common.bank.iban', { iban: t.ltr(bank.iban.replace(/(.{4})/g, '$1 ').trim()) })] : []),
    ...(bank.bic ? [t.t('common.bank.bic', { bic: t.ltr(bank.bic) })] : []),
    ...(bank.details ? [isolate(t, bank.details)] : []),
  ].join(t.t('contract.methods.separator'));
  return [para(t.t('plan.payment.bank', { details })), para(t.t('plan.payment.reference', { reference: t.ltr(reference) }))];
}

