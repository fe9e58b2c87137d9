/**
 * Issue 3 (sampling overhead): the random draws of permutation and Kernel SHAP were rewritten
 * to fill reused buffers and to avoid a slow floating-point modulo; they must draw exactly what
 * the plain versions draw (random.ts's permutation, Lemire's method written with doubles).
 */
import { describe, expect, it } from 'vitest';
import { below } from '../../../src/engine/explain/kernel.ts';
import { permutationsInto } from '../../../src/engine/explain/permutation.ts';
import { permutation, rng, type Rng } from '../../../src/engine/random.ts';

let rejections = 0;

/** The draw as first written: the 52-bit product u * n split with a double modulo. */
function belowWithDoubles(r: Rng, n: number): number {
  let m = r.u32() * n;
  let low = m % 4294967296;
  if (low < n) {
    const t = (4294967296 - n) % n;
    while (low < t) { rejections++; m = r.u32() * n; low = m % 4294967296; }
  }
  return Math.floor(m / 4294967296);
}

describe('random draws of the sampling methods (issue 3)', () => {
  it('permutationsInto draws the orders of k permutation() calls, one after the other', () => {
    for (const [k, n, seed] of [[50, 20, 1], [7, 1, 2], [30, 31, 3], [3, 2, 4]]) {
      const a = rng(seed), b = rng(seed);
      const flat = permutationsInto(new Uint32Array(k * n), k, n, a);
      const separate = Array.from({ length: k }, () => Array.from(permutation(n, b)));
      expect(Array.from(flat)).toEqual(separate.flat());
      expect(a.u32()).toBe(b.u32()); // the generators are left in the same state
    }
  });

  it('below draws what the double-precision formula draws, rejections included', () => {
    // n near 2^20 makes rejections frequent enough to be met (t = 2^32 mod n)
    rejections = 0;
    for (const n of [1, 2, 3, 19, 20, 1000, 699_051, 1_048_575]) {
      const a = rng(n), b = rng(n);
      const fast = Array.from({ length: 50_000 }, () => below(a, n));
      const plain = Array.from({ length: 50_000 }, () => belowWithDoubles(b, n));
      expect(fast).toEqual(plain);
      expect(a.u32()).toBe(b.u32());
    }
    expect(rejections).toBeGreaterThan(0);
  });
});

