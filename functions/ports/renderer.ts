import type { CaseRecord, StageRecord } from './records.ts';

/** A stage's e-mail, rendered: the PDF and the complete MIME message that carries it. */
export interface RenderedStage {
  subject: string;
  from: string;
  to: string[];
  messageId: string;
  pdf: Uint8Array;
  eml: Uint8Array;
}

/** Renders a stage's letter and e-mail for a case as it stands at `at` (documents in templates/). */
export interface StageRenderer {
  render(record: CaseRecord, stage: StageRecord, at: Date): Promise<RenderedStage>;
}
