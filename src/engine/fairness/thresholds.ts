/**
 * Per-group thresholds that equalise the selection rate or the TPR, and what that costs.
 *
 * For each group, the point of its curve whose rate is closest to the target (default: the
 * overall rate at the single threshold) is chosen; on a tie the higher threshold (fewer
 * selected). A group whose rate is undefined (TPR without positives) keeps the single
 * threshold. The cost is the overall accuracy at the single threshold minus the overall
 * accuracy with the per-group thresholds (positive = equalising loses accuracy).
 */
import { decisionThreshold, type ScorePrecision } from '../precision.ts';
import { fromRanked } from './direction.ts';
import { EinblickError } from '../errors.ts';
import { accuracyAt, pointAt } from './curves.ts';
import type { GroupCurve } from './curves.ts';

export interface GroupThreshold {
  value: string;
  /** +Infinity means: select nobody in this group. */
  threshold: number;
  achieved: number | null;
  accuracy: number;
}

export interface EqualisedThresholds {
  metric: 'selection_rate' | 'tpr';
  target: number;
  threshold: number;
  groups: GroupThreshold[];
  accuracy_single: number;
  accuracy_per_group: number;
  cost: number;
}

/** The overall rate at a single threshold, from the group curves. */
function overallRate(curves: GroupCurve[], metric: 'selection_rate' | 'tpr', t: number): number {
  let num = 0;
  let den = 0;
  for (const c of curves) {
    const i = pointAt(c, t);
    num += metric === 'tpr' ? c.tp[i] : c.selected[i];
    den += metric === 'tpr' ? c.n_positive : c.n;
  }
  return den > 0 ? num / den : NaN;
}

/** First index (highest threshold) whose rate is closest to the target. */
function closest(rates: Float64Array, target: number): number {
  let best = 0;
  for (let i = 1; i < rates.length; i++) if (Math.abs(rates[i] - target) < Math.abs(rates[best] - target)) best = i;
  return best;
}

/**
 * Per-group thresholds equalising a rate (to `target`, default the overall rate at `threshold`).
 *
 * @example equaliseThresholds(curves, { metric: 'selection_rate', threshold: 0.5 }).cost // e.g. 0.012
 */
export function equaliseThresholds(
  curves: GroupCurve[],
  spec: { metric: 'selection_rate' | 'tpr'; threshold: number; target?: number; precision?: ScorePrecision; direction?: 'higher' | 'lower' },
): EqualisedThresholds {
  // the curves are on the ranked scale (high = positive): the cut too, and thresholds go back to the score's units
  const cut = fromRanked(decisionThreshold(spec.threshold, spec.precision), spec.direction);
  const target = spec.target ?? overallRate(curves, spec.metric, cut);
  if (!(target >= 0 && target <= 1)) {
    throw new EinblickError('INVALID_OPTION', `invalid target: ${target}; expected a rate from 0 to 1`, 'Give the rate to equalise to as a fraction, or leave it out to use the overall rate.', { option: 'target' });
  }
  let correctSingle = 0;
  let correctGroups = 0;
  let n = 0;
  const groups = curves.map((c): GroupThreshold => {
    const single = pointAt(c, cut);
    const rates = spec.metric === 'tpr' ? c.tpr : c.selection_rate;
    const best = rates ? closest(rates, target) : single;
    correctSingle += accuracyAt(c, single) * c.n;
    correctGroups += accuracyAt(c, best) * c.n;
    n += c.n;
    return { value: c.value, threshold: fromRanked(c.thresholds[best], spec.direction), achieved: rates ? rates[best] : null, accuracy: accuracyAt(c, best) };
  });
  const accuracySingle = correctSingle / n;
  const accuracyGroups = correctGroups / n;
  return { metric: spec.metric, target, threshold: spec.threshold, groups, accuracy_single: accuracySingle, accuracy_per_group: accuracyGroups, cost: accuracySingle - accuracyGroups };
}