describe('standard errors with few effective degrees of freedom (issue 3)', () => {
  it('t quantiles match the tables', async () => {
    const { tQuantile975 } = await import('../../../src/engine/explain/sampling.ts');
    // Student t, 0.975 quantiles (R: qt(0.975, df))
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [3, 3.1824], [5, 2.5706], [10, 2.2281], [30, 2.0423], [120, 1.9799]];
    for (const [dof, t] of table) expect(Math.abs(tQuantile975(dof) - t) / t).toBeLessThan(0.01);
  });

  it('one stratum carrying the variance widens the error; spread over all strata leaves it as it was', async () => {
    const { meanAndError } = await import('../../../src/engine/explain/sampling.ts');
    const strata = 100, m = 4, k = strata * m;
    const r = rng(11);
    const even = Float64Array.from({ length: k }, () => r.next());
    const rare = Float64Array.from({ length: k }, (_, u) => (u % strata === 0 ? (u === 0 ? 50 : 0) : 0.5));
    const plainSe = (units: Float64Array) => {
      let v = 0;
      for (let b = 0; b < strata; b++) {
        const xs = [0, 1, 2, 3].map((j) => units[b + j * strata]);
        const mb = xs.reduce((a, x) => a + x, 0) / m;
        v += xs.reduce((a, x) => a + (x - mb) ** 2, 0) / (m - 1) / m;
      }
      return Math.sqrt(v) / strata;
    };
    const phi = new Float64Array(1), se = new Float64Array(1);
    meanAndError(even, k, 1, strata, phi, se, 0);
    expect(se[0] / plainSe(even)).toBeGreaterThan(1);
    expect(se[0] / plainSe(even)).toBeLessThan(1.01);
    meanAndError(rare, k, 1, strata, phi, se, 0);
    // the whole variance sits in one stratum: one rare event seen, so 1 degree of freedom
    // (Welch-Satterthwaite alone would say 3): t(0.975, 1) / 1.96
    expect(se[0] / plainSe(rare)).toBeCloseTo(12.7062 / 1.96, 2);
    // strata 0..seen-1 each hold one large value: equal variances, Welch-Satterthwaite dof =
    // seen x (m - 1); below 5 strata with spread the dof are at most their number
    for (const [seen, t] of [[4, 2.7764], [5, 2.1314]] as const) { // t(0.975, 4), t(0.975, 15)
      const units = Float64Array.from({ length: k }, (_, u) => (u < seen ? 50 : 0.5));
      meanAndError(units, k, 1, strata, phi, se, 0);
      expect(se[0] / plainSe(units)).toBeCloseTo(t / 1.96, 2);
    }
  });

  it('no stratum with spread is not certainty: the error is then the spread over all units', async () => {
    const { meanAndError } = await import('../../../src/engine/explain/sampling.ts');
    const strata = 30, m = 4, k = strata * m;
    // every stratum constant, but the strata differ (a rare contribution never sampled twice alike)
    const units = Float64Array.from({ length: k }, (_, u) => (u % strata === 7 ? 1 : 0));
    const phi = new Float64Array(1), se = new Float64Array(1);
    meanAndError(units, k, 1, strata, phi, se, 0);
    const mean = 1 / strata;
    const overall = Math.sqrt(units.reduce((a, x) => a + (x - mean) ** 2, 0) / (k - 1) / k);
    expect(phi[0]).toBeCloseTo(mean, 15);
    expect(se[0]).toBeGreaterThan(0);
    expect(se[0] / overall).toBeCloseTo(1.98 / 1.96, 2); // t(0.975, k - 1 = 119) = 1.980
    // all units equal: then the error is 0
    meanAndError(new Float64Array(k).fill(0.25), k, 1, strata, phi, se, 0);
    expect([phi[0], se[0]]).toEqual([0.25, 0]);
  });
  it('the one-pass stratified mean and error equal a two-pass computation, also for values far from 0', async () => {
    const { meanAndError, tQuantile975 } = await import('../../../src/engine/explain/sampling.ts');
    const strata = 50, m = 6, k = strata * m, n = 3;
    const r = rng(5);
    for (const offset of [0, 1e6]) {
      // player 0: noise; player 1: offset + noise with one rare large value per stratum 0; player 2: constant
      const units = new Float64Array(k * n);
      for (let u = 0; u < k; u++) {
        units[u * n] = r.next() - 0.5;
        units[u * n + 1] = offset + (u === 0 ? 40 : r.next());
        units[u * n + 2] = offset + 3;
      }
      const phi = new Float64Array(n), se = new Float64Array(n);
      meanAndError(units, k, n, strata, phi, se, 0);
      for (let p = 0; p < n; p++) {
        // two passes per stratum, in a plain textbook form
        let total = 0, v = 0, spread = 0;
        for (let b = 0; b < strata; b++) {
          const xs = Array.from({ length: m }, (_, j) => units[(b + j * strata) * n + p]);
          const mb = xs.reduce((a, x) => a + x, 0) / m;
          const vb = xs.reduce((a, x) => a + (x - mb) ** 2, 0) / (m - 1) / m;
          total += xs.reduce((a, x) => a + x, 0);
          v += vb;
          spread += vb ** 2 / (m - 1);
        }
        const dof = spread > 0 ? v ** 2 / spread : strata * (m - 1);
        const want = (Math.sqrt(v) / strata) * (tQuantile975(dof) / 1.959963984540054);
        expect(Math.abs(phi[p] - total / k)).toBeLessThan(1e-12 * Math.max(1, Math.abs(total / k)));
        if (want === 0) expect(se[p]).toBe(0);
        else expect(Math.abs(se[p] - want) / want).toBeLessThan(offset ? 1e-6 : 1e-12);
      }
    }
  });
  it('Kernel SHAP\'s stratum sums straight from the model values equal unit values then meanAndError', async () => {
    const { kernelScratch, unitSums, unitValues } = await import('../../../src/engine/explain/kernel.ts');
    const { meanAndError, meanAndErrorFromSums, stratumSums } = await import('../../../src/engine/explain/sampling.ts');
    const r = rng(9);
    for (const [n, nb, m] of [[20, 100, 4], [3, 7, 2], [31, 5, 3]] as const) {
      const k = nb * m;
      const viaUnits = kernelScratch(k, n), fused = kernelScratch(k, n, true);
      for (let u = 0; u < k; u++) viaUnits.zb![u] = fused.zb![u] = (r.u32() & (n === 31 ? 0x7fffffff : (1 << n) - 1)) | 1;
      // rare large model values, so that some strata have spread and some have none
      const g = Float64Array.from({ length: 2 * k }, () => (r.next() < 0.1 ? 5 * r.next() : 0.5));
      const gb = Float64Array.from({ length: nb }, () => r.next());
      const a = { phi: new Float64Array(n), se: new Float64Array(n) }, b = { phi: new Float64Array(n), se: new Float64Array(n) };
      meanAndError(unitValues(g, gb, 0.9, n, k, viaUnits), k, n, nb, a.phi, a.se, 0);
      const acc = stratumSums(nb, n);
      unitSums(g, gb, 0.9, n, k, fused, acc);
      meanAndErrorFromSums(acc, nb, m, n, b.phi, b.se, 0);
      for (let p = 0; p < n; p++) {
        expect(Math.abs(a.phi[p] - b.phi[p])).toBeLessThan(1e-13);
        expect(Math.abs(a.se[p] - b.se[p])).toBeLessThan(1e-13 + 1e-12 * a.se[p]);
      }
      expect(a.se.some((v) => v > 0)).toBe(true);
    }
  });
});
