/**
 * Issue 4: bootstrap intervals: reproducible with a seed, equivalent to resampling rows within
 * groups, near-nominal coverage on simulated data with known truth; DeLong against brute force.
 */
import { describe, expect, it } from 'vitest';
import { groupAuc } from '../../../src/engine/fairness/auc.ts';
import { bootstrapAuc, bootstrapDisparities, percentileInterval, streamSeed } from '../../../src/engine/fairness/bootstrap.ts';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import { confusionCounts } from '../../../src/engine/fairness/counts.ts';
import { scoreOrder } from '../../../src/engine/fairness/order.ts';
import { wilson } from '../../../src/engine/fairness/wilson.ts';
import { rng } from '../../../src/engine/random.ts';
import { categorical, loadCase } from './fixtures.ts';

/** Two groups of rows with given selection probabilities; returns [tn, fp, fn, tp] counts per group (y = pred, so only tn/tp). */
function simulatedCounts(seed: number, n: number, rates: number[]): Float64Array {
  const r = rng(seed);
  const c = new Float64Array(4 * rates.length);
  rates.forEach((p, g) => {
    for (let i = 0; i < n; i++) {
      const y = r.next() < 0.5 ? 1 : 0;
      const pred = r.next() < p ? 1 : 0;
      c[4 * g + 2 * y + pred]++;
    }
  });
  return c;
}

describe('percentile intervals', () => {
  it('interpolate between order statistics and skip undefined replicates', () => {
    expect(percentileInterval(Float64Array.of(3, 1, 2, NaN, 4, 5), 0.5)).toEqual({ interval: [2, 4], defined: 5 });
    const wide = percentileInterval(Float64Array.of(0, 10), 0.9).interval as [number, number];
    expect(wide[0]).toBeCloseTo(0.5, 12);
    expect(wide[1]).toBeCloseTo(9.5, 12);
    expect(percentileInterval(Float64Array.of(NaN), 0.95)).toEqual({ interval: null, defined: 0 });
  });
});

describe('disparity bootstrap', () => {
  const counts = Float64Array.of(40, 10, 5, 45, 70, 5, 10, 15);

  it('is reproducible with a seed and changes with another seed', () => {
    const a = bootstrapDisparities(counts, 2, true, 0, 300, 7, 0.95);
    const b = bootstrapDisparities(counts, 2, true, 0, 300, 7, 0.95);
    const c = bootstrapDisparities(counts, 2, true, 0, 300, 8, 0.95);
    expect(a).toEqual(b);
    expect(a.intervals[0]).not.toEqual(c.intervals[0]);
    expect(streamSeed(1, 'sex')).toBe(streamSeed(1, 'sex'));
    expect(streamSeed(1, 'sex')).not.toBe(streamSeed(1, 'age'));
  });

  it('matches resampling rows within groups (the multinomial shortcut is the same distribution)', () => {
    // rows of group g: cell k repeated counts[4g + k] times; resample n_g rows per group, 4000 times
    const r = rng(99);
    const groups = [0, 1].map((g) => Array.from({ length: 4 }, (_, k) => Array(counts[4 * g + k]).fill(k)).flat());
    const dp: number[] = [];
    for (let b = 0; b < 4000; b++) {
      const sel = groups.map((rows) => {
        let s = 0;
        for (let i = 0; i < rows.length; i++) s += rows[r.int(rows.length)] & 1;
        return s / rows.length;
      });
      dp.push(Math.abs(sel[0] - sel[1]));
    }
    dp.sort((x, y) => x - y);
    const rowLo = dp[Math.floor(0.025 * 3999)];
    const rowHi = dp[Math.ceil(0.975 * 3999)];
    const [lo, hi] = bootstrapDisparities(counts, 2, true, 0, 4000, 3, 0.95).intervals[0] as [number, number];
    expect(Math.abs(lo - rowLo)).toBeLessThan(0.02);
    expect(Math.abs(hi - rowHi)).toBeLessThan(0.02);
  });

  it('covers the true demographic parity difference and ratio in about 95% of 400 simulations', () => {
    let coverDiff = 0;
    let coverRatio = 0;
    for (let s = 0; s < 400; s++) {
      const c = simulatedCounts(1000 + s, 300, [0.5, 0.3]);
      const res = bootstrapDisparities(c, 2, true, 0, 500, s, 0.95);
      const [dLo, dHi] = res.intervals[0] as [number, number];
      const [rLo, rHi] = res.intervals[1] as [number, number];
      if (dLo <= 0.2 && 0.2 <= dHi) coverDiff++;
      if (rLo <= 0.6 && 0.6 <= rHi) coverRatio++;
    }
    expect(coverDiff / 400).toBeGreaterThanOrEqual(0.92);
    expect(coverDiff / 400).toBeLessThanOrEqual(0.98);
    expect(coverRatio / 400).toBeGreaterThanOrEqual(0.92);
    expect(coverRatio / 400).toBeLessThanOrEqual(0.98);
  });

  it('a deliberately too narrow interval (level 0.5) fails the same coverage check', () => {
    let cover = 0;
    for (let s = 0; s < 400; s++) {
      const [lo, hi] = bootstrapDisparities(simulatedCounts(1000 + s, 300, [0.5, 0.3]), 2, true, 0, 500, s, 0.5).intervals[0] as [number, number];
      if (lo <= 0.2 && 0.2 <= hi) cover++;
    }
    expect(cover / 400).toBeLessThan(0.92);
  });
});

