import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { compensationSentences } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';
import { financialStatement } from '../pap/financial-statement.ts';
import { informationSheet } from '../pap/information-sheet.ts';
import { replyForm } from '../pap/reply-form.ts';

/**
 * England & Wales, debtor an individual or a sole trader: the letter of claim of the Pre-Action
 * Protocol for Debt Claims, with the eight points of para 3.1 – (a) the amount of the debt,
 * (b) whether interest or charges continue, (c)/(d) the agreement (written: its date and parties
 * and that a copy can be requested; otherwise what is known of how it was made), (e) assignment,
 * (f) instalments, (g) how to pay and discuss payment options, (h) where to send the Reply Form –
 * 30 days to reply from the date at the top of the letter, and, in the same PDF, the annexes:
 * an up-to-date statement of account, the Information Sheet, the Reply Form and a Financial
 * Statement.
 *
 * Point (c) [U]: the case file records no details of an oral agreement (who, what words, when,
 * where); the letter states what the file does show (the parties, the services invoiced, the
 * first invoice date) and offers more detail on request. The owner should add specifics where
 * they matter.
 *
 * @example letterOfClaim(demandFacts({ caseFile, date: '2026-06-15' }, translator('en-GB'))).annexes.length // 4
 * @see Pre-Action Protocol for Debt Claims para 3.1–3.2, Annex 1; shared/LEGAL.md §1.4, §10
 */
export function letterOfClaim(f: DemandFacts): LetterContent {
  const { t, interest } = f;
  const deadline = t.date(f.deadline);
  const statementTitle = t.t('legal.demand.statementTitle', { date: t.date(f.date) });
  const annexTitles = [statementTitle, t.t('legal.pap.info.title'), t.t('legal.pap.reply.title'), t.t('legal.pap.fs.title')];

  let interestText: string;
  if (interest.has && interest.ruleText) {
    interestText = interest.continuing
      ? t.t('legal.loc.interestContinuing', {
          under: interest.under,
          rate: interest.rate,
          date: t.date(f.date),
          interest: interest.amount,
        })
      : t.t('legal.loc.interestStopped', { date: t.date(f.date), interest: interest.amount });
  } else if (interest.outcome === 'refused') {
    interestText = t.t('legal.loc.interestReserved');
  } else {
    interestText = t.t('legal.loc.noInterest');
  }

  const blocks = [
    block.para(t.t('legal.loc.intro', { creditor: f.creditorName, amount: f.total })),
    block.para(t.t('legal.loc.replyBy', { days: f.days, deadline }), true),
    block.heading(t.t('legal.loc.amountHeading')),
    block.para(t.t('legal.loc.amount', { amount: f.total })),
    block.sums(f.breakdown),
    block.para(t.t('legal.demand.invoicedAs')),
    block.list(f.invoiceLines),
    block.heading(t.t('legal.loc.interestHeading')),
    block.para(interestText),
    ...compensationSentences(f).map((s) => block.para(s)),
    block.heading(t.t('legal.loc.agreementHeading')),
    block.para(
      f.contract
        ? t.t('legal.loc.agreementWritten', { contract: f.contract, creditor: f.creditorName, debtor: f.debtorName })
        : t.t('legal.loc.agreementUnwritten', { creditor: f.creditorName, debtor: f.debtorName, date: f.firstIssueDate }),
    ),
    block.heading(t.t('legal.loc.assignmentHeading')),
    block.para(t.t('legal.loc.notAssigned', { creditor: f.creditorName })),
    block.heading(t.t('legal.loc.instalmentsHeading')),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.loc.instalments')),
    block.heading(t.t('legal.loc.payHeading')),
    block.para(t.t('legal.loc.pay')),
    block.list(f.paymentDetails),
    block.para(t.t('legal.loc.discuss', { email: t.ltr(f.creditor.emails[0]!), phone: f.creditor.phone ? t.ltr(f.creditor.phone) : 'none' })),
    block.heading(t.t('legal.loc.replyHeading')),
    block.para(t.t('legal.loc.reply', { address: f.creditorAddress, email: t.ltr(f.creditor.emails[0]!) })),
    block.heading(t.t('legal.loc.nextHeading')),
    block.para(t.t('legal.loc.advice')),
    block.para(t.t('legal.loc.proceedings', { deadline })),
  ];
  return {
    title: t.t('legal.loc.title'),
    subject: t.t('legal.loc.subject', { creditor: f.creditorName }),
    salutation: t.t('legal.demand.salutation', { name: f.addressee }),
    blocks,
    closing: t.t('legal.demand.closing', { name: f.addressee }),
    enclosures: annexTitles.map((title, i) => t.t('legal.demand.annex', { n: i + 1, title })),
    annexes: [
      { type: 'statement', title: t.t('legal.demand.annex', { n: 1, title: statementTitle }), view: f.statement },
      { ...informationSheet(f), title: t.t('legal.demand.annex', { n: 2, title: annexTitles[1]! }) },
      { ...replyForm(f), title: t.t('legal.demand.annex', { n: 3, title: annexTitles[2]! }) },
      { ...financialStatement(f), title: t.t('legal.demand.annex', { n: 4, title: annexTitles[3]! }) },
    ],
  };
}
