/**
 * Issue 12, item 3: the paired bootstrap on 6 rows against an exact computation. Every way of
 * resampling the rows (3^3 per group of 3 rows, stratified by group; 6^6 for all rows) is
 * enumerated here with its probability, and the metric computed for A and B on the same
 * resampled rows. The engine's replicates must follow that distribution, and its percentile
 * interval must be the exact distribution's quantiles.
 */
import { describe, expect, it } from 'vitest';
import { compareScores } from '../../../src/engine/compare/index.ts';
import { jointCounts } from '../../../src/engine/compare/decisions.ts';
import { compareSeed } from '../../../src/engine/compare/differences.ts';
import { pairedReplicates } from '../../../src/engine/compare/paired.ts';
import { RATE_KEYS } from '../../../src/engine/fairness/rates.ts';
import { DISPARITY_KEYS } from '../../../src/engine/fairness/disparity-kernel.ts';
import { percentileInterval } from '../../../src/engine/fairness/bootstrap.ts';

// rows: group, y, decision of A, decision of B
const ROWS = [
  ['x', 1, 1, 1],
  ['x', 0, 1, 0],
  ['x', 0, 0, 1],
  ['y', 1, 0, 1],
  ['y', 0, 0, 0],
  ['y', 1, 1, 1],
] as const;
const scoresA = Float64Array.from(ROWS, (r) => (r[2] ? 0.8 : 0.2));
const scoresB = Float64Array.from(ROWS, (r) => (r[3] ? 0.7 : 0.3));
const yTrue = Uint8Array.from(ROWS, (r) => r[1]);
const group = { name: 'g', levels: ['x', 'y'], codes: Int32Array.from(ROWS, (r) => (r[0] === 'x' ? 0 : 1)) };
const SAMPLES = 20000;
const SEED = 3;

/** Every index sequence of length k drawn from `rows` (each of probability 1 / rows^k). */
function sequences(rows: number[]): number[][] {
  let out: number[][] = [[]];
  for (let j = 0; j < rows.length; j++) out = out.flatMap((s) => rows.map((r) => [...s, r]));
  return out;
}

/** The exact distribution of a statistic: value -> probability. */
type Dist = Map<number, number>;
function add(dist: Dist, v: number, p: number) {
  const key = Math.round(v * 1e12) / 1e12;
  dist.set(key, (dist.get(key) ?? 0) + p);
}
const sel = (rows: number[], side: 2 | 3) => rows.reduce((s, i) => s + ROWS[i][side], 0) / rows.length;

/** Exact quantile (the smallest value whose cumulative probability reaches q), and how far q is from a jump of the CDF. */
function quantile(dist: Dist, q: number): { value: number; margin: number } {
  const vs = [...dist.keys()].sort((a, b) => a - b);
  let cum = 0;
  for (const v of vs) {
    const before = cum;
    cum += dist.get(v)!;
    if (cum >= q) return { value: v, margin: Math.min(q - before, cum - q) };
  }
  throw new Error('no quantile');
}

/** Engine replicates against the exact distribution: every value's frequency within 5 standard errors. */
function frequencyProblems(reps: Float64Array, dist: Dist): string[] {
  const seen: Dist = new Map();
  for (const v of reps) add(seen, v, 1 / reps.length);
  const bad: string[] = [];
  for (const v of new Set([...dist.keys(), ...seen.keys()])) {
    const p = dist.get(v) ?? 0;
    const f = seen.get(v) ?? 0;
    const se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / reps.length);
    if (Math.abs(f - p) > 5 * se) bad.push(`${v}: engine ${f.toFixed(4)}, exact ${p.toFixed(4)}`);
  }
  return bad;
}

/**
 * The interval against the exact quantiles at `level` (chosen so that the quantiles are not on a
 * jump of the CDF, where a sampled quantile may land on either side and the check is not sharp).
 */
function checkInterval(ci: [number, number] | null, dist: Dist, level = 0.95) {
  const lo = quantile(dist, (1 - level) / 2);
  const hi = quantile(dist, (1 + level) / 2);
  expect(lo.margin).toBeGreaterThan(0.006);
  expect(hi.margin).toBeGreaterThan(0.006);
  expect(ci).not.toBeNull();
  expect(ci![0]).toBeCloseTo(lo.value, 12);
  expect(ci![1]).toBeCloseTo(hi.value, 12);
}

