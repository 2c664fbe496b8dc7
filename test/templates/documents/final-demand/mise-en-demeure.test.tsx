import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { normalize, renderText } from '../statement/pdf-text.ts';
import { exampleCase, frCompany } from './demand-cases.ts';

const date = '2026-06-15';

describe('mise en demeure (France)', () => {
  it('in French: art. 1344, the invoice, L441-10 penalties and the 40 € indemnity, 8 days, the consequences, 750-1 CPC, LRAR', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: frCompany(), date }} />);
    const text = pdf.text;
    const has = (s: string) => expect(text).toContain(normalize(s));
    has('Lyon, le 15 juin 2026');
    has('Lettre recommandée avec accusé de réception');
    has('Claire Martin EI');
    has('Dupont & Fils SARL');
    has('Mise en demeure de payer – factures n° F-2026-031');
    has('facture n° F-2026-031 du 16 mars 2026, échue le 30 avril 2026 : 4 032,00 €, dont 4 032,00 € restant impayés');
    has('Le montant restant dû en principal s\'élève à 4 032,00 €.');
    // ECB 2.15 % on 1 Jan 2026 + 10 = 12.15 %; 1 May – 15 June = 46 days; 4,032 × 0.1215 × 46 / 365 = 61.739… → 61,74 €
    has('Conformément à l\'article L441-10 du Code de commerce');
    has('pénalités de retard au taux de 12,15 % par an (taux de refinancement principal de la BCE 2,15 % au 1 janvier 2026 + 10 points = 12,15 %), soit 61,74 € au 15 juin 2026');
    has('Indemnité forfaitaire pour frais de recouvrement (Code de commerce L441-10 II, D441-5) : 40,00 €.');
    // 4,032.00 + 61.74 + 40.00 = 4,133.74; 15 June + 8 days = 23 June
    has('nous vous mettons en demeure, au sens de l\'article 1344 du Code civil, de nous régler la somme totale de 4 133,74 € dans un délai de 8 jours à compter de la date de la présente lettre, soit au plus tard le 23 juin 2026');
    has('notamment par voie d\'injonction de payer ou en saisissant la juridiction compétente');
    has('article 750-1 du Code de procédure civile');
    has('IBAN : FR76 3000 6000 0112 3456 7890 189');
    has('Copie des factures : F-2026-031');
    has('Veuillez agréer, Madame, Monsieur, l\'expression de nos salutations distinguées.');
    has('Relevé de compte au 15 juin 2026');
    expect(pdf.lines).toContain(normalize('1 mai 2026 15 juin 2026 46 12,15 % 4 032,00 € 61,74 €'));
  });

  it('in English for an English-speaking debtor: "Formal notice to pay (mise en demeure)", the same figures and dates', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: frCompany(), date }} t={translator('en-GB')} />);
    const has = (s: string) => expect(pdf.text).toContain(normalize(s));
    has('By registered letter with acknowledgement of receipt (lettre recommandée avec accusé de réception)');
    has('Formal notice to pay (mise en demeure de payer) – invoices F-2026-031');
    has('late-payment penalties (pénalités de retard)');
    has('€61.74 up to 15 June 2026');
    has('within the meaning of article 1344 of the French Civil Code (Code civil), to pay us the total sum of €4,133.74 within 8 days of the date of this letter, that is by 23 June 2026 at the latest');
    has('order for payment (injonction de payer)');
    has('article 750-1 of the French Code of Civil Procedure');
  });

  it('a claim above 5 000 € does not mention the prior amicable attempt; a consumer gets civil interest (art. 1344-1), no penalties', () => {
    const large = exampleCase('fr-pressure-scale', (c) => {
      c.invoices[0]!.lines[0]!.unitPrice = '4800.00';
    });
    const words = (caseFile: ReturnType<typeof frCompany>) =>
      finalDemandView({ caseFile, date }, translator('fr'))
        .blocks.map((b) => ('text' in b ? b.text : ''))
        .join(' ');
    expect(words(large)).not.toContain('750-1');
    expect(words(frCompany())).toContain('750-1');
    const consumer = exampleCase('fr-pressure-scale', (c) => {
      c.debtor = { ...c.debtor, kind: 'consumer', legalName: 'Marc Dupont' };
      delete c.debtor.companyId;
      delete c.debtor.contactName;
    });
    const text = words(consumer);
    expect(text).toContain('La présente mise en demeure fait courir les intérêts au taux légal sur les sommes dues (article 1344-1 du Code civil).');
    expect(text).not.toContain('L441-10');
    expect(text).not.toContain('Indemnité forfaitaire');
  });
});
