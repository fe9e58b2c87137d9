/**
 * Issue 4: the bootstrap's binomial and multinomial samplers have the right distribution:
 * mean, variance and a chi-square test against the exact pmf, with fixed seeds, in both
 * regimes (inversion for n·p < 10, BTRS above) and across the symmetry p > 1/2.
 */
import { describe, expect, it } from 'vitest';
import { binomial, multinomial } from '../../../src/engine/fairness/binomial.ts';
import { rng } from '../../../src/engine/random.ts';
import type { Rng } from '../../../src/engine/random.ts';

type Sampler = (r: Rng, n: number, p: number) => number;

function logFactorials(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) t[i] = t[i - 1] + Math.log(i);
  return t;
}

/** Chi-square statistic and degrees of freedom of draws against the exact Binomial(n, p) pmf; bins with expected >= 5, tails pooled. */
function chiSquare(counts: Map<number, number>, draws: number, n: number, p: number): { stat: number; df: number } {
  const lf = logFactorials(n);
  const pmf = (k: number): number => Math.exp(lf[n] - lf[k] - lf[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p));
  const mode = Math.floor((n + 1) * p);
  let lo = mode;
  let hi = mode;
  while (lo > 0 && pmf(lo - 1) * draws >= 5) lo--;
  while (hi < n && pmf(hi + 1) * draws >= 5) hi++;
  let below = 0;
  for (let k = 0; k < lo; k++) below += pmf(k);
  const bins: [number, number][] = []; // [observed, expected]
  let obsBelow = 0;
  let obsAbove = 0;
  for (const [k, c] of counts) {
    if (k < lo) obsBelow += c;
    if (k > hi) obsAbove += c;
  }
  let inside = 0;
  for (let k = lo; k <= hi; k++) {
    const e = pmf(k);
    inside += e;
    bins.push([counts.get(k) ?? 0, e * draws]);
  }
  const above = Math.max(0, 1 - below - inside);
  if (below * draws >= 1) bins.push([obsBelow, below * draws]);
  else expect(obsBelow).toBeLessThanOrEqual(2);
  if (above * draws >= 1) bins.push([obsAbove, above * draws]);
  else expect(obsAbove).toBeLessThanOrEqual(2);
  const stat = bins.reduce((s, [o, e]) => s + ((o - e) * (o - e)) / e, 0);
  return { stat, df: bins.length - 1 };
}

/** Upper 0.001 point of chi-square(df) (Wilson-Hilferty). */
function critical(df: number): number {
  const z = 3.090232306167813;
  const a = 2 / (9 * df);
  return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
}

/** Draws from a sampler and checks mean, variance and chi-square; returns whether every check passed. */
function distributionOk(sample: Sampler, n: number, p: number, seed: number, draws = 100_000): boolean {
  const r = rng(seed);
  const counts = new Map<number, number>();
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < draws; i++) {
    const x = sample(r, n, p);
    if (!Number.isInteger(x) || x < 0 || x > n) return false;
    counts.set(x, (counts.get(x) ?? 0) + 1);
    s += x;
    s2 += x * x;
  }
  const mean = s / draws;
  const variance = (s2 - draws * mean * mean) / (draws - 1);
  const v = n * p * (1 - p);
  const meanOk = Math.abs(mean - n * p) <= 4.5 * Math.sqrt(v / draws);
  // variance of the sample variance ≈ (μ4 - v²)/draws with μ4 = v(1 + 3(n-2)pq)... use a loose 6% band
  const varOk = Math.abs(variance / v - 1) <= 0.06;
  const { stat, df } = chiSquare(counts, draws, n, p);
  return meanOk && varOk && stat <= critical(df);
}

describe('binomial sampler', () => {
  const cases: [number, number][] = [
    [10, 0.5], // inversion
    [20, 0.3], // inversion (n·p = 6)
    [33, 0.30303030303030304], // n·p = 10: first BTRS case
    [100, 0.3], // BTRS
    [1000, 0.02], // BTRS, small p
    [50, 0.9], // symmetry: 50 - B(50, 0.1), inversion
    [400, 0.85], // symmetry and BTRS
    [200_000, 0.4], // BTRS, large n
    [1_000_000, 5e-6], // inversion with a huge n
    [3, 0.999], // tiny n, p near 1
  ];
  for (const [n, p] of cases) {
    it(`Binomial(${n}, ${p}) has the exact distribution (seeded)`, () => {
      expect(distributionOk(binomial, n, p, 17)).toBe(true);
    });
  }

  it('rejects a deliberately broken sampler (p off by 2%)', () => {
    const broken: Sampler = (r, n, p) => binomial(r, n, p * 1.02);
    expect(distributionOk(broken, 100, 0.3, 17)).toBe(false);
    expect(distributionOk(broken, 20, 0.3, 17)).toBe(false);
  });

  it('rejects a sampler with the right mean but the wrong spread', () => {
    const rounded: Sampler = (r, n, p) => Math.round(n * p + (binomial(r, n, p) - n * p) * 0.9);
    expect(distributionOk(rounded, 200_000, 0.4, 17)).toBe(false);
  });

  it('handles the edges and is reproducible', () => {
    const r = rng(1);
    expect(binomial(r, 0, 0.5)).toBe(0);
    expect(binomial(r, 10, 0)).toBe(0);
    expect(binomial(r, 10, 1)).toBe(10);
    const a = Array.from({ length: 20 }, ((g) => () => binomial(g, 1000, 0.3))(rng(5)));
    const b = Array.from({ length: 20 }, ((g) => () => binomial(g, 1000, 0.3))(rng(5)));
    expect(a).toEqual(b);
  });
});

describe('multinomial sampler', () => {
  it('sums to n, leaves empty cells empty, and has binomial marginals', () => {
    const counts = [500, 0, 300, 150, 50];
    const total = 1000;
    const r = rng(3);
    const out = new Float64Array(counts.length);
    const draws = 40_000;
    const sums = new Float64Array(counts.length);
    const marginal = new Map<number, number>();
    for (let b = 0; b < draws; b++) {
      multinomial(r, 80, counts, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(80);
      expect(out[1]).toBe(0);
      for (let k = 0; k < counts.length; k++) sums[k] += out[k];
      marginal.set(out[3], (marginal.get(out[3]) ?? 0) + 1);
    }
    for (let k = 0; k < counts.length; k++) {
      const p = counts[k] / total;
      const sd = Math.sqrt((80 * p * (1 - p)) / draws);
      expect(Math.abs(sums[k] / draws - 80 * p)).toBeLessThanOrEqual(4.5 * sd + 1e-12);
    }
    const { stat, df } = chiSquare(marginal, draws, 80, 0.15);
    expect(stat).toBeLessThanOrEqual(critical(df));
  });
});
