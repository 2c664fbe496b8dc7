import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';
import { ContractDocument } from '../../../../templates/documents/contract/ContractDocument.tsx';
import type { ContractSource } from '../../../../templates/documents/contract/contract-view.ts';
import { splitSchedule } from '../../../../templates/domain/terms/split-schedule.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { containsMoney, containsPhrase, exampleCase, normalize, occurrences, pdfText } from './pdf-text.ts';

type Example = Parameters<typeof exampleCase>[0];

async function render(source: ContractSource, lang: string): Promise<string> {
  return pdfText(await renderPdf(<ContractDocument source={source} t={translator(lang)} />));
}

function sourceOf(name: Example): ContractSource {
  const c = exampleCase(name);
  return { creditor: c.creditor, debtor: c.debtor, contract: c.contract! };
}

/** Hand-checked figures and wording per example, in the debtor's language (the English render is checked through the catalog). */
const handChecked: Record<Example, { lang: string; amounts: string[]; rule: string; statute: string; clauses: { same: boolean; deliverables: boolean } }> = {
  // 6000.00 GBP split 30/30/40: 1800.00, 1800.00, 2400.00
  'en-gb-tracking': {
    lang: 'en-GB',
    amounts: ['£1,800.00', '£1,800.00', '£2,400.00'],
    rule: 'Each invoice is payable within 30 days of its date (net 30).',
    statute: 'Late Payment of Commercial Debts (Interest) Act 1998',
    clauses: { same: true, deliverables: true },
  },
  // 4800.00 EUR split 30/70: 1440.00, 3360.00
  'fr-pressure-scale': {
    lang: 'fr',
    amounts: ['1\u202f440,00\u00a0€', '3\u202f360,00\u00a0€'],
    rule: 'Chaque facture est payable à 45 jours fin de mois, selon le mode de computation suivant : 45 jours sont ajoutés à la date d’émission de la facture',
    statute: 'article L441-10 II du Code de commerce',
    clauses: { same: false, deliverables: false },
  },
  // 450000.00 RUB: 150000.00 + 150000.00 + balance 150000.00
  'ru-gentle': {
    lang: 'ru',
    amounts: ['150\u00a0000,00\u00a0₽', '150\u00a0000,00\u00a0₽', '150\u00a0000,00\u00a0₽'],
    rule: 'Каждый счёт подлежит оплате в течение 10 календарных дней с даты его выставления.',
    statute: 'статьёй 395 Гражданского кодекса Российской Федерации',
    clauses: { same: false, deliverables: false },
  },
  // 12000.00 ILS split 50/50: 6000.00, 6000.00; contractual 1 % a month
  'he-il-pressure-scale': {
    lang: 'he',
    amounts: ['6,000.00 ₪', '6,000.00 ₪'],
    rule: 'כל חשבונית תשולם בתנאי שוטף + 30, כלומר: ליום האחרון של החודש שבו הופקה החשבונית מוסיפים 30 ימים, והתשלום יבוצע לא יאוחר מהמועד שהתקבל.',
    statute: 'יישא הסכום ריבית פשוטה בשיעור',
    clauses: { same: true, deliverables: false },
  },
};

