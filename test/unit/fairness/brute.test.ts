/**
 * Issue 4: rankings, threshold curves, per-group thresholds, regression and anomaly metrics
 * against brute-force computations written independently in this file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anomalyFairness } from '../../../src/engine/fairness/anomaly.ts';
import { accuracyAt, groupCurves, pointAt } from '../../../src/engine/fairness/curves.ts';
import { attributeGroups } from '../../../src/engine/fairness/groups.ts';
import { scoreOrder } from '../../../src/engine/fairness/order.ts';
import { rankingMetrics } from '../../../src/engine/fairness/ranking.ts';
import { regressionFairness } from '../../../src/engine/fairness/regression.ts';
import { equaliseThresholds } from '../../../src/engine/fairness/thresholds.ts';
import { rng } from '../../../src/engine/random.ts';

function data(seed: number, n: number, G: number, steps = 10) {
  const r = rng(seed);
  const codes = Int32Array.from({ length: n }, () => r.int(G));
  const scores = Float64Array.from({ length: n }, () => r.int(steps + 1) / steps); // ties on purpose
  const y = Uint8Array.from(scores, (s) => (r.next() < 0.2 + 0.6 * s ? 1 : 0));
  const levels = Array.from({ length: G }, (_, g) => `g${g}`);
  return { codes, scores, y, levels, group: { name: 'grp', codes, levels } };
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-12);

describe('score order', () => {
  it('sorts by score descending, ties by row index, for any doubles incl. negatives and -0', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, 0.5)), { maxLength: 200 }), (xs) => {
        const s = Float64Array.from(xs);
        const so = scoreOrder(s);
        const expected = [...s.keys()].sort((a, b) => (s[b] - s[a]) || a - b);
        const distinct = [...new Set(xs.map((x) => x + 0))].sort((a, b) => b - a);
        return JSON.stringify([...so.order]) === JSON.stringify(expected) && JSON.stringify([...so.distinct]) === JSON.stringify(distinct) && so.runs[so.runs.length - 1] === xs.length;
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('ranking', () => {
  it('matches a brute-force top-k per group', () => {
    const d = data(1, 300, 3);
    const p = attributeGroups(d.group, 300);
    const ks = [{ k: 0 }, { k: 1 }, { k: 37 }, { fraction: 0.25 }, { fraction: 1 }];
    const res = rankingMetrics(scoreOrder(d.scores), d.y, [p], ks);
    const ranked = [...d.scores.keys()].sort((a, b) => d.scores[b] - d.scores[a] || a - b);
    const P = d.y.reduce((a, b) => a + b, 0);
    ks.forEach((t, i) => {
      const k = 'k' in t ? t.k : Math.round(t.fraction * 300);
      const top = ranked.slice(0, k);
      const hits = top.filter((r) => d.y[r] === 1).length;
      expect(res[i].k).toBe(k);
      expect(close(res[i].precision, k ? hits / k : null)).toBe(true);
      expect(close(res[i].recall, hits / P)).toBe(true);
      res[i].attributes[0].groups.forEach((g, gi) => {
        const members = [...d.codes.keys()].filter((r) => d.codes[r] === gi);
        const sel = top.filter((r) => d.codes[r] === gi);
        const selHits = sel.filter((r) => d.y[r] === 1).length;
        const pos = members.filter((r) => d.y[r] === 1).length;
        expect(g.n).toBe(members.length);
        expect(g.selected).toBe(sel.length);
        expect(close(g.selection_share, k ? sel.length / k : null)).toBe(true);
        expect(close(g.population_share, members.length / 300)).toBe(true);
        expect(close(g.selection_rate, sel.length / members.length)).toBe(true);
        expect(close(g.precision_at_k, sel.length ? selHits / sel.length : null)).toBe(true);
        expect(close(g.recall_at_k, pos ? selHits / pos : null)).toBe(true);
        expect(close(g.base_rate, pos / members.length)).toBe(true);
      });
    });
    expect(() => rankingMetrics(scoreOrder(d.scores), d.y, [p], [{ k: 301 }])).toThrow(/invalid topK.k: 301/);
  });
});

describe('threshold curves and per-group thresholds', () => {
  const d = data(2, 400, 3, 40);
  const p = attributeGroups(d.group, 400);
  const curves = groupCurves(scoreOrder(d.scores), d.y, p);

  it('give at each distinct threshold the counts of score >= t', () => {
    curves.forEach((c, g) => {
      const rows = [...d.codes.keys()].filter((r) => d.codes[r] === g);
      const distinct = [...new Set(rows.map((r) => d.scores[r]))].sort((a, b) => b - a);
      expect([...c.thresholds]).toEqual([Infinity, ...distinct]);
      c.thresholds.forEach((t, i) => {
        const sel = rows.filter((r) => d.scores[r] >= t);
        expect(c.selected[i]).toBe(sel.length);
        expect(c.tp[i]).toBe(sel.filter((r) => d.y[r] === 1).length);
        const P = rows.filter((r) => d.y[r] === 1).length;
        expect(close((c.tpr as Float64Array)[i], c.tp[i] / P)).toBe(true);
        expect(close((c.fpr as Float64Array)[i], (sel.length - c.tp[i]) / (rows.length - P))).toBe(true);
      });
      expect(pointAt(c, 0.5)).toBe(distinct.filter((t) => t >= 0.5).length);
    });
  });

  it('equalise the selection rate and the TPR with the accuracy cost', () => {
    for (const metric of ['selection_rate', 'tpr'] as const) {
      const eq = equaliseThresholds(curves, { metric, threshold: 0.5 });
      // target: the overall rate at 0.5
      const sel = [...d.scores.keys()].filter((r) => d.scores[r] >= 0.5);
      const target = metric === 'tpr' ? sel.filter((r) => d.y[r] === 1).length / d.y.reduce((a, b) => a + b, 0) : sel.length / 400;
      expect(eq.target).toBeCloseTo(target, 14);
      let correct = 0;
      let correctSingle = 0;
      eq.groups.forEach((g, gi) => {
        const rows = [...d.codes.keys()].filter((r) => d.codes[r] === gi);
        const P = rows.filter((r) => d.y[r] === 1).length;
        const rateAt = (t: number) => {
          const s = rows.filter((r) => d.scores[r] >= t);
          return metric === 'tpr' ? s.filter((r) => d.y[r] === 1).length / P : s.length / rows.length;
        };
        const candidates = [Infinity, ...new Set(rows.map((r) => d.scores[r]))];
        const bestGap = Math.min(...candidates.map((t) => Math.abs(rateAt(t) - target)));
        expect(Math.abs((g.achieved as number) - target)).toBeCloseTo(bestGap, 14);
        expect(g.achieved).toBeCloseTo(rateAt(g.threshold), 14);
        correct += rows.filter((r) => (d.scores[r] >= g.threshold ? 1 : 0) === d.y[r]).length;
        correctSingle += rows.filter((r) => (d.scores[r] >= 0.5 ? 1 : 0) === d.y[r]).length;
      });
      expect(eq.accuracy_per_group).toBeCloseTo(correct / 400, 14);
      expect(eq.accuracy_single).toBeCloseTo(correctSingle / 400, 14);
      expect(eq.cost).toBeCloseTo((correctSingle - correct) / 400, 14);
    }
    expect(accuracyAt(curves[0], 0)).toBeCloseTo(curves[0].n_negative / curves[0].n, 14);
  });
});

describe('regression', () => {
  it('matches direct per-group formulas; r2 null for constant targets', () => {
    const r = rng(4);
    const n = 200;
    const codes = Int32Array.from({ length: n }, (_, i) => (i < 5 ? 2 : r.int(2)));
    const y = Float64Array.from({ length: n }, (_, i) => (codes[i] === 2 ? 7 : 1000 + 300 * r.next()));
    const pred = Float64Array.from(y, (v, i) => v + 50 * (r.next() - 0.4) + (codes[i] === 1 ? 30 : 0));
    const res = regressionFairness({ task: 'regression', scores: pred, yTrue: y, groups: [{ name: 'g', codes, levels: ['a', 'b', 'c'] }] }, { minGroup: { n: 10 } });
    const groups = res.attributes[0].groups;
    groups.forEach((g, gi) => {
      const rows = [...codes.keys()].filter((i) => codes[i] === gi);
      const m = (f: (i: number) => number) => rows.reduce((s, i) => s + f(i), 0) / rows.length;
      const my = m((i) => y[i]);
      const sse = rows.reduce((s, i) => s + (pred[i] - y[i]) ** 2, 0);
      const sst = rows.reduce((s, i) => s + (y[i] - my) ** 2, 0);
      expect(g.n).toBe(rows.length);
      expect(g.mean_prediction).toBeCloseTo(m((i) => pred[i]), 9);
      expect(g.mean_target).toBeCloseTo(my, 9);
      expect(g.mean_error).toBeCloseTo(m((i) => pred[i] - y[i]), 9);
      expect(g.mae).toBeCloseTo(m((i) => Math.abs(pred[i] - y[i])), 9);
      expect(g.rmse).toBeCloseTo(Math.sqrt(sse / rows.length), 9);
      if (sst === 0) expect(g.r2).toBeNull();
      else expect(g.r2 as number).toBeCloseTo(1 - sse / sst, 9);
    });
    expect(groups[2].r2).toBeNull();
    expect(groups[2].small).toBe(true);
    expect(res.warnings.map((w) => w.code)).toEqual(['small_group']);
    const d = res.attributes[0].disparities;
    const errs = groups.map((g) => g.mean_error);
    expect(d.mean_error_difference).toBeCloseTo(Math.max(...errs) - Math.min(...errs), 9);
    expect(d.mae_ratio).toBeCloseTo(Math.min(...groups.map((g) => g.mae)) / Math.max(...groups.map((g) => g.mae)), 12);
    // mean error interval: mean ± 1.96 s / sqrt(n)
    const g0 = groups[0];
    const rows0 = [...codes.keys()].filter((i) => codes[i] === 0);
    const e = rows0.map((i) => pred[i] - y[i]);
    const s = Math.sqrt(e.reduce((a, x) => a + (x - g0.mean_error) ** 2, 0) / (e.length - 1));
    expect((g0.mean_error_ci as [number, number])[1]).toBeCloseTo(g0.mean_error + (1.959963984540054 * s) / Math.sqrt(e.length), 9);
  });
});

describe('anomaly', () => {
  const scores = Float64Array.of(-0.2, 0.1, -0.05, 0.3, 0.0, -0.4, 0.2, 0.05);
  const labels = [-1, 1, -1, 1, 1, -1, 1, 1];
  const codes = Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
  const group = { name: 'nat', codes, levels: ['de', 'other'] };

  it('counts the flags from the model labels', () => {
    const res = anomalyFairness({ task: 'anomaly', scores, labels, groups: [group] });
    const [de, other] = res.attributes[0].groups;
    expect([de.flagged, de.share_flagged, other.flagged, other.share_flagged]).toEqual([2, 0.5, 1, 0.25]);
    expect(de.mean_score).toBeCloseTo((-0.2 + 0.1 - 0.05 + 0.3) / 4, 15);
    expect(res.attributes[0].disparities.share_flagged_difference).toBe(0.25);
    expect(res.attributes[0].disparities.share_flagged_ratio).toBe(0.5);
    expect(res.flag_rule).toEqual({ source: 'labels' });
  });

  it('flags by score rule, direction lower reproducing scikit-learn (decision_function < 0)', () => {
    const res = anomalyFairness({ task: 'anomaly', scores, groups: [group] }, { anomaly: { direction: 'lower', threshold: 0 } });
    expect(res.attributes[0].groups.map((g) => g.flagged)).toEqual([2, 1]); // -0.2, -0.05 | -0.4 (0.0 is not flagged)
    const hi = anomalyFairness({ task: 'anomaly', scores, groups: [group] }, { anomaly: { direction: 'higher', threshold: 0.1 } });
    expect(hi.attributes[0].groups.map((g) => g.flagged)).toEqual([2, 1]); // 0.1, 0.3 | 0.2
    expect(() => anomalyFairness({ task: 'anomaly', scores, groups: [group] })).toThrow(/invalid anomaly: missing/);
  });

  it('ranks the most anomalous first for direction lower', () => {
    const res = anomalyFairness(
      { task: 'anomaly', scores, yTrue: Uint8Array.of(1, 0, 0, 0, 0, 1, 0, 0), groups: [group] },
      { anomaly: { direction: 'lower', threshold: 0 }, topK: [{ k: 2 }] },
    );
    const top = res.ranking![0];
    expect(top.precision).toBe(1); // -0.4 and -0.2 are the two true anomalies
    expect(top.attributes[0].groups.map((g) => g.selected)).toEqual([1, 1]);
  });
});

describe('thresholdAnalysis', () => {
  it('gives curves whose point at the single threshold reproduces the classification counts', async () => {
    const { thresholdAnalysis } = await import('../../../src/engine/fairness/threshold-analysis.ts');
    const { classificationFairness } = await import('../../../src/engine/fairness/classification.ts');
    const d = data(8, 500, 4, 25);
    const input = { task: 'classification' as const, scores: d.scores, yTrue: d.y, groups: [d.group] };
    const [t] = thresholdAnalysis(input, { threshold: 0.6 });
    const res = classificationFairness(input, { threshold: 0.6, bootstrap: false });
    t.curves.forEach((c, g) => {
      const i = pointAt(c, 0.6);
      const grp = res.attributes[0].groups[g];
      expect([c.selected[i], c.tp[i]]).toEqual([grp.n_predicted_positive, grp.tp]);
      expect(accuracyAt(c, i)).toBeCloseTo(grp.rates.accuracy as number, 14);
    });
    expect(t.equal_selection_rate.accuracy_single).toBeCloseTo(res.overall.rates.accuracy as number, 14);
  });
});
