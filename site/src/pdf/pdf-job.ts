import type { ContractSource } from '../../../templates/documents/contract/contract-view.ts';
import type { InvoiceSource } from '../../../templates/documents/invoice/invoice-view.ts';
import type { LetterSource } from '../../../templates/documents/letter/letter-source.ts';
import type { StatementSource } from '../../../templates/documents/statement/statement-view.ts';

/**
 * One document to render in the PDF worker: which document, its validated source (the domain's
 * parsed values, structured-cloned into the worker) and the language to write it in.
 */
export type PdfJob =
  | { kind: 'contract'; lang: string; source: ContractSource }
  | { kind: 'invoice'; lang: string; source: InvoiceSource }
  | { kind: 'letter'; lang: string; source: LetterSource }
  | { kind: 'statement'; lang: string; source: StatementSource };

/** What the worker is doing, for the page's progress line. */
export type PdfPhase = 'engine' | 'rendering';

/** A job to render, or `warm`: load the engine and warm it up, ahead of the first job. */
export type WorkerRequest = { id: number; job: PdfJob } | { id: number; warm: true };
export type WorkerReply =
  | { id: number; type: 'phase'; phase: PdfPhase }
  | { id: number; type: 'done'; pdf: ArrayBuffer; renderMs: number; engineMs: number }
  | { id: number; type: 'warm'; engineMs: number }
  | { id: number; type: 'error'; message: string };
