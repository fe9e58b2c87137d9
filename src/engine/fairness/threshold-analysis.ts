/**
 * Threshold trade-offs for every attribute of an analysis: per-group metric curves (selection
 * rate, TPR, FPR and ROC points at every distinct threshold) and the per-group thresholds that
 * equalise the selection rate or the TPR, with their cost in overall accuracy.
 */
import { resolveOptions } from './options.ts';
import { groupCurves } from './curves.ts';
import type { GroupCurve } from './curves.ts';
import { scoreOrder } from './order.ts';
import { rankedScores } from './direction.ts';
import { buildPartitions } from './partitions.ts';
import { equaliseThresholds } from './thresholds.ts';
import type { EqualisedThresholds } from './thresholds.ts';
import type { ClassificationInput, FairnessOptionsInput } from './types.ts';
import { checkBinary, checkFinite, checkLength, checkNonEmpty } from './validate.ts';

export interface AttributeThresholds {
  name: string;
  curves: GroupCurve[];
  /** Per-group thresholds equalising the selection rate / the TPR to the overall rate at options.threshold. */
  equal_selection_rate: EqualisedThresholds;
  equal_tpr: EqualisedThresholds;
}

/**
 * Curves and equalising thresholds per attribute (one global sort, one walk per attribute).
 *
 * @example thresholdAnalysis({ task: 'classification', scores, yTrue, groups: [sex] }, { threshold: 0.5 })[0].equal_tpr.cost
 *   // accuracy lost by equalising the TPR, e.g. 0.004
 */
export function thresholdAnalysis(input: ClassificationInput, options: FairnessOptionsInput = {}): AttributeThresholds[] {
  const opts = resolveOptions(options);
  const n = input.scores.length;
  checkNonEmpty(n);
  checkLength(input.yTrue.length, n, 'yTrue');
  checkFinite(input.scores, 'scores');
  checkBinary(input.yTrue);
  const { partitions } = buildPartitions(input.groups, n, opts);
  const { ranked } = rankedScores(input, opts.threshold);
  const order = scoreOrder(ranked);
  return partitions.map((p) => {
    const curves = groupCurves(order, input.yTrue, p);
    return {
      name: p.name,
      curves,
      equal_selection_rate: equaliseThresholds(curves, { metric: 'selection_rate', threshold: opts.threshold, precision: input.precision, direction: input.direction }),
      equal_tpr: equaliseThresholds(curves, { metric: 'tpr', threshold: opts.threshold, precision: input.precision, direction: input.direction }),
    };
  });
}
