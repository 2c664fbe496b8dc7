import { describe, expect, it } from 'vitest';
import { statementFigures } from '../../../../templates/documents/statement/statement-figures.ts';
import { statementView } from '../../../../templates/documents/statement/statement-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleCase, ruPenalty } from '../final-demand/demand-cases.ts';

const date = '2026-06-15';

describe('statementView', () => {
  it('adds the contract\'s flat late fee as its own line and in the total claimed', () => {
    const caseFile = exampleCase('en-gb-tracking', (c) => {
      c.contract!.latePayment = { interest: { kind: 'statutory' }, fixedCompensation: true, flatFee: { currency: 'GBP', amount: '25.00' } };
    });
    const view = statementView({ caseFile, date }, translator('en-GB'));
    expect(view.charges?.rows).toEqual([
      { label: 'Fixed compensation for recovery costs, invoice PD-0142 (Late Payment of Commercial Debts (Interest) Act 1998 s.5A)', value: '£70.00' },
      { label: 'Contractual late fee, invoice PD-0142', value: '£25.00' },
    ]);
    // 2,880.00 + 69.53 interest + 70.00 + 25.00 = 3,044.53
    expect(view.summary.rows).toContainEqual({ label: 'Late fees', value: '£25.00' });
    expect(view.summary.rows).toContainEqual({ label: 'Total claimed', value: '£3,044.53', strong: true });
  });

  it('the same figures in every language; the rule in the reader\'s language with the statute\'s own citation', () => {
    const figures = statementFigures(exampleCase('en-gb-tracking'), date);
    const fr = statementView(figures, translator('fr'));
    expect(fr.interest.rule?.line).toBe(
      'Règle appliquée : Loi anglaise de 1998 sur les intérêts des créances commerciales (Late Payment of Commercial Debts (Interest) Act 1998) (s.4(2), s.5A, s.6; Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675) art. 4).',
    );
    expect(fr.interest.blocks[0]!.rows[0]).toEqual(['2 avril 2026', '15 juin 2026', '75', '11,75\u00a0%', '2\u202f880,00\u00a0£GB', '69,53\u00a0£GB']);
    expect(fr.interest.blocks[0]!.rateNotes).toEqual(['taux directeur de la Banque d\'Angleterre (Bank Rate) 3,75\u00a0% au 31 décembre 2025 + 8 points = 11,75\u00a0%']);
  });

  it('a contractual penalty (Russia) is labelled неустойка, not interest', () => {
    const view = statementView({ caseFile: ruPenalty(), date }, translator('ru'));
    expect(view.summary.rows[1]).toEqual({ label: 'Неустойка по 15 июня 2026 г.', value: '6\u00a0950,00\u00a0₽' });
  });
});
