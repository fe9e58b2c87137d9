/**
 * The differences B - A of every metric of every group (all rows, each attribute and
 * intersection) and of every disparity, with paired bootstrap intervals (paired.ts).
 *
 * Rows, in this order: all rows (attribute null, group null: the group metrics); then per
 * attribute its disparities (group null) and its groups' metrics (group = the group's value).
 * Undefined values are null; a difference is null when either side is; its interval is null
 * when the difference is, or without bootstrap.
 */
import type { DisparityBootstrap } from '../fairness/bootstrap.ts';
import { streamSeed } from '../fairness/bootstrap.ts';
import type { GroupIndex } from '../fairness/groups.ts';
import { toNull } from '../fairness/rates.ts';
import type { FairnessOptions } from '../fairness/types.ts';
import { LABELLED, PairedMetrics, UNLABELLED, pairedBootstrap } from './paired.ts';
import type { PartitionSpec } from './paired.ts';
import type { Difference } from './types.ts';

/**
 * The unit of a metric: rates are shares, *_difference of shares are points, *_ratio ratios.
 *
 * @example metricUnit('four_fifths_ratio') // 'ratio'
 */
export function metricUnit(metric: string): Difference['unit'] {
  if (metric.endsWith('_ratio')) return 'ratio';
  if (metric.endsWith('_difference')) return 'points';
  return 'rate';
}

/**
 * The stream seed of a partition's paired bootstrap (all rows: a name no attribute can have), so
 * that adding an attribute does not change another attribute's intervals.
 *
 * @example compareSeed(1, 'sex') // streamSeed(1, 'compare\u0000sex')
 */
export function compareSeed(seed: number, partition: string | null): number {
  return streamSeed(seed, partition === null ? 'compare\u0000\u0001all' : `compare\u0000${partition}`);
}

/**
 * The difference rows of one partition (attribute null: all rows).
 *
 * @example partitionDifferences(null, allRows, spec, joint, opts).map((d) => d.metric) // RATE_KEYS
 */
export function partitionDifferences(attribute: string | null, p: GroupIndex, spec: PartitionSpec, joint: Float64Array, opts: FairnessOptions): Difference[] {
  const m = new PairedMetrics(spec);
  const va = new Float64Array(m.length);
  const vb = new Float64Array(m.length);
  m.compute(joint, va, vb);
  const b = opts.bootstrap;
  const boot: DisparityBootstrap | null = b === false ? null : pairedBootstrap(joint, spec, b.samples, compareSeed(b.seed, attribute), opts.level);
  const names = spec.labelled ? LABELLED : UNLABELLED;
  const K = names.groupMetrics.length;
  const G = spec.G;
  const row = (group: string | null, metric: string, at: number): Difference => {
    const difference = toNull(vb[at] - va[at]);
    return {
      attribute,
      group,
      metric,
      unit: metricUnit(metric),
      a: toNull(va[at]),
      b: toNull(vb[at]),
      difference,
      ci: boot && difference !== null ? boot.intervals[at] : null,
      undefined_replicates: boot && difference !== null ? boot.undefinedReplicates[at] : 0,
    };
  };
  const out: Difference[] = [];
  if (attribute !== null) names.attributeMetrics.forEach((metric, s) => out.push(row(null, metric, K * G + s)));
  for (let g = 0; g < G; g++) {
    const group = attribute === null ? null : p.values[g];
    names.groupMetrics.forEach((metric, k) => out.push(row(group, metric, k * G + g)));
  }
  return out;
}
