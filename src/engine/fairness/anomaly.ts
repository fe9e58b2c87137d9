/**
 * Group fairness of an anomaly detector (e.g. an isolation forest that flags employers for an
 * audit): per group n, flagged, share_flagged (Wilson interval) and mean_score.
 *
 * Flagged: the model's own label == -1 (scikit-learn's convention) when labels are given;
 * otherwise options.anomaly: direction 'higher' flags score >= threshold, 'lower' flags
 * score < threshold (scikit-learn's decision_function: negative = outlier, so threshold 0,
 * 'lower' reproduces its labels).
 * Disparities: share_flagged_difference (max - min), share_flagged_ratio (min / max, null when
 * no group is flagged), mean_score_difference. The four-fifths rule is not applied: the
 * favourable outcome (not flagged) is close to 100% in every group when flags are rare, which
 * would hide large relative differences in who gets flagged.
 * Ranking (options.topK): most anomalous first, i.e. by score, highest first, or by -score for
 * direction 'lower'; yTrue (1 = truly anomalous), if given, gives precision and recall at k.
 */
import { decisionThreshold } from '../precision.ts';
import { EinblickError, throwIfAborted } from '../errors.ts';
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
import type { AnomalyInput, FairnessOptions, FairnessOptionsInput, Interval, Verdict } from './types.ts';
import { checkBinary, checkFinite, checkLength, checkNonEmpty } from './validate.ts';
import { wilson } from './wilson.ts';

export interface AnomalyGroup {
  value: string;
  parts: string[];
  missing: boolean;
  small: boolean;
  n: number;
  flagged: number;
  share_flagged: number;
  share_flagged_ci: Interval;
  mean_score: number;
}

export interface AnomalyAttribute {
  name: string;
  attributes: string[];
  groups: AnomalyGroup[];
  disparities: Record<string, number | null>;
  /** Why the groups were not compared (fewer than two); null when they were. */
  not_compared: NotCompared | null;
  /** The 'not compared' verdict when the groups were not compared; else empty. */
  verdicts: Verdict[];
}

export interface AnomalyResult {
  task: 'anomaly';
  n: number;
  /** How rows were flagged: 'labels', or the score rule. */
  flag_rule: { source: 'labels' } | { source: 'score'; direction: 'higher' | 'lower'; threshold: number };
  overall: AnomalyGroup;
  attributes: AnomalyAttribute[];
  ranking: RankingResult[] | null;
  intervals: { level: number; rates: 'wilson' };
  warnings: Warning[];
  options: FairnessOptions;
}

/**
 * 1 for each flagged row.
 *
 * @example flags({ task: 'anomaly', scores, labels: [1, -1], groups: [] }, null) // Uint8Array [0, 1]
 */
export function flags(input: AnomalyInput, rule: FairnessOptions['anomaly']): Uint8Array {
  const n = input.scores.length;
  const out = new Uint8Array(n);
  if (input.labels) {
    checkLength(input.labels.length, n, 'labels');
    for (let i = 0; i < n; i++) out[i] = input.labels[i] === -1 ? 1 : 0;
    return out;
  }
  if (!rule) {
    throw new EinblickError('INVALID_OPTION', 'invalid anomaly: missing; expected the model labels or a score rule', 'Give the model\'s label output, or say which scores count as flagged (direction and threshold).', { option: 'anomaly' });
  }
  const cut = decisionThreshold(rule.threshold, input.precision);
  for (let i = 0; i < n; i++) out[i] = (rule.direction === 'higher' ? input.scores[i] >= cut : input.scores[i] < cut) ? 1 : 0;
  return out;
}

function groupsOf(p: GroupIndex, scores: Float64Array, flagged: Uint8Array, z: number, minN: number): AnomalyGroup[] {
  const G = p.values.length;
  const f = new Float64Array(G);
  const s = new Float64Array(G);
  for (let i = 0; i < scores.length; i++) {
    f[p.ids[i]] += flagged[i];
    s[p.ids[i]] += scores[i];
  }
  return p.values.map((value, g) => {
    const n = p.sizes[g];
    return { value, parts: p.parts[g], missing: p.missing[g], small: n < minN, n, flagged: f[g], share_flagged: f[g] / n, share_flagged_ci: wilson(f[g], n, z), mean_score: s[g] / n };
  });
}

/**
 * Who gets flagged, per group.
 *
 * @example anomalyFairness({ task: 'anomaly', scores, labels, groups: [nationality] }).attributes[0].disparities.share_flagged_ratio
 */
export function anomalyFairness(input: AnomalyInput, options: FairnessOptionsInput = {}, ctl: RunControl = {}): AnomalyResult {
  const opts = resolveOptions(options);
  const n = input.scores.length;
  checkNonEmpty(n);
  checkFinite(input.scores, 'scores');
  if (input.yTrue) {
    checkLength(input.yTrue.length, n, 'yTrue');
    checkBinary(input.yTrue);
  }
  const flagged = flags(input, opts.anomaly);
  const { partitions, warnings } = buildPartitions(input.groups, n, opts);
  const z = zForLevel(opts.level);
  const minN = opts.minGroup === false ? 0 : opts.minGroup.n;
  const all: GroupIndex = { name: 'all', attributes: [], values: ['all'], parts: [[]], missing: [false], ids: new Int32Array(n), sizes: Int32Array.of(n) };
  const attributes = partitions.map((p, i) => {
    throwIfAborted(ctl.signal);
    ctl.onProgress?.({ stage: 'fairness', done: i, total: partitions.length });
    const groups = groupsOf(p, input.scores, flagged, z, minN);
    for (const g of groups.filter((x) => x.small)) {
      warnings.push({ code: 'small_group', message: `${p.name} = ${g.value}: ${g.n} rows, below ${minN}, so its share flagged is uncertain`, params: { attribute: p.name, group: g.value, n: g.n } });
    }
    const compared = comparedGroupIndices(p).map((g) => groups[g]);
    warnings.push(...missingNotCompared(p));
    const share = spreadOf(compared.map((g) => g.share_flagged));
    const disparities = { share_flagged_difference: share.difference, share_flagged_ratio: share.ratio, mean_score_difference: spreadOf(compared.map((g) => g.mean_score)).difference };
    const nc = notCompared(p);
    warnings.push(...notComparedWarning(p.name, nc));
    return { name: p.name, attributes: p.attributes, groups, disparities, not_compared: nc, verdicts: nc ? [notComparedVerdict(p.name, nc)] : [] };
  });
  let ranking: RankingResult[] | null = null;
  if (opts.topK.length) {
    const rankScores = opts.anomaly?.direction === 'lower' ? input.scores.map((x) => -x) : input.scores;
    ranking = rankingMetrics(scoreOrder(rankScores), input.yTrue ?? null, partitions, opts.topK);
  }
  const flag_rule: AnomalyResult['flag_rule'] = input.labels ? { source: 'labels' } : { source: 'score', direction: opts.anomaly!.direction, threshold: opts.anomaly!.threshold };
  return { task: 'anomaly', n, flag_rule, overall: groupsOf(all, input.scores, flagged, z, 0)[0], attributes, ranking, intervals: { level: opts.level, rates: 'wilson' }, warnings, options: opts };
}
