/**
 * Issue 12, item 3: each side's own decision rule. B may have its own threshold; lower scores
 * may mean positive (score <= threshold); a float32 side compares its threshold in float32 (a
 * float32 score equal to the threshold is positive), as the fairness engine does.
 */
import { describe, expect, it } from 'vitest';
import { compareScores } from '../../../src/engine/compare/index.ts';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import type { AnomalyResult } from '../../../src/engine/fairness/anomaly.ts';
import type { ClassificationResult } from '../../../src/engine/fairness/classification.ts';
import { makeData } from './data.ts';

const d = makeData(2000, 5);
const input = { yTrue: d.yTrue, groups: [d.region] };
const quick = { bootstrap: { samples: 50, seed: 1 } };

/** Per group of region: [tn, fp, fn, tp] of the decisions, counted here. */
function counts(dec: (i: number) => boolean): number[][] {
  const out = d.region.levels.map(() => [0, 0, 0, 0]);
  for (let i = 0; i < d.n; i++) out[d.region.codes[i]][2 * d.yTrue[i] + (dec(i) ? 1 : 0)]++;
  return out;
}
const countsOf = (r: ClassificationResult) => r.attributes[0].groups.map((g) => [g.tn, g.fp, g.fn, g.tp]);

describe('issue 12: each side\'s threshold and direction', () => {
  it('B has its own threshold: B at 0.4 against A at 0.5 selects exactly the rows from 0.4 to below 0.5 in addition', () => {
    const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: d.scores, threshold: 0.4 }, input, quick);
    const between = [...d.scores].filter((s) => s >= 0.4 && s < 0.5).length;
    expect(between).toBeGreaterThan(0);
    expect(r.changes).toMatchObject({ changed: between, to_positive: between, to_negative: 0 });
    expect(r.rules.b).toEqual({ threshold: 0.4, precision: 'float64', higher_is_positive: true });
    expect(r.b).toEqual(classificationFairness({ task: 'classification', scores: d.scores, ...input }, { ...quick, threshold: 0.4 }));
    expect(r.verdicts[0]).toMatchObject({ code: 'compare_selects_more', params: { net: between, to_positive: between, to_negative: 0 } });
  });

  it('lower scores mean positive: score <= threshold, with counts, mean scores and threshold in the score\'s own units', () => {
    // an isolation forest's score_samples: in [-1, 0], lower = more anomalous (the positive class here)
    const low = d.scores.map((s) => -s);
    const t = -0.5;
    const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: low, threshold: t, higherIsPositive: false }, input, quick);
    const b = r.b as ClassificationResult;
    expect(countsOf(b)).toEqual(counts((i) => low[i] <= t));
    // the rows exactly on the threshold are positive: -0.5 <= -0.5
    expect(low.filter((s) => s === t).length).toBeGreaterThan(0);
    // the same decisions as A (s >= 0.5 is -s <= -0.5): nothing changes
    expect(r.changes.changed).toBe(0);
    expect(b.threshold).toBe(t);
    expect(b.options.threshold).toBe(t);
    b.attributes[0].groups.forEach((g, k) => {
      let sum = 0;
      let n = 0;
      for (let i = 0; i < d.n; i++) if (d.region.codes[i] === k) { sum += low[i]; n++; }
      expect(g.mean_score).toBe(sum / n);
    });
    // the AUC follows the stated direction: as good as A's on the original scores
    expect(b.overall.auc).toBeCloseTo((r.a as ClassificationResult).overall.auc!, 12);
    expect(r.rules.b.higher_is_positive).toBe(false);
    // the check can fail: read in the wrong direction, the counts differ
    expect(countsOf(b)).not.toEqual(counts((i) => low[i] >= t));
  });

  it('a float32 side counts a score equal to the threshold as positive; the same values read as float64 do not', () => {
    const f = [0.7, 0.3, 0.9, 0.1, 0.69, 0.71];
    const s32 = Float64Array.from({ length: d.n }, (_, i) => Math.fround(f[i % f.length]));
    const on = [...s32].filter((s) => s === Math.fround(0.7)).length;
    const r = compareScores({ scores: s32, threshold: 0.7, precision: 'float32' }, { scores: s32, threshold: 0.7 }, input, quick);
    expect(on).toBeGreaterThan(0);
    expect(r.changes).toMatchObject({ changed: on, to_positive: 0, to_negative: on });
    expect(countsOf(r.a as ClassificationResult)).toEqual(counts((i) => f[i % f.length] >= 0.7));
    expect(r.changes.rows.every((x) => s32[x.row] === Math.fround(0.7) && x.to === 'negative')).toBe(true);
    expect(r.rules.a.precision).toBe('float32');
  });

  it('a float32 side with lower scores positive counts a score equal to the threshold as positive', () => {
    const f = [-0.7, -0.3, -0.9, -0.1, -0.69, -0.71];
    const s32 = Float64Array.from({ length: d.n }, (_, i) => Math.fround(f[i % f.length]));
    const on = [...s32].filter((s) => s === Math.fround(-0.7)).length;
    const r = compareScores(
      { scores: s32, threshold: -0.7, precision: 'float32', higherIsPositive: false },
      { scores: s32, threshold: -0.7, higherIsPositive: false },
      input,
      quick,
    );
    // float32(-0.7) = -0.699999988 > -0.7: positive only when compared in float32
    expect(r.changes).toMatchObject({ changed: on, to_positive: 0, to_negative: on });
    expect(countsOf(r.a as ClassificationResult)).toEqual(counts((i) => f[i % f.length] <= -0.7));
  });

  it('without labels, lower scores flagged: score <= threshold, the rule reported in the score\'s units', () => {
    const r = compareScores({ scores: d.scores, threshold: 0.3, higherIsPositive: false }, { scores: d.scores, threshold: 0.35, higherIsPositive: false }, { yTrue: null, groups: [d.region] }, quick);
    const b = r.b as AnomalyResult;
    expect(b.flag_rule).toEqual({ source: 'score', direction: 'lower', threshold: 0.35 });
    expect(b.attributes[0].groups.map((g) => g.flagged)).toEqual(counts((i) => d.scores[i] <= 0.35).map((c) => c[1] + c[3]));
    const between = [...d.scores].filter((s) => s > 0.3 && s <= 0.35).length;
    expect(between).toBeGreaterThan(0);
    expect(r.changes).toMatchObject({ changed: between, to_positive: between, to_negative: 0 });
    expect(b.overall.mean_score).toBeCloseTo(d.scores.reduce((x, y) => x + y, 0) / d.n, 12);
  });
});
