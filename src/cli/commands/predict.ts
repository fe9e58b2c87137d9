import type { Warning } from '../../engine/errors.ts';
import { predictionsToJson } from '../../engine/model/predict.ts';
import { checkOut, writeJson, type Io } from '../io.ts';
import { list } from '../options.ts';
import { openSession, printNotes } from '../session.ts';

export interface PredictCommandOptions {
  model: string;
  data: string;
  features?: string;
  output?: string;
  /** 'COLUMN=VALUE': score P(VALUE) when VALUE is one of the model's classes (as fairness and explain do). */
  label?: string;
  out?: string;
  quiet?: boolean;
}

/** `einblick predict --model M --data D [--features a,b] [--output NAME[:INDEX]] [--label COLUMN=VALUE] --out P.json`. */
export async function predictCommand(opts: PredictCommandOptions, io: Io): Promise<void> {
  const features = list(opts.features, 'features');
  await checkOut(opts.out);
  const { session, onProgress } = await openSession(opts, io);
  const { predictions, mapping, warnings } = await session.predict({ features, output: opts.output, label: opts.label }, { onProgress });
  printNotes([...(mapping?.notes ?? []), ...warnings, ...noScoreNote(predictions.scores)], io, opts.quiet);
  await writeJson(predictionsToJson(predictions), opts.out, io);
}

/** Rows whose score is not a number (the model returned NaN, e.g. for missing values): null in the JSON. */
function noScoreNote(scores: Float64Array): Warning[] {
  const rows: number[] = [];
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isFinite(scores[i])) continue;
    if (count++ < 5) rows.push(i);
  }
  if (count === 0) return [];
  return [{ code: 'NO_SCORE', message: `${count} row${count > 1 ? 's have' : ' has'} no score (the model returned no finite number, e.g. row ${rows.join(', ')}, counting from 0); they are null in the scores. Check those rows for missing or extreme values.`, params: { count, rows: rows.map(String) } }];
}
