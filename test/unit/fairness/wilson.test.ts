/** Issue 4: Wilson score intervals and the normal quantile against hand computation and published values. */
import { describe, expect, it } from 'vitest';
import { normalQuantile, zForLevel } from '../../../src/engine/fairness/normal.ts';
import { wilson } from '../../../src/engine/fairness/wilson.ts';

/** Wilson's interval as the two roots of (p̂ - p)² = z² p (1 - p) / n, solved with the quadratic formula. */
function wilsonByRoots(x: number, n: number, z: number): [number, number] {
  const ph = x / n;
  // (1 + z²/n) p² - (2 p̂ + z²/n) p + p̂² = 0
  const a = 1 + (z * z) / n;
  const b = -(2 * ph + (z * z) / n);
  const c = ph * ph;
  const d = Math.sqrt(b * b - 4 * a * c);
  return [(-b - d) / (2 * a), (-b + d) / (2 * a)];
}

describe('normalQuantile (AS 241)', () => {
  it('matches known quantiles of the standard normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 12); // Φ(1)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
  });
  it('gives the two-sided critical value for a level', () => {
    expect(zForLevel(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zForLevel(0.9)).toBeCloseTo(1.6448536269514722, 14);
  });
});

describe('wilson', () => {
  const z = 1.959963984540054;

  it('reproduces Newcombe (1998), Table I, Wilson score method', () => {
    // Newcombe RG, Two-sided confidence intervals for the single proportion, Stat Med 17:857-872
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of cases) {
      const ci = wilson(x, n, z) as [number, number];
      expect(ci[0]).toBeCloseTo(lo, 4);
      expect(ci[1]).toBeCloseTo(hi, 4);
    }
  });

  it('equals the roots of the score equation', () => {
    for (const [x, n] of [[3, 10], [177, 201], [50, 100], [1, 1000], [999, 1000]]) {
      const ci = wilson(x, n, z) as [number, number];
      const [lo, hi] = wilsonByRoots(x, n, z);
      expect(ci[0]).toBeCloseTo(lo, 12);
      expect(ci[1]).toBeCloseTo(hi, 12);
    }
  });

  it('hand computation for 7 of 10 at 95%', () => {
    // p = 0.7, z² = 3.841458820694124, z²/n = 0.3841458820694124, denom = 1.3841458820694124
    // centre = (0.7 + 0.1920729410347062) / denom = 0.6445562...
    // half = z / denom * sqrt(0.021 + 0.3841458820694124 / 40) = 0.2420282...
    const ci = wilson(7, 10, z) as [number, number];
    const denom = 1 + (z * z) / 10;
    const centre = (0.7 + (z * z) / 20) / denom;
    const half = (z / denom) * Math.sqrt(0.021 + (z * z) / 400);
    expect(ci[0]).toBeCloseTo(centre - half, 15);
    expect(ci[1]).toBeCloseTo(centre + half, 15);
    expect(ci[0]).toBeCloseTo(0.3967781, 6);
    expect(ci[1]).toBeCloseTo(0.8922087, 6);
  });

  it('is exactly 0 / 1 at the ends, null without denominator, and contains the estimate', () => {
    expect(wilson(0, 50, z)?.[0]).toBe(0);
    expect(wilson(50, 50, z)?.[1]).toBe(1);
    expect(wilson(0, 0, z)).toBeNull();
    for (let x = 0; x <= 30; x++) {
      const [lo, hi] = wilson(x, 30, z) as [number, number];
      expect(lo).toBeLessThanOrEqual(x / 30);
      expect(hi).toBeGreaterThanOrEqual(x / 30);
    }
  });
});
