import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEml } from '../../../functions/mail/build-eml.ts';
import { renderStageEmail, type RenderedStageEmail } from '../../../functions/mail/render-stage-email.tsx';
import type { LetterSource } from '../../../templates/documents/letter/letter-source.ts';
import { letterSubject } from '../../../templates/documents/letter/letter-subject.ts';
import { letterFileName } from '../../../templates/emails/letter-file-name.ts';
import { CaseFileSchema, type CaseFileInput } from '../../../templates/domain/schemas/case.ts';
import { translator } from '../../../templates/i18n/translator.ts';
import { exampleCase, exampleSource, type ExampleLanguage } from '../../templates/documents/letter/letter-fixtures.ts';
import { comparable, pdfText, pdfWords } from '../../templates/documents/letter/pdf-text.ts';

const date = new Date('2026-05-16T08:00:00Z');
const addresses = (field: AddressObject | AddressObject[] | undefined) => [field ?? []].flat().flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));

interface Sent {
  source: LetterSource;
  lang: string;
  rendered: RenderedStageEmail;
  mail: ParsedMail;
}

async function send(source: LetterSource, lang: string, messageId: string): Promise<Sent> {
  const rendered = await renderStageEmail(source, lang, { messageId, date });
  return { source, lang, rendered, mail: await simpleParser(Buffer.from(rendered.eml)) };
}

describe.each([
  ['en', 'overdue-firm'],
  ['he', 'final-demand'],
  ['ru', 'payment-plan-offer'],
  ['fr', 'ultimatum'],
] as const)('the %s %s e-mail, parsed by mailparser', (lang: ExampleLanguage, template) => {
  let sent: Sent;
  beforeAll(async () => {
    const source = exampleSource(lang, template);
    sent = await send(source, source.caseFile.debtor.language, `<case-1.${template}@overdue.test>`);
  });

  it('comes from the creditor, replies to the creditor, goes to the debtor, with the letter’s subject, id and date', () => {
    const { source, mail, lang: tag } = sent;
    const { creditor, debtor } = source.caseFile;
    const creditorName = creditor.tradingName ?? creditor.legalName;
    expect(mail.subject).toBe(letterSubject(source, translator(tag)));
    expect(addresses(mail.from)).toEqual([{ name: creditorName, address: creditor.emails[0] }]);
    expect(addresses(mail.replyTo)).toEqual([{ name: creditorName, address: creditor.emails[0] }]);
    expect(addresses(mail.to)).toEqual(debtor.emails.map((address) => ({ name: debtor.legalName, address })));
    expect(mail.messageId).toBe(`<case-1.${template}@overdue.test>`);
    expect(mail.date?.toISOString()).toBe(date.toISOString());
  });

  it('carries both bodies as rendered and the letter PDF byte for byte', () => {
    const { mail, rendered } = sent;
    expect(mail.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(rendered.text.trimEnd());
    expect(mail.html).toBe(rendered.html);
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.contentDisposition).toBe('attachment');
    expect(pdf!.filename).toBe(letterFileName({ subject: rendered.subject, invoiceNumbers: [] }));
    expect(Buffer.compare(pdf!.content, Buffer.from(rendered.pdf))).toBe(0);
    expect(new TextDecoder().decode(rendered.pdf.slice(0, 5))).toBe('%PDF-');
  });

  it('is the same bytes when built again with the same Message-ID and date', async () => {
    const again = await renderStageEmail(sent.source, sent.lang, { messageId: `<case-1.${template}@overdue.test>`, date });
    expect(Buffer.compare(Buffer.from(again.eml), Buffer.from(sent.rendered.eml))).toBe(0);
  });

  it('sets the HTML’s language and direction (dir="rtl" for Hebrew)', () => {
    const t = translator(sent.lang);
    expect(sent.mail.html).toContain(`<html lang="${t.locale}" dir="${t.dir}">`);
    expect(t.dir === 'rtl').toBe(lang === 'he');
  });
});

