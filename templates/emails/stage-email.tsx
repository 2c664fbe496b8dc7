import { renderToStaticMarkup } from 'react-dom/server';
import { letterView, type LetterView } from '../documents/letter/letter-view.ts';
import type { LetterSource } from '../documents/letter/letter-source.ts';
import type { Translator } from '../i18n/translator.ts';
import { EmailBody } from './EmailBody.tsx';
import { emailText } from './email-text.ts';
import { letterFileName } from './letter-file-name.ts';

/** A stage e-mail: the Subject header, the HTML and plain-text bodies, and the PDF's file name. */
export interface StageEmail {
  subject: string;
  html: string;
  text: string;
  /** the name the letter's PDF is attached under */
  attachmentName: string;
}

/**
 * The e-mail that carries a stage's letter, in one language: the letter's subject, an HTML body
 * (`<!DOCTYPE html>` + React rendered with `renderToStaticMarkup`, `<html lang dir>`, inline
 * styles, every string escaped by React) and a plain-text body, both built from the letter view
 * the PDF is drawn from, so the e-mail and the attachment cannot say different things.
 *
 * @param view the letter's view when the caller already has it (the PDF renderer does)
 * @example const { subject, html, text } = stageEmail({ caseFile, stage: { template: 'overdue-firm' }, date: '2026-04-16' }, translator('he'))
 * @see shared/DESIGN.md "Documents are data + template"
 */
export function stageEmail(source: LetterSource, t: Translator, view: LetterView = letterView(source, t)): StageEmail {
  const attachmentName = letterFileName(view);
  const notes = {
    attachmentNote: t.t('email.attachment'),
    footer: t.t('email.footer', { creditor: view.creditorName, email: t.ltr(view.creditor.emails[0]!) }),
  };
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<EmailBody view={view} {...notes} />)}`;
  return { subject: view.subject, html, text: emailText(view, t, notes), attachmentName };
}
