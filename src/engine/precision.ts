/**
 * Decisions in the score's own precision. A model output stored as float32 (every ONNX
 * classifier) holds 0.7 as 0.699999988; compared with the threshold 0.7 in float64 it would
 * count as below, so a score that equals the threshold would be called negative. numpy's
 * `proba >= 0.7` on a float32 array compares in float32 and keeps it; so does Einblick: the
 * threshold is rounded to the score's precision (round to nearest, as a float32 cast does),
 * then compared. Float32 values are exact in float64, so the comparison itself stays in float64.
 *
 * Every place that turns a score into a decision (fairness counts, curves, per-group
 * thresholds, the model check, anomaly flags) compares with `decisionThreshold(t, precision)`.
 */

/** How the scores were stored before Einblick read them into float64. */
export type ScorePrecision = 'float32' | 'float64';

/**
 * The precision of a runtime output element type: float32 for 'float32', float64 otherwise
 * (float64 is exact; integer outputs are exact in float64).
 *
 * @example precisionOf('float32') // 'float32'
 */
export function precisionOf(elementType: string): ScorePrecision {
  return elementType === 'float32' ? 'float32' : 'float64';
}

/**
 * The threshold as a score of that precision holds it: `score >= decisionThreshold(t, p)` is
 * the decision "score >= t" computed in the score's own precision.
 *
 * @example decisionThreshold(0.7, 'float32') // 0.699999988079071
 * @example decisionThreshold(0.7, 'float64') // 0.7
 */
export function decisionThreshold(t: number, precision: ScorePrecision | undefined): number {
  return precision === 'float32' ? Math.fround(t) : t;
}