describe('issue 12: one paired interval against an exact enumeration (6 rows)', () => {
  const r = compareScores({ scores: scoresA, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, { yTrue, groups: [group] }, { bootstrap: { samples: SAMPLES, seed: SEED }, minGroup: false });
  const x = [0, 1, 2];
  const y = [3, 4, 5];
  const spec = { G: 2, compared: Int32Array.of(0, 1), refA: 0, refB: 0, favourablePositive: true, labelled: true };
  const reps = pairedReplicates(jointCounts(Uint8Array.from(ROWS, (q) => q[2]), Uint8Array.from(ROWS, (q) => q[3]), yTrue, group.codes, 2), spec, SAMPLES, compareSeed(SEED, 'g'));
  const column = (m: number) => reps.subarray(m * SAMPLES, (m + 1) * SAMPLES);
  const S = RATE_KEYS.indexOf('selection_rate');

  it('selection rate of group x: B - A on the same 3 resampled rows', () => {
    const dist: Dist = new Map();
    for (const s of sequences(x)) add(dist, sel(s, 3) - sel(s, 2), 1 / 27);
    const d = r.differences.find((q) => q.attribute === 'g' && q.group === 'x' && q.metric === 'selection_rate')!;
    expect(d).toMatchObject({ a: 2 / 3, b: 2 / 3, difference: 0 });
    expect(frequencyProblems(column(S * 2 + 0), dist)).toEqual([]);
    checkInterval(d.ci, dist);
  });

  it('demographic parity difference of g: B - A, both groups resampled within themselves', () => {
    const dist: Dist = new Map();
    const sx = sequences(x);
    const sy = sequences(y);
    for (const a of sx) for (const b of sy) {
      const dpA = Math.abs(sel(a, 2) - sel(b, 2));
      const dpB = Math.abs(sel(a, 3) - sel(b, 3));
      add(dist, dpB - dpA, 1 / 729);
    }
    const d = r.differences.find((q) => q.attribute === 'g' && q.group === null && q.metric === 'demographic_parity_difference')!;
    expect(d).toMatchObject({ a: 1 / 3, b: 0, difference: -1 / 3 });
    const m = RATE_KEYS.length * 2 + DISPARITY_KEYS.indexOf('demographic_parity_difference');
    expect(frequencyProblems(column(m), dist)).toEqual([]);
    expect(percentileInterval(column(m), 0.95).interval).toEqual(d.ci);
    // at 95% the lower quantile sits on a jump of this distribution; 90% is sharp
    checkInterval(percentileInterval(column(m), 0.9).interval, dist, 0.9);
  });

  it('selection rate of all rows: B - A over 6 rows resampled together (6^6 ways)', () => {
    const dist: Dist = new Map();
    for (const s of sequences([0, 1, 2, 3, 4, 5])) add(dist, sel(s, 3) - sel(s, 2), 1 / 46656);
    const d = r.differences.find((q) => q.attribute === null && q.metric === 'selection_rate')!;
    expect(d.difference).toBeCloseTo(1 / 6, 15);
    const all = { G: 1, compared: null, refA: 0, refB: 0, favourablePositive: true, labelled: true };
    const repsAll = pairedReplicates(jointCounts(Uint8Array.from(ROWS, (q) => q[2]), Uint8Array.from(ROWS, (q) => q[3]), yTrue, new Int32Array(6), 1), all, SAMPLES, compareSeed(SEED, null));
    expect(frequencyProblems(repsAll.subarray(S * SAMPLES, (S + 1) * SAMPLES), dist)).toEqual([]);
    expect(percentileInterval(repsAll.subarray(S * SAMPLES, (S + 1) * SAMPLES), 0.95).interval).toEqual(d.ci);
    checkInterval(d.ci, dist);
  });

  it('the exact check rejects an unpaired bootstrap (it can fail)', () => {
    // independent resamples for A and B give another distribution of B - A for group x
    const unpaired: Dist = new Map();
    const sx = sequences(x);
    for (const a of sx) for (const b of sx) add(unpaired, sel(b, 3) - sel(a, 2), 1 / 729);
    expect(frequencyProblems(column(S * 2 + 0), unpaired).length).toBeGreaterThan(0);
  });
});
