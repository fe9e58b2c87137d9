/**
 * What the sampling methods share: the result type, the evaluation of g(b) for every
 * background row and g(x) for every explained row, and means with standard errors from
 * sampling units stratified by background row.
 */
import { addRequest, evaluateRequests, requests, type EvaluateOptions } from './masker.ts';
import type { MaskScratch } from './packed-mask.ts';
import type { BatchModel, Game } from './types.ts';

export interface SamplingResult {
  phi: Float64Array;
  se: Float64Array;
  base: number;
  fx: Float64Array;
  evaluations: number;
  /** Sampling units per explained row. */
  units: number;
}

/**
 * g(b) for every background row and g(x) for every explained row, in one batched call
 * (`scratch`: the masker's buffers, shared with the caller's later calls).
 *
 * @example const { gb, fx } = await evaluateEnds(game, owner, model, {}) // gb.length = background rows
 */
export async function evaluateEnds(game: Game, owner: Int32Array, model: BatchModel, opts: EvaluateOptions, scratch?: MaskScratch): Promise<{ gb: Float64Array; fx: Float64Array; evaluations: number }> {
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  const ends = requests(nb + nx, n);
  const none = new Uint8Array(n), all = new Uint8Array(n).fill(1);
  for (let b = 0; b < nb; b++) addRequest(ends, 0, b, none);
  for (let x = 0; x < nx; x++) addRequest(ends, x, 0, all);
  const v = await evaluateRequests(game, owner, model, ends, opts, scratch);
  return { gb: v.slice(0, nb), fx: v.slice(nb), evaluations: ends.count };
}

/** Mean of an array. */
export function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

/**
 * Mean and standard error per player from unit estimates (k x n, row-major), where unit u
 * belongs to background stratum u % strata and every stratum has m = floor(k / strata) units.
 * With at least 2 units per stratum the error is the stratified one, from the within-stratum
 * variances; with one unit per stratum it is the spread over all units, which also counts the
 * differences between background rows and so errs on the large side.
 *
 * The error is stated so that value +- 1.96 errors is a 95% interval (not: +- 2.58 a 99% one):
 * - when a few strata carry most of the variance (rare large marginal contributions, common in
 *   log-odds), the variance rests on few degrees of freedom (Welch-Satterthwaite), so the error
 *   is widened by t(0.975, dof) / 1.96; with many degrees of freedom it is unchanged;
 * - when fewer than 5 strata show any spread, what was seen is a handful of rare events, and
 *   the degrees of freedom are at most their number;
 * - when no stratum shows any spread, the rare event was not sampled at all, which is not
 *   certainty: the error is then the spread over all units (0 only when all units are equal).
 * An independent coverage check (README.md: 200 seeds per configuration, tree and neural
 * network models, both spaces, three budgets) found 1.4% to 5.4% of values beyond 1.96 errors
 * with these rules (5% expected; on the safe side at 2 units per background row), and no value
 * with error 0 that was wrong; without the last rule 14% of permutation runs in log-odds had one.
 *
 * @example meanAndError(units, 400, 12, 100, phi, se, 0) // fills phi[0..11], se[0..11]
 */
export function meanAndError(units: Float64Array, k: number, n: number, strata: number, phi: Float64Array, se: Float64Array, at: number): void {
  const m = Math.floor(k / strata);
  if (m >= 2 && m * strata === k) return stratifiedMeanAndError(units, k, n, strata, m, phi, se, at);
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let u = 0; u < k; u++) s += units[u * n + p];
    const mean = s / k;
    let v = 0, dof = k - 1;
    if (m >= 2) ({ v, dof } = stratifiedVariance(units, k, n, p, strata, m));
    if (m < 2 || v === 0) ({ v, dof } = overallVariance(units, k, n, p, mean));
    phi[at + p] = mean;
    se[at + p] = Math.sqrt(v) * (tQuantile975(dof) / Z975);
  }
}

/** The variance of the mean from the spread over all k units (no strata), with k - 1 degrees of freedom. */
function overallVariance(units: Float64Array, k: number, n: number, p: number, mean: number): { v: number; dof: number } {
  let w = 0;
  for (let u = 0; u < k; u++) { const d = units[u * n + p] - mean; w += d * d; }
  return { v: k > 1 ? w / (k - 1) / k : Infinity, dof: k - 1 };
}

/** Degrees of freedom: Welch-Satterthwaite, at most the number of strata with spread when that is below 5. */
function stratifiedDof(v: number, spread: number, withSpread: number, strata: number, m: number): number {
  // all strata without spread: handled by the caller (overallVariance)
  const dof = spread > 0 ? (v * v) / spread : strata * (m - 1);
  return withSpread < 5 ? Math.min(dof, withSpread) : dof;
}

/**
 * Per background stratum and player (cell c = stratum x n + player): the stratum's first unit
 * (`first`, the shift), and the sum and the sum of squares of the later units' differences
 * from it. The shift keeps the sums of squares free of cancellation (it is one of the
 * stratum's own values). Filled by stratifiedMeanAndError from a units array, or by an
 * explainer straight from its model values (kernel.ts), without the k x n units array.
 */
