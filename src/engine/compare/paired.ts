/**
 * The metrics of one partition for A and for B, and their paired bootstrap.
 *
 * Metric vector of one side (NaN = undefined): the group metrics, metric k of group g at
 * k·G + g, then the attribute's disparities. With labels the group metrics are RATE_KEYS and
 * the disparities the scalar DISPARITY_KEYS, computed by the fairness engine's own rateFractions
 * and disparityVector over the compared groups (comparedGroupIndices) against the side's own
 * reference group, so the point values are exactly those of the side's fairness result. Without
 * labels: share_flagged per group, share_flagged_difference and _ratio (the anomaly engine's
 * spread: the same max - min and min / max of the shares).
 *
 * Paired bootstrap: each replicate resamples the rows of every group with replacement (group
 * sizes fixed: stratified by group, as the fairness engine's disparity bootstrap), and computes
 * A's and B's metrics on the SAME resampled rows. Within a group, a resample changes both sides
 * only through the group's 8 joint cells (y, decision A, decision B), and those are exactly
 * Multinomial(n_g, observed cell shares); so each replicate draws one multinomial per group (up
 * to 7 binomials) instead of n row indices: the same distribution as the row bootstrap, at
 * O(groups) cost per replicate for any number of rows. The interval of B - A is the percentile
 * interval of the replicate differences (replicates where either side is undefined left out).
 */
import { multinomial } from '../fairness/binomial.ts';
import { replicateIntervals } from '../fairness/bootstrap.ts';
import type { DisparityBootstrap } from '../fairness/bootstrap.ts';
import { DISPARITY_KEYS, disparityLength, disparityVector } from '../fairness/disparity-kernel.ts';
import { RATE_KEYS, rateFractions, ratio } from '../fairness/rates.ts';
import { rng } from '../random.ts';
import { sideCounts } from './decisions.ts';

/** Group metrics and disparities when labels are given. */
export const LABELLED = { groupMetrics: RATE_KEYS as readonly string[], attributeMetrics: DISPARITY_KEYS as readonly string[] };
/** Without labels (anomaly flags): the anomaly engine's names. */
export const UNLABELLED = { groupMetrics: ['share_flagged'] as readonly string[], attributeMetrics: ['share_flagged_difference', 'share_flagged_ratio'] as readonly string[] };

/** What the metric vector of one partition needs. */
export interface PartitionSpec {
  /** Number of groups (all of them, including "(missing)"). */
  G: number;
  /** Indices of the groups compared in disparities; null when the attribute is not compared (then disparities are NaN). */
  compared: Int32Array | null;
  /** Reference group of each side, as an index into `compared`. */
  refA: number;
  refB: number;
  favourablePositive: boolean;
  labelled: boolean;
}

/**
 * Length of the metric vector of a partition.
 *
 * @example vectorLength({ G: 2, compared: null, refA: 0, refB: 0, favourablePositive: true, labelled: true }) // 11 * 2 + 18 = 40
 */
export function vectorLength(spec: PartitionSpec): number {
  const names = spec.labelled ? LABELLED : UNLABELLED;
  return names.groupMetrics.length * spec.G + names.attributeMetrics.length;
}

/** Scratch arrays for metricVector, sized once per partition. */
export interface Scratch {
  sub: Float64Array;
  dv: Float64Array;
  rates: Float64Array;
}

/**
 * Scratch arrays for a partition's compared groups.
 *
 * @example scratchFor(spec).rates.length // 7 · compared groups
 */
export function scratchFor(spec: PartitionSpec): Scratch {
  const Gc = spec.compared ? spec.compared.length : 0;
  return { sub: new Float64Array(4 * Gc), dv: new Float64Array(disparityLength(Gc)), rates: new Float64Array(7 * Gc) };
}

/**
 * The metric vector of one side from its confusion counts ([tn, fp, fn, tp] per group).
 *
 * @example
 *   const spec = { G: 2, compared: Int32Array.of(0, 1), refA: 0, refB: 0, favourablePositive: true, labelled: true };
 *   metricVector(Float64Array.of(5, 0, 0, 5, 8, 0, 0, 2), spec, 0, out, scratchFor(spec))
 *   // out[RATE_KEYS.length * 2] (demographic parity difference: selection 0.5 against 0.2) = 0.3
 */
