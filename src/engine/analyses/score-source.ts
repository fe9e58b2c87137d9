/**
 * Scores without the model: what a works council is most often handed is a spreadsheet with one
 * row per case, the model's score or decision, the true outcome and the group columns. This
 * module turns such a column into the same Predictions a model gives, so that every analysis
 * that needs no model (group metrics, intervals, thresholds, rankings, the model check) runs on
 * it unchanged.
 *
 * - `scores`: a number per row (a probability or any score), the threshold in the score's own
 *   units, and which end is positive ('higher' by default; 'lower' for a risk rank where 1 is
 *   the most likely positive).
 * - `decisions`: the decision itself ('ja'/'nein', 1/0): a row is positive where the column
 *   holds the positive value; there is no threshold to move.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { categoryColumn, numericColumn } from '../data/columns.ts';
import type { ColumnInfo } from '../data/types.ts';
import type { Predictions, ScoreSourceInfo, Task } from '../model/types.ts';
import { parseLabel, requireColumn } from './outcome.ts';

/** Where the scores come from when there is no model: the CLI's --scores / --decisions, the audit file's keys. */
export type ScoreSourceSpec =
  | { scores: string; higherIs?: 'positive' | 'negative'; task?: Task }
  | { decisions: string };

/**
 * The scores of every row from a column of the table.
 *
 * @example predictionsFromColumn(table, columns, { scores: 'decile_score' }).scores[0] // 1
 * @example predictionsFromColumn(table, columns, { decisions: 'flagged=ja' }).scores // Float64Array [1, 0, ...]
 */
export function predictionsFromColumn(table: Table, columns: ColumnInfo[], spec: ScoreSourceSpec): { predictions: Predictions; warnings: Warning[] } {
  return 'scores' in spec ? fromScores(table, columns, spec) : fromDecisions(table, columns, spec.decisions);
}

function fromScores(table: Table, columns: ColumnInfo[], spec: { scores: string; higherIs?: 'positive' | 'negative'; task?: Task }): { predictions: Predictions; warnings: Warning[] } {
  const info = requireColumn(columns, spec.scores, 'score column', table);
  if (info.kind !== 'number') {
    throw new EinblickError('TEXT_FOR_NUMBER', `the score column ${spec.scores} holds text, not numbers`, `Choose the column with the model's score (a number per case), or use --decisions ${spec.scores}=VALUE if it holds the decision itself (e.g. ja/nein).`, { column: spec.scores, detail: 'SCORES_NOT_NUMBERS' });
  }
  const scores = numericColumn(table, spec.scores);
  const higherIs = spec.higherIs ?? 'positive';
  const task = spec.task ?? 'classification';
  const source: ScoreSourceInfo = { kind: 'scores', column: spec.scores, higher_is: higherIs };
  const predictions: Predictions = { task, output: spec.scores, positiveIndex: null, positiveLabel: null, scores, precision: 'float64', labels: null, source };
  return { predictions, warnings: [] };
}

function fromDecisions(table: Table, columns: ColumnInfo[], text: string): { predictions: Predictions; warnings: Warning[] } {
  const { column, value } = parseLabel(text, columns.map((c) => c.name));
  requireColumn(columns, column, 'decision column', table);
  const { codes, levels } = categoryColumn(table, column);
  const positive = value ?? defaultPositive(levels);
  if (positive === null) {
    throw new EinblickError('INVALID_OPTION', `which value of the decision column ${column} is the positive decision? Its values are ${levels.join(', ')}`, `Name it: --decisions ${column}=${levels[levels.length - 1] ?? 'VALUE'}.`, { column, values: levels, detail: 'DECISION_VALUE_NEEDED' });
  }
  const k = levels.indexOf(positive);
  if (k < 0) {
    throw new EinblickError('INVALID_OPTION', `invalid decision value: ${positive}; the decision column ${column} holds ${levels.join(', ') || 'no values'}`, 'Choose one of the values listed (the spelling must match exactly).', { column, value: positive, values: levels, detail: 'DECISION_VALUE_UNKNOWN' });
  }
  const warnings: Warning[] = [];
  if (levels.length > 2) {
    warnings.push({ code: 'DECISIONS_MANY_VALUES', message: `the decision column ${column} has ${levels.length} values; ${positive} counts as the positive decision and every other value (${levels.filter((l) => l !== positive).join(', ')}) as negative.`, params: { column, positive, others: levels.filter((l) => l !== positive) } });
  }
  const scores = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) scores[i] = codes[i] < 0 ? NaN : codes[i] === k ? 1 : 0;
  const source: ScoreSourceInfo = { kind: 'decisions', column, positive };
  const predictions: Predictions = { task: 'classification', output: column, positiveIndex: null, positiveLabel: null, scores, precision: 'float64', labels: null, source };
  return { predictions, warnings };
}

/** '1' for 0/1 columns, 'true' for yes/no columns, 'ja' for ja/nein, 'yes' for yes/no; else null. */
function defaultPositive(levels: string[]): string | null {
  const set = new Set(levels.map((l) => l.toLowerCase()));
  for (const [pos, neg] of [['1', '0'], ['true', 'false'], ['ja', 'nein'], ['yes', 'no']]) {
    if ([...set].every((l) => l === pos || l === neg)) return levels.find((l) => l.toLowerCase() === pos) ?? null;
  }
  return null;
}

/**
 * The threshold a decision source is compared at: decisions are 1 or 0, so 0.5 separates them.
 */
export const DECISION_THRESHOLD = 0.5;
