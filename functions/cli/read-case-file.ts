import { readFile } from 'node:fs/promises';
import { CaseFileSchema, type CaseFile } from '#domain/schemas/case.ts';
import { fieldErrors, type FieldError } from '#domain/validation/field-errors.ts';

export type CaseFileResult = { ok: true; file: CaseFile } | { ok: false; errors: FieldError[] };

/** Reads and validates a case file; never throws for bad content, only for an unreadable path. */
export async function readCaseFile(path: string): Promise<CaseFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, errors: [{ path: '(the file)', message: code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(the file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = CaseFileSchema.safeParse(data);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

export function printErrors(errors: FieldError[], err: (s: string) => void, file: string): void {
  err(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
  for (const e of errors) err(`  ${e.path}: ${e.message}`);
}
