/**
 * Kernel SHAP, unbiased variant with paired sampling (Covert and Lee 2021, "Improving
 * KernelSHAP"). Coalitions z are drawn from the Shapley kernel distribution (size s with
 * probability proportional to 1 / (s (n - s)), then a uniform subset), each with its complement
 * and one background row b (every b equally often). With A = E[z z^T] known in closed form
 * (A = (1/2 - q) I + q 1 1^T), the efficiency-constrained least-squares solution is linear in the
 * samples and reduces to phi_i = Delta_b / n + (w_i - mean(w)) / (1/2 - q) per unit, where
 * w = (z (v(z) - v(0)) + (1 - z) (v(1 - z) - v(0))) / 2 and Delta_b = g(x) - g(b). Each unit
 * sums to Delta_b, so the values add up to g(x) - base exactly; standard errors come from the
 * spread of the unit estimates.
 */
import { EinblickError } from '../errors.ts';
import { rng, type Rng } from '../random.ts';
import { checkGame } from './game.ts';
import { addBits, addRequest, evaluateRequests, requests, type EvaluateOptions, type Requests, rowOptions } from './masker.ts';
import { evaluateEnds, mean, meanAndError, meanAndErrorFromSums, stratumSums, type SamplingResult, type StratumSums } from './sampling.ts';
import { maskScratch } from './packed-mask.ts';
import type { BatchModel, Game } from './types.ts';

/** Cumulative size distribution (sizes 1..n-1) and q = E[z_i z_j], i != j. */
export function kernelDistribution(n: number): { cdf: Float64Array; q: number } {
  const p = new Float64Array(n - 1);
  let total = 0;
  for (let s = 1; s < n; s++) { p[s - 1] = 1 / (s * (n - s)); total += p[s - 1]; }
  let acc = 0, q = 0;
  const cdf = new Float64Array(n - 1);
  for (let s = 1; s < n; s++) {
    const ps = p[s - 1] / total;
    q += (ps * s * (s - 1)) / (n * (n - 1));
    acc += ps;
    cdf[s - 1] = acc;
  }
  cdf[n - 2] = 1;
  return { cdf, q };
}

/**
 * Uniform integer in [0, n) without bias (Lemire's multiply-and-reject; n < 2^20). The 64-bit
 * product u * n is split with integer operations: its low 32 bits are Math.imul(u, n) >>> 0
 * (= (u * n) mod 2^32, the product being exact in a double below 2^53) and its high part is
 * floor(u * n / 2^32) (a division by a power of two, exact), so the draws are those of the
 * floating-point modulo this replaced, without its slow generic path.
 *
 * @example below(rng(1), 20) // an integer 0..19
 */
export function below(r: Rng, n: number): number {
  let u = r.u32();
  let low = Math.imul(u, n) >>> 0;
  if (low < n) {
    const t = (4294967296 - n) % n;
    while (low < t) { u = r.u32(); low = Math.imul(u, n) >>> 0; }
  }
  return Math.floor((u * n) / 4294967296);
}

/**
 * Draws a coalition into out[at .. at + n) (zeros on entry; null: bits only); returns it as a
 * bitmask (n <= 31). Of the pair (z, complement) that each draw yields, the smaller side is
 * drawn: the pair, and so every unit value, is the same whichever side is drawn, and the
 * smaller one takes fewer random numbers.
 */
function drawCoalition(n: number, cdf: Float64Array, r: Rng, idx: Uint32Array, out: Uint8Array | null, at: number): number {
  const u = r.next();
  let s = 1;
  while (s < n - 1 && u >= cdf[s - 1]) s++;
  if (s > n - s) s = n - s;
  // idx holds some permutation of 0..n-1 (from the previous draw): a partial shuffle of any
  // permutation gives a uniform random subset of size s
  let bits = 0;
  for (let i = 0; i < s; i++) {
    const j = i + below(r, n - i);
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
    if (out) out[at + idx[i]] = 1;
    bits |= 1 << idx[i];
  }
  return bits;
}

