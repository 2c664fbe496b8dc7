import { describe, expect, it } from 'vitest';
import type { EventType } from '#functions/ports/records.ts';
import { bundleIndexView, type BundleIndexData } from '../../../templates/documents/bundle-index/bundle-index-view.ts';
import { translator } from '../../../templates/i18n/translator.ts';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { example } from './bundle-ports.ts';

/**
 * The index's words for every kind of event of the case log and every warning, in the four
 * languages: each catalog message must format (ICU selects, plurals, arguments), the facts must
 * come out in the lawyer's language, and the owner's and debtor's own words unchanged.
 */

const file = CaseFileSchema.parse(example('en-gb-tracking'));
const gbp = (amount: string) => ({ currency: 'GBP', amount });

const events: { type: EventType; stage?: string; data: Record<string, unknown> }[] = [
  { type: 'created', data: { reference: 'ACME-2026-014', invoices: ['PD-0142'] } },
  { type: 'planned', data: { ladder: 'tracking', generation: 1, stages: [{}, {}, {}] } },
  { type: 'claimed', stage: 'g1.late-7', data: { token: 't' } },
  { type: 'sent', stage: 'g1.late-7', data: { subject: 'Second reminder: invoice PD-0142', to: ['accounts@acme.example'], messageId: '<m@x>' } },
  { type: 'send-failed', stage: 'g1.late-15', data: { error: 'SMTP: 550 rejected', attempts: 1 } },
  { type: 'send-retry', stage: 'g1.late-15', data: {} },
  { type: 'uncertain', stage: 'g1.late-30', data: { claimedAt: '2026-05-01T09:00:00.000Z' } },
  { type: 'resend-requested', stage: 'g1.late-30', data: { previous: 'uncertain' } },
  { type: 'task-due', stage: 'g1.call', data: { template: 'call' } },
  { type: 'task-due', stage: 'g1.hand-off', data: { template: 'hand-off' } },
  { type: 'task-outcome', stage: 'g1.call', data: { outcome: 'reached-promise', note: 'Tom said "next week", twice' } },
  { type: 'task-outcome', stage: 'g1.call', data: { outcome: 'no-answer', note: null } },
  { type: 'cancelled-stage', stage: 'g1.late-45', data: { reason: 'paid' } },
  { type: 'payment', data: { invoice: 'PD-0142', date: '2026-04-16', amount: gbp('880.00'), reference: 'BACS 1' } },
  { type: 'paid', data: { balance: gbp('0.00'), settled: false } },
  { type: 'promise', data: { until: '2026-04-20', note: 'by e-mail' } },
  { type: 'promise-expired', stage: 'g2.promise-check', data: { promisedUntil: '2026-04-20' } },
  { type: 'dispute', data: { note: 'Quality of page 3' } },
  { type: 'pause', data: {} },
  { type: 'resume', data: { note: 'Agreed on the phone' } },
  { type: 'plan-agreed', data: { plan: { total: gbp('2880.00'), frequency: 'monthly', instalments: [{}, {}, {}] } } },
  { type: 'instalment-missed', stage: 'g3.instalment-2', data: { instalment: 2 } },
  { type: 'settlement-agreed', data: { settlement: { accept: gbp('2000.00'), inFullOf: gbp('2880.00'), payBy: '2026-06-30' } } },
  { type: 'settlement-lapsed', stage: 'g4.settlement-check', data: { payBy: '2026-06-30' } },
  { type: 'note', data: { note: '=1+1 is what he wrote' } },
  { type: 'cancelled', data: { reason: 'handed to a lawyer' } },
  { type: 'delivery', stage: 'g1.late-7', data: { recipients: ['accounts@acme.example'], smtpResponse: '250 2.0.0 OK' } },
  { type: 'bounce', stage: 'g1.late-7', data: { recipient: 'accounts@acme.example', detail: '550 5.1.1 mailbox full' } },
  { type: 'complaint', stage: 'g1.late-7', data: { recipients: ['accounts@acme.example'], complaintFeedbackType: 'abuse' } },
  { type: 'share-created', data: { linkId: 'AAAAAAAAAAAAAAAA', expiresAt: '2026-07-01T00:00:00.000Z', lang: 'fr' } },
  { type: 'share-revoked', data: { linkId: 'AAAAAAAAAAAAAAAA' } },
];

