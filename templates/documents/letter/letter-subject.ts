import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { letterContext, type LetterContext } from './letter-context.ts';
import type { LetterSource } from './letter-source.ts';
import { tidy } from './tidy.ts';

/**
 * The subject line of a stage's letter, in the translator's language: the letter's bold subject
 * and the e-mail's Subject header. It names the invoices and the date that matters (due date,
 * deadline, suspension date, offer expiry, promised date, instalment), never an amount.
 *
 * @example letterSubject({ caseFile, stage: { template: 'ultimatum' }, date: '2026-04-16' }, translator('en-GB'))
 * // 'Services will be suspended on 23 April 2026 unless invoice PD-0142 is paid'
 * @see shared/DOMAIN.md "Letters along the way"
 */
export function letterSubject(source: LetterSource, t: Translator): string {
  return letterSubjectOf(letterContext(source, t));
}

/** {@link letterSubject} from an already computed context (the view computes it once). */
export function letterSubjectOf(ctx: LetterContext): string {
  return tidy(ctx.t.t(`letters.stage.${ctx.source.stage.template}.subject` as MessageKey, ctx.values));
}
