/**
 * Decisions of one side, and the joint counts of both sides per group.
 *
 * A decision is "positive" when score >= threshold (or score <= threshold when lower scores
 * mean positive), compared in the score's own precision (decisionThreshold), as the fairness
 * engine does: a float32 score equal to the threshold counts as positive.
 *
 * Joint counts: 8 cells per group, cell = 8·group + 4·y_true + 2·decision_A + decision_B. Every
 * number of a comparison within a group (A's and B's confusion counts, the changed decisions)
 * is a sum of these cells, so resampling the group's rows changes the comparison only through
 * them (paired.ts).
 */
import { EinblickError } from '../errors.ts';
import { checkFinite } from '../fairness/validate.ts';
import { decisionThreshold } from '../precision.ts';
import type { ScoredSide } from './types.ts';

/**
 * 1 where the side's decision is positive.
 *
 * @example decisions({ scores: Float64Array.of(0.2, 0.5, 0.9), threshold: 0.5 }, 'A') // Uint8Array [0, 1, 1]
 * @example decisions({ scores: Float64Array.of(0.2, 0.5, 0.9), threshold: 0.5, higherIsPositive: false }, 'B') // Uint8Array [1, 1, 0]
 */
export function decisions(side: ScoredSide, name: 'A' | 'B'): Uint8Array {
  const t = side.threshold;
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new EinblickError('INVALID_OPTION', `invalid threshold of ${name}: ${t}; expected a number`, `Give the score at which a case of ${name} counts as positive.`, { option: name === 'A' ? 'threshold' : 'threshold-b' });
  }
  checkFinite(side.scores, name === 'A' ? 'scores' : 'scores of B');
  const cut = decisionThreshold(t, side.precision);
  const s = side.scores;
  const out = new Uint8Array(s.length);
  if (side.higherIsPositive === false) for (let i = 0; i < s.length; i++) out[i] = s[i] <= cut ? 1 : 0;
  else for (let i = 0; i < s.length; i++) out[i] = s[i] >= cut ? 1 : 0;
  return out;
}

/**
 * Joint counts per group (8 cells per group, layout above); yTrue null counts every row as y = 0.
 *
 * @example jointCounts(Uint8Array.of(0, 1), Uint8Array.of(1, 1), Uint8Array.of(1, 0), Int32Array.of(0, 0), 1)
 *   // Float64Array [0, 0, 0, 1,  0, 1, 0, 0]: row 0 is (y 1, A 0, B 1), row 1 is (y 0, A 1, B 1)
 */
export function jointCounts(decA: Uint8Array, decB: Uint8Array, yTrue: Uint8Array | null, ids: Int32Array, groups: number): Float64Array {
  const c = new Float64Array(8 * groups);
  if (yTrue) for (let i = 0; i < decA.length; i++) c[(ids[i] << 3) | (yTrue[i] << 2) | (decA[i] << 1) | decB[i]]++;
  else for (let i = 0; i < decA.length; i++) c[(ids[i] << 3) | (decA[i] << 1) | decB[i]]++;
  return c;
}

/**
 * One side's confusion counts ([tn, fp, fn, tp] per group, the fairness engine's layout) from
 * joint counts: side 0 is A, side 1 is B. Writes into `out` (4 per group).
 *
 * @example sideCounts(Float64Array.of(0, 0, 0, 1, 0, 1, 0, 0), 1, 1, out) // out = [0, 1, 0, 1]
 */
export function sideCounts(joint: ArrayLike<number>, groups: number, side: 0 | 1, out: Float64Array): Float64Array {
  for (let g = 0; g < groups; g++) {
    const j = 8 * g;
    const o = 4 * g;
    if (side === 0) {
      out[o] = joint[j] + joint[j + 1];
      out[o + 1] = joint[j + 2] + joint[j + 3];
      out[o + 2] = joint[j + 4] + joint[j + 5];
      out[o + 3] = joint[j + 6] + joint[j + 7];
    } else {
      out[o] = joint[j] + joint[j + 2];
      out[o + 1] = joint[j + 1] + joint[j + 3];
      out[o + 2] = joint[j + 4] + joint[j + 6];
      out[o + 3] = joint[j + 5] + joint[j + 7];
    }
  }
  return out;
}
