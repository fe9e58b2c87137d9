import { join } from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { readAudit } from '../../engine/audit/schema.ts';
import { runAudit } from '../../engine/audit/run.ts';
import { renderReport } from '../../report/report.ts';
import { EinblickError } from '../../engine/errors.ts';
import { readInput, writeJson, type Io } from '../io.ts';
import { openSession, printNotes } from '../session.ts';

export interface AuditCommandOptions {
  model: string;
  data: string;
  out: string;
  lang?: string;
  quiet?: boolean;
}

/**
 * `einblick audit AUDIT.json --model M --data D --out DIR`: runs the analysis the audit file
 * describes and writes DIR/results.json and DIR/report.html.
 */
export async function auditCommand(file: string, o: AuditCommandOptions, io: Io): Promise<void> {
  if (o.lang !== undefined && o.lang !== 'de' && o.lang !== 'en') {
    throw new EinblickError('INVALID_OPTION', `invalid lang: ${o.lang}; expected one of de, en`, 'Pass --lang de or --lang en.');
  }
  const audit = readAudit(new TextDecoder().decode(await readInput(file, 'audit')));
  const { session, onProgress } = await openSession(o, io);
  const { results, explainNotes } = await runAudit(session, audit, { onProgress });
  printNotes(results.warnings, io, o.quiet);
  await mkdir(o.out, { recursive: true });
  await writeJson(results, join(o.out, 'results.json'), io);
  const lang = (o.lang ?? audit.language ?? 'de') as 'de' | 'en';
  await writeFile(join(o.out, 'report.html'), renderReport(results, { lang, created: new Date(), explainNotes }));
  if (!o.quiet) io.stderr(`einblick: wrote ${join(o.out, 'results.json')} and ${join(o.out, 'report.html')}\n`);
}
