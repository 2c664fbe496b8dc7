import type { CaseFileInput } from '../../../templates/domain/schemas/case.ts';
import type { StageInput } from '../../../templates/domain/schemas/ladder.ts';
import type { ContractDraft, DiscountDraft, Draft, DueDateRuleDraft, LadderDraft, PartyDraft, StageDraft } from './draft.ts';

/**
 * A case file (already validated with `CaseFileSchema`) into the forms' draft, on top of `base`
 * (a fresh draft supplies what the file does not say): the inverse of draft-input.ts. Used by
 * "Start from an example" and "Import a case (JSON)"; the file's first invoice goes to the
 * invoice builder.
 */
type Party = CaseFileInput['creditor'];
type Contract = NonNullable<CaseFileInput['contract']>;
type Invoice = CaseFileInput['invoices'][number];

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function party(p: Party, base: PartyDraft): PartyDraft {
  return {
    kind: p.kind,
    soleTrader: p.soleTrader ?? false,
    legalName: p.legalName,
    tradingName: str(p.tradingName),
    contactName: str(p.contactName),
    address: {
      lines: [p.address.lines[0] ?? '', p.address.lines.slice(1).join(', ')],
      city: p.address.city,
      postalCode: str(p.address.postalCode),
      region: str(p.address.region),
      country: p.address.country,
    },
    email: p.emails.join(', '),
    phone: str(p.phone),
    language: p.language,
    timeZone: p.timeZone,
    taxId: str(p.taxId),
    companyId: str(p.companyId),
    bank: p.bank
      ? { accountName: p.bank.accountName, iban: str(p.bank.iban), bic: str(p.bank.bic), details: str(p.bank.details) }
      : { ...base.bank },
  };
}

function rule(r: Contract['dueDateRule'], base: DueDateRuleDraft): DueDateRuleDraft {
  return {
    kind: r.kind,
    days: 'days' in r ? str(r.days) : base.days,
    method: r.kind === 'end-of-month' ? (r.method ?? 'add-then-eom') : base.method,
    date: r.kind === 'fixed' ? r.date : base.date,
  };
}

function discount(d: { percent: string; withinDays: number } | null | undefined, base: DiscountDraft): DiscountDraft {
  return d ? { enabled: true, percent: d.percent, withinDays: str(d.withinDays) } : { ...base, enabled: false };
}

function contract(c: Contract, base: ContractDraft): ContractDraft {
  const interest = c.latePayment.interest;
  return {
    number: c.number,
    date: c.date,
    title: c.title,
    scope: c.scope,
    completion: str(c.completion),
    price: { ...c.price },
    schedule: c.schedule.map((part) => ({
      label: part.label,
      trigger: part.trigger ?? 'milestone',
      mode: part.balance ? 'balance' : part.amount ? 'amount' : 'percent',
      value: part.balance ? '' : part.amount ? part.amount.amount : str(part.percent),
    })),
    dueDateRule: rule(c.dueDateRule, base.dueDateRule),
    earlyPaymentDiscount: discount(c.earlyPaymentDiscount, base.earlyPaymentDiscount),
    latePayment: {
      interest: { kind: interest.kind, percent: interest.kind === 'contractual' ? interest.rate.percent : '', per: interest.kind === 'contractual' ? interest.rate.per : 'year' },
      flatFee: c.latePayment.flatFee?.amount ?? '',
      fixedCompensation: c.latePayment.fixedCompensation ?? true,
      penaltyClause: c.latePayment.penaltyClause ?? false,
    },
    jurisdiction: c.jurisdiction,
    paymentMethods: c.paymentMethods ?? ['bank-transfer'],
    clauses: { samePolicyForEveryone: c.clauses?.samePolicyForEveryone ?? false, deliverablesReleasedOnPayment: c.clauses?.deliverablesReleasedOnPayment ?? false },
    language: c.language,
  };
}

function stage(s: StageInput): StageDraft {
  return {
    key: s.key,
    channel: s.channel,
    template: s.template,
    days: String(s.offset.days),
    unit: s.offset.unit,
    at: s.at,
    respondWithinDays: s.channel === 'email' ? str(s.respondWithinDays) : '',
    note: s.channel === 'task' ? str(s.note) : '',
  };
}

function ladder(l: CaseFileInput['ladder'], base: LadderDraft, catchUp: CaseFileInput['catchUp']): LadderDraft {
  const policy = catchUp ?? 'latest';
  if (l === undefined) return { ...base, catchUp: policy };
  if (typeof l === 'string') return { ...base, choice: l, catchUp: policy };
  return { choice: 'custom', custom: { name: l.name, rollToBusinessDay: l.rollToBusinessDay ?? true, stages: l.stages.map(stage) }, catchUp: policy };
}

/**
 * @example draftFromCase(CaseFileSchema.parse(json) as CaseFileInput, emptyDraft('en', today, labels))
 */
export function draftFromCase(file: CaseFileInput, base: Draft): Draft {
  const invoice: Invoice = file.invoices[0]!;
  const c = file.contract;
  return {
    ...base,
    reference: str(file.reference),
    creditor: party(file.creditor, base.creditor),
    debtor: party(file.debtor, base.debtor),
    contract: c ? contract(c, base.contract) : base.contract,
    invoice: {
      source: c ? 'contract' : 'standalone',
      number: invoice.number,
      issueDate: invoice.issueDate,
      currency: invoice.currency,
      lines: invoice.lines.map((line) => ({ description: line.description, quantity: line.quantity, unit: str(line.unit), unitPrice: line.unitPrice, taxRate: str(line.taxRate ?? '0') })),
      schedulePart: str(invoice.schedulePart),
      dueDateRule: invoice.dueDate ? { ...base.invoice.dueDateRule, kind: 'fixed', date: invoice.dueDate } : c ? rule(c.dueDateRule, base.invoice.dueDateRule) : base.invoice.dueDateRule,
      jurisdiction: file.jurisdiction ?? c?.jurisdiction ?? base.invoice.jurisdiction,
      earlyPaymentDiscount: discount(invoice.earlyPaymentDiscount, base.invoice.earlyPaymentDiscount),
      notes: str(invoice.notes),
      language: file.debtor.language,
    },
    ladder: ladder(file.ladder, base.ladder, file.catchUp),
  };
}
