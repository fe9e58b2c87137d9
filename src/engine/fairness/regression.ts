/**
 * Group fairness of a regression model: per group n, mean prediction, mean target, mean error
 * (prediction - target), MAE, RMSE and R² (null when the group's targets have zero variance,
 * including groups of one row), computed in two passes (means first, then deviations, for
 * accuracy). Means get normal-approximation intervals, mean ± z·s/sqrt(n) (null for n < 2).
 *
 * Disparities (max - min over groups, and min / max where every value is >= 0):
 * mean_prediction_difference/_ratio, mean_target_difference, mean_error_difference,
 * mae_difference/_ratio, rmse_difference/_ratio. mean_error_difference is the spread of the
 * per-group bias: how much more the model over- or under-predicts one group than another.
 */
import { throwIfAborted } from '../errors.ts';
import type { Warning } from '../errors.ts';
import type { RunControl } from './classification.ts';
import { zForLevel } from './normal.ts';
import { resolveOptions } from './options.ts';
import { scoreOrder } from './order.ts';
import { buildPartitions, comparedGroupIndices, missingNotCompared, notCompared, notComparedWarning } from './partitions.ts';
import type { NotCompared } from './partitions.ts';
import { notComparedVerdict } from './verdicts.ts';
import type { GroupIndex } from './groups.ts';
import { rankingMetrics } from './ranking.ts';
import type { RankingResult } from './ranking.ts';
import { spreadOf } from './spread.ts';
import type { FairnessOptions, FairnessOptionsInput, Interval, RegressionInput, Verdict } from './types.ts';
import { checkFinite, checkLength, checkNonEmpty } from './validate.ts';

export interface RegressionGroup {
  value: string;
  parts: string[];
  missing: boolean;
  small: boolean;
  n: number;
  mean_prediction: number;
  mean_target: number;
  mean_error: number;
  mae: number;
  rmse: number;
  r2: number | null;
  mean_prediction_ci: Interval;
  mean_target_ci: Interval;
  mean_error_ci: Interval;
}

export interface RegressionAttribute {
  name: string;
  attributes: string[];
  groups: RegressionGroup[];
  disparities: Record<string, number | null>;
  /** Why the groups were not compared (fewer than two); null when they were. */
  not_compared: NotCompared | null;
  /** The 'not compared' verdict when the groups were not compared; else empty. */
  verdicts: Verdict[];
}

export interface RegressionResult {
  task: 'regression';
  n: number;
  overall: RegressionGroup;
  attributes: RegressionAttribute[];
  ranking: RankingResult[] | null;
  intervals: { level: number; means: 'normal' };
  warnings: Warning[];
  options: FairnessOptions;
}

/** Per-group sums of one partition: [pred, target, error, |error|, error², (y-ȳ)², (p-p̄)², (e-ē)²] per group. */
function sums(pred: Float64Array, y: Float64Array, ids: Int32Array, G: number): Float64Array {
  const s = new Float64Array(8 * G);
  const count = new Float64Array(G);
  for (let i = 0; i < pred.length; i++) {
    const g = ids[i] * 8;
    count[ids[i]]++;
    s[g] += pred[i];
    s[g + 1] += y[i];
  }
  for (let i = 0; i < pred.length; i++) {
    const k = ids[i];
    const g = k * 8;
    const e = pred[i] - y[i];
    const [mp, my] = [s[g] / count[k], s[g + 1] / count[k]];
    s[g + 2] += e;
    s[g + 3] += Math.abs(e);
    s[g + 4] += e * e;
    s[g + 5] += (y[i] - my) * (y[i] - my);
    s[g + 6] += (pred[i] - mp) * (pred[i] - mp);
    s[g + 7] += (e - (mp - my)) * (e - (mp - my));
  }
  return s;
}

function meanCi(mean: number, ss: number, n: number, z: number): Interval {
  if (n < 2) return null;
  const h = z * Math.sqrt(ss / (n - 1) / n);
  return [mean - h, mean + h];
}

