import type { Party } from '../../../domain/schemas/party.ts';
import { isolate } from '../../parts/isolate.ts';
import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { compensationSentences, genericInterest } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * Russia: the pre-trial claim (досудебная претензия). The parties with their identifiers
 * (ИНН/ОГРН), the contract and the invoice numbers, the breach (ст. 309, 310 ГК РФ), the demand
 * with the amounts, interest under ст. 395 ГК РФ with its calculation attached (the statement's
 * interest table) – or, when the contract sets its own penalty (`penaltyClause`), the contractual
 * неустойка (ст. 330) instead, never both (ст. 395 п. 4) – the deadline, the 30 calendar days
 * before an arbitrazh claim (АПК РФ ст. 4 ч. 5) for a business debtor, the attachments, and the
 * signature of an authorised person.
 *
 * For an individual debtor (courts of general jurisdiction) no general mandatory pre-trial
 * period is known ([U], LEGAL.md §5.4): the letter names "the court" and does not cite АПК.
 *
 * @example pretenziya(demandFacts({ caseFile, date: '2026-06-15' }, translator('ru'))).title // 'ПРЕТЕНЗИЯ'
 * @see ГК РФ ст. 309, 310, 330, 395; АПК РФ ст. 4 ч. 5; shared/LEGAL.md §5.1, §5.4, §10
 */
export function pretenziya(f: DemandFacts): LetterContent {
  const { t, interest } = f;
  const deadline = t.date(f.deadline);
  const contract = f.source.caseFile.contract;
  const penalty = f.figures.terms.penaltyClause;
  const business = f.debtor.kind === 'business';
  const period = { from: interest.from, to: t.date(f.date) };

  let interestLines: string[];
  if (penalty) {
    interestLines = interest.has
      ? [t.t('legal.pretenziya.penaltyComputed', { ...period, rate: interest.rate, interest: interest.amount })]
      : [t.t('legal.pretenziya.penaltyReserved')];
    interestLines.push(...compensationSentences(f));
  } else if (interest.has && interest.rule?.id === 'RU-statutory') {
    interestLines = [t.t('legal.pretenziya.interest395', { ...period, interest: interest.amount }), ...compensationSentences(f)];
  } else {
    interestLines = genericInterest(f);
  }

  const blocks = [
    block.para(t.t('legal.pretenziya.parties', { creditor: identified(f.creditor), debtor: identified(f.debtor) })),
    block.para(f.contract ? t.t('legal.pretenziya.factsContract', { contract: f.contract }) : t.t('legal.pretenziya.factsNoContract')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.pretenziya.breach', { amount: f.principal })),
    ...interestLines.map((s) => block.para(s)),
    block.para(t.t('legal.pretenziya.demand', { days: f.days, deadline, total: f.total }), true),
    block.sums(f.breakdown),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
    block.para(t.t(business ? 'legal.pretenziya.courtBusiness' : 'legal.pretenziya.courtConsumer')),
    block.para(t.t('legal.pretenziya.reply', { address: f.creditorAddress, email: t.ltr(f.creditor.emails[0]!) })),
  ];
  const calculationTitle = t.t('legal.pretenziya.calculationTitle', { penalty: penalty ? 'yes' : 'no', date: t.date(f.date) });
  return {
    title: t.t('legal.pretenziya.title'),
    // the title on its own line ("ПРЕТЕНЗИЯ"), then what it is about
    subject: `${t.t('legal.pretenziya.title')}\n${
      contract
        ? t.t('legal.pretenziya.subjectContract', { number: t.ltr(contract.number), date: t.date(contract.date) })
        : t.t('legal.pretenziya.subjectInvoices', { numbers: f.invoiceNumbers })
    }`,
    blocks,
    closing: t.t('legal.pretenziya.closing'),
    signatureLabel: t.t('legal.pretenziya.signedBy'),
    enclosures: [
      ...(f.contract ? [t.t('legal.pretenziya.attachContract', { contract: f.contract })] : []),
      t.t('legal.demand.invoiceCopies', { numbers: f.invoiceNumbers }),
      calculationTitle,
      t.t('legal.pretenziya.attachAuthority'),
    ],
    annexes: [{ type: 'statement', title: calculationTitle, view: f.statement }],
  };

  function identified(party: Party): string {
    const ids = [party.taxId, party.companyId].filter((x): x is string => x !== undefined);
    const name = isolate(t, party.legalName);
    return ids.length > 0 ? t.t('legal.pretenziya.identified', { name, ids: isolate(t, ids.join(', ')) }) : name;
  }
}
