import type { Translator } from '../../i18n/translator.ts';
import { AgreementDocument } from './AgreementDocument.tsx';
import { planView, type PlanSource } from './plan-view.ts';

/**
 * The payment-plan agreement as a PDF document: the debt acknowledged, the instalment schedule,
 * interest while the plan is kept, what a missed instalment triggers, how to pay, signatures.
 * Layout only; every string comes from {@link planView}.
 *
 * @example renderPdf(<PaymentPlanDocument source={{ creditor, debtor, invoices, plan }} t={translator('ru')} />)
 * @see shared/DOMAIN.md "Payment-plan offer"
 */
export function PaymentPlanDocument({ source, t }: { source: PlanSource; t: Translator }) {
  return <AgreementDocument view={planView(source, t)} author={source.creditor.legalName} t={t} />;
}
