import { join } from 'node:path';
import { readAudit } from '../../engine/audit/schema.ts';
import { runAudit, sourceOf } from '../../engine/audit/run.ts';
import { renderReport } from '../../report/report.ts';
import { EinblickError } from '../../engine/errors.ts';
import { type Io } from '../io.ts';
import { readInput } from '../read-file.ts';
import { ensureFolder, writeOutput } from '../write-file.ts';
import { shown } from '../options.ts';
import { openSession, printNotes } from '../session.ts';

export interface AuditCommandOptions {
  model?: string;
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
    throw new EinblickError('INVALID_OPTION', `invalid lang: ${shown(o.lang)}; expected de or en`, 'Pass --lang de (German) or --lang en (English), or leave it out to use the audit file\'s language.', { option: 'lang', value: shown(o.lang) });
  }
  if (file.trim() === '') throw new EinblickError('INVALID_OPTION', 'the audit file path is empty', 'Give the path of the audit file (.json) as the first argument: einblick audit AUDIT.json --model M --data D --out DIR.');
  const audit = readAudit(new TextDecoder().decode(await readInput(file, 'audit')));
  const source = sourceOf(audit);
  if (source && o.model !== undefined) throw new EinblickError('INVALID_OPTION', `--model given, but the audit file names the ${'scores' in source ? 'score' : 'decision'} column ${'scores' in source ? source.scores : source.decisions} instead of a model`, 'Leave --model out to audit the column, or remove "scores"/"decisions" from the audit file to audit the model.', { option: 'model' });
  if (!source && o.model === undefined) throw new EinblickError('INVALID_OPTION', 'no model given', 'Give the model with --model M.onnx, or name the column with its scores ("scores": "COLUMN") or decisions ("decisions": "COLUMN=VALUE") in the audit file.', { option: 'model' });
  await ensureFolder(o.out);
  const { session, onProgress } = await openSession(o, io);
  const { results, explainNotes } = await runAudit(session, audit, { onProgress });
  printNotes(results.warnings, io, o.quiet);
  const lang = o.lang ?? audit.language ?? 'de';
  const [json, html] = [join(o.out, 'results.json'), join(o.out, 'report.html')];
  await writeOutput(json, JSON.stringify(results, null, 2) + '\n');
  await writeOutput(html, renderReport(results, { lang, created: new Date(), explainNotes }));
  if (!o.quiet) io.stderr(`einblick: wrote ${json} and ${html}\n`);
}
