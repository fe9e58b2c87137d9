/**
 * Where the scores of an audit come from on the command line: the model (--model), or a column
 * of the data (--scores COLUMN [--higher-is positive|negative], --decisions COLUMN[=VALUE]),
 * for the spreadsheets of scores a council is handed without the model. Exactly one is given.
 */
import { EinblickError } from '../engine/errors.ts';
import type { ScoreSourceSpec } from '../engine/analyses/score-source.ts';
import { limitOption, shown } from './options.ts';

export interface SourceFlags {
  model?: string;
  scores?: string;
  higherIs?: string;
  decisions?: string;
  threshold?: string;
}

/**
 * The score source and the threshold (in the score's units for --scores, a probability for a
 * model, none for --decisions).
 *
 * @example sourceFlags({ scores: 'decile_score', threshold: '5' }) // { source: { scores: 'decile_score', higherIs: 'positive' }, threshold: 5 }
 */
export function sourceFlags(o: SourceFlags, suffix = ''): { source: ScoreSourceSpec | undefined; threshold: number | undefined } {
  const f = (name: string) => `--${name}${suffix}`;
  const given = (['model', 'scores', 'decisions'] as const).filter((k) => o[k] !== undefined);
  if (given.length === 0) {
    throw usage(`no ${suffix ? 'model B and no scores of B' : 'model and no scores'} given`, `Give the model (${f('model')} M.onnx), or the column with its scores (${f('scores')} COLUMN) or decisions (${f('decisions')} COLUMN=VALUE).`);
  }
  if (given.length > 1) {
    throw usage(`${f(given[0])} and ${f(given[1])} given together`, `Give one source of scores: the model (${f('model')}), a score column (${f('scores')}) or a decision column (${f('decisions')}).`);
  }
  if (o.higherIs !== undefined && o.scores === undefined) throw usage(`${f('higher-is')} without ${f('scores')}`, `Use ${f('higher-is')} with ${f('scores')} COLUMN: it says which end of the score means positive.`);
  if (o.higherIs !== undefined && o.higherIs !== 'positive' && o.higherIs !== 'negative') {
    throw usage(`invalid higher-is${suffix}: ${shown(o.higherIs)}; expected positive or negative`, `Pass ${f('higher-is')} positive (a higher score is more likely positive, the default) or ${f('higher-is')} negative (e.g. a rank where 1 is the highest risk).`);
  }
  if (o.decisions !== undefined) {
    if (o.threshold !== undefined) throw usage(`${f('threshold')} with ${f('decisions')}`, `A decision column holds the decisions themselves: there is no threshold to set. Leave ${f('threshold')} out, or give the score column with ${f('scores')}.`);
    return { source: { decisions: o.decisions }, threshold: undefined };
  }
  if (o.scores !== undefined) {
    return { source: { scores: o.scores, higherIs: (o.higherIs ?? 'positive') as 'positive' | 'negative' }, threshold: scoreThreshold(o.threshold, `threshold${suffix}`) };
  }
  return { source: undefined, threshold: limitOption(o.threshold, `threshold${suffix}`, 'threshold') };
}

/** A threshold in the score's own units: any finite decimal number. */
function scoreThreshold(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const v = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i.test(t) ? Number(t.replace(',', '.')) : NaN;
  if (!Number.isFinite(v)) throw usage(`invalid ${flag}: ${shown(text)}; expected a number in the score's own units`, `Pass --${flag} with the score at which a case counts as positive, e.g. --${flag} 5 for deciles 5 and above.`);
  return v;
}

function usage(message: string, hint: string): EinblickError {
  return new EinblickError('INVALID_OPTION', message, hint, { option: 'source' });
}
