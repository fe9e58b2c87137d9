/**
 * Issue 9, item 3: comparisons of fewer than two groups. One group (or one group plus
 * "(missing)", or only "(missing)", or one intersection cell) used to "pass the four-fifths rule
 * with a ratio of 1.000" and an interval [1, 1]: nothing was compared. Now every difference and
 * ratio is null, the four-fifths status is 'not_compared' with a reason, a verdict and a warning
 * say so, for classification, regression and anomaly models. A rate defined for only one group
 * (the other has no truly positive cases) is null too, not 0 / 1.
 */
import { describe, expect, it } from 'vitest';
import { computeFairness, DISPARITY_KEYS, fairnessToJson } from '../../../src/engine/fairness/index.ts';
import type { CategoricalColumn, FairnessOptionsInput } from '../../../src/engine/fairness/types.ts';
import { verdictText } from '../../../src/report/verdicts.ts';
import { warningText } from '../../../src/i18n/warnings.ts';

const scores = Float64Array.from([0.9, 0.8, 0.3, 0.2, 0.7, 0.4, 0.6, 0.1]);
const yTrue = Uint8Array.from([1, 1, 0, 0, 1, 0, 1, 0]);
const col = (name: string, codes: number[], levels: string[]): CategoricalColumn => ({ name, codes: Int32Array.from(codes), levels });
const opts: FairnessOptionsInput = { bootstrap: { samples: 200, seed: 1 } };

function classification(groups: CategoricalColumn[], o: FairnessOptionsInput = opts) {
  return computeFairness({ task: 'classification', scores, yTrue, groups }, o);
}

