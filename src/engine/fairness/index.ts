/**
 * The fairness engine's public API. Inputs are plain arrays (scores, outcomes, group codes),
 * independent of how data and model were loaded; outputs are plain data, ready for
 * postMessage and for fairnessToJson.
 *
 * @example
 *   const r = computeFairness({ task: 'classification', scores, yTrue, groups: [sex, age] },
 *     { threshold: 0.5, intersections: [['sex', 'age_group']], bootstrap: { samples: 1000, seed: 1 } });
 *   r.attributes[0].disparities.values.demographic_parity_difference // 0.108...
 */
import { anomalyFairness } from './anomaly.ts';
import type { AnomalyResult } from './anomaly.ts';
import { classificationFairness } from './classification.ts';
import type { ClassificationResult, RunControl } from './classification.ts';
import { regressionFairness } from './regression.ts';
import type { RegressionResult } from './regression.ts';
import type { AnomalyInput, ClassificationInput, FairnessInput, FairnessOptionsInput, RegressionInput } from './types.ts';

export function computeFairness(input: ClassificationInput, options?: FairnessOptionsInput, ctl?: RunControl): ClassificationResult;
export function computeFairness(input: RegressionInput, options?: FairnessOptionsInput, ctl?: RunControl): RegressionResult;
export function computeFairness(input: AnomalyInput, options?: FairnessOptionsInput, ctl?: RunControl): AnomalyResult;
export function computeFairness(input: FairnessInput, options?: FairnessOptionsInput, ctl?: RunControl): ClassificationResult | RegressionResult | AnomalyResult;
/**
 * Fairness results for any task, dispatched on input.task.
 *
 * @example computeFairness({ task: 'regression', scores, yTrue, groups: [sex] }).attributes[0].groups[0].mean_error
 */
export function computeFairness(input: FairnessInput, options: FairnessOptionsInput = {}, ctl: RunControl = {}): ClassificationResult | RegressionResult | AnomalyResult {
  if (input.task === 'classification') return classificationFairness(input, options, ctl);
  if (input.task === 'regression') return regressionFairness(input, options, ctl);
  return anomalyFairness(input, options, ctl);
}

export { classificationFairness, regressionFairness, anomalyFairness };
export { fairnessToJson } from './json.ts';
export type { FairnessResult, LabelMeta } from './json.ts';
export { resolveOptions, DEFAULT_OPTIONS } from './options.ts';
export { wilson } from './wilson.ts';
export { normalQuantile, zForLevel } from './normal.ts';
export { binomial, multinomial } from './binomial.ts';
export { scoreOrder } from './order.ts';
export type { ScoreOrder } from './order.ts';
export { attributeGroups, intersectGroups, MISSING_LABEL } from './groups.ts';
export type { GroupIndex } from './groups.ts';
export { buildPartitions } from './partitions.ts';
export { binNumeric } from './binning.ts';
export { groupCurves, pointAt, accuracyAt } from './curves.ts';
export type { GroupCurve } from './curves.ts';
export { equaliseThresholds } from './thresholds.ts';
export type { EqualisedThresholds, GroupThreshold } from './thresholds.ts';
export { rankingMetrics, resolveK } from './ranking.ts';
export type { RankingResult, RankingGroup } from './ranking.ts';
export { RATE_KEYS } from './rates.ts';
export type { RateKey } from './rates.ts';
export { DISPARITY_KEYS } from './disparity-kernel.ts';
export type { DisparityKey } from './disparity-kernel.ts';
export type { ClassificationResult, ClassificationAttribute, IntervalMethods, RunControl } from './classification.ts';
export type { ClassificationGroup } from './group-metrics.ts';
export type { ClassificationDisparities, FourFifths, FourFifthsReason, FourFifthsStatus, Impact, ReferenceComparison } from './disparities.ts';
export type { NotCompared } from './partitions.ts';
export { notComparedVerdict } from './verdicts.ts';
export type { RegressionResult, RegressionGroup, RegressionAttribute } from './regression.ts';
export type { AnomalyResult, AnomalyGroup, AnomalyAttribute } from './anomaly.ts';
export type * from './types.ts';
export { thresholdAnalysis } from './threshold-analysis.ts';
export type { AttributeThresholds } from './threshold-analysis.ts';