describe('ContractDocument: the four example cases', () => {
  const examples = Object.keys(handChecked) as Example[];
  for (const name of examples) {
    const checked = handChecked[name];
    const source = sourceOf(name);
    const languages = [...new Set([source.debtor.language, 'en'])];

    for (const lang of languages) {
      it(`${name} in ${lang}: parties, price, schedule, terms, late clause, chosen clauses, signatures`, async () => {
        const t = translator(lang);
        const text = await render(source, lang);
        const { creditor, debtor, contract } = source;
        const has = (s: string) => containsPhrase(text, s, lang);

        // parties with their identifiers
        for (const party of [creditor, debtor]) {
          expect(text).toContain(normalize(party.legalName));
          for (const id of [party.taxId, party.companyId].filter((x): x is string => !!x)) expect(text).toContain(normalize(id).replace(/^\D+\s*/, ''));
        }
        expect(text).toContain(normalize(contract.number));
        expect(text).toContain(normalize(t.t('contract.roles.provider')));
        expect(text).toContain(normalize(t.t('contract.roles.client')));

        // price and every schedule amount, in the locale's format; they add up to the price
        expect(containsMoney(text, t.money(contract.price))).toBe(true);
        const parts = splitSchedule(contract.price, contract.schedule);
        const sum = parts.reduce((s, p) => s + Math.round(Number(p.amount.amount) * 100), 0);
        expect(sum).toBe(Math.round(Number(contract.price.amount) * 100));
        for (const part of parts) {
          expect(containsMoney(text, t.money(part.amount))).toBe(true);
          expect(text).toContain(normalize(part.label));
        }
        if (lang === checked.lang) {
          for (const amount of checked.amounts) expect(containsMoney(text, amount), amount).toBe(true);
          // each schedule amount is a row of its own (the same figure twice means two rows)
          for (const amount of new Set(checked.amounts)) {
            const visual = lang === 'he' ? amount.split(' ').reverse().join(' ') : amount;
            expect(occurrences(text, visual)).toBeGreaterThanOrEqual(checked.amounts.filter((a) => a === amount).length);
          }
          // the due-date rule in words, the late clause naming its statute
          expect(has(checked.rule), checked.rule).toBe(true);
          expect(has(checked.statute), checked.statute).toBe(true);
        }

        // the due-date rule as the catalog words it for this language
        const rule = contract.dueDateRule;
        const ruleText =
          rule.kind === 'net'
            ? t.t('contract.terms.rule.net', { days: rule.days })
            : rule.kind === 'end-of-month'
              ? t.t(rule.method === 'eom-then-add' ? 'contract.terms.rule.eomThenAdd' : 'contract.terms.rule.addThenEom', { days: rule.days })
              : '';
        expect(has(ruleText)).toBe(true);
        expect(has(contract.earlyPaymentDiscount ? t.t('contract.terms.discount', { percent: t.percent(contract.earlyPaymentDiscount.percent), days: contract.earlyPaymentDiscount.withinDays }) : t.t('contract.terms.noDiscount'))).toBe(true);

        // the chosen clauses only when chosen
        expect(has(t.t('contract.samePolicy.text'))).toBe(checked.clauses.same);
        expect(has(t.t('contract.deliverables.text'))).toBe(checked.clauses.deliverables);

        // governing law from the jurisdiction
        expect(has(t.t(`contract.law.${contract.jurisdiction}` as 'contract.law.GB', { country: '' }))).toBe(true);

        // signature blocks for both parties
        expect(has(t.t('contract.signatures.heading'))).toBe(true);
        for (const label of ['name', 'title', 'signature', 'date'] as const) {
          expect(occurrences(text, t.t(`contract.signatures.${label}`))).toBeGreaterThanOrEqual(2);
        }
      });
    }
  }

  it('England & Wales: the statutory clause names the Act, the rate in force and the £40/£70/£100 bands', async () => {
    const text = await render(sourceOf('en-gb-tracking'), 'en-GB');
    expect(text).toContain('statutory interest on it under the Late Payment of Commercial Debts (Interest) Act 1998, at 8% a year above the Bank of England Bank Rate');
    // Bank Rate 3.75 % on 31 Dec 2025 + 8 points, for interest starting on 13 January 2026
    expect(text).toContain('For information, on 12 January 2026 that rate is 11.75% a year.');
    expect(text).toContain('£40.00 for a debt under £1,000.00, £70.00 for a debt of £1,000.00 to under £10,000.00 and £100.00 for a debt of £10,000.00 or more');
    expect(text).toContain('Each invoice is payable within 30 days of its date (net 30). For example, an invoice dated 12 January 2026 is due on 11 February 2026.');
    expect(text).toContain('Definition of completion: Completion is the delivery of the final source files.');
    expect(text).toContain('This contract is governed by the law of England and Wales.');
  });

  it('France: penalties at ECB + 10 points (L441-10 II), the 40 € indemnity (D441-5) and the counting method of "45 jours fin de mois"', async () => {
    const text = await render(sourceOf('fr-pressure-scale'), 'fr');
    expect(text).toContain('au taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10 points de pourcentage (article L441-10 II du Code de commerce)');
    // ECB MRO 2.15 % on 1 January 2026 + 10
    expect(text).toContain('À titre indicatif, ce taux s’élève à 12,15 % l’an au 2 février 2026.');
    expect(text).toContain('indemnité forfaitaire pour frais de recouvrement de 40,00 € par facture (articles L441-10 II et D441-5 du Code de commerce)');
    // issued 2 February + 45 days = 19 March, end of that month = 31 March
    expect(text).toContain('À titre d’exemple, une facture émise le 2 février 2026 est payable au plus tard le 31 mars 2026.');
    expect(text).toContain('le Client bénéficie d’un escompte de 2 %');
    expect(text).toContain('Article 4 – Retard de paiement');
  });

  it('Russia: interest under ст. 395 at the key rate, the claim procedure before court', async () => {
    const text = await render(sourceOf('ru-gentle'), 'ru');
    expect(text).toContain('Для справки: на 20 января 2026 г. эта ставка составляет 16 % годовых.');
    expect(text).toContain('подлежит оплате не позднее 30 января 2026 г. включительно');
    expect(text).toContain('по истечении 30 календарных дней со дня направления претензии');
    expect(text).not.toContain('неустойк');
  });

  it('Hebrew: looked at as a reader would, in logical order, with the contractual rate and Israeli law', async () => {
    const text = await render(sourceOf('he-il-pressure-scale'), 'he');
    for (const phrase of [
      'הסכם למתן שירותים',
      'הסכם זה נערך ונחתם ביום',
      'לא תינתן הנחה בגין תשלום מוקדם',
      'על הסכם זה יחולו דיני מדינת ישראל',
      'ולראיה באו הצדדים על החתום',
      'נותן השירותים מחיל את אותם תנאי תשלום על כל לקוחותיו',
    ]) {
      expect(text).toContain(phrase);
    }
    // numbered clauses in order
    expect(text.indexOf('התמורה ולוח התשלומים')).toBeLessThan(text.indexOf('תנאי התשלום'));
    expect(text.indexOf('תנאי התשלום')).toBeLessThan(text.indexOf('איחור בתשלום'));
    // LTR runs inside Hebrew sentences survive whole: the contract number, the IBAN, the rate
    expect(text).toContain('2026-04');
    expect(text).toContain('IL62 0108 0000 0009 9999 999');
    expect(text).toContain('1%');
    // the schedule's two rows and the total, and the contractual rate, not Israel's statutory rule
    expect(occurrences(text, '₪ 6,000.00')).toBe(2);
    expect(text).toContain('₪ 12,000.00');
    expect(text).not.toContain('חוק פסיקת ריבית והצמדה');
  });
});