export interface StratumSums {
  first: Float64Array;
  sums: Float64Array;
  squares: Float64Array;
}

/** Empty sums for `strata` x n cells. */
export function stratumSums(strata: number, n: number): StratumSums {
  const cells = strata * n;
  return { first: new Float64Array(cells), sums: new Float64Array(cells), squares: new Float64Array(cells) };
}

/** Sums kept between calls of stratifiedMeanAndError (it never awaits, so no call overlaps another). */
let shared = stratumSums(0, 0);

/**
 * meanAndError's common case (k = strata x m units, unit u in stratum u % strata), in one
 * sequential pass over the units (the two-pass form it replaces read the units three times
 * with a stride of strata x n values, which cost more than the arithmetic; bench/README.md).
 * Same mean, variance and degrees of freedom as stratifiedVariance, to rounding.
 */
function stratifiedMeanAndError(units: Float64Array, k: number, n: number, strata: number, m: number, phi: Float64Array, se: Float64Array, at: number): void {
  const cells = strata * n;
  if (shared.first.length < cells) shared = stratumSums(strata, n);
  const { first, sums, squares } = shared;
  first.set(units.subarray(0, cells));
  sums.fill(0, 0, cells);
  squares.fill(0, 0, cells);
  // the first m - 1 rounds of strata are differences from round 0 (which adds nothing)
  for (let u = strata, c = 0, row = strata * n; u < k; u++, row += n) {
    for (let p = 0; p < n; p++) {
      const d = units[row + p] - first[c + p];
      sums[c + p] += d;
      squares[c + p] += d * d;
    }
    c += n;
    if (c === cells) c = 0;
  }
  meanAndErrorFromSums(shared, strata, m, n, phi, se, at);
}

/**
 * Mean and standard error per player (meanAndError's rules) from stratum sums of m >= 2 units
 * per stratum. When no stratum shows spread, the spread over all units is the spread of the
 * stratum means (the units within each stratum being equal): sum over strata of
 * m (mean_b - mean)^2, over k - 1 and k.
 */
export function meanAndErrorFromSums(acc: StratumSums, strata: number, m: number, n: number, phi: Float64Array, se: Float64Array, at: number): void {
  const { first, sums, squares } = acc, cells = strata * n, k = strata * m;
  for (let p = 0; p < n; p++) {
    let total = 0, v = 0, spread = 0, withSpread = 0;
    for (let c = p; c < cells; c += n) {
      const s = sums[c];
      total += first[c] + s / m;
      const vb = Math.max(0, squares[c] - (s * s) / m) / (m - 1) / m;
      if (vb > 0) withSpread++;
      v += vb;
      spread += (vb * vb) / (m - 1);
    }
    const mean = total / strata;
    let variance = v / (strata * strata), dof = stratifiedDof(v, spread, withSpread, strata, m);
    if (v === 0) {
      let w = 0;
      for (let c = p; c < cells; c += n) { const d = first[c] + sums[c] / m - mean; w += m * d * d; }
      variance = w / (k - 1) / k;
      dof = k - 1;
    }
    phi[at + p] = mean;
    se[at + p] = Math.sqrt(variance) * (tQuantile975(dof) / Z975);
  }
}

/** The stratified variance of the mean and its degrees of freedom (stratifiedDof). */
function stratifiedVariance(units: Float64Array, k: number, n: number, p: number, strata: number, m: number): { v: number; dof: number } {
  let v = 0, spread = 0, withSpread = 0;
  for (let b = 0; b < strata; b++) {
    let sb = 0, s2 = 0;
    for (let u = b; u < strata * m; u += strata) sb += units[u * n + p];
    const mb = sb / m;
    for (let u = b; u < strata * m; u += strata) { const d = units[u * n + p] - mb; s2 += d * d; }
    const vb = s2 / (m - 1) / m;
    if (vb > 0) withSpread++;
    v += vb;
    spread += (vb * vb) / (m - 1);
  }
  return { v: v / (strata * strata), dof: stratifiedDof(v, spread, withSpread, strata, m) };
}

const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `dof` degrees of freedom (any real dof >= 1): exact
 * for 1 and 2 (linear in between), else the Cornish-Fisher expansion in 1/dof (within 1% at 3,
 * 0.1% from 5 on).
 *
 * @example tQuantile975(10) // 2.228
 */
export function tQuantile975(dof: number): number {
  if (!(dof >= 1)) return Infinity;
  if (dof < 2) return 12.706204736174698 + (4.302652729749464 - 12.706204736174698) * (dof - 1);
  if (dof < 3) return 4.302652729749464 + (3.182446305284263 - 4.302652729749464) * (dof - 2);
  const z = Z975, z2 = z * z;
  return z + (z * (z2 + 1)) / (4 * dof) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * dof * dof) + (z * (3 * z2 * z2 * z2 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * dof ** 3);
}
