/**
 * A few numbers about the scores of every row, for the check step: how many, their mean and
 * range, the share at or above the threshold (compared in the scores' own precision), and the
 * share the model flags itself (anomaly labels of -1).
 */
import type { Predictions } from '../model/types.ts';
import { decisionThreshold } from '../precision.ts';

export interface ScoreSummary {
  /** Rows with a finite score. */
  n: number;
  /** Null when no row has a score. */
  mean: number | null;
  min: number | null;
  max: number | null;
  threshold: number;
  /** Share of scored rows at or above the threshold; null when no row has a score. */
  share_at_or_above: number | null;
  /** Share of rows the model labels -1 (anomaly detectors); null without a label output. */
  share_flagged: number | null;
}

/**
 * @example scoreSummary({ ...p, scores: Float64Array.of(Math.fround(0.7), 0.2), precision: 'float32' }, 0.7).share_at_or_above // 0.5
 */
export function scoreSummary(p: Predictions, threshold: number): ScoreSummary {
  const cut = decisionThreshold(threshold, p.precision);
  let n = 0, sum = 0, min = Infinity, max = -Infinity, above = 0;
  for (const v of p.scores) {
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v >= cut) above++;
  }
  const labels = p.labels;
  const flagged = labels && labels.length ? labels.filter((l) => Number(l) === -1).length / labels.length : null;
  return { n, mean: n ? sum / n : null, min: n ? min : null, max: n ? max : null, threshold, share_at_or_above: n ? above / n : null, share_flagged: flagged };
}
