/**
 * The fairness result of one side, from the fairness engine itself.
 *
 * With labels: classificationFairness. Lower scores meaning positive (higherIsPositive false)
 * is run on the negated scores with the negated threshold: -s >= -t is exactly s <= t (negation
 * is exact, also after rounding to float32), and the AUC, ranking and every count then follow
 * the stated direction. The result's threshold and mean scores are turned back into the
 * score's own units (negating a sum of negated numbers is exact).
 * Note: the fairness engine's options accept thresholds from 0 to 1 only (probabilities); a
 * score in other units, or the reverse direction with a threshold above 0, is refused there
 * with INVALID_OPTION until the score-column source widens that check.
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
import type { ClassificationGroup } from '../fairness/group-metrics.ts';
import type { FairnessOptionsInput } from '../fairness/types.ts';
import type { CompareInput, CompareOptions, ScoredSide } from './types.ts';

function fairnessOptions(options: CompareOptions): FairnessOptionsInput {
  const { maxChangedRows: _, ...rest } = options;
  return rest;
}

/** A group whose scores were negated, back in the score's units (0 - m: no -0). */
function unnegate(g: ClassificationGroup): ClassificationGroup {
  return { ...g, mean_score: g.mean_score === null ? null : 0 - g.mean_score };
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
  if (higher) {
    return classificationFairness({ task: 'classification', scores: side.scores, precision: side.precision, yTrue: input.yTrue, groups: input.groups }, { ...base, threshold: side.threshold }, ctl);
  }
  const negated = side.scores.map((x) => -x);
  const r = classificationFairness({ task: 'classification', scores: negated, precision: side.precision, yTrue: input.yTrue, groups: input.groups }, { ...base, threshold: -side.threshold }, ctl);
  return {
    ...r,
    threshold: side.threshold,
    options: { ...r.options, threshold: side.threshold },
    overall: unnegate(r.overall),
    attributes: r.attributes.map((a) => ({ ...a, groups: a.groups.map(unnegate) })),
  };
}
