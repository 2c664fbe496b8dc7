import { resolveLadder } from '#domain/ladder/plan-case.ts';
import type { LetterTemplate } from '#domain/schemas/ladder.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import { FinalDemandDocument } from '../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandKind } from '../../templates/documents/final-demand/final-demand-kind.ts';
import { LetterDocument } from '../../templates/documents/letter/LetterDocument.tsx';
import type { LetterSource } from '../../templates/documents/letter/letter-source.ts';
import { letterView } from '../../templates/documents/letter/letter-view.ts';
import { stageEmail } from '../../templates/emails/stage-email.tsx';
import { translator } from '../../templates/i18n/translator.ts';
import { buildEml } from '../mail/build-eml.ts';
import type { CaseRecord, StageRecord } from '../ports/records.ts';
import type { RenderedStage, StageRenderer } from '../ports/renderer.ts';
import { renderPdf } from './render-pdf.ts';

export interface StageRendererOptions {
  /**
   * The address letters are sent From when it must differ from the creditor's (an SMTP account
   * or an SES-verified sender); the creditor stays the Reply-To and the name shown.
   */
  from?: string | undefined;
  /** the domain of generated Message-IDs */
  messageIdDomain?: string | undefined;
}

/** The Message-ID of a stage's e-mail: the same for the same stage, so a resend is recognisable. */
export function stageMessageId(caseId: string, stageId: string, domain = 'overdue.local'): string {
  return `<${caseId}.${stageId.replace(/[^A-Za-z0-9.-]/g, '-')}@${domain}>`;
}

/**
 * The renderer port on the documents of templates/: the stage's letter in the debtor's language,
 * dated the send day on the debtor's calendar, with the figures as the case stands; a final
 * demand in a jurisdiction with a formal letter (letter before action or of claim, mise en
 * demeure, Mahnung, претензия, מכתב התראה) attaches that formal letter, the e-mail body stays the
 * stage's own.
 *
 * @example const renderer = createStageRenderer({ from: 'letters@porter.example' })
 */
export function createStageRenderer(options: StageRendererOptions = {}): StageRenderer {
  return {
    async render(record: CaseRecord, stage: StageRecord, at: Date): Promise<RenderedStage> {
      const file = record.file;
      const definition = resolveLadder(file.ladder).stages.find((s) => s.key === stage.key);
      const date = localDateTime(at, file.debtor.timeZone).date;
      const source: LetterSource = {
        caseFile: file,
        stage: {
          template: stage.template as LetterTemplate,
          suspendAfterDays: definition?.channel === 'email' ? definition.suspendAfterDays : undefined,
          respondWithinDays: definition?.channel === 'email' ? definition.respondWithinDays : undefined,
        },
        date,
        settlement: record.settlement,
        paymentPlan: record.paymentPlan,
        instalment: stage.instalment,
        promise: record.promisedUntil ? { date: record.promisedUntil } : undefined,
      };
      const t = translator(file.debtor.language);
      const view = letterView(source, t);
      const email = stageEmail(source, t, view);
      const formal = stage.template === 'final-demand' && finalDemandKind(file) !== 'final-demand';
      const pdf = await renderPdf(
        formal ? <FinalDemandDocument source={{ caseFile: file, date, respondWithinDays: source.stage.respondWithinDays }} t={t} /> : <LetterDocument view={view} t={t} />,
      );
      const creditor = { name: view.creditorName, address: file.creditor.emails[0]! };
      const from = options.from ? { name: view.creditorName, address: options.from } : creditor;
      const to = file.debtor.emails.map((address) => ({ name: file.debtor.legalName, address }));
      const messageId = stageMessageId(record.id, stage.id, options.messageIdDomain);
      const eml = await buildEml({
        from,
        replyTo: creditor,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        attachments: [{ filename: email.attachmentName, content: pdf, contentType: 'application/pdf' }],
        messageId,
        date: at,
      });
      return { subject: email.subject, from: from.address, to: to.map((m) => m.address), messageId, pdf, eml };
    },
  };
}
