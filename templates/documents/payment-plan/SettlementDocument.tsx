import type { Translator } from '../../i18n/translator.ts';
import { AgreementDocument } from './AgreementDocument.tsx';
import { settlementView, type SettlementSource } from './settlement-view.ts';

/**
 * The settlement agreement as a PDF document ("accept X in full and final settlement of Y if
 * paid by a date"). Layout only; every string comes from {@link settlementView}.
 *
 * @example renderPdf(<SettlementDocument source={{ creditor, debtor, invoices, settlement }} t={translator('en')} />)
 * @see shared/DOMAIN.md "Settlement offer"
 */
export function SettlementDocument({ source, t }: { source: SettlementSource; t: Translator }) {
  return <AgreementDocument view={settlementView(source, t)} author={source.creditor.legalName} t={t} />;
}