describe('Wilson coverage', () => {
  it('covers a known rate in about 95% of 400 simulations', () => {
    const r = rng(5);
    let cover = 0;
    for (let s = 0; s < 400; s++) {
      let x = 0;
      for (let i = 0; i < 200; i++) x += r.next() < 0.3 ? 1 : 0;
      const [lo, hi] = wilson(x, 200, 1.959963984540054) as [number, number];
      if (lo <= 0.3 && 0.3 <= hi) cover++;
    }
    expect(cover / 400).toBeGreaterThanOrEqual(0.93);
    expect(cover / 400).toBeLessThanOrEqual(0.97);
  });
});

describe('AUC intervals', () => {
  it('DeLong variance equals the placement formula computed pair by pair', () => {
    const r = rng(11);
    const n = 120;
    const scores = Float64Array.from({ length: n }, () => Math.round(r.next() * 20) / 20); // many ties
    const y = Uint8Array.from(scores, (s) => (r.next() < s ? 1 : 0));
    const ids = new Int32Array(n);
    const res = groupAuc(scoreOrder(scores), y, ids, 1, false);
    const pos = [...scores].filter((_, i) => y[i] === 1);
    const neg = [...scores].filter((_, i) => y[i] === 0);
    const psi = (a: number, b: number) => (a > b ? 1 : a === b ? 0.5 : 0);
    const v10 = pos.map((p) => neg.reduce((s, q) => s + psi(p, q), 0) / neg.length);
    const v01 = neg.map((q) => pos.reduce((s, p) => s + psi(p, q), 0) / pos.length);
    const auc = v10.reduce((a, b) => a + b, 0) / pos.length;
    const svar = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return v.reduce((a, b) => a + (b - m) * (b - m), 0) / (v.length - 1);
    };
    expect(res.auc[0]).toBeCloseTo(auc, 14);
    expect(res.variance[0]).toBeCloseTo(svar(v10) / pos.length + svar(v01) / neg.length, 14);
  });

  it('bootstrap and DeLong intervals agree on a fixture, and the bootstrap is reproducible', () => {
    const c = loadCase('german_credit_logreg');
    const input = { task: 'classification' as const, scores: c.scores, yTrue: c.yTrue, groups: [categorical('sex', c.columns.sex)] };
    const boot = classificationFairness(input, { aucInterval: 'bootstrap', bootstrap: { samples: 1000, seed: 4 } });
    const again = classificationFairness(input, { aucInterval: 'bootstrap', bootstrap: { samples: 1000, seed: 4 } });
    const delong = classificationFairness(input, { aucInterval: 'delong', bootstrap: { samples: 1000, seed: 4 } });
    expect(boot.intervals.auc).toBe('bootstrap');
    expect(delong.intervals.auc).toBe('delong');
    expect(again.attributes).toEqual(boot.attributes);
    for (const [g, h] of [[boot.overall, delong.overall], ...boot.attributes[0].groups.map((g, i) => [g, delong.attributes[0].groups[i]])]) {
      const [a, b] = [g.auc_ci as [number, number], h.auc_ci as [number, number]];
      expect(a[0]).toBeLessThan(g.auc as number);
      expect(a[1]).toBeGreaterThan(g.auc as number);
      expect(Math.abs(a[0] - b[0])).toBeLessThan(0.02);
      expect(Math.abs(a[1] - b[1])).toBeLessThan(0.02);
    }
  });

  it('auto picks the bootstrap for small data and DeLong for large, and says so', () => {
    const c = loadCase('german_credit_logreg');
    const input = { task: 'classification' as const, scores: c.scores, yTrue: c.yTrue, groups: [categorical('sex', c.columns.sex)] };
    expect(classificationFairness(input, {}).intervals.auc).toBe('bootstrap');
    expect(classificationFairness(input, { bootstrap: { samples: 20_000 } }).intervals.auc).toBe('delong');
    expect(() => classificationFairness(input, { bootstrap: false, aucInterval: 'bootstrap' })).toThrow(/invalid aucInterval: bootstrap/);
  });

  it('bootstrapAuc resamples rows: a perfectly separated group stays at AUC 1', () => {
    const cells = Float64Array.of(5, 0, 3, 0, 0, 4, 0, 6);
    expect(bootstrapAuc(cells, 200, rng(1), 0.95)).toEqual({ interval: [1, 1], defined: 200 });
  });

  it('confusion counts match a direct count', () => {
    const pred = Uint8Array.of(1, 0, 1, 1);
    const y = Uint8Array.of(1, 1, 0, 1);
    expect([...confusionCounts(pred, y, Int32Array.of(0, 0, 1, 1), 2)]).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
  });
});