export function metricVector(counts: Float64Array, spec: PartitionSpec, ref: number, out: Float64Array, s: Scratch): void {
  const G = spec.G;
  const fav = spec.favourablePositive;
  if (spec.labelled) {
    const K = RATE_KEYS.length;
    for (let g = 0; g < G; g++) {
      const f = rateFractions(counts, 4 * g, fav);
      for (let k = 0; k < K; k++) {
        const [x, d] = f[RATE_KEYS[k]];
        out[k * G + g] = ratio(x, d);
      }
    }
  } else {
    for (let g = 0; g < G; g++) {
      const f = rateFractions(counts, 4 * g, fav);
      out[g] = ratio(f.selection_rate[0], f.selection_rate[1]);
    }
  }
  const K = spec.labelled ? RATE_KEYS.length : 1;
  const S = spec.labelled ? DISPARITY_KEYS.length : 2;
  const at = K * G;
  if (!spec.compared) {
    for (let k = 0; k < S; k++) out[at + k] = NaN;
    return;
  }
  const c = spec.compared;
  for (let j = 0; j < c.length; j++) for (let q = 0; q < 4; q++) s.sub[4 * j + q] = counts[4 * c[j] + q];
  disparityVector(s.sub, c.length, fav, ref, s.dv, s.rates);
  if (spec.labelled) for (let k = 0; k < S; k++) out[at + k] = s.dv[k];
  else {
    // demographic parity difference and ratio are the spread of the selection (= flagged) share
    out[at] = s.dv[0];
    out[at + 1] = s.dv[1];
  }
}

/** Both sides' metric vectors of one partition from its joint counts. */
export class PairedMetrics {
  readonly length: number;
  private readonly ca: Float64Array;
  private readonly cb: Float64Array;
  private readonly scratch: Scratch;

  constructor(readonly spec: PartitionSpec) {
    this.length = vectorLength(spec);
    this.ca = new Float64Array(4 * spec.G);
    this.cb = new Float64Array(4 * spec.G);
    this.scratch = scratchFor(spec);
  }

  /** Writes A's vector into va and B's into vb. */
  compute(joint: ArrayLike<number>, va: Float64Array, vb: Float64Array): void {
    metricVector(sideCounts(joint, this.spec.G, 0, this.ca), this.spec, this.spec.refA, va, this.scratch);
    metricVector(sideCounts(joint, this.spec.G, 1, this.cb), this.spec, this.spec.refB, vb, this.scratch);
  }
}

/**
 * Paired replicates of B - A for every entry of the metric vector: entry m of replicate b at
 * [m · samples + b] (NaN when undefined on either side). Seeded: the same seed, the same numbers.
 *
 * @example pairedReplicates(joint, spec, 1000, streamSeed(1, 'compare\u0000sex')).length // vectorLength(spec) * 1000
 */
export function pairedReplicates(joint: Float64Array, spec: PartitionSpec, samples: number, seed: number): Float64Array {
  const m = new PairedMetrics(spec);
  const L = m.length;
  const reps = new Float64Array(L * samples);
  const rep = new Float64Array(8 * spec.G);
  const cell = new Float64Array(8);
  const va = new Float64Array(L);
  const vb = new Float64Array(L);
  const sizes = new Float64Array(spec.G);
  for (let g = 0; g < spec.G; g++) for (let k = 0; k < 8; k++) sizes[g] += joint[8 * g + k];
  const r = rng(seed);
  for (let b = 0; b < samples; b++) {
    for (let g = 0; g < spec.G; g++) {
      multinomial(r, sizes[g], joint.subarray(8 * g, 8 * g + 8), cell);
      rep.set(cell, 8 * g);
    }
    m.compute(rep, va, vb);
    for (let k = 0; k < L; k++) reps[k * samples + b] = vb[k] - va[k];
  }
  return reps;
}

/**
 * Percentile intervals of B - A for every entry of the metric vector.
 *
 * @example pairedBootstrap(joint, spec, 1000, seed, 0.95).intervals[0] // [lo, hi] of the first group's base-rate difference ([0, 0])
 */
export function pairedBootstrap(joint: Float64Array, spec: PartitionSpec, samples: number, seed: number, level: number): DisparityBootstrap {
  return replicateIntervals(pairedReplicates(joint, spec, samples, seed), samples, level);
}
