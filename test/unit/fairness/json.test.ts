/** Issue 4: the fairness results JSON contract (DESIGN.md), verdicts, warnings, progress and cancel. */
import { describe, expect, it } from 'vitest';
import { computeFairness, fairnessToJson } from '../../../src/engine/fairness/index.ts';
import { categorical, loadCase } from './fixtures.ts';

const hmda = loadCase('hmda_logreg');
const input = {
  task: 'classification' as const,
  scores: hmda.scores,
  yTrue: hmda.yTrue,
  groups: hmda.protectedSingle.map((a) => categorical(a, hmda.columns[a])),
};
const refRatio: number = hmda.reference.fairness.results['0.3'].all.by_attributes[0].disparities.disparate_impact.favourable_outcome.ratio;
const options = { threshold: 0.3, favourable: 'negative' as const, intersections: [['afam', 'single']], topK: [{ fraction: 0.1 }, { k: 50 }], bootstrap: { samples: 200, seed: 1 } };

describe('fairnessToJson', () => {
  const result = computeFairness(input, options);
  const json = fairnessToJson(result, { label: { column: 'deny', positive: 'yes' }, favourable: 'no' }) as any;

  it('follows the DESIGN.md keys', () => {
    expect(json).toMatchObject({ task: 'classification', threshold: 0.3, label: { column: 'deny', positive: 'yes' }, favourable: 'no' });
    expect(json.attributes.map((a: any) => a.name)).toEqual(['afam', 'single', 'afam+single']);
    const g = json.attributes[2].groups.find((x: any) => x.value === 'yes+yes');
    for (const k of ['base_rate', 'selection_rate', 'tpr', 'fpr', 'fnr', 'tnr', 'ppv', 'npv', 'accuracy', 'auc']) {
      expect(g, k).toHaveProperty(k);
      expect(g, `${k}_ci`).toHaveProperty(`${k}_ci`);
    }
    expect(g.n).toBe(hmda.reference.fairness.results['0.3'].all.by_attributes[2].groups.find((x: any) => x.key === 'afam=yes&single=yes').n);
    const d = json.attributes[0].disparities;
    for (const k of ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio', 'equal_opportunity_difference']) {
      expect(typeof d[k], k).toBe('number');
      expect(d[`${k}_ci`], `${k}_ci`).toHaveLength(2);
    }
    expect(d.four_fifths).toMatchObject({ rate: 'favourable_rate', most_favoured: 'no', passes: false });
    expect(d.four_fifths.ratio).toBeCloseTo(refRatio, 12);
    expect(json.ranking.map((r: any) => [r.k, r.fraction])).toEqual([[238, 0.1], [50, undefined]]);
    expect(json.ranking[0].attributes[0].groups[0]).toHaveProperty('selection_share');
    expect(json.intervals).toMatchObject({ level: 0.95, rates: 'wilson', disparities: 'bootstrap', samples: 200, seed: 1 });
  });

  it('never writes NaN or Infinity, and the interval brackets the estimate', () => {
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const a of json.attributes) {
      for (const g of a.groups) {
        for (const k of ['selection_rate', 'tpr', 'fpr', 'accuracy']) {
          if (g[k] === null) continue;
          expect(g[`${k}_ci`][0]).toBeLessThanOrEqual(g[k]);
          expect(g[`${k}_ci`][1]).toBeGreaterThanOrEqual(g[k]);
        }
      }
    }
  });

  it('writes regression and anomaly results', () => {
    const reg = computeFairness({ task: 'regression', scores: Float64Array.of(1, 2, 3, 4), yTrue: Float64Array.of(1, 3, 3, 5), groups: [categorical('g', ['a', 'a', 'b', 'b'])] });
    const rj = fairnessToJson(reg, { label: { column: 'income', positive: null }, favourable: null }) as any;
    expect(rj.task).toBe('regression');
    expect(rj.attributes[0].groups[0]).toMatchObject({ value: 'a', n: 2, mean_prediction: 1.5, mean_target: 2, mean_error: -0.5, mae: 0.5 });
    const an = computeFairness({ task: 'anomaly', scores: Float64Array.of(-1, 1, 1, -1), labels: [-1, 1, 1, 1], groups: [categorical('g', ['a', 'a', 'b', 'b'])] });
    const aj = fairnessToJson(an, { label: null, favourable: null }) as any;
    expect(aj.attributes[0].groups.map((g: any) => g.share_flagged)).toEqual([0.5, 0]);
    expect(JSON.stringify(aj)).not.toMatch(/NaN|Infinity/);
  });
});

describe('verdicts and warnings', () => {
  const result = computeFairness(input, options);

  it('fails the four-fifths rule for afam with the group, ratio and caveats', () => {
    const v = result.attributes[0].verdicts.find((x) => x.code.startsWith('four_fifths'))!;
    expect(v.code).toBe('four_fifths_fail');
    expect(v.params).toMatchObject({ group: 'yes', most_favoured: 'no' });
    expect(v.params.ratio).toBeCloseTo(refRatio, 12);
    expect(refRatio).toBeLessThan(0.8);
    expect(v.text).toContain('below the four-fifths (0.8) limit');
    expect(v.caveats.map((c) => c.code)).toContain('gap_not_proof');
    expect(v.caveats.map((c) => c.code)).toContain('four_fifths_rule_of_thumb');
    const gap = v.caveats.find((c) => c.code === 'gap_not_proof')!;
    const [no, yes] = result.attributes[0].groups;
    expect(gap.params.base_rate_gap).toBeCloseTo(Math.abs((no.rates.favourable_base_rate as number) - (yes.rates.favourable_base_rate as number)), 15);
  });

  it('states the selection-rate gap with the groups and the base-rate caveat', () => {
    const v = result.attributes[0].verdicts.find((x) => x.code === 'selection_rate_gap')!;
    expect(v.params.highest).toBe('yes');
    expect(v.params.difference).toBeCloseTo(result.attributes[0].disparities.values.demographic_parity_difference as number, 15);
    expect(v.caveats[0].code).toBe('gap_not_proof');
  });

  it('warns about small groups, configurable and suppressible', () => {
    const small = result.warnings.filter((w) => w.code === 'small_group').map((w) => `${w.params!.attribute}=${w.params!.group}`);
    const groups = result.attributes.flatMap((a) => a.groups.filter((g) => g.n < 30 || g.n_positive < 5 || g.n_negative < 5).map((g) => `${a.name}=${g.value}`));
    expect(small).toEqual(groups);
    expect(computeFairness(input, { ...options, minGroup: { n: 100000 } }).warnings.filter((w) => w.code === 'small_group').length).toBe(2 + 2 + 4);
    expect(computeFairness(input, { ...options, minGroup: false }).warnings).toEqual([]);
  });

  it('reports progress and stops on abort', () => {
    const seen: number[] = [];
    computeFairness(input, { ...options, bootstrap: false }, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3]);
    const ctl = new AbortController();
    ctl.abort();
    expect(() => computeFairness(input, options, { signal: ctl.signal })).toThrow(/cancelled/);
  });

  it('rejects bad inputs with a clear message', () => {
    expect(() => computeFairness({ ...input, yTrue: input.yTrue.subarray(1) })).toThrow(/invalid yTrue: 2379 rows; expected 2380/);
    const bad = input.scores.slice();
    bad[5] = NaN;
    expect(() => computeFairness({ ...input, scores: bad })).toThrow(/missing value in scores: row 5/);
    expect(() => computeFairness({ ...input, yTrue: Uint8Array.of(...input.yTrue.subarray(0, 2379), 2) })).toThrow(/invalid yTrue: row 2379 is 2/);
  });
});
