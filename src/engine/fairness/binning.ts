/**
 * Cuts a numeric attribute into groups with readable labels.
 *
 * Cut points c_1 < ... < c_m split the line into (-inf, c_1), [c_1, c_2), ..., [c_m, +inf).
 * Inner bins are labelled by their cut points ("[25, 35)"); the outer bins by the observed
 * data range ("[19, 25)" for the lowest, "[35, 75]" for the highest), so that a label never
 * shows an infinite bound. Numbers print in their shortest exact form (String(x)).
 * - { edges }: the person's cut points (strictly increasing, finite).
 * - { quantiles: q }: cut points are data values at sorted positions floor(j·m/q), j = 1..q-1,
 *   of the m present values, duplicates removed (so tied data may give fewer than q bins).
 * NaN is missing (code -1). Empty bins are dropped later, with every other empty group.
 */
import { EinblickError } from '../errors.ts';
import type { Binning } from './types.ts';

/** Cut points for a binning, checked. */
function cutPoints(name: string, present: Float64Array, binning: Binning): number[] {
  if ('edges' in binning) {
    const e = binning.edges;
    const ok = e.length > 0 && e.every((x, i) => Number.isFinite(x) && (i === 0 || x > e[i - 1]));
    if (!ok) {
      throw new EinblickError(
        'INVALID_OPTION',
        `invalid binning edges for ${name}: ${JSON.stringify(e)}; expected increasing finite numbers`,
        'Give at least one cut point, each larger than the one before, e.g. [25, 35, 50].',
        { option: 'binning', attribute: name },
      );
    }
    return [...e];
  }
  const sorted = present.slice().sort();
  const m = sorted.length;
  const cuts: number[] = [];
  for (let j = 1; j < binning.quantiles; j++) {
    const c = sorted[Math.floor((j * m) / binning.quantiles)];
    if (c > sorted[0] && (cuts.length === 0 || c > cuts[cuts.length - 1])) cuts.push(c);
  }
  return cuts;
}

/**
 * Bins a numeric column: one code per row (-1 for NaN) into the returned levels.
 *
 * @example binNumeric('age', Float64Array.of(19, 30, 70), { edges: [25, 35] })
 *   // { codes: Int32Array [0, 1, 2], levels: ['[19, 25)', '[25, 35)', '[35, 70]'] }
 */
export function binNumeric(name: string, values: Float64Array, binning: Binning): { codes: Int32Array; levels: string[] } {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const present = new Float64Array(count);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[j++] = values[i];
  const cuts = cutPoints(name, present, binning);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : upperBound(cuts, v);
  }
  return { codes, levels: binLabels(cuts, lo, hi) };
}

/** Number of cut points <= v. */
function upperBound(cuts: number[], v: number): number {
  let a = 0;
  let b = cuts.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (cuts[mid] <= v) a = mid + 1;
    else b = mid;
  }
  return a;
}

function binLabels(cuts: number[], lo: number, hi: number): string[] {
  const s = (x: number): string => String(x);
  const labels: string[] = [];
  const m = cuts.length;
  if (m === 0) return [`[${s(lo)}, ${s(hi)}]`];
  labels.push(lo < cuts[0] ? `[${s(lo)}, ${s(cuts[0])})` : `< ${s(cuts[0])}`);
  for (let i = 0; i + 1 < m; i++) labels.push(`[${s(cuts[i])}, ${s(cuts[i + 1])})`);
  labels.push(hi >= cuts[m - 1] ? `[${s(cuts[m - 1])}, ${s(hi)}]` : `>= ${s(cuts[m - 1])}`);
  return labels;
}