describe('hostile input', () => {
  const hostileName = '<script>alert("pwned")</script> Evil \u202Egnp.exe 😈 Corp';
  const longScope = `${'Design work '.repeat(10)}${'y'.repeat(9_880)}`;
  let friendly: Sent;
  let demand: Sent;
  let demandHe: Sent;
  beforeAll(async () => {
    const base = exampleCase('en');
    const input = JSON.parse(JSON.stringify(base)) as CaseFileInput;
    input.debtor = { ...input.debtor, kind: 'consumer', legalName: hostileName, contactName: undefined };
    input.debtor.emails = ['victim@example.test', 'accounts@example.test'];
    input.contract = { ...input.contract!, title: 'Logo 🎨 <img src=x onerror=alert(1)> & "more"', scope: longScope };
    input.invoices[0]!.lines[0]!.description = `🎨 ${'z'.repeat(999 - 3)}`;
    const caseFile = CaseFileSchema.parse(input);
    expect(caseFile.contract!.scope).toHaveLength(10_000);
    friendly = await send(exampleSource('en', 'pre-due', caseFile), 'en-GB', '<hostile.1@overdue.test>');
    demand = await send(exampleSource('en', 'final-demand', caseFile), 'en-GB', '<hostile.2@overdue.test>');
    demandHe = await send(exampleSource('en', 'final-demand', caseFile), 'he', '<hostile.3@overdue.test>');
  });

  it('is escaped in the HTML: markup from names and titles arrives as text', () => {
    for (const { mail } of [friendly, demand, demandHe]) {
      expect(mail.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    }
    expect(friendly.mail.html).toContain('Dear &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Evil gnp.exe 😈 Corp,');
    expect(friendly.mail.html).toContain('“Logo 🎨 &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;”');
    expect(friendly.mail.text).toContain('Dear <script>alert("pwned")</script> Evil gnp.exe 😈 Corp,');
  });

  it('loses its right-to-left override everywhere: subject, bodies, headers and PDF', () => {
    for (const { mail, rendered } of [friendly, demand, demandHe]) {
      const raw = new TextDecoder().decode(rendered.eml);
      for (const text of [mail.subject ?? '', mail.html || '', mail.text ?? '', JSON.stringify(addresses(mail.to)), raw, pdfText(rendered.pdf)]) {
        expect(text.includes('\u202E')).toBe(false);
      }
      expect(addresses(mail.to)).toEqual([
        { name: '<script>alert("pwned")</script> Evil gnp.exe 😈 Corp', address: 'victim@example.test' },
        { name: '<script>alert("pwned")</script> Evil gnp.exe 😈 Corp', address: 'accounts@example.test' },
      ]);
    }
  });

  it('renders to a PDF that prints the names without emoji and wraps a 10,000-character scope on the page', () => {
    const text = pdfText(friendly.rendered.pdf);
    expect(comparable(text, 'ltr')).toContain('<script>alert("pwned")</script> Evil gnp.exe Corp');
    const demandText = pdfText(demand.rendered.pdf);
    expect(demandText.includes('😈')).toBe(false);
    // the scope is quoted up to 600 characters; its 9,880-character "word" is broken into lines
    // that stay inside the page's 48-point margins (pdftotext -bbox gives each word's box)
    for (const pdf of [demand.rendered.pdf, demandHe.rendered.pdf]) {
      const words = pdfWords(pdf);
      const ys = words.filter((w) => /^y{20,}/.test(w.word));
      expect(ys.length).toBeGreaterThan(3);
      for (const w of words) {
        expect(w.xMin).toBeGreaterThanOrEqual(47);
        expect(w.xMax).toBeLessThanOrEqual(w.pageWidth - 47);
      }
    }
    expect(demandText.split('\f').filter((page) => page.trim()).length).toBeLessThanOrEqual(3);
    const hebrew = pdfText(demandHe.rendered.pdf);
    expect(comparable(hebrew, 'rtl')).toContain(comparable('דרישת תשלום אחרונה לפני נקיטת הליכים משפטיים', 'rtl'));
  });
});

describe('buildEml', () => {
  const base = { from: { name: 'A', address: 'a@example.test' }, to: [{ name: 'B', address: 'b@example.test' }], subject: 'S', text: 'T', html: '<p>T</p>', attachments: [], date };

  it('refuses a Message-ID that is not <local@domain>, and a message without recipients', async () => {
    await expect(buildEml({ ...base, messageId: 'stage-1@overdue.test' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[RangeError: A Message-ID is written <local@domain>, not "stage-1@overdue.test"]`,
    );
    await expect(buildEml({ ...base, to: [], messageId: '<a@b>' })).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: A message needs at least one recipient]`);
  });

  it('writes CRLF line ends and a Reply-To equal to From unless given', async () => {
    const eml = new TextDecoder().decode(await buildEml({ ...base, messageId: '<a@b>' }));
    expect(eml).toContain('Reply-To: A <a@example.test>\r\n');
    expect(eml.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