function groupsOf(p: GroupIndex, input: RegressionInput, z: number, minN: number): RegressionGroup[] {
  const s = sums(input.scores, input.yTrue, p.ids, p.values.length);
  return p.values.map((value, g) => {
    const n = p.sizes[g];
    const o = 8 * g;
    const [mp, my, me] = [s[o] / n, s[o + 1] / n, s[o + 2] / n];
    return {
      value,
      parts: p.parts[g],
      missing: p.missing[g],
      small: n < minN,
      n,
      mean_prediction: mp,
      mean_target: my,
      mean_error: me,
      mae: s[o + 3] / n,
      rmse: Math.sqrt(s[o + 4] / n),
      r2: s[o + 5] > 0 ? 1 - s[o + 4] / s[o + 5] : null,
      mean_prediction_ci: meanCi(mp, s[o + 6], n, z),
      mean_target_ci: meanCi(my, s[o + 5], n, z),
      mean_error_ci: meanCi(me, s[o + 7], n, z),
    };
  });
}

/**
 * Disparities of regression groups (see the module comment).
 *
 * @example regressionDisparities(groups).mean_error_difference // e.g. 1520.5
 */
export function regressionDisparities(groups: RegressionGroup[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of ['mean_prediction', 'mean_target', 'mean_error', 'mae', 'rmse'] as const) {
    const s = spreadOf(groups.map((g) => g[key]));
    out[`${key}_difference`] = s.difference;
    if (key === 'mean_prediction' || key === 'mae' || key === 'rmse') out[`${key}_ratio`] = s.ratio;
  }
  return out;
}

/**
 * Per-group errors and bias of a regression model.
 *
 * @example regressionFairness({ task: 'regression', scores, yTrue, groups: [sex] }).attributes[0].groups[0].mae
 */
export function regressionFairness(input: RegressionInput, options: FairnessOptionsInput = {}, ctl: RunControl = {}): RegressionResult {
  const opts = resolveOptions(options);
  const n = input.scores.length;
  checkNonEmpty(n);
  checkLength(input.yTrue.length, n, 'yTrue');
  checkFinite(input.scores, 'scores');
  checkFinite(input.yTrue, 'targets');
  const { partitions, warnings } = buildPartitions(input.groups, n, opts);
  const z = zForLevel(opts.level);
  const minN = opts.minGroup === false ? 0 : opts.minGroup.n;
  const all: GroupIndex = { name: 'all', attributes: [], values: ['all'], parts: [[]], missing: [false], ids: new Int32Array(n), sizes: Int32Array.of(n) };
  const attributes = partitions.map((p, i) => {
    throwIfAborted(ctl.signal);
    ctl.onProgress?.({ stage: 'fairness', done: i, total: partitions.length });
    const groups = groupsOf(p, input, z, minN);
    for (const g of groups.filter((x) => x.small)) {
      warnings.push({ code: 'small_group', message: `${p.name} = ${g.value}: ${g.n} rows, below ${minN}, so its averages are uncertain`, params: { attribute: p.name, group: g.value, n: g.n } });
    }
    warnings.push(...missingNotCompared(p));
    const nc = notCompared(p);
    warnings.push(...notComparedWarning(p.name, nc));
    const disparities = regressionDisparities(comparedGroupIndices(p).map((g) => groups[g]));
    return { name: p.name, attributes: p.attributes, groups, disparities, not_compared: nc, verdicts: nc ? [notComparedVerdict(p.name, nc)] : [] };
  });
  const ranking = opts.topK.length ? rankingMetrics(scoreOrder(input.scores), null, partitions, opts.topK) : null;
  return { task: 'regression', n, overall: groupsOf(all, input, z, 0)[0], attributes, ranking, intervals: { level: opts.level, means: 'normal' }, warnings, options: opts };
}
