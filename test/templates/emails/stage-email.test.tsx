import { describe, expect, it } from 'vitest';
import { letterSubject } from '../../../templates/documents/letter/letter-subject.ts';
import { letterView } from '../../../templates/documents/letter/letter-view.ts';
import { letterFileName } from '../../../templates/emails/letter-file-name.ts';
import { stageEmail } from '../../../templates/emails/stage-email.tsx';
import { letterTemplates } from '../../../templates/domain/schemas/ladder.ts';
import { translator } from '../../../templates/i18n/translator.ts';
import { exampleSource, languages } from '../documents/letter/letter-fixtures.ts';

/** How React writes a text child into HTML. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe.each(languages)('%s stage e-mails', (lang) => {
  it.each(letterTemplates)('%s: subject, HTML and text say what the letter says', (template) => {
    const source = exampleSource(lang, template);
    const t = translator(source.caseFile.debtor.language);
    const view = letterView(source, t);
    const email = stageEmail(source, t);
    expect(email.subject).toBe(letterSubject(source, t));
    expect(email.attachmentName).toBe(letterFileName(view));

    expect(email.html.startsWith(`<!DOCTYPE html><html lang="${t.locale}" dir="${t.dir}">`)).toBe(true);
    // no remote resources, no scripts, no trackers, no style sheets: inline styles only
    expect(email.html).not.toMatch(/<script|<img|<link|<iframe|\bsrc=|\bhref=|https?:|url\(/i);
    for (const text of [view.salutation, view.closing, view.contact, ...view.blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []))]) {
      expect(email.html).toContain(escaped(text));
      expect(email.text).toContain(text);
    }
    for (const block of view.blocks) {
      if (block.kind === 'table') for (const row of block.rows) for (const cell of row) expect(email.html).toContain(`>${escaped(cell)}</td>`);
      if (block.kind === 'sums') for (const row of block.rows) expect(email.text).toContain(t.t('common.letter.labelValue', { label: row.label, value: row.value }));
    }
    expect(email.text).toContain(t.t('email.attachment'));
    if (t.dir === 'rtl') {
      for (const line of email.text.split('\n').filter((l) => l && l !== '--')) expect(line.startsWith('\u200F')).toBe(true);
    }
  });
});

describe('the attachment file name', () => {
  it('comes from the subject, keeps letters of any script and drops what a file system or a header could mind', () => {
    expect(letterFileName({ subject: 'Second reminder: invoice PD-0142 overdue since 1 April 2026', invoiceNumbers: ['PD-0142'] })).toBe(
      'Second reminder invoice PD-0142 overdue since 1 April 2026.pdf',
    );
    expect(letterFileName({ subject: 'Счёт № 12 / «Север»\u202E', invoiceNumbers: ['12'] })).toBe('Счёт 12 Север.pdf');
    expect(letterFileName({ subject: '???', invoiceNumbers: ['A/1'] })).toBe('A1.pdf');
    expect(letterFileName({ subject: 'x'.repeat(300), invoiceNumbers: [] })).toBe(`${'x'.repeat(100)}.pdf`);
  });
});
