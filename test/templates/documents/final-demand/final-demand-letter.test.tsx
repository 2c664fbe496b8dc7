import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { letters, normalize, renderText } from '../statement/pdf-text.ts';
import { usNewYork } from './demand-cases.ts';

const date = '2026-06-15';

describe('final demand (New York, California, EU)', () => {
  it('New York in English: CPLR 5004 9 % with the figure, 10 days, the consequences', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: usNewYork(), date }} />);
    const has = (s: string) => expect(pdf.text).toContain(normalize(s));
    has('Brooklyn, June 15, 2026');
    has('Ana Rivera Studio LLC');
    has('Hudson Bakery Inc.');
    has('Final demand for payment – invoices ARS-107');
    has('Dear Mark Levin,');
    has('invoice ARS-107 of February 13, 2026, due on March 15, 2026: $4,200.00, of which $4,200.00 is unpaid');
    // 9 % a year; 16 March – 15 June = 16 + 30 + 31 + 15 = 92 days; 4,200 × 0.09 × 92 / 365 = 95.276… → $95.28
    has('Interest under the New York Civil Practice Law and Rules (CPLR) (N.Y. CPLR 5001(a), 5004) at 9% a year, from March 16, 2026 to June 15, 2026: $95.28.');
    // June 15 + 10 days = June 25; 4,200.00 + 95.28 = 4,295.28
    has('We demand payment of the total of $4,295.28 within 10 days of the date of this letter, that is by June 25, 2026');
    has('we intend to begin legal proceedings to recover the debt, with interest and the costs the law allows, without further notice');
    has('Routing 021000021, account 123456789');
    has('To discuss this matter, contact Ana Rivera at ana@rivera.example or on +1 718 555 0142.');
  });

  it('New York in Hebrew: the same demand, right to left', async () => {
    const t = translator('he');
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: usNewYork(), date }} t={t} />);
    const has = (s: string) => expect(pdf.bare).toContain(letters(s));
    has('דרישה אחרונה לתשלום');
    has('CPLR 5001(a), 5004');
    has(`בתוך 10 ימים מתאריך מכתב זה, כלומר עד ${t.date('2026-06-25')}`);
    has('בכוונתנו לפתוח בהליכים משפטיים');
    has('Hudson Bakery Inc');
    expect(pdf.flat).toContain('4,295.28');
    expect(pdf.flat).toContain('95.28');
  });

  it('California: 10 % after breach (Civ. Code § 3289(b)); EU: the Directive and €40', () => {
    const ca = usNewYork();
    ca.jurisdiction = 'US-CA';
    const caText = finalDemandView({ caseFile: ca, date }, translator('en-US'))
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join(' ');
    // 4,200 × 0.10 × 92 / 365 = 105.863… → $105.86
    expect(caText).toContain('Interest under the California Civil Code (Cal. Civ. Code §3289(b)) at 10% a year, from March 16, 2026 to June 15, 2026: $105.86.');
    const eu = usNewYork();
    eu.jurisdiction = 'EU';
    eu.invoices[0]!.currency = 'EUR';
    const view = finalDemandView({ caseFile: eu, date }, translator('en-GB'));
    const euText = view.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    // ECB 2.15 % on 1 Jan 2026 + 8 = 10.15 %
    expect(euText).toContain('Interest under the Late Payment Directive 2011/7/EU');
    expect(euText).toContain('10.15% a year');
    expect(euText).toContain('Fixed compensation for recovery costs (Directive 2011/7/EU art. 6): €40.00.');
    expect(view.days).toBe(10);
  });
});
