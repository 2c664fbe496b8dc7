import type { ContractDraft, DueDateRuleDraft, InvoiceDraft, LadderDraft, PartyDraft, StageDraft } from './draft.ts';

/**
 * Draft → the domain's input shapes (what `PartySchema`, `ContractSchema`, `InvoiceSchema` and
 * `LadderSchema` parse). Blank optional fields are left out, whole numbers typed as text become
 * numbers, and anything else is passed as typed so that the schema, not this file, says what is
 * wrong with it. Pure and small: it runs before the domain code has loaded.
 */
type Json = Record<string, unknown>;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const opt = (s: string) => (blank(s) ? undefined : s.trim());

/** `'30'` → 30; `''` → undefined (the schema says "is required"); `'3.5'` stays text (the schema says why). */
export function wholeNumber(s: string): number | string | undefined {
  if (blank(s)) return undefined;
  return /^-?\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : s.trim();
}

function compact<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function partyInput(p: PartyDraft, withBank: boolean): Json {
  const lines = [p.address.lines[0].trim(), p.address.lines[1].trim()];
  const bank = p.bank;
  const hasBank = withBank && [bank.accountName, bank.iban, bank.bic, bank.details].some((s) => !blank(s));
  return compact({
    kind: p.kind,
    soleTrader: p.kind === 'business' && p.soleTrader,
    legalName: p.legalName,
    tradingName: opt(p.tradingName),
    contactName: opt(p.contactName),
    address: compact({
      lines: lines[1] ? lines : [lines[0]],
      city: p.address.city,
      postalCode: opt(p.address.postalCode),
      region: opt(p.address.region)?.toUpperCase(),
      country: p.address.country,
    }),
    emails: p.email.split(/[\s,;]+/).filter(Boolean),
    phone: opt(p.phone),
    language: p.language,
    timeZone: p.timeZone,
    taxId: opt(p.taxId),
    companyId: opt(p.companyId),
    bank: hasBank ? compact({ accountName: bank.accountName, iban: opt(bank.iban), bic: opt(bank.bic)?.toUpperCase(), details: opt(bank.details) }) : undefined,
  });
}

export function dueDateRuleInput(rule: DueDateRuleDraft): Json {
  switch (rule.kind) {
    case 'on-receipt':
      return { kind: 'on-receipt' };
    case 'net':
      return { kind: 'net', days: wholeNumber(rule.days) };
    case 'end-of-month':
      return { kind: 'end-of-month', days: wholeNumber(rule.days), method: rule.method };
    case 'fixed':
      return { kind: 'fixed', date: rule.date };
  }
}

export function discountInput(d: { enabled: boolean; percent: string; withinDays: string }): Json | null {
  return d.enabled ? { percent: d.percent.trim(), withinDays: wholeNumber(d.withinDays) } : null;
}

export function contractInput(c: ContractDraft): Json {
  const currency = c.price.currency;
  return compact({
    number: c.number,
    date: c.date,
    title: c.title,
    scope: c.scope,
    completion: opt(c.completion),
    price: { currency, amount: c.price.amount.trim() },
    schedule: c.schedule.map((part) =>
      compact({
        label: part.label,
        trigger: part.trigger,
        percent: part.mode === 'percent' ? part.value.trim() : undefined,
        amount: part.mode === 'amount' ? { currency, amount: part.value.trim() } : undefined,
        balance: part.mode === 'balance' ? (true as const) : undefined,
      }),
    ),
    dueDateRule: dueDateRuleInput(c.dueDateRule),
    earlyPaymentDiscount: discountInput(c.earlyPaymentDiscount),
    latePayment: compact({
      interest:
        c.latePayment.interest.kind === 'contractual'
          ? { kind: 'contractual', rate: { percent: c.latePayment.interest.percent.trim(), per: c.latePayment.interest.per } }
          : { kind: c.latePayment.interest.kind },
      flatFee: blank(c.latePayment.flatFee) ? undefined : { currency, amount: c.latePayment.flatFee.trim() },
      fixedCompensation: c.latePayment.fixedCompensation,
      penaltyClause: c.jurisdiction === 'RU' && c.latePayment.penaltyClause,
    }),
    jurisdiction: c.jurisdiction,
    paymentMethods: c.paymentMethods,
    clauses: c.clauses,
    language: c.language,
  });
}

/** The invoice without its due date (computed by the domain from the rule, or the contract's rule). */
export function invoiceInput(inv: InvoiceDraft, contract: ContractDraft | undefined): Json {
  return compact({
    number: inv.number,
    issueDate: inv.issueDate,
    currency: contract ? contract.price.currency : inv.currency,
    lines: inv.lines.map((line) =>
      compact({
        description: line.description,
        quantity: line.quantity.trim(),
        unit: opt(line.unit),
        unitPrice: line.unitPrice.trim(),
        taxRate: blank(line.taxRate) ? '0' : line.taxRate.trim(),
      }),
    ),
    payments: [],
    contractNumber: contract ? opt(contract.number) : undefined,
    schedulePart: contract ? opt(inv.schedulePart) : undefined,
    earlyPaymentDiscount: discountInput(inv.earlyPaymentDiscount),
    notes: opt(inv.notes),
  });
}

export function stageInput(s: StageDraft): Json {
  const common = { key: s.key.trim(), offset: { days: wholeNumber(s.days), unit: s.unit }, at: s.at.trim(), channel: s.channel, template: s.template };
  return s.channel === 'email'
    ? compact({ ...common, attachments: s.template === 'final-demand' || s.template === 'invoice-resent' ? ['invoice', 'statement'] : ['invoice'], respondWithinDays: wholeNumber(s.respondWithinDays) })
    : compact({ ...common, note: opt(s.note) });
}

/** The ladder a case names: a ready ladder's key, or the owner's own. */
export function ladderInput(l: LadderDraft): string | Json {
  if (l.choice !== 'custom') return l.choice;
  return { key: 'custom', name: blank(l.custom.name) ? 'custom' : l.custom.name.trim(), rollToBusinessDay: l.custom.rollToBusinessDay, stages: l.custom.stages.map(stageInput) };
}
