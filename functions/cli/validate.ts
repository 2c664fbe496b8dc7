import { parseArgs } from 'node:util';
import type { CliIo } from './io.ts';
import { printErrors, readCaseFile } from './read-case-file.ts';

/** `validate FILE`: prints "valid" or every field error; exit 0 / 1 (2: usage). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    io.err('Usage: npm run cli -- validate FILE');
    return 2;
  }
  const result = await readCaseFile(file);
  if (!result.ok) {
    printErrors(result.errors, io.err, file);
    return 1;
  }
  io.out('valid');
  return 0;
}
