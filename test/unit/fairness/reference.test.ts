/**
 * Issue 4: the fairness engine reproduces the fixtures' fairlearn 0.12 results (reference.json
 * -> fairness) for every case, threshold (0.5, 0.3, 0.7) and subset (all, test): counts exactly,
 * rates, AUC and disparities to 1e-9, nulls where the reference has nulls.
 */
import { describe, expect, it } from 'vitest';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import type { ClassificationGroup } from '../../../src/engine/fairness/group-metrics.ts';
import { categorical, fairnessCases, loadCase, subsetRows } from './fixtures.ts';

const COUNT_KEYS = ['n', 'n_positive', 'n_negative', 'n_predicted_positive', 'n_predicted_negative', 'tp', 'fp', 'tn', 'fn'] as const;
const RATE_KEYS = ['base_rate', 'selection_rate', 'favourable_base_rate', 'favourable_rate', 'tpr', 'fpr', 'fnr', 'tnr', 'ppv', 'npv', 'accuracy'] as const;
const DISPARITY_KEYS = [
  'demographic_parity_difference', 'demographic_parity_ratio', 'true_positive_rate_difference', 'true_positive_rate_ratio',
  'false_positive_rate_difference', 'false_positive_rate_ratio', 'true_negative_rate_difference', 'true_negative_rate_ratio',
  'false_negative_rate_difference', 'false_negative_rate_ratio', 'accuracy_difference', 'accuracy_ratio',
  'equal_opportunity_difference', 'equal_opportunity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio',
] as const;

function close(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
  } else {
    expect(actual, what).not.toBeNull();
    expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
  }
}

function compareGroup(ours: ClassificationGroup, ref: any, where: string): void {
  for (const k of COUNT_KEYS) expect(ours[k], `${where} ${k}`).toBe(ref[k]);
  for (const k of RATE_KEYS) close(ours.rates[k], ref[k], `${where} ${k}`);
  close(ours.auc, ref.roc_auc, `${where} roc_auc`);
  close(ours.mean_score, ref.mean_score, `${where} mean_score`);
}

/** "sex=female&age_group=under_25" -> "female+under_25" */
const ourValue = (key: string): string => key.split('&').map((kv) => kv.slice(kv.indexOf('=') + 1)).join('+');

function compareImpact(ours: any, ref: any, where: string): void {
  expect(ours.most_favoured, `${where} most favoured`).toBe(ourValue(ref.most_favoured_group));
  expect(ours.tied_most_favoured, `${where} tied`).toEqual(ref.tied_most_favoured.map(ourValue));
  close(ours.ratio, ref.ratio, `${where} ratio`);
  for (const [key, r] of Object.entries(ref.ratio_to_most_favoured)) close(ours.ratio_to_most_favoured[ourValue(key)], r as number, `${where} ratio ${key}`);
  for (const [key, d] of Object.entries(ref.difference_to_most_favoured)) close(ours.difference_to_most_favoured[ourValue(key)], d as number, `${where} diff ${key}`);
}

const cases = fairnessCases();

describe('fairness engine reproduces reference.json (fairlearn 0.12)', () => {
  it('has fixture cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(6));

  for (const name of cases) {
    const c = loadCase(name);
    const fair = c.reference.fairness;
    for (const threshold of fair.thresholds as number[]) {
      for (const subset of ['all', 'test']) {
        it(`${name} threshold ${threshold} ${subset}`, () => {
          const rows = subsetRows(c, subset);
          const ref = fair.results[String(threshold)][subset];
          const res = classificationFairness(
            {
              task: 'classification',
              scores: Float64Array.from(rows, (i) => c.scores[i]),
              yTrue: Uint8Array.from(rows, (i) => c.yTrue[i]),
              groups: c.protectedSingle.map((a) => categorical(a, rows.map((i) => c.columns[a][i]))),
            },
            { threshold, favourable: fair.favourable_is_positive_class ? 'positive' : 'negative', intersections: c.intersections, bootstrap: false },
          );
          expect(res.n).toBe(ref.n);
          compareGroup(res.overall, ref.overall, 'overall');
          expect(res.attributes.map((a) => a.attributes)).toEqual(ref.by_attributes.map((b: any) => b.attributes));
          res.attributes.forEach((attr, ai) => {
            const refAttr = ref.by_attributes[ai];
            expect(attr.groups.map((g) => g.value).sort()).toEqual(refAttr.groups.map((g: any) => ourValue(g.key)).sort());
            for (const rg of refAttr.groups) {
              compareGroup(attr.groups.find((g) => g.value === ourValue(rg.key)) as ClassificationGroup, rg, `${attr.name} ${rg.key}`);
            }
            const d = refAttr.disparities;
            for (const k of DISPARITY_KEYS) close(attr.disparities.values[k], d[k], `${attr.name} ${k}`);
            expect(attr.disparities.groups_with_undefined_rates).toEqual(d.groups_with_undefined_rates ?? {});
            compareImpact(attr.disparities.four_fifths, d.disparate_impact.favourable_outcome, `${attr.name} favourable`);
            compareImpact(attr.disparities.positive_prediction, d.disparate_impact.positive_prediction, `${attr.name} positive`);
          });
        });
      }
    }
  }
});
