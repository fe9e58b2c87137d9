/**
 * The fairness results JSON (DESIGN.md, "Results JSON"): what the CLI writes and the UI exports.
 *
 * Key conventions:
 * - Top level: task, threshold (null for regression; the score threshold or null for anomaly),
 *   label {column, positive}, favourable (the favourable label value, or null), n, overall,
 *   attributes, ranking (only with top-k cuts), intervals (methods, level, samples, seed),
 *   warnings, plus flag_rule for anomaly models.
 * - Every metric keeps its DESIGN.md name; its interval is the same key with the suffix "_ci":
 *   "selection_rate": 0.75, "selection_rate_ci": [0.70, 0.80]. An interval is [lo, hi] or null.
 * - Classification group keys: value, parts, missing, small, n, n_positive, n_negative,
 *   n_predicted_positive, n_predicted_negative, tp, fp, tn, fn, base_rate, selection_rate,
 *   favourable_base_rate, favourable_rate, tpr, fpr, fnr, tnr, ppv, npv, accuracy, auc (each with
 *   _ci), mean_score.
 * - Classification disparities: demographic_parity_difference/_ratio, true_positive_rate_*,
 *   false_positive_rate_*, true_negative_rate_*, false_negative_rate_*, accuracy_*,
 *   equal_opportunity_difference/_ratio, equalized_odds_difference/_ratio (each with _ci);
 *   four_fifths {rate, most_favoured, tied_most_favoured, ratio, ratio_ci, passes,
 *   ratio_to_most_favoured, difference_to_most_favoured}; positive_prediction (the same for the
 *   selection rate, without passes); reference {group, source, ratio, ratio_ci,
 *   passes_four_fifths, ratio_to_reference(_ci), difference_to_reference(_ci)};
 *   groups_with_undefined_rates; undefined_replicates; groups_left_out (the groups of rows
 *   without a value, "(missing)", which are listed with their metrics but not compared).
 *   four_fifths and reference also have status ('pass', 'fail', 'undefined', 'not_compared')
 *   and reason.
 * - Every attribute (every task) has "not_compared": null, or {reason ('one_group' |
 *   'only_missing'), group, left_out} when it has fewer than two groups to compare; then every
 *   disparity is null. And "verdicts" (for regression and anomaly only the 'not compared' one).
 * - A value that is undefined is null, never NaN.
 */
import type { AnomalyGroup, AnomalyResult } from './anomaly.ts';
import type { ClassificationResult } from './classification.ts';
import { DISPARITY_KEYS } from './disparity-kernel.ts';
import type { ClassificationDisparities } from './disparities.ts';
import type { ClassificationGroup } from './group-metrics.ts';
import { RATE_KEYS } from './rates.ts';
import type { RankingResult } from './ranking.ts';
import type { RegressionGroup, RegressionResult } from './regression.ts';

export type FairnessResult = ClassificationResult | RegressionResult | AnomalyResult;

/** What the engine does not know: the label column and its values. */
export interface LabelMeta {
  label: { column: string; positive: string | null } | null;
  favourable: string | null;
}

type Json = Record<string, unknown>;

/** The rates of a classification group as flat JSON with _ci keys; `rates.tpr` becomes "tpr" and "tpr_ci". */
function classificationGroupJson(g: ClassificationGroup): Json {
  const out: Json = {
    value: g.value, parts: g.parts, missing: g.missing, small: g.small, n: g.n, n_positive: g.n_positive, n_negative: g.n_negative,
    n_predicted_positive: g.n_predicted_positive, n_predicted_negative: g.n_predicted_negative, tp: g.tp, fp: g.fp, tn: g.tn, fn: g.fn,
  };
  for (const k of RATE_KEYS) {
    out[k] = g.rates[k];
    out[`${k}_ci`] = g.ci[k];
  }
  out.auc = g.auc;
  out.auc_ci = g.auc_ci;
  out.mean_score = g.mean_score;
  return out;
}

function disparitiesJson(d: ClassificationDisparities): Json {
  const out: Json = {};
  for (const k of DISPARITY_KEYS) {
    if (k === 'four_fifths_ratio' || k === 'reference_ratio') continue;
    out[k] = d.values[k];
    out[`${k}_ci`] = d.ci[k];
  }
  out.four_fifths = d.four_fifths;
  out.positive_prediction = d.positive_prediction;
  out.reference = d.reference;
  out.groups_with_undefined_rates = d.groups_with_undefined_rates;
  out.undefined_replicates = d.undefined_replicates;
  out.groups_left_out = d.groups_left_out;
  return out;
}

function regressionGroupJson(g: RegressionGroup): Json {
  return { ...g };
}

function anomalyGroupJson(g: AnomalyGroup): Json {
  return { ...g };
}

function rankingJson(r: RankingResult[] | null): Json {
  if (!r) return {};
  return {
    ranking: r.map((x) => ({
      k: x.k,
      ...(x.fraction === null ? {} : { fraction: x.fraction }),
      precision: x.precision,
      recall: x.recall,
      attributes: x.attributes,
    })),
  };
}

/**
 * The results JSON object for any task (pass it to JSON.stringify).
 *
 * @example fairnessToJson(result, { label: { column: 'Class', positive: 'Good' }, favourable: 'Good' })
 *   // { task: 'classification', threshold: 0.5, label: {...}, favourable: 'Good', attributes: [...] }
 */
export function fairnessToJson(result: FairnessResult, meta: LabelMeta): Json {
  const head = { task: result.task, label: meta.label, favourable: meta.favourable, n: result.n };
  const common = { intervals: result.intervals, warnings: result.warnings, ...rankingJson(result.ranking) };
  if (result.task === 'classification') {
    return {
      ...head,
      threshold: result.threshold,
      favourable_is_positive: result.favourable === 'positive',
      overall: classificationGroupJson(result.overall),
      attributes: result.attributes.map((a) => ({
        name: a.name,
        attributes: a.attributes,
        groups: a.groups.map(classificationGroupJson),
        disparities: disparitiesJson(a.disparities),
        not_compared: a.not_compared,
        verdicts: a.verdicts,
      })),
      ...common,
    };
  }
  if (result.task === 'regression') {
    return {
      ...head,
      threshold: null,
      overall: regressionGroupJson(result.overall),
      attributes: result.attributes.map((a) => ({ name: a.name, attributes: a.attributes, groups: a.groups.map(regressionGroupJson), disparities: a.disparities, not_compared: a.not_compared, verdicts: a.verdicts })),
      ...common,
    };
  }
  return {
    ...head,
    threshold: result.flag_rule.source === 'score' ? result.flag_rule.threshold : null,
    flag_rule: result.flag_rule,
    overall: anomalyGroupJson(result.overall),
    attributes: result.attributes.map((a) => ({ name: a.name, attributes: a.attributes, groups: a.groups.map(anomalyGroupJson), disparities: a.disparities, not_compared: a.not_compared, verdicts: a.verdicts })),
    ...common,
  };
}
