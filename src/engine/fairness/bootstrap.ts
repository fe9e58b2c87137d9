/**
 * Seeded percentile bootstrap intervals for disparities and per-group AUC.
 *
 * Disparities: resampling n rows with replacement inside a group of n rows changes the
 * analysis only through the group's four confusion counts, and those counts are then exactly
 * Multinomial(n, observed cell shares). So each replicate draws, per group, one multinomial
 * (three binomials) instead of n row indices: the same distribution as a row bootstrap
 * stratified by group (group sizes fixed, as in the data), at O(groups) cost per replicate
 * instead of O(rows). 1,000 replicates for 12 groups take 36,000 binomial draws, for any n.
 *
 * AUC: rows are resampled within each group (n_g uniform draws per replicate, each landing in
 * the (distinct score, class) cell of the drawn row); its cost is O(rows) per replicate, so
 * 'auto' uses it only while rows × samples × partitions <= AUC_BOOTSTRAP_BUDGET, and DeLong's closed-form
 * interval above that (the method used is returned in the result).
 *
 * Intervals are percentile intervals: the (1-level)/2 and (1+level)/2 quantiles of the
 * replicates (linear interpolation between order statistics, numpy's default). Replicates in
 * which a statistic is undefined (e.g. a resampled group without positives) are left out of
 * that statistic's interval, and their number is reported.
 */
import { rng } from '../random.ts';
import type { Rng } from '../random.ts';
import { aucFromCells } from './auc.ts';
import { multinomial } from './binomial.ts';
import { disparityLength, disparityVector } from './disparity-kernel.ts';
import type { Interval } from './types.ts';

/** Row draws (rows × samples × partitions incl. overall) up to which 'auto' bootstraps the AUC (about 0.4 s). */
export const AUC_BOOTSTRAP_BUDGET = 10_000_000;

/**
 * A seed for one named stream (attribute, group), so that adding an attribute does not change
 * another attribute's intervals. FNV-1a of the name, mixed with the seed.
 *
 * @example streamSeed(1, 'sex') // the same integer on every machine
 */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Percentile interval of the defined (non-NaN) values; null when none is defined.
 *
 * @example percentileInterval(Float64Array.of(3, 1, 2, NaN, 4, 5), 0.5) // { interval: [2, 4], defined: 5 }
 */
export function percentileInterval(values: Float64Array, level: number): { interval: Interval; defined: number } {
  const v = values.filter((x) => !Number.isNaN(x)).sort();
  const m = v.length;
  if (m === 0) return { interval: null, defined: 0 };
  const at = (q: number): number => {
    const h = (m - 1) * q;
    const lo = Math.floor(h);
    return lo + 1 < m ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
  };
  return { interval: [at((1 - level) / 2), at((1 + level) / 2)], defined: m };
}

export interface DisparityBootstrap {
  /** One interval per entry of the disparity vector. */
  intervals: Interval[];
  /** Per entry, the number of replicates in which it was undefined. */
  undefinedReplicates: number[];
}

/**
 * Replicates of the disparity vector: entry s of replicate b at [s · samples + b] (NaN when
 * undefined). The TypeScript twin of the WebAssembly kernel `disparityReplicates`.
 *
 * @example disparityReplicates(counts, 2, true, 0, 1000, 7).length // disparityLength(2) * 1000
 */
export function disparityReplicates(counts: Float64Array, G: number, favPos: boolean, ref: number, samples: number, seed: number): Float64Array {
  const L = disparityLength(G);
  const reps = new Float64Array(L * samples);
  const rep = new Float64Array(4 * G);
  const out = new Float64Array(L);
  const scratch = new Float64Array(7 * G);
  const cell = new Float64Array(4);
  const r = rng(seed);
  for (let b = 0; b < samples; b++) {
    for (let g = 0; g < G; g++) {
      const c = counts.subarray(4 * g, 4 * g + 4);
      multinomial(r, c[0] + c[1] + c[2] + c[3], c, cell);
      rep.set(cell, 4 * g);
    }
    disparityVector(rep, G, favPos, ref, out, scratch);
    for (let s = 0; s < L; s++) reps[s * samples + b] = out[s];
  }
  return reps;
}

/**
 * Percentile intervals of every entry of a replicate matrix (layout as disparityReplicates).
 *
 * @example replicateIntervals(reps, 1000, 0.95).intervals[0] // [lo, hi] of the first entry
 */
export function replicateIntervals(reps: Float64Array, samples: number, level: number): DisparityBootstrap {
  const intervals: Interval[] = [];
  const undefinedReplicates: number[] = [];
  for (let s = 0; s < reps.length / samples; s++) {
    const res = percentileInterval(reps.subarray(s * samples, (s + 1) * samples), level);
    intervals.push(res.interval);
    undefinedReplicates.push(samples - res.defined);
  }
  return { intervals, undefinedReplicates };
}

/**
 * Bootstrap intervals for every entry of disparityVector (see disparity-kernel.ts).
 *
 * @example bootstrapDisparities(counts, 2, true, 0, 1000, streamSeed(1, 'sex'), 0.95).intervals[0] // [lo, hi] of the DP difference
 */
export function bootstrapDisparities(
  counts: Float64Array,
  G: number,
  favPos: boolean,
  ref: number,
  samples: number,
  seed: number,
  level: number,
): DisparityBootstrap {
  return replicateIntervals(disparityReplicates(counts, G, favPos, ref, samples, seed), samples, level);
}

/**
 * Bootstrap interval of one group's AUC from its cells ([pos, neg] per distinct score): each
 * replicate draws n rows of the group uniformly with replacement (each draw lands in the cell
 * of the drawn row) and computes the AUC of the resampled cells. O(n + cells) per replicate.
 *
 * @example bootstrapAuc(cells, 1000, rng(7), 0.95) // { interval: [0.71, 0.86], defined: 1000 }
 */
export function bootstrapAuc(cells: Float64Array, samples: number, r: Rng, level: number): { interval: Interval; defined: number } {
  let n = 0;
  for (let k = 0; k < cells.length; k++) n += cells[k];
  const cellOfRow = new Int32Array(n);
  for (let k = 0, j = 0; k < cells.length; k++) for (let c = 0; c < cells[k]; c++) cellOfRow[j++] = k;
  const rep = new Float64Array(cells.length);
  const values = new Float64Array(samples);
  const limit = n > 0 ? 4294967296 - (4294967296 % n) : 0;
  for (let b = 0; b < samples; b++) {
    rep.fill(0);
    for (let j = 0; j < n; j++) {
      let x = r.u32();
      while (x >= limit) x = r.u32();
      rep[cellOfRow[x % n]]++;
    }
    values[b] = aucFromCells(rep);
  }
  return percentileInterval(values, level);
}
