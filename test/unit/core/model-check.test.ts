/**
 * Issue 5 (model check step): accuracy, AUC, Brier score and calibration against hand counts
 * and against the fixtures' reference values (fairlearn/sklearn overall accuracy and ROC AUC).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { classificationCheck, regressionCheck, rocAuc } from '../../../src/engine/analyses/model-check.ts';

const FIX = join(import.meta.dirname, '../../fixtures');

describe('model check (issue 5)', () => {
  it('hand-counted: 6 cases', () => {
    const s = new Float64Array([0.9, 0.8, 0.3, 0.6, 0.2, 0.1]);
    const y = Int8Array.from([1, 1, 1, 0, 0, -1]); // the last has no outcome: left out
    const c = classificationCheck(s, y, { threshold: 0.5, bins: 2 });
    expect(c.n).toBe(5);
    expect(c.accuracy).toBeCloseTo(3 / 5, 15); // 0.9, 0.8 right; 0.3 wrong; 0.6 wrong; 0.2 right
    // pairs (pos, neg): (0.9,0.6) (0.9,0.2) (0.8,0.6) (0.8,0.2) (0.3,0.6)x (0.3,0.2) -> 5/6
    expect(c.auc).toBeCloseTo(5 / 6, 15);
    expect(c.brier).toBeCloseTo((0.01 + 0.04 + 0.49 + 0.36 + 0.04) / 5, 15);
    expect(c.calibration[0]).toMatchObject({ n: 2, observed: 0.5 }); // 0.3 (pos), 0.2 (neg)
    expect(c.calibration[1]).toMatchObject({ n: 3, observed: 2 / 3 });
    expect(c.calibration[1].mean_score).toBeCloseTo((0.9 + 0.8 + 0.6) / 3, 15);
    const [lo, hi] = c.calibration[1].observed_ci!;
    expect(lo).toBeLessThan(2 / 3);
    expect(hi).toBeGreaterThan(2 / 3);
    expect(c.ece).toBeCloseTo((2 * Math.abs(0.5 - 0.25) + 3 * Math.abs(2 / 3 - 2.3 / 3)) / 5, 12);
  });

  it('ties count one half in the AUC; one class gives null', () => {
    expect(rocAuc(new Float64Array([0.5, 0.5]), Int8Array.from([1, 0]))).toBe(0.5);
    expect(rocAuc(new Float64Array([0.5, 0.7]), Int8Array.from([1, 1]))).toBeNull();
  });

  for (const name of ['german_credit_gbm', 'hmda_logreg']) {
    it(`${name}: overall accuracy and ROC AUC equal the reference (1e-12)`, () => {
      const preds = Papa.parse<Record<string, string>>(readFileSync(join(FIX, name, 'predictions.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const ref = JSON.parse(readFileSync(join(FIX, name, 'reference.json'), 'utf8')).fairness.results['0.5'].all.overall;
      const c = classificationCheck(Float64Array.from(preds, (r) => Number(r.p_onnx_web)), Int8Array.from(preds, (r) => Number(r.y_true)));
      expect(Math.abs(c.accuracy - ref.accuracy)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs((c.auc as number) - ref.roc_auc)).toBeLessThanOrEqual(1e-12);
      expect(c.calibration.reduce((s, b) => s + b.n, 0)).toBe(ref.n);
    });
  }

  it('regression: errors and R² by hand', () => {
    const r = regressionCheck(new Float64Array([2, 4, 6]), new Float64Array([1, 5, NaN]));
    expect(r.n).toBe(2);
    expect(r.mean_error).toBe(0);
    expect(r.mae).toBe(1);
    expect(r.rmse).toBe(1);
    expect(r.r2).toBeCloseTo(1 - 2 / 8, 15);
  });
});
