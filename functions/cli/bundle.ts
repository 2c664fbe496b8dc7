import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { baseLanguage } from '#domain/schemas/language.ts';
import { isValidPlainDate } from '#domain/time/plain-date.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import { createFsArchive } from '../adapters/local/fs-archive.ts';
import { openSqliteStore } from '../adapters/local/sqlite-store.ts';
import { buildBundle } from '../bundle/build-bundle.tsx';
import { renderDatedPdf } from '../bundle/render-dated-pdf.ts';
import type { CliIo } from './io.ts';

const usage = 'Usage: npm run cli -- bundle CASE_ID [--lang en|ru|fr|he] [--out FILE.zip] [--date YYYY-MM-DD] [--data .overdue]';

/** `bundle CASE_ID --lang fr --out case.zip`: the lawyer bundle of a case in the local data folder. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string', default: 'en' }, out: { type: 'string' }, date: { type: 'string' }, data: { type: 'string' } } });
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [caseId] = parsed.positionals;
  const { lang, out, date } = parsed.values;
  if (!caseId || parsed.positionals.length > 1) {
    io.err(usage);
    return 2;
  }
  if (!baseLanguage(lang!)) {
    io.err(`--lang: "${lang}" is not one of en, ru, fr, he`);
    return 2;
  }
  if (date !== undefined && !isValidPlainDate(date)) {
    io.err(`--date: "${date}" is not a date written YYYY-MM-DD`);
    return 2;
  }
  const dataDir = resolve(parsed.values.data ?? process.env.OVERDUE_DATA ?? '.overdue');
  const dbPath = join(dataDir, 'overdue.db');
  if (!existsSync(dbPath)) {
    io.err(`No Overdue data in ${dataDir} (start Overdue with npm start first, or pass --data)`);
    return 1;
  }
  const store = openSqliteStore(dbPath);
  try {
    const record = await store.getCase(caseId);
    if (!record) {
      io.err(`No case ${caseId} in ${dataDir}`);
      return 1;
    }
    const bundleDate = date ?? localDateTime(new Date(), record.file.creditor.timeZone).date;
    const bundle = await buildBundle({ store, archive: createFsArchive(join(dataDir, 'archive')) }, caseId, { date: bundleDate, lang: lang!, render: renderDatedPdf });
    const target = resolve(out ?? bundle.fileName);
    await writeFile(target, bundle.bytes);
    io.out(`${target}: ${bundle.files.length + 2} files, ${bundle.bytes.length} bytes`);
    for (const w of bundle.warnings) io.out(`  warning: ${w.detail}`);
    return 0;
  } finally {
    await store.close();
  }
}