/**
 * Buffers of one kernelShap call, reused from explained row to explained row (fresh typed
 * arrays per row cost page faults in Chromium, see bench/README.md).
 */
export interface KernelScratch {
  cdf: Float64Array;
  /** E[z_i z_j], i != j, of the size distribution. */
  q: number;
  /** The coalitions of a row's k units: as bitmasks (n <= 31), else as k x n flags. */
  zb: Int32Array | null;
  z: Uint8Array | null;
  idx: Uint32Array;
  comp: Uint8Array;
  req: Requests;
  units: Float64Array;
  w: Float64Array;
  /** A bitmask unit's two values (pairValues). */
  h: Float64Array;
}

/** Buffers for k units of n players; `fused`: the units go into stratum sums (unitSums), so no k x n units array. */
export function kernelScratch(k: number, n: number, fused = false): KernelScratch {
  const small = n <= 31;
  const { cdf, q } = kernelDistribution(n);
  return { cdf, q, zb: small ? new Int32Array(k) : null, z: small ? null : new Uint8Array(k * n), idx: new Uint32Array(n), comp: new Uint8Array(n), req: requests(2 * k, n), units: new Float64Array(fused ? 0 : k * n), w: new Float64Array(n), h: new Float64Array(2) };
}

/** Requests for k paired coalitions (z and its complement) of row x; s.z gets the coalitions. */
function pairedRequests(x: number, k: number, nb: number, n: number, r: Rng, s: KernelScratch): Requests {
  const { cdf, z, zb, idx, comp, req } = s;
  z?.fill(0);
  for (let i = 0; i < n; i++) idx[i] = i;
  req.count = 0;
  const full = n === 31 ? 0x7fffffff : (1 << n) - 1;
  for (let u = 0; u < k; u++) {
    const bits = drawCoalition(n, cdf, r, idx, z, u * n);
    if (zb) {
      zb[u] = bits;
      addBits(req, x, u % nb, bits);
      addBits(req, x, u % nb, full & ~bits);
      continue;
    }
    if (!z) throw new Error('kernelScratch: no coalition buffer');
    for (let p = 0; p < n; p++) comp[p] = 1 - z[u * n + p];
    addRequest(req, x, u % nb, z, u * n);
    addRequest(req, x, u % nb, comp);
  }
  return req;
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * A bitmask unit's two values into h: w takes two values only, vz / 2 for the members of z
 * (h[0] = share + (vz / 2 - mean w) / a) and vc / 2 for the others (h[1]).
 */
function pairValues(vz: number, vc: number, share: number, inZ: number, n: number, a: number, h: Float64Array): void {
  const mean = (inZ * (vz / 2) + (n - inZ) * (vc / 2)) / n;
  h[0] = share + (vz / 2 - mean) / a;
  h[1] = share + (vc / 2 - mean) / a;
}

/** Unit estimates Delta_b / n + (w_i - mean w) / (1/2 - q) (k x n, row-major) into s.units. */
export function unitValues(g: Float64Array, gb: Float64Array, fx: number, n: number, k: number, s: KernelScratch): Float64Array {
  const a = 0.5 - s.q, nb = gb.length, { z, zb, units, w, h } = s;
  for (let u = 0; u < k; u++) {
    const gbu = gb[u % nb], vz = g[2 * u] - gbu, vc = g[2 * u + 1] - gbu;
    const share = (fx - gbu) / n;
    if (zb) {
      const bits = zb[u];
      pairValues(vz, vc, share, popcount(bits), n, a, h);
      for (let p = 0, at = u * n; p < n; p++, at++) units[at] = (bits >>> p) & 1 ? h[0] : h[1];
      continue;
    }
    let mean = 0;
    for (let p = 0; p < n; p++) { w[p] = (z![u * n + p] ? vz : vc) / 2; mean += w[p]; }
    mean /= n;
    for (let p = 0; p < n; p++) units[u * n + p] = share + (w[p] - mean) / a;
  }
  return units;
}

/**
 * unitValues for coalitions as bitmasks, straight into stratum sums (sampling.ts), without the
 * k x n units array: unit u belongs to background stratum u % nb, and its value for player p
 * is hz or hc. Row u < nb of each stratum is its first unit (the shift).
 */
export function unitSums(g: Float64Array, gb: Float64Array, fx: number, n: number, k: number, s: KernelScratch, acc: StratumSums): void {
  const a = 0.5 - s.q, nb = gb.length, zb = s.zb!, h = s.h, { first, sums, squares } = acc;
  sums.fill(0);
  squares.fill(0);
  for (let u = 0, b = 0, c = 0; u < k; u++, b++, c += n) {
    if (b === nb) { b = 0; c = 0; }
    const gbu = gb[b], vz = g[2 * u] - gbu, vc = g[2 * u + 1] - gbu;
    const bits = zb[u];
    pairValues(vz, vc, (fx - gbu) / n, popcount(bits), n, a, h);
    const hz = h[0], hc = h[1];
    if (u < nb) {
      for (let p = 0; p < n; p++) first[c + p] = (bits >>> p) & 1 ? hz : hc;
      continue;
    }
    for (let p = 0; p < n; p++) {
      const d = ((bits >>> p) & 1 ? hz : hc) - first[c + p];
      sums[c + p] += d;
      squares[c + p] += d * d;
    }
  }
}

/**
 * Kernel SHAP values with standard errors; `samples` is the budget of model evaluations per row.
 *
 * @example (await kernelShap(game, model, { samples: 4000, seed: 1 })).phi
 */
export async function kernelShap(game: Game, model: BatchModel, opts: EvaluateOptions & { samples: number; seed: number }): Promise<SamplingResult> {
  const owner = checkGame(game);
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  const m = n < 2 ? 1 : Math.floor((opts.samples - 1) / (2 * nb));
  if (m < 1) throw new EinblickError('INVALID_OPTION', `samples is too low: Kernel SHAP needs at least ${2 * nb + 1} model evaluations per row (2 x ${nb} background rows + 1)`, `Raise --samples to ${2 * nb + 1} or more, or use fewer background rows.`, { option: 'samples', minimum: 2 * nb + 1 });
  const r = rng(opts.seed), k = m * nb, eo = { ...opts, stage: 'kernel' };
  const scratch = maskScratch(); // one buffer for the hybrid rows of every batch
  const { gb, fx, evaluations: e0 } = await evaluateEnds(game, owner, model, { ...eo, onProgress: undefined }, scratch); // a few rows; progress is per explained row below
  const phi = new Float64Array(nx * n), se = new Float64Array(nx * n);
  let evaluations = e0;
  // with 2 or more units per background row and bitmask coalitions, the units go straight into stratum sums
  const fused = n >= 2 && n <= 31 && m >= 2;
  const ks = n >= 2 ? kernelScratch(k, n, fused) : null;
  const acc = fused ? stratumSums(nb, n) : null;
  for (let x = 0; x < nx; x++) {
    let units: Float64Array;
    if (ks) {
      const req = pairedRequests(x, k, nb, n, r, ks);
      const g = await evaluateRequests(game, owner, model, req, rowOptions(eo, x, nx), scratch);
      evaluations += req.count;
      if (acc) {
        unitSums(g, gb, fx[x], n, k, ks, acc);
        meanAndErrorFromSums(acc, nb, m, n, phi, se, x * n);
        continue;
      }
      units = unitValues(g, gb, fx[x], n, k, ks);
    } else {
      units = Float64Array.from({ length: k }, (_, u) => fx[x] - gb[u % nb]);
    }
    meanAndError(units, k, n, nb, phi, se, x * n);
  }
  return { phi, se, base: mean(gb), fx, evaluations, units: k };
}
