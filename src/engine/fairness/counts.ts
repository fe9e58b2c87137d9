/**
 * Confusion counts per group in one pass over the rows.
 *
 * Layout: a Float64Array of 4 cells per group, cell = 4·group + 2·y_true + y_pred, i.e.
 * [tn, fp, fn, tp] for each group in turn (TN, FP, FN, TP below are the offsets).
 */
export const TN = 0;
export const FP = 1;
export const FN = 2;
export const TP = 3;

/**
 * y_pred = score >= threshold, one byte per row.
 *
 * @example predictAt(Float64Array.of(0.2, 0.5, 0.9), 0.5) // Uint8Array [0, 1, 1]
 */
export function predictAt(scores: Float64Array, threshold: number): Uint8Array {
  const pred = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) pred[i] = scores[i] >= threshold ? 1 : 0;
  return pred;
}

/**
 * Confusion counts of every group ([tn, fp, fn, tp] per group).
 *
 * @example confusionCounts(Uint8Array.of(1, 0, 1), Uint8Array.of(1, 1, 0), Int32Array.of(0, 0, 1), 2)
 *   // Float64Array [0, 0, 1, 1,  0, 1, 0, 0]
 */
export function confusionCounts(pred: Uint8Array, yTrue: Uint8Array, ids: Int32Array, groups: number): Float64Array {
  const counts = new Float64Array(4 * groups);
  for (let i = 0; i < pred.length; i++) counts[(ids[i] << 2) | (yTrue[i] << 1) | pred[i]]++;
  return counts;
}

/**
 * Sum of scores per group (for the mean score).
 *
 * @example scoreSums(Float64Array.of(0.2, 0.4, 1), Int32Array.of(0, 0, 1), 2) // Float64Array [0.6, 1]
 */
export function scoreSums(scores: Float64Array, ids: Int32Array, groups: number): Float64Array {
  const sums = new Float64Array(groups);
  for (let i = 0; i < scores.length; i++) sums[ids[i]] += scores[i];
  return sums;
}
