import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';
import { ContractDocument } from '../../../../templates/documents/contract/ContractDocument.tsx';
import type { ContractSource } from '../../../../templates/documents/contract/contract-view.ts';
import { ContractSchema, type ContractInput } from '../../../../templates/domain/schemas/contract.ts';
import type { Party } from '../../../../templates/domain/schemas/party.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleCase, occurrences, pdfText } from './pdf-text.ts';

const gb = exampleCase('en-gb-tracking');
const fr = exampleCase('fr-pressure-scale');
const ru = exampleCase('ru-gentle');
const il = exampleCase('he-il-pressure-scale');

/** The example's contract with some terms changed, validated like any contract. */
function variant(base: typeof gb, change: Partial<ContractInput>, debtor: Partial<Party> = {}): ContractSource {
  const contract = ContractSchema.parse({ ...base.contract!, ...change });
  return { creditor: base.creditor, debtor: { ...base.debtor, ...debtor }, contract };
}

async function text(source: ContractSource, lang: string, showNotes = true): Promise<string> {
  return pdfText(await renderPdf(<ContractDocument source={source} t={translator(lang)} showNotes={showNotes} />));
}

describe('ContractDocument: late-payment clause per jurisdiction and the owner notes', () => {
  it('France: a contractual rate below 3 × the legal rate gets a visible note with the floor from the interest engine, and a lawful clause', async () => {
    // contract dated 2 February 2026: legal rate ("autres cas") 2.62 % in 1H2026, floor 3 × 2.62 = 7.86 %
    const out = await text(variant(fr, { latePayment: { interest: { kind: 'contractual', rate: { percent: '5', per: 'year' } }, fixedCompensation: true } }), 'fr');
    expect(out).toContain('Avant d’envoyer ce contrat (ces remarques n’en font pas partie)');
    expect(out).toContain('Le taux contractuel de 5 % l’an est inférieur au plancher français de trois fois le taux d’intérêt légal, soit 7,86 % l’an au premier semestre 2026 (3 × 2,62 %)');
    expect(out).toContain('au taux de 5 % l’an, ce taux ne pouvant être inférieur à trois fois le taux d’intérêt légal (article L441-10 II du Code de commerce)');
    expect(out).toContain('indemnité forfaitaire pour frais de recouvrement de 40,00 € par facture');
  });

  it('France: a contractual rate above the floor prints no note; the notes can be left out of the signed copy', async () => {
    const source = variant(fr, { completion: 'Livraison des fichiers traduits.', latePayment: { interest: { kind: 'contractual', rate: { percent: '15', per: 'year' } }, fixedCompensation: true } });
    const out = await text(source, 'fr');
    expect(out).not.toContain('plancher français');
    expect(out).not.toContain('Avant d’envoyer ce contrat');
    const withNote = variant(fr, {});
    expect(await text(withNote, 'fr')).toContain('Avant d’envoyer ce contrat');
    expect(await text(withNote, 'fr', false)).not.toContain('Avant d’envoyer ce contrat');
  });

  it('France: "no interest" between businesses is not printed; the statutory penalties are, with a note saying why', async () => {
    const out = await text(variant(fr, { latePayment: { interest: { kind: 'none' }, fixedCompensation: false } }), 'en');
    expect(out).not.toContain('No interest is charged on late payments.');
    expect(out).toContain('plus 10 percentage points (French Commercial Code, article L441-10 II)');
    expect(out).toContain('instead of “no interest”, the clause states the statutory rate');
    expect(out).toContain('it is printed although you did not choose to claim it');
    expect(out).toContain('€40.00 per invoice');
  });

  it('France: payment terms beyond 45 days end of month get a note', async () => {
    const out = await text(variant(fr, { dueDateRule: { kind: 'end-of-month', days: 60, method: 'eom-then-add' } }), 'en');
    expect(out).toContain('French law caps agreed payment terms at 60 days from the invoice date, or 45 days end of month');
    expect(out).toContain('from the last day of the month in which the invoice is dated, 60 days are added');
  });

  it('Russia: a contractual penalty (неустойка) replaces ст. 395 interest, with a fixed fine', async () => {
    const out = await text(
      variant(ru, { latePayment: { interest: { kind: 'contractual', rate: { percent: '36', per: 'year' } }, flatFee: { currency: 'RUB', amount: '5000.00' }, fixedCompensation: false, penaltyClause: true } }),
      'ru',
    );
    expect(out).toContain('За просрочку оплаты Заказчик уплачивает Исполнителю неустойку (пени) по ставке 36 % годовых от суммы просроченного платежа за каждый день просрочки');
    expect(out).toContain('штраф в размере 5 000,00 ₽');
    expect(out).toContain('проценты, предусмотренные статьёй 395 Гражданского кодекса Российской Федерации, на сумму просроченного платежа не начисляются (пункт 4 статьи 395 ГК РФ)');
    expect(out).not.toContain('ключевой ставки Банка России');
    expect(occurrences(out, '5 000,00 ₽')).toBe(1);
  });

  it('Russia: a penalty clause without a rate or fee falls back to ст. 395, with a note', async () => {
    const out = await text(variant(ru, { latePayment: { interest: { kind: 'none' }, fixedCompensation: false, penaltyClause: true } }), 'ru');
    expect(out).toContain('Вы выбрали договорную неустойку, но не указали ни ставку, ни сумму штрафа.');
    expect(out).toContain('в соответствии со статьёй 395 Гражданского кодекса Российской Федерации в размере ключевой ставки Банка России');
  });

  it('England & Wales: a consumer client gets no Late Payment Act interest and no fixed sum, and the owner is told', async () => {
    const out = await text(variant(gb, {}, { kind: 'consumer', companyId: undefined, legalName: 'Tom Hale' }), 'en-GB');
    expect(out).toContain('If an amount is not paid by its due date, the Provider may claim the interest the law allows on it.');
    expect(out).not.toContain('Late Payment of Commercial Debts (Interest) Act 1998, at 8%');
    expect(out).not.toContain('£70.00');
    expect(out).toContain('The Client is a consumer, and the statutory late-payment interest of this jurisdiction applies only between businesses');
    expect(out).toContain('The statutory fixed compensation is not due from a consumer, so it is left out.');
  });

  it('England & Wales: a contractual rate, a flat fee, a retainer, monthly billing, several methods and a discount', async () => {
    const out = await text(
      variant(gb, {
        latePayment: { interest: { kind: 'contractual', rate: { percent: '1.5', per: 'month' } }, flatFee: { currency: 'GBP', amount: '25.00' }, fixedCompensation: false },
        earlyPaymentDiscount: { percent: '2', withinDays: 10 },
        paymentMethods: ['bank-transfer', 'card'],
        retainer: { amount: { currency: 'GBP', amount: '1000.00' }, replenishBelow: { currency: 'GBP', amount: '250.00' } },
        recurring: { amount: { currency: 'GBP', amount: '300.00' }, dayOfMonth: 1, startDate: '2026-02-01' },
        clauses: { samePolicyForEveryone: false, deliverablesReleasedOnPayment: false },
      }),
      'en-GB',
    );
    expect(out).toContain('simple interest is payable on it at 1.5% a month from the day after the due date until the day of payment');
    expect(out).toContain('a late-payment fee of £25.00 is payable once for each invoice paid late');
    expect(out).toContain('the Client may deduct a discount of 2% from it');
    expect(out).toContain('Payment is made by bank transfer or card.');
    expect(out).toContain('The Client pays a retainer of £1,000.00 in advance.');
    expect(out).toContain('when it falls below £250.00, the Client tops it up before work continues');
    expect(out).toContain('£300.00 is invoiced on the 1st day of each month, starting on 1 February 2026');
    expect(out).toContain('a contractual rate replaces statutory interest only if it is a substantial remedy');
    expect(out).not.toContain('Same terms for every client');
    expect(out).not.toContain('Release of deliverables');
    // the optional clauses take numbers in order: 6 retainer, 7 recurring, 8 law
    expect(out).toContain('6. Retainer');
    expect(out).toContain('7. Recurring billing');
    expect(out).toContain('8. Governing law and disputes');
  });

  it('a schedule of 30/30/40 of 1,000.01 adds up to the price to the penny', async () => {
    const out = await text(variant(gb, { price: { currency: 'GBP', amount: '1000.01' } }), 'en-GB');
    // largest remainder: the leftover penny goes to the 40 % part
    expect(occurrences(out, '£300.00')).toBe(2);
    expect(out).toContain('£400.01');
    expect(out).toMatch(/Total price (2\.3 )?£1,000\.01/);
  });

  it('Israel: statutory interest names the Interest and Linkage Law without a figure the engine cannot compute', async () => {
    const out = await text(variant(il, { latePayment: { interest: { kind: 'statutory' }, fixedCompensation: true } }), 'he');
    expect(out).toContain('הפרשי הצמדה וריבית בגינו כקבוע בחוק פסיקת ריבית והצמדה');
    expect(out).toContain('חוק מוסר תשלומים לספקים');
    expect(out).not.toContain('לידיעה');
  });

  it('New York and Germany: the statute and its rate, 5 points for a German consumer', async () => {
    const ny = await text(
      variant(gb, { jurisdiction: 'US-NY', price: { currency: 'USD', amount: '6000.00' }, latePayment: { interest: { kind: 'statutory' }, fixedCompensation: true } }),
      'en-US',
    );
    expect(ny).toContain('at the statutory rate of 9% a year (New York Civil Practice Law and Rules §§5001 and 5004)');
    expect(ny).toContain('governed by the laws of the State of New York');
    expect(ny).toContain('$1,800.00');
    expect(ny).not.toContain('For information');
    const de = await text(variant(gb, { jurisdiction: 'DE', price: { currency: 'EUR', amount: '6000.00' } }, { kind: 'consumer', companyId: undefined }), 'en');
    expect(de).toContain('default interest is payable on it at 5 percentage points above the base rate (German Civil Code, BGB §288(1))');
    expect(de).toContain('The statutory fixed compensation is not due from a consumer');
    expect(de).toContain('governed by the law of the Federal Republic of Germany');
  });
});
