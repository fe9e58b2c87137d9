/**
 * Which end of a score means positive. A model's probability is positive at the high end; a
 * risk rank (1 = the highest risk) or a "lower is worse" score at the low end. The engine counts,
 * orders and ranks on one scale where high means positive: the scores themselves, or their
 * negation for direction 'lower'; group means and the thresholds it reports stay in the
 * score's own units.
 */
import { decisionThreshold } from '../precision.ts';
import type { ClassificationInput } from './types.ts';

/**
 * The scores on the 'high = positive' scale and the threshold on it, in the scores' precision:
 * y_pred = ranked >= cut is "score >= threshold" ('higher') or "score <= threshold" ('lower').
 *
 * @example rankedScores({ scores: Float64Array.of(1, 5), direction: 'lower', ... }, 3) // { ranked: [-1, -5], cut: -3 }
 */
export function rankedScores(input: Pick<ClassificationInput, 'scores' | 'precision' | 'direction'>, threshold: number): { ranked: Float64Array; cut: number } {
  const cut = decisionThreshold(threshold, input.precision);
  if (input.direction !== 'lower') return { ranked: input.scores, cut };
  return { ranked: input.scores.map((s) => -s), cut: -cut };
}

/**
 * A threshold on the ranked scale back in the score's own units.
 *
 * @example fromRanked(-3, 'lower') // 3
 */
export function fromRanked(t: number, direction: 'higher' | 'lower' | undefined): number {
  return direction === 'lower' ? -t : t;
}
