import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { letters, normalize, renderText } from '../statement/pdf-text.ts';
import { ilContract, ilStatutory } from './demand-cases.ts';

const date = '2026-06-15';

describe('מכתב התראה (Israel)', () => {
  it('in Hebrew with a contract rate: amount, basis, the rate and its figure, 14 days, the consequences, registered mail, s.81א1', async () => {
    const t = translator('he');
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: ilContract(), date }} />);
    const has = (s: string) => expect(pdf.bare).toContain(letters(s));
    has('מכתב התראה לפני נקיטת הליכים משפטיים');
    has('בדואר רשום עם אישור מסירה');
    has(`תל אביב-יפו, ${t.date(date)}`);
    has('נועה לוי');
    has('כהן שיווק בע"מ');
    has("הנדון: חוב בגין חשבוניות מס' 1042");
    has('דוד כהן שלום רב');
    has("לפי חוזה מס' 2026-04 מיום 15 בפברואר 2026");
    // 1 % a month = 12 % a year; 1 May – 15 June = 46 days; 7,080 × 0.12 × 46 / 365 = 107.07
    has('לסכום זה מתווספת ריבית בשיעור שהוסכם בחוזה');
    expect(pdf.flat).toContain('107.07');
    expect(pdf.flat).toContain('7,187.07');
    // 15 June + 14 days = 29 June
    has(`בתוך 14 ימים מתאריך מכתב זה, כלומר עד ${t.date('2026-06-29')}`);
    has('בלשכת ההוצאה לפועל');
    has('סעיף 81א1 לחוק ההוצאה לפועל');
    has('75,000');
    has('מבלי לגרוע מכל טענה או זכות אחרת');
    has('בכבוד רב');
  });

  it('with statutory interest: "הפרשי הצמדה וריבית כחוק" and no figure; the enclosed statement gives the engine\'s message', () => {
    const view = finalDemandView({ caseFile: ilStatutory(), date }, translator('he'));
    const text = view.blocks.map((b) => ('text' in b ? b.text : b.type === 'sums' ? b.rows.map((r) => `${r.label} ${r.value}`).join(' ') : '')).join(' ');
    expect(text).toContain('לסכום זה יתווספו הפרשי הצמדה וריבית כחוק מיום 30 באפריל 2026 ועד התשלום בפועל; סכומם אינו מחושב במכתב זה.');
    expect(text).toContain('ריבית לא חושבה');
    expect(text).not.toMatch(/ריבית עד/);
    const annex = view.annexes[0]!;
    expect(annex.type).toBe('statement');
    if (annex.type === 'statement') {
      expect(annex.view.interest.refused?.lead).toBe('לא מצוין סכום ריבית: השיעור הדרוש לחישוב אינו זמין. היתרות לעיל עומדות לתשלום; הזכות לריבית שמורה.');
      expect(annex.view.interest.refused?.message).toContain('Amendment 9 in force on 1 October 2024');
    }
  });

  it('in English for an English-speaking reader, with the Hebrew term kept', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: ilContract(), date }} t={translator('en-GB')} />);
    const has = (s: string) => expect(pdf.text).toContain(normalize(s));
    has('Warning letter before legal proceedings');
    has('By registered mail with delivery confirmation');
    has('Interest at the rate agreed in the contract, 1% a month (12% a year), is added to this sum: ₪107.07 up to 15 June 2026.');
    has('pay the full amount of ₪7,187.07 within 14 days of the date of this letter, that is by 29 June 2026');
    has('section 81A1 of the Execution Law, 5727-1967');
    expect(pdf.bare).toContain(letters('מכתב התראה'));
  });
});
