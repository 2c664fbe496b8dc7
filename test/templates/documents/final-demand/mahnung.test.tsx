import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { normalize, renderText } from '../statement/pdf-text.ts';
import { deBusiness, deConsumer } from './demand-cases.ts';

const date = '2026-06-15';

describe('Mahnung / Letzte Mahnung (Germany)', () => {
  it('between businesses (English): Letzte Mahnung, § 288(2) 9 points with the figure, the 40 € Pauschale, a Frist, Mahnverfahren', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: deBusiness(), date }} />);
    const has = (s: string) => expect(pdf.text).toContain(normalize(s));
    has('Hamburg, June 15, 2026');
    has('Becker Grafikdesign');
    has('Nordlicht Medien GmbH');
    has('Final reminder (Letzte Mahnung) – invoices RE-2026-018');
    has('invoice RE-2026-018 of March 2, 2026, due on March 16, 2026: €3,570.00, of which €3,570.00 is unpaid');
    has('You are in default of payment (Verzug, § 286 of the German Civil Code, BGB).');
    // Basiszinssatz 1.27 % (1 Jan 2026) + 9 = 10.27 %; 17 March – 15 June = 15 + 30 + 31 + 15 = 91 days;
    // 3,570 × 0.1027 × 91 / 365 = 91.408… → €91.41
    has('Default interest (Verzugszinsen) under § 288(2) BGB at 9 percentage points above the base rate (Basiszinssatz), that is 10.27% a year');
    has('€91.41 up to June 15, 2026');
    has('Flat-rate compensation for recovery costs (Verzugspauschale) under § 288(5) BGB: €40.00.');
    // 3,570.00 + 91.41 + 40.00 = 3,701.41; June 15 + 14 days = June 29
    has('Please pay the total of €3,701.41 by June 29, 2026 (14 days from the date of this letter)');
    has('This is our last reminder.');
    has('we will apply for a court order for payment (gerichtliches Mahnverfahren, §§ 688 ff. of the German Code of Civil Procedure, ZPO) without further notice');
    has('IBAN: DE89 3704 0044 0532 0130 00');
    expect(pdf.lines).toContain('Mar 17, 2026 Jun 15, 2026 91 10.27% €3,570.00 €91.41'.replace('Mar 17, 2026', 'March 17, 2026').replace('Jun 15, 2026', 'June 15, 2026'));
  });

  it('against a consumer (French): § 288(1), 5 points, no Pauschale', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: deConsumer(), date }} t={translator('fr')} />);
    const has = (s: string) => expect(pdf.text).toContain(normalize(s));
    has('Dernier rappel (Letzte Mahnung) – factures n° RE-2026-018');
    has('Thomas Müller');
    // 1.27 + 5 = 6.27 %; 3,570 × 0.0627 × 91 / 365 = 55.806… → 55,81 €
    has('selon le § 288(1) BGB, à 5 points au-dessus du taux de base (Basiszinssatz), soit 6,27 % par an');
    has('55,81 € au 15 juin 2026');
    expect(pdf.text).not.toContain('Verzugspauschale');
    // 3,570.00 + 55.81 = 3,625.81
    has('Nous vous prions de régler la somme totale de 3 625,81 € au plus tard le 29 juin 2026 (14 jours à compter de la date de la présente lettre)');
    has('gerichtliches Mahnverfahren');
  });

  it('the first Mahnung reserves the court procedure; the Frist can be set', () => {
    const view = finalDemandView({ caseFile: deBusiness(), date, step: 'first', respondWithinDays: 10 }, translator('en'));
    const text = view.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(view.title).toBe('Payment reminder (Mahnung)');
    expect(view.deadline).toBe('2026-06-25');
    expect(text).toContain('Please pay the total of €3,701.41 by June 25, 2026 (10 days from the date of this letter)');
    expect(text).toContain('we reserve the right to apply for a court order for payment (gerichtliches Mahnverfahren');
    expect(text).not.toContain('last reminder');
  });
});
