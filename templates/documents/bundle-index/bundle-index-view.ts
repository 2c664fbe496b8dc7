import type { Money } from '../../domain/money/money.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/** What the bundle index is drawn from: plain data computed by the bundle builder. */
export interface BundleIndexData {
  reference: string;
  bundleDate: string;
  creditor: Party;
  debtor: Party;
  amounts: {
    invoiced: Money;
    paid: Money;
    balance: Money;
    interest: Money | null;
    compensation: Money | null;
    fees: Money | null;
    total: Money;
    interestNote: string | null;
  };
  segments: { invoice: string; from: string; to: string; days: number; ratePercent: string; base: Money; interest: Money }[];
  chronology: { at: string; type: string; detail: string }[];
  files: { path: string; size: number; sha256: string }[];
  warnings: { code: string; detail: string }[];
}

export interface BundleIndexView {
  title: string;
  subtitle: string;
  preparedFor: string;
  partiesHeading: string;
  amountsHeading: string;
  amounts: { label: string; value: string; strong?: boolean }[];
  interestNote?: string | undefined;
  segmentsHeading: string;
  segmentColumns: string[];
  segments: string[][];
  noSegments: string;
  chronologyHeading: string;
  chronologyColumns: string[];
  chronology: string[][];
  warningsHeading: string;
  warnings: string[];
  filesHeading: string;
  fileColumns: string[];
  files: string[][];
  verify: string;
}

/**
 * The index of the lawyer bundle in the lawyer's language: amounts with the itemised interest,
 * the chronology of the case log, where the evidence is weak, and the table of contents with
 * every file's SHA-256.
 */
export function bundleIndexView(data: BundleIndexData, t: Translator): BundleIndexView {
  const date = t.date(data.bundleDate);
  const a = data.amounts;
  const amounts = [
    { label: t.t('bundle.amounts.invoiced'), value: t.money(a.invoiced) },
    { label: t.t('bundle.amounts.paid'), value: t.money(a.paid) },
    { label: t.t('bundle.amounts.balance'), value: t.money(a.balance) },
    ...(a.interest ? [{ label: t.t('bundle.amounts.interest', { date }), value: t.money(a.interest) }] : []),
    ...(a.compensation ? [{ label: t.t('bundle.amounts.compensation'), value: t.money(a.compensation) }] : []),
    ...(a.fees ? [{ label: t.t('bundle.amounts.fees'), value: t.money(a.fees) }] : []),
    { label: t.t('bundle.amounts.total'), value: t.money(a.total), strong: true },
  ];
  const eventLabel = (type: string) => {
    try {
      return t.t(`bundle.event.${type}` as MessageKey);
    } catch {
      return type;
    }
  };
  return {
    title: t.t('bundle.title'),
    subtitle: t.t('bundle.subtitle', { reference: t.ltr(data.reference), date }),
    preparedFor: t.t('bundle.preparedFor'),
    partiesHeading: t.t('bundle.parties'),
    amountsHeading: t.t('bundle.amounts.heading', { date }),
    amounts,
    interestNote: a.interestNote ? t.t('bundle.amounts.interestUnavailable', { reason: a.interestNote }) : undefined,
    segmentsHeading: t.t('bundle.segments.heading'),
    segmentColumns: ['invoice', 'from', 'to', 'days', 'rate', 'base', 'interest'].map((k) => t.t(`bundle.segments.${k}` as MessageKey)),
    segments: data.segments.map((s) => [t.ltr(s.invoice), t.date(s.from, 'short'), t.date(s.to, 'short'), t.number(String(s.days)), t.percent(s.ratePercent), t.money(s.base), t.money(s.interest)]),
    noSegments: t.t('bundle.segments.none'),
    chronologyHeading: t.t('bundle.chronology.heading'),
    chronologyColumns: [t.t('bundle.chronology.time'), t.t('bundle.chronology.event'), t.t('bundle.chronology.detail')],
    chronology: data.chronology.map((e) => [t.ltr(e.at.slice(0, 16).replace('T', ' ')), eventLabel(e.type), e.detail]),
    warningsHeading: t.t('bundle.warnings.heading'),
    warnings: data.warnings.length === 0 ? [t.t('bundle.warnings.none')] : data.warnings.map((w) => t.t(`bundle.warnings.${w.code}` as MessageKey, { detail: w.detail })),
    filesHeading: t.t('bundle.files.heading'),
    fileColumns: [t.t('bundle.files.file'), t.t('bundle.files.size'), t.t('bundle.files.sha256')],
    files: data.files.map((f) => [t.ltr(f.path), t.t('bundle.bytes', { size: f.size }), t.ltr(f.sha256)]),
    verify: t.t('bundle.files.verify'),
  };
}
