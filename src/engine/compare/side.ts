/**
 * The fairness result of one side, from the fairness engine itself.
 *
 * With labels: classificationFairness, with the side's threshold in the score's own units
 * (scale 'score') and its direction: lower scores meaning positive (higherIsPositive false)
 * is the engine's direction 'lower' (score <= threshold; AUC, ranking and counts follow it; the
 * threshold and mean scores stay in the score's units).
 *
 * Without labels: anomalyFairness, given the side's decisions as its flags (label -1), so that
 * "flagged" is exactly this side's decision (>= or <=); the flag rule is reported as the score
 * rule, and options.anomaly orders its ranking in the side's direction.
 */
import type { RunControl } from '../fairness/classification.ts';
import { classificationFairness } from '../fairness/classification.ts';
import type { ClassificationResult } from '../fairness/classification.ts';
import { anomalyFairness } from '../fairness/anomaly.ts';
import type { AnomalyResult } from '../fairness/anomaly.ts';
import type { FairnessOptionsInput } from '../fairness/types.ts';
import type { CompareInput, CompareOptions, ScoredSide } from './types.ts';

function fairnessOptions(options: CompareOptions): FairnessOptionsInput {
  const { maxChangedRows: _, ...rest } = options;
  return rest;
}

/**
 * The fairness result of one side with its own threshold and direction.
 *
 * @example sideFairness({ scores, threshold: 0.5 }, dec, { yTrue, groups: [sex] }, { bootstrap: false }).task // 'classification'
 */
export function sideFairness(side: ScoredSide, dec: Uint8Array, input: CompareInput, options: CompareOptions, ctl: RunControl = {}): ClassificationResult | AnomalyResult {
  const base = fairnessOptions(options);
  const higher = side.higherIsPositive !== false;
  if (input.yTrue === null) {
    const labels = Int8Array.from(dec, (d) => (d ? -1 : 1));
    const r = anomalyFairness(
      { task: 'anomaly', scores: side.scores, precision: side.precision, labels, groups: input.groups },
      { ...base, anomaly: { direction: higher ? 'higher' : 'lower', threshold: side.threshold } },
      ctl,
    );
    return { ...r, flag_rule: { source: 'score', direction: higher ? 'higher' : 'lower', threshold: side.threshold } };
  }
  const direction = higher ? 'higher' : 'lower';
  return classificationFairness({ task: 'classification', scores: side.scores, precision: side.precision, direction, yTrue: input.yTrue, groups: input.groups }, { ...base, threshold: side.threshold, scale: 'score' }, ctl);
}
