/**
 * Issue 4, item 10: what the fairness UI asks of the engine, through the worker protocol's
 * dispatch path (LocalEngine): per-group threshold curves on a grid, ROC curves, per-group
 * equalising thresholds (JSON-safe), and a column's values with counts. Checked against brute
 * force over the fixture's rows and the model's own scores.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { LocalEngine } from '../../../../src/worker/local.ts';
import { requestSchema } from '../../../../src/worker/protocol.ts';
import { summariseCurve } from '../../../../src/engine/analyses/fairness-run.ts';
import { groupCurves, scoreOrder } from '../../../../src/engine/fairness/index.ts';

const FIX = resolve(import.meta.dirname, '../../../fixtures/real_german_pipe_rf');
const rows = Papa.parse<Record<string, string>>(readFileSync(join(FIX, 'data.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

async function engine(): Promise<LocalEngine> {
  const e = new LocalEngine();
  const bytes = (f: string) => new Uint8Array(readFileSync(join(FIX, f))).buffer as ArrayBuffer;
  await e.call({ kind: 'loadModel', bytes: bytes('model.onnx'), fileName: 'model.onnx' });
  await e.call({ kind: 'loadData', bytes: bytes('data.csv'), fileName: 'data.csv' });
  return e;
}

describe('fairness request with curves (real_german_pipe_rf)', async () => {
  const e = await engine();
  const spec = { label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], threshold: 0.5, bootstrap: 0, curves: { points: 21 } };
  const run = await e.call({ kind: 'fairness', spec });
  const scores = run.predictions.scores;
  const y = rows.map((r) => (r.Class === 'Good' ? 1 : 0));
  const groupOf = (name: string, i: number) => name.split('+').map((a) => rows[i][a]).join('+');

  it('curves for every attribute and intersection, every group, on the asked grid', () => {
    expect(run.thresholds!.map((t) => t.name)).toEqual(['sex', 'age_group', 'sex+age_group']);
    for (const t of run.thresholds!) {
      const values = [...new Set(rows.map((_, i) => groupOf(t.name, i)))].sort();
      expect(t.curves.map((c) => c.value).sort()).toEqual(values);
      for (const c of t.curves) expect(c.thresholds).toEqual(Array.from({ length: 21 }, (_, i) => i / 20));
    }
  });

  it('selection rate, TPR and FPR at each grid threshold equal brute-force counts of score >= t', () => {
    for (const t of run.thresholds!) {
      for (const c of t.curves) {
        const idx = rows.map((_, i) => i).filter((i) => groupOf(t.name, i) === c.value);
        const P = idx.filter((i) => y[i] === 1).length;
        expect(c.n).toBe(idx.length);
        expect(c.n_positive).toBe(P);
        c.thresholds.forEach((th, k) => {
          const sel = idx.filter((i) => scores[i] >= th);
          const tp = sel.filter((i) => y[i] === 1).length;
          expect(c.selection_rate[k], `${t.name} ${c.value} ${th}`).toBe(sel.length / idx.length);
          expect(c.tpr![k]).toBe(tp / P);
          expect(c.fpr![k]).toBe((sel.length - tp) / (idx.length - P));
        });
      }
    }
  });

  it('the curve at the analysis threshold gives the same selection rate as the group table', () => {
    const res = run.result;
    if (res.task !== 'classification') throw new Error('expected classification');
    for (const a of res.attributes) {
      const t = run.thresholds!.find((x) => x.name === a.name)!;
      for (const g of a.groups) expect(t.curves.find((c) => c.value === g.value)!.selection_rate[10]).toBe(g.rates.selection_rate);
    }
  });

  it('ROC curves run from (0, 0) to (1, 1), never go back, and have at most the asked points', () => {
    for (const c of run.thresholds!.flatMap((t) => t.curves)) {
      const { fpr, tpr } = c.roc!;
      expect(fpr.length).toBeLessThanOrEqual(21);
      expect([fpr[0], tpr[0]]).toEqual([0, 0]);
      expect([fpr.at(-1), tpr.at(-1)]).toEqual([1, 1]);
      for (let k = 1; k < fpr.length; k++) {
        expect(fpr[k]).toBeGreaterThanOrEqual(fpr[k - 1]);
        expect(tpr[k]).toBeGreaterThanOrEqual(tpr[k - 1]);
      }
    }
  });

  it('equalising thresholds: each group reaches its rate at its own threshold (brute force); the cost is the accuracy lost', () => {
    for (const t of run.thresholds!) {
      const eq = t.equal_selection_rate;
      let correct = 0;
      for (const g of eq.groups) {
        const idx = rows.map((_, i) => i).filter((i) => groupOf(t.name, i) === g.value);
        const sel = (i: number) => g.threshold !== null && scores[i] >= g.threshold;
        expect(g.achieved).toBe(idx.filter(sel).length / idx.length);
        correct += idx.filter((i) => (sel(i) ? 1 : 0) === y[i]).length;
      }
      expect(eq.accuracy_per_group).toBeCloseTo(correct / rows.length, 12);
      expect(eq.accuracy_single).toBeCloseTo(rows.filter((_, i) => (scores[i] >= 0.5 ? 1 : 0) === y[i]).length / rows.length, 12);
      expect(eq.cost).toBeCloseTo(eq.accuracy_single - eq.accuracy_per_group, 15);
    }
  });

  it('the results JSON carries the same threshold analysis, JSON-safe (no Infinity)', () => {
    const json = JSON.parse(JSON.stringify(run.json));
    expect(json.threshold_analysis).toEqual(run.thresholds);
  });

  it('a group where nobody is to be selected gets threshold null, not Infinity (threshold 1: nobody scores 1)', async () => {
    expect(Math.max(...scores)).toBeLessThan(1);
    const top = await e.call({ kind: 'fairness', spec: { ...spec, threshold: 1 } });
    const eq = top.thresholds![0].equal_selection_rate;
    expect(eq.target).toBe(0);
    expect(eq.groups.map((g) => [g.threshold, g.achieved])).toEqual(eq.groups.map(() => [null, 0]));
    expect(JSON.parse(JSON.stringify(top.json)).threshold_analysis[0].equal_selection_rate.groups[0].threshold).toBeNull();
  });

  it('without curves in the spec nothing is added (the CLI output is unchanged)', async () => {
    const plain = await e.call({ kind: 'fairness', spec: { ...spec, curves: undefined } });
    expect(plain.thresholds).toBeUndefined();
    expect(plain.json.threshold_analysis).toBeUndefined();
  });
});

describe('summariseCurve', () => {
  it('grid rates and a thinned ROC curve for a hand-made group; too few points is refused', () => {
    const scores = Float64Array.of(0.2, 0.4, 0.6, 0.8);
    const y = Uint8Array.of(0, 1, 0, 1);
    const p = { name: 'g', attributes: ['g'], values: ['a'], parts: [['a']], missing: [false], ids: new Int32Array(4), sizes: Int32Array.of(4) };
    const c = groupCurves(scoreOrder(scores), y, p)[0];
    const s = summariseCurve(c, 3);
    expect(s.selection_rate).toEqual([1, 0.5, 0]); // t = 0, 0.5, 1
    // the full ROC has 5 points (nobody, >= 0.8, >= 0.6, >= 0.4, everybody); thinned to 3: the 1st, 3rd and 5th
    expect(summariseCurve(c, 5).roc).toEqual({ fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1] });
    expect(s.roc).toEqual({ fpr: [0, 0.5, 1], tpr: [0, 0.5, 1] });
    expect(() => summariseCurve(c, 1)).toThrow(/invalid curves.points: 1/);
  });
});

describe('protocol: the additive requests', () => {
  it('accepts curves and columnLevels, refuses a one-point curve', () => {
    expect(requestSchema.safeParse({ kind: 'fairness', spec: { protected: ['sex'], curves: true } }).success).toBe(true);
    expect(requestSchema.safeParse({ kind: 'fairness', spec: { protected: ['sex'], curves: { points: 1 } } }).success).toBe(false);
    expect(requestSchema.safeParse({ kind: 'columnLevels', column: 'Class' }).success).toBe(true);
    expect(requestSchema.safeParse({ kind: 'columnLevels' }).success).toBe(false);
  });

  it('columnLevels: every value with its count (hand count from the CSV), the most frequent kept when capped', async () => {
    const e = await engine();
    const lv = await e.call({ kind: 'columnLevels', column: 'Purpose' });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.Purpose, (counts.get(r.Purpose) ?? 0) + 1);
    expect(Object.fromEntries(lv.levels.map((v, i) => [v, lv.counts[i]]))).toEqual(Object.fromEntries(counts));
    expect(lv.missing).toBe(0);
    expect(lv.truncated).toBe(false);
    const top = await e.call({ kind: 'columnLevels', column: 'Purpose', max: 2 });
    const expected = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map((x) => x[0]);
    expect(new Set(top.levels)).toEqual(new Set(expected));
    expect(top.truncated).toBe(true);
    await expect(e.call({ kind: 'columnLevels', column: 'nope' })).rejects.toMatchObject({ info: { code: 'MISSING_COLUMN' } });
  });
});