describe('issue 9: an attribute with fewer than two groups is not compared', () => {
  it('one group: every disparity and interval null, status not_compared, one verdict, a warning', () => {
    const r = classification([col('sex', [0, 0, 0, 0, 0, 0, 0, 0], ['female', 'male'])]);
    const a = r.attributes[0];
    const d = a.disparities;
    for (const k of DISPARITY_KEYS) {
      expect(d.values[k], k).toBeNull();
      expect(d.ci[k], k).toBeNull();
    }
    expect(d.four_fifths).toMatchObject({ status: 'not_compared', reason: 'one_group', passes: null, ratio: null, ratio_ci: null, most_favoured: null });
    expect(d.four_fifths.ratio_to_most_favoured).toEqual({ female: null });
    expect(d.reference).toMatchObject({ status: 'not_compared', ratio: null, passes_four_fifths: null, ratio_to_reference: { female: null } });
    expect(a.not_compared).toEqual({ reason: 'one_group', group: 'female', left_out: [] });
    expect(a.verdicts.map((v) => v.code)).toEqual(['not_compared']);
    expect(a.verdicts[0].text).toBe('Only one group (female) in sex: there is nothing to compare.');
    expect(verdictText('de', a.verdicts[0])).toBe('Nur eine Gruppe („female“) in „sex“: Es gibt nichts zu vergleichen.');
    expect(verdictText('en', a.verdicts[0])).toBe('Only one group (“female”) in “sex”: there is nothing to compare.');
    const w = r.warnings.find((x) => x.code === 'NOT_COMPARED');
    expect(w?.params).toMatchObject({ attribute: 'sex', group: 'female', reason: 'one_group' });
    expect(warningText(w!, 'de')).toContain('Es gibt nur eine Gruppe („female“)');
    // the group's own metrics are still there
    expect(a.groups[0].rates.selection_rate).toBe(0.5);
  });

  it('the broken input the rule must not hit: two groups are compared and get numbers', () => {
    const a = classification([col('sex', [0, 0, 0, 0, 1, 1, 1, 1], ['female', 'male'])]).attributes[0];
    expect(a.not_compared).toBeNull();
    expect(a.disparities.four_fifths.status).toBe('pass');
    expect(a.disparities.values.demographic_parity_difference).toBe(0);
    expect(a.disparities.ci.demographic_parity_difference).not.toBeNull();
    expect(a.verdicts.map((v) => v.code)).not.toContain('not_compared');
  });

  it('one group plus rows without a value: not compared, "(missing)" named as left out', () => {
    const a = classification([col('sex', [0, 0, 0, -1, 0, 0, -1, 0], ['female'])]).attributes[0];
    expect(a.groups.map((g) => g.value)).toEqual(['female', '(missing)']);
    expect(a.not_compared).toEqual({ reason: 'one_group', group: 'female', left_out: ['(missing)'] });
    expect(a.disparities.four_fifths.status).toBe('not_compared');
    expect(a.disparities.values.four_fifths_ratio).toBeNull();
    expect(a.verdicts[0].caveats.map((c) => c.code)).toEqual(['missing_not_compared']);
    expect(verdictText('de', a.verdicts[0].caveats[0])).toBe('Die Fälle ohne Wert ((missing)) stehen in der Tabelle, werden aber nicht verglichen.');
  });

  it('only rows without a value: reason only_missing', () => {
    const r = classification([col('sex', [-1, -1, -1, -1, -1, -1, -1, -1], ['female', 'male'])]);
    const a = r.attributes[0];
    expect(a.not_compared).toEqual({ reason: 'only_missing', group: '(missing)', left_out: [] });
    expect(a.disparities.four_fifths).toMatchObject({ status: 'not_compared', reason: 'only_missing' });
    expect(verdictText('en', a.verdicts[0])).toBe('No case has a value in “sex” (all belong to “(missing)”): there is nothing to compare.');
  });

  it('an intersection with one cell is not compared; its attributes are', () => {
    const r = classification([col('sex', [0, 0, 0, 0, 1, 1, 1, 1], ['f', 'm']), col('age', [0, 0, 0, 0, 0, 0, 0, 0], ['young'])], { ...opts, intersections: [['sex', 'age']] });
    expect(r.attributes.map((a) => [a.name, a.not_compared?.reason ?? null])).toEqual([['sex', null], ['age', 'one_group'], ['sex+age', null]]);
    const only = classification([col('sex', [0, 0, 0, 0, 0, 0, 0, 0], ['f', 'm']), col('age', [0, 0, 0, 0, 0, 0, 0, 0], ['young', 'old'])], { ...opts, intersections: [['sex', 'age']] });
    const cell = only.attributes[2];
    expect(cell.name).toBe('sex+age');
    expect(cell.not_compared).toEqual({ reason: 'one_group', group: 'f+young', left_out: [] });
    expect(cell.disparities.values.equalized_odds_difference).toBeNull();
  });

  it('a chosen reference group that is the only group: not compared', () => {
    const d = classification([col('sex', [0, 0, 0, 0, 0, 0, 0, 0], ['female'])], { ...opts, reference: { sex: 'female' } }).attributes[0].disparities;
    expect(d.reference).toMatchObject({ group: 'female', source: 'user', status: 'not_compared', ratio: null, ratio_ci: null });
  });

  it('a rate defined for one group only (the other has no truly positive case) is null, not 0 / 1', () => {
    // group b: rows 2, 3, 5, all truly negative; group a has both classes
    const r = classification([col('g', [0, 0, 1, 1, 0, 1, 0, 0], ['a', 'b'])]);
    const d = r.attributes[0].disparities;
    expect(d.groups_with_undefined_rates).toMatchObject({ tpr: ['b'], fnr: ['b'] });
    for (const k of ['true_positive_rate_difference', 'true_positive_rate_ratio', 'false_negative_rate_difference', 'equal_opportunity_difference', 'equal_opportunity_ratio'] as const) {
      expect(d.values[k], k).toBeNull();
      expect(d.ci[k], k).toBeNull();
    }
    // the defined comparisons stay: FPR is defined for both groups, so equalized odds uses it
    expect(d.values.false_positive_rate_difference).not.toBeNull();
    expect(d.values.equalized_odds_difference).toBe(d.values.false_positive_rate_difference);
    expect(r.attributes[0].not_compared).toBeNull();
    expect(r.attributes[0].verdicts.map((v) => v.code)).toContain('tpr_gap_undefined');
  });

  it('regression and anomaly models: one group gives null disparities, the verdict and the warning', () => {
    const one = [col('sex', [0, 0, 0, 0, 0, 0, 0, 0], ['female'])];
    const two = [col('sex', [0, 0, 0, 0, 1, 1, 1, 1], ['female', 'male'])];
    const reg = (groups: CategoricalColumn[]) => computeFairness({ task: 'regression', scores, yTrue: Float64Array.from(yTrue), groups });
    const ano = (groups: CategoricalColumn[]) => computeFairness({ task: 'anomaly', scores, labels: [-1, -1, 1, 1, 1, 1, 1, 1], groups });
    for (const run of [reg, ano]) {
      const r = run(one);
      const a = r.attributes[0];
      expect(Object.values(a.disparities).every((x) => x === null), JSON.stringify(a.disparities)).toBe(true);
      expect(a.not_compared?.reason).toBe('one_group');
      expect(a.verdicts.map((v) => v.code)).toEqual(['not_compared']);
      expect(r.warnings.map((w) => w.code)).toContain('NOT_COMPARED');
      const b = run(two).attributes[0];
      expect(Object.values(b.disparities).some((x) => x !== null)).toBe(true);
      expect(b.not_compared).toBeNull();
      expect(b.verdicts).toEqual([]);
    }
  });

  it('the results JSON keeps the key names and says not_compared; no NaN', () => {
    const r = classification([col('sex', [0, 0, 0, 0, 0, 0, 0, 0], ['female'])]);
    const json = fairnessToJson(r, { label: { column: 'y', positive: '1' }, favourable: '1' }) as any;
    const a = json.attributes[0];
    expect(a.not_compared.reason).toBe('one_group');
    expect(a.disparities).toHaveProperty('demographic_parity_difference', null);
    expect(a.disparities).toHaveProperty('equalized_odds_ratio_ci', null);
    expect(a.disparities.four_fifths.status).toBe('not_compared');
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });
});
