/** Which rows enter an analysis, and the group columns restricted to them. */
import { EinblickError, type Warning } from '../errors.ts';
import type { GroupColumn } from '../fairness/types.ts';

/**
 * Rows with a score and (where `ok` says so) an outcome. Dropped rows are counted in a warning,
 * never silently; no row left is an error that says why: rows without a score (the model
 * returned NaN; `emptyFeatures` names model input columns without any value, a likely cause),
 * rows without an outcome, or both.
 *
 * @example keepRows(new Float64Array([0.1, NaN, 0.7]), () => true, warnings, 'y') // Int32Array [0, 2] (+ a warning)
 */
export function keepRows(scores: Float64Array, ok: (i: number) => boolean, warnings: Warning[], outcome: string | null, emptyFeatures: string[] = [], scoreColumn: string | null = null): Int32Array {
  const keep: number[] = [];
  let noScore = 0;
  let noOutcome = 0;
  let outcomeMissing = 0;
  for (let i = 0; i < scores.length; i++) {
    const has = ok(i);
    if (!has) outcomeMissing++;
    if (Number.isNaN(scores[i])) noScore++;
    else if (!has) noOutcome++;
    else keep.push(i);
  }
  if (noOutcome > 0) {
    warnings.push({ code: 'ROWS_WITHOUT_OUTCOME', message: `${noOutcome} rows have no value in the outcome column ${outcome}; they are left out of the fairness analysis`, params: { count: noOutcome, column: outcome ?? '' } });
  }
  if (noScore > 0 && scoreColumn !== null) {
    warnings.push({ code: 'ROWS_WITHOUT_SCORE_VALUE', message: `${noScore} rows have no value in the score column ${scoreColumn}; they are left out of the fairness analysis`, params: { count: noScore, column: scoreColumn } });
  } else if (noScore > 0) {
    warnings.push({ code: 'ROWS_WITHOUT_SCORE', message: `${noScore} rows got no score from the model (NaN); they are left out of the fairness analysis`, params: { count: noScore } });
  }
  if (keep.length === 0 && scoreColumn !== null && noScore === scores.length) {
    throw new EinblickError('MISSING_VALUE', `the score column ${scoreColumn} has no values`, `Choose the column that holds the scores (or decisions), or fill it in.`, { column: scoreColumn, detail: 'SCORE_COLUMN_EMPTY' });
  }
  if (keep.length === 0) throw noCompleteRow(scores.length, noScore, outcomeMissing, outcome, emptyFeatures);
  return Int32Array.from(keep);
}

/** Why no row has both a score and an outcome, with what to do about it. */
function noCompleteRow(rows: number, noScore: number, noOutcome: number, outcome: string | null, emptyFeatures: string[]): EinblickError {
  const empty = emptyFeatures[0] ?? null;
  const why = empty === null ? '' : ` (the model input column ${empty} is empty${emptyFeatures.length > 1 ? `, and ${emptyFeatures.length - 1} more` : ''})`;
  const parts = [
    ...(noScore > 0 ? [`${noScore} of ${rows} rows lack a score because the model gave no number for them (NaN)${why}`] : []),
    ...(noOutcome > 0 ? [`${noOutcome} of ${rows} rows lack an outcome${outcome === null ? '' : ` in column ${outcome}`}`] : []),
  ];
  const hint =
    noScore === rows
      ? empty !== null
        ? `Fill in column ${empty}, or give the model another column for that input; the model gives no score for a row with missing inputs.`
        : 'Check the model inputs for missing or invalid values; the model gives no score (NaN) for such rows.'
      : noOutcome === rows
        ? `Check the outcome column${outcome === null ? '' : ` ${outcome}`}: no row has a value in it.`
        : 'The rows that have a score have no outcome, and the other way round: check the outcome column and the model inputs.';
  return new EinblickError('MISSING_VALUE', `no row has both a score and an outcome: ${parts.join('; ')}`, hint, {
    detail: 'NO_COMPLETE_ROW', rows, no_score: noScore, no_outcome: noOutcome, column: outcome ?? '', empty_feature: empty ?? '',
  });
}

/** The group columns restricted to the kept rows (same order). */
export function selectGroups(groups: GroupColumn[], keep: Int32Array): GroupColumn[] {
  const n = groups.length === 0 ? 0 : 'codes' in groups[0] ? groups[0].codes.length : groups[0].values.length;
  if (keep.length === n) return groups; // every row kept
  return groups.map((g) => {
    if ('codes' in g) {
      const codes = new Int32Array(keep.length);
      for (let j = 0; j < keep.length; j++) codes[j] = g.codes[keep[j]];
      return { name: g.name, codes, levels: g.levels };
    }
    const values = new Float64Array(keep.length);
    for (let j = 0; j < keep.length; j++) values[j] = g.values[keep[j]];
    return { name: g.name, values };
  });
}