const data: BundleIndexData = {
  reference: 'ACME-2026-014',
  bundleDate: '2026-06-15',
  creditor: file.creditor,
  debtor: file.debtor,
  amounts: { invoiced: gbp('2880.00'), paid: gbp('880.00'), balance: gbp('2000.00'), interest: gbp('31.12'), compensation: gbp('70.00'), fees: null, total: gbp('2101.12'), interestNote: null },
  segments: [{ invoice: 'PD-0142', from: '2026-04-02', to: '2026-06-15', days: 75, ratePercent: '11.75', base: gbp('2000.00'), interest: gbp('31.12') }],
  chronology: events.map((e, i) => ({ at: `2026-04-${String(10 + (i % 20)).padStart(2, '0')}T09:00:00.000Z`, type: e.type, stage: e.stage ?? '', detail: `english ${e.type}`, data: e.data })),
  files: [{ path: '01-final-demand.pdf', size: 27850, sha256: 'ab'.repeat(32) }],
  warnings: [
    { code: 'no-contract', detail: 'x' },
    { code: 'no-letters', detail: 'x' },
    { code: 'bounced', detail: 'x', stageKey: 'late-7', at: '2026-04-21T12:00:00.000Z', recipients: ['accounts@acme.example'], reason: '550', letter: '05-letters/04-2026-02-26-late-7.pdf' },
    { code: 'complaint', detail: 'x', stageKey: 'late-7', at: '2026-04-22T12:00:00.000Z', recipients: ['accounts@acme.example'], letter: '05-letters/04-2026-02-26-late-7.pdf' },
    { code: 'uncertain', detail: 'x', stageKey: 'late-30', at: '2026-05-01T09:00:00.000Z' },
    { code: 'failed', detail: 'x', stageKey: 'late-15', reason: 'SMTP: 550 rejected' },
  ],
};

const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

describe('bundleIndexView', () => {
  it.each(['en', 'fr', 'ru', 'he'])('%s: words every event and every warning without falling back to the English line', (lang) => {
    const v = bundleIndexView(data, translator(lang));
    expect(v.chronology.length).toBe(events.length);
    for (const [i, row] of v.chronology.entries()) {
      expect([events[i]!.type, row[2]!.startsWith('english')]).toEqual([events[i]!.type, false]);
      expect([events[i]!.type, row[1]]).not.toEqual([events[i]!.type, events[i]!.type]); // a label from the catalog, not the raw type
    }
    expect(v.warnings.length).toBe(6);
    for (const w of v.warnings) expect(w).not.toBe('x');
    expect(v.files).toEqual([{ path: expect.stringContaining('01-final-demand.pdf'), size: expect.stringContaining('27'), sha256: expect.stringContaining('ab'.repeat(32)) }]);
  });

  it('keeps what people wrote as written, and words the facts in French', () => {
    const v = bundleIndexView(data, translator('fr'));
    const detail = (type: EventType, n = 0) => strip(v.chronology.filter((_, i) => events[i]!.type === type)[n]![2]!);
    expect(detail('note')).toBe('=1+1 is what he wrote');
    expect(detail('dispute')).toBe('Quality of page 3');
    expect(detail('task-outcome')).toBe('Joint : a promis de payer — Tom said "next week", twice');
    expect(detail('task-outcome', 1)).toBe('Pas de réponse');
    expect(detail('task-due')).toBe('Appel téléphonique à passer');
    expect(detail('task-due', 1)).toBe('Transmettre le dossier à un avocat');
    expect(detail('payment').replace(/[\u00a0\u202f]/g, ' ')).toBe('880,00 £GB payés le 16 avril 2026, facture PD-0142 — BACS 1');
    expect(detail('promise')).toBe('Paiement promis pour le 20 avril 2026 — by e-mail');
    expect(detail('promise-expired')).toBe('La date promise, le 20 avril 2026, est passée sans paiement complet');
    expect(detail('sent')).toBe('« Second reminder: invoice PD-0142 » à accounts@acme.example');
    expect(detail('bounce')).toBe('accounts@acme.example: 550 5.1.1 mailbox full');
    expect(detail('complaint')).toBe('accounts@acme.example: abuse');
    expect(detail('planned')).toBe('Étapes planifiées : 3');
    expect(detail('settlement-agreed').replace(/[\u00a0\u202f]/g, ' ')).toBe('2 000,00 £GB acceptés pour solde de 2 880,00 £GB si payés au plus tard le 30 juin 2026');
    expect(strip(v.warnings[2]!)).toBe("La lettre 05-letters/04-2026-02-26-late-7.pdf a été rejetée le 21 avril 2026 pour accounts@acme.example : elle n'a peut-être pas atteint le débiteur.");
    expect(strip(v.warnings[5]!)).toBe("La lettre de l'étape late-15 n'a pas pu être envoyée : SMTP: 550 rejected");
  });

  it('Russian and Hebrew: dates and amounts in their own format, the always-LTR values isolated in Hebrew', () => {
    const ru = bundleIndexView(data, translator('ru'));
    const ruPayment = ru.chronology[events.findIndex((e) => e.type === 'payment')]![2]!.replace(/[\u00a0\u202f]/g, ' ');
    expect(ruPayment).toBe('880,00 £ оплачено 16 апреля 2026 г., счёт PD-0142 — BACS 1');
    const he = bundleIndexView(data, translator('he'));
    const hePayment = he.chronology[events.findIndex((e) => e.type === 'payment')]![2]!;
    expect(hePayment).toContain('\u2066PD-0142\u2069');
    expect(hePayment).toContain('16 באפריל 2026');
    expect(he.warnings[2]).toContain('\u206605-letters/04-2026-02-26-late-7.pdf\u2069');
  });

  it('no warnings: says nothing was noted', () => {
    expect(bundleIndexView({ ...data, warnings: [] }, translator('en')).warnings).toEqual(['Nothing noted.']);
  });
});
