/**
 * Per-group classification metrics with their intervals: counts, rates (Wilson intervals),
 * AUC (bootstrap or DeLong interval), mean score, and the small-group flag.
 */
import { FN, FP, TN, TP } from './counts.ts';
import type { GroupIndex } from './groups.ts';
import { RATE_KEYS, groupRates, rateFractions, toNull } from './rates.ts';
import type { RateKey } from './rates.ts';
import type { FairnessOptions, Interval } from './types.ts';
import { wilson } from './wilson.ts';

/** One group's classification metrics. Rates are null when their denominator is 0. */
export interface ClassificationGroup {
  value: string;
  parts: string[];
  missing: boolean;
  /** Below the small-group limits (options.minGroup). */
  small: boolean;
  n: number;
  n_positive: number;
  n_negative: number;
  n_predicted_positive: number;
  n_predicted_negative: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  rates: Record<RateKey, number | null>;
  /** Wilson interval of each rate. */
  ci: Record<RateKey, Interval>;
  auc: number | null;
  auc_ci: Interval;
  mean_score: number | null;
}

export interface GroupInputs {
  partition: GroupIndex;
  counts: Float64Array;
  scoreSums: Float64Array;
  auc: Float64Array;
  aucCi: Interval[];
  favourablePositive: boolean;
  z: number;
  minGroup: FairnessOptions['minGroup'];
}

/**
 * Is a group below the small-group limits?
 *
 * @example isSmall(100, 3, 97, { n: 30, positives: 5, negatives: 5 }) // true (3 positives)
 */
export function isSmall(n: number, pos: number, neg: number, m: FairnessOptions['minGroup']): boolean {
  return m !== false && (n < m.n || pos < m.positives || neg < m.negatives);
}

/**
 * Metrics of one group (index g of the partition).
 *
 * @example groupMetrics(inputs, 0).rates.selection_rate // 0.7064516129032258 (sex=female, german credit, 0.5)
 */
export function groupMetrics(x: GroupInputs, g: number): ClassificationGroup {
  const at = 4 * g;
  const c = x.counts;
  const [tn, fp, fn, tp] = [c[at + TN], c[at + FP], c[at + FN], c[at + TP]];
  const n = tn + fp + fn + tp;
  const fractions = rateFractions(c, at, x.favourablePositive);
  const ci = {} as Record<RateKey, Interval>;
  for (const k of RATE_KEYS) ci[k] = wilson(fractions[k][0], fractions[k][1], x.z);
  return {
    value: x.partition.values[g],
    parts: x.partition.parts[g],
    missing: x.partition.missing[g],
    small: isSmall(n, tp + fn, tn + fp, x.minGroup),
    n,
    n_positive: tp + fn,
    n_negative: tn + fp,
    n_predicted_positive: tp + fp,
    n_predicted_negative: tn + fn,
    tp,
    fp,
    tn,
    fn,
    rates: groupRates(c, at, x.favourablePositive),
    ci,
    auc: toNull(x.auc[g]),
    auc_ci: x.aucCi[g],
    mean_score: n > 0 ? x.scoreSums[g] / n : null,
  };
}
