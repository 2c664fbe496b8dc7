import { LetterDocument } from '../../templates/documents/letter/LetterDocument.tsx';
import { letterView } from '../../templates/documents/letter/letter-view.ts';
import type { LetterSource } from '../../templates/documents/letter/letter-source.ts';
import { stageEmail } from '../../templates/emails/stage-email.tsx';
import { translator } from '../../templates/i18n/translator.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { buildEml } from './build-eml.ts';

/** A stage's letter and the e-mail that carries it, ready to send and to archive. */
export interface RenderedStageEmail {
  subject: string;
  html: string;
  text: string;
  /** the letter as a PDF, the e-mail's attachment byte for byte */
  pdf: Uint8Array;
  /** the whole MIME message */
  eml: Uint8Array;
}

/**
 * Renders a stage in one language: the letter view once, the PDF from it (`renderPdf`), the
 * e-mail bodies from it (`stageEmail`) and the .eml (`buildEml`): From and Reply-To the
 * creditor, To every e-mail address of the debtor, the PDF attached as `application/pdf`.
 *
 * @param lang a BCP 47 tag with a catalog (usually the debtor's `language`)
 * @example const { eml, pdf } = await renderStageEmail(source, 'fr', { messageId: '<case-1.late-7@overdue.local>', date: new Date('2026-05-08T08:00:00Z') })
 * @see ./build-eml.ts (deterministic bytes)
 */
export async function renderStageEmail(source: LetterSource, lang: string, options: { messageId: string; date: Date }): Promise<RenderedStageEmail> {
  const t = translator(lang);
  const view = letterView(source, t);
  const email = stageEmail(source, t, view);
  const pdf = await renderPdf(<LetterDocument view={view} t={t} />);
  const creditor = { name: view.creditorName, address: view.creditor.emails[0]! };
  const eml = await buildEml({
    from: creditor,
    replyTo: creditor,
    to: view.debtor.emails.map((address) => ({ name: view.debtor.legalName, address })),
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: [{ filename: email.attachmentName, content: pdf, contentType: 'application/pdf' }],
    messageId: options.messageId,
    date: options.date,
  });
  return { subject: email.subject, html: email.html, text: email.text, pdf, eml };
}
