/**
 * Disparities of one attribute from its per-group confusion counts, as a flat vector. The same
 * function gives the point estimates and every bootstrap replicate, so both follow one rule.
 *
 * Convention (fairlearn 0.12 `between_groups`, as in the reference fixtures): for each rate,
 * difference = max - min over the groups whose rate is defined (denominator > 0), ratio =
 * min / max (undefined when max is 0). A rate defined for fewer than two groups compares
 * nothing: its difference and ratio are undefined, not 0 and 1 (issue 9); equal_opportunity_* = the TPR values; equalized_odds_* =
 * the worse of the defined TPR and FPR components (larger difference, smaller ratio).
 * four_fifths_ratio = min / max of the favourable rate (disparate impact against the most
 * favoured group). reference_ratio = the smallest favourable-rate ratio of another group to the
 * reference group. Then, per group g: ratio_to_reference[g] = fav_g / fav_ref and
 * difference_to_reference[g] = fav_ref - fav_g. Undefined values are NaN here.
 */
import { FN, FP, TN, TP } from './counts.ts';

export const DISPARITY_KEYS = [
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'true_positive_rate_difference',
  'true_positive_rate_ratio',
  'false_positive_rate_difference',
  'false_positive_rate_ratio',
  'true_negative_rate_difference',
  'true_negative_rate_ratio',
  'false_negative_rate_difference',
  'false_negative_rate_ratio',
  'accuracy_difference',
  'accuracy_ratio',
  'equal_opportunity_difference',
  'equal_opportunity_ratio',
  'equalized_odds_difference',
  'equalized_odds_ratio',
  'four_fifths_ratio',
  'reference_ratio',
] as const;

export type DisparityKey = (typeof DISPARITY_KEYS)[number];

/** Rates compared between groups, in the order of the first 12 DISPARITY_KEYS. */
export const COMPARED_RATES = ['selection_rate', 'tpr', 'fpr', 'tnr', 'fnr', 'accuracy'] as const;

const S = DISPARITY_KEYS.length;
const pair = new Float64Array(2);

/**
 * Length of the vector for G groups: the scalar keys, then G ratios and G differences to the reference.
 *
 * @example disparityLength(2) // 22
 */
export function disparityLength(groups: number): number {
  return S + 2 * groups;
}

/** Writes the 7 compared rates (6 above + favourable rate) of every group into `rates` (7·G, NaN = undefined). */
function fillRates(c: ArrayLike<number>, G: number, favPos: boolean, rates: Float64Array): void {
  for (let g = 0; g < G; g++) {
    const tn = c[4 * g + TN];
    const fp = c[4 * g + FP];
    const fn = c[4 * g + FN];
    const tp = c[4 * g + TP];
    const n = tn + fp + fn + tp;
    const P = tp + fn;
    const N = tn + fp;
    rates[g] = n > 0 ? (tp + fp) / n : NaN;
    rates[G + g] = P > 0 ? tp / P : NaN;
    rates[2 * G + g] = N > 0 ? fp / N : NaN;
    rates[3 * G + g] = N > 0 ? tn / N : NaN;
    rates[4 * G + g] = P > 0 ? fn / P : NaN;
    rates[5 * G + g] = n > 0 ? (tp + tn) / n : NaN;
    rates[6 * G + g] = n > 0 ? (favPos ? tp + fp : tn + fn) / n : NaN;
  }
}

/** max - min and min / max of rates[from .. from+G) over defined values, into out[at], out[at+1]; NaN for fewer than two. */
function spread(rates: Float64Array, from: number, G: number, out: Float64Array, at: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  let defined = 0;
  for (let g = from; g < from + G; g++) {
    const v = rates[g];
    if (v !== v) continue;
    defined++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (defined < 2) {
    out[at] = NaN;
    out[at + 1] = NaN;
  } else {
    out[at] = hi - lo;
    out[at + 1] = hi > 0 ? lo / hi : NaN;
  }
}

/** The worse of two components, ignoring undefined ones: larger (worse = 'max') or smaller. */
function worse(a: number, b: number, larger: boolean): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return larger ? Math.max(a, b) : Math.min(a, b);
}

/**
 * Fills `out` (length disparityLength(G)) from counts ([tn, fp, fn, tp] per group); `scratch`
 * needs 7·G numbers. `ref` is the reference group's index.
 *
 * @example disparityVector(Float64Array.of(5, 0, 0, 5, 8, 0, 0, 2), 2, true, 0, out, scratch)
 *   // out[0] (demographic parity difference) = 0.5 - 0.2 = 0.3
 */
export function disparityVector(
  c: ArrayLike<number>,
  G: number,
  favPos: boolean,
  ref: number,
  out: Float64Array,
  scratch: Float64Array,
): void {
  fillRates(c, G, favPos, scratch);
  for (let m = 0; m < 6; m++) spread(scratch, m * G, G, out, 2 * m);
  out[12] = out[2];
  out[13] = out[3];
  out[14] = worse(out[2], out[4], true);
  out[15] = worse(out[3], out[5], false);
  spread(scratch, 6 * G, G, pair, 0);
  out[16] = pair[1];
  const favRef = scratch[6 * G + ref];
  let minRatio = Infinity;
  for (let g = 0; g < G; g++) {
    const fav = scratch[6 * G + g];
    const r = favRef > 0 ? fav / favRef : NaN;
    out[S + g] = r;
    out[S + G + g] = favRef - fav;
    if (g !== ref && r < minRatio) minRatio = r;
  }
  out[17] = minRatio === Infinity ? NaN : minRatio;
}
