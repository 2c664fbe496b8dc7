import type { Contract } from '../../domain/schemas/contract.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { isolate } from '../parts/isolate.ts';
import type { DebtTableBlock } from './debt-table.ts';
import type { InstalmentTableBlock } from './plan-view.ts';

/** A paragraph, a lettered item or a table of a payment agreement. */
export type AgreementBlock =
  | { kind: 'para'; number?: string | undefined; text: string }
  | { kind: 'item'; label: string; text: string }
  | DebtTableBlock
  | InstalmentTableBlock;

/** A numbered clause of a payment agreement. */
export interface AgreementClause {
  number: string;
  heading: string;
  title: string;
  blocks: AgreementBlock[];
}

/** A party's signature block (see the contract's). */
export interface AgreementSignature {
  role: string;
  name: string;
  lines: { label: string; value?: string | undefined }[];
}

/** Every string a payment-plan (or settlement) agreement prints, already worded and formatted. */
export interface AgreementView {
  title: string;
  heading: string;
  placeDate: string;
  parties: { role: string; party: Party }[];
  intro: string;
  clauses: AgreementClause[];
  signatures: { heading: string; blocks: AgreementSignature[] };
  contact: string;
}

const k = (key: string) => key as MessageKey;

/**
 * Wraps a payment agreement's clauses (payment plan or settlement) in the parts both share:
 * title, place and date, the parties as Creditor and Debtor, the intro, clause numbering (4.1,
 * 4.2 when a clause has several paragraphs), both signature blocks and the way to get in touch.
 *
 * @example agreementFrame({ creditor, debtor }, translator('fr'), '2026-05-04', 'plan', clauses).clauses[0].title // 'Article 1 – …'
 * @see shared/DOMAIN.md "Evidence" (signed payment agreements)
 */
export function agreementFrame(
  source: { creditor: Party; debtor: Party; contract?: Contract | undefined },
  t: Translator,
  date: PlainDate | undefined,
  kind: 'plan' | 'settlement',
  clauses: { heading: string; blocks: AgreementBlock[] }[],
): AgreementView {
  const { creditor, debtor, contract } = source;
  const role = { creditor: t.t('plan.roles.creditor'), debtor: t.t('plan.roles.debtor') };
  const numbered = clauses.map((c, i): AgreementClause => {
    const n = String(i + 1);
    const paras = c.blocks.filter((b) => b.kind === 'para').length;
    let m = 0;
    return {
      number: n,
      heading: c.heading,
      title: t.t('contract.clauseHeading', { number: n, heading: c.heading }),
      blocks: c.blocks.map((b) => (b.kind === 'para' && paras > 1 ? { ...b, number: `${n}.${++m}` } : b)),
    };
  });
  const signature = (roleName: string, party: Party): AgreementSignature => ({
    role: roleName,
    name: party.legalName,
    lines: [
      { label: t.t('contract.signatures.name'), value: party.contactName ?? (party.kind === 'consumer' || party.soleTrader ? party.legalName : undefined) },
      { label: t.t('contract.signatures.title') },
      { label: t.t('contract.signatures.signature') },
      { label: t.t('contract.signatures.date') },
    ],
  });
  const name = (p: Party) => t.t('contract.partyName', { name: isolate(t, p.legalName), hasTrading: p.tradingName ? 'yes' : 'no', trading: isolate(t, p.tradingName ?? '') });
  return {
    title: t.t(k(`plan.${kind}.title`)),
    heading: t.t(k(`plan.${kind}.title`)),
    placeDate: date ? t.t('common.letter.placeDate', { city: isolate(t, creditor.address.city), date: t.date(date) }) : creditor.address.city,
    parties: [
      { role: role.creditor, party: creditor },
      { role: role.debtor, party: debtor },
    ],
    intro: t.t('plan.intro', {
      hasDate: date ? 'yes' : 'no',
      date: date ? t.date(date) : '',
      creditor: name(creditor),
      debtor: name(debtor),
      hasContract: contract ? 'yes' : 'no',
      contract: contract ? t.ltr(contract.number) : '',
    }),
    clauses: numbered,
    signatures: { heading: t.t('contract.signatures.heading'), blocks: [signature(role.creditor, creditor), signature(role.debtor, debtor)] },
    contact: t.t('common.contact', { email: t.ltr(creditor.emails[0]!), phone: creditor.phone ? t.ltr(creditor.phone) : 'none' }),
  };
}

