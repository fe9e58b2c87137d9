/** Which rows enter an analysis, and the group columns restricted to them. */
import { EinblickError, type Warning } from '../errors.ts';
import type { GroupColumn } from '../fairness/types.ts';

/**
 * Rows with a score and (where `ok` says so) an outcome. Dropped rows are counted in a warning,
 * never silently; no row left is an error.
 *
 * @example keepRows(new Float64Array([0.1, NaN, 0.7]), () => true, warnings, 'y') // Int32Array [0, 2] (+ a warning)
 */
export function keepRows(scores: Float64Array, ok: (i: number) => boolean, warnings: Warning[], outcome: string | null): Int32Array {
  const keep: number[] = [];
  let noScore = 0;
  let noOutcome = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) noScore++;
    else if (!ok(i)) noOutcome++;
    else keep.push(i);
  }
  if (noOutcome > 0) {
    warnings.push({ code: 'ROWS_WITHOUT_OUTCOME', message: `${noOutcome} rows have no value in the outcome column ${outcome}; they are left out of the fairness analysis`, params: { count: noOutcome, column: outcome ?? '' } });
  }
  if (noScore > 0) {
    warnings.push({ code: 'ROWS_WITHOUT_SCORE', message: `${noScore} rows got no score from the model (NaN); they are left out of the fairness analysis`, params: { count: noScore } });
  }
  if (keep.length === 0) {
    throw new EinblickError('MISSING_VALUE', 'no row has both a score and an outcome', 'Check the outcome column: it seems to be empty.');
  }
  return Int32Array.from(keep);
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
