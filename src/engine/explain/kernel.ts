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
import { addRequest, evaluateRequests, requests, type EvaluateOptions } from './masker.ts';
import { meanAndError, type SamplingResult } from './permutation.ts';
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

function drawCoalition(n: number, cdf: Float64Array, r: Rng, idx: Uint32Array, out: Uint8Array): void {
  const u = r.next();
  let s = 1;
  while (s < n - 1 && u >= cdf[s - 1]) s++;
  for (let i = 0; i < n; i++) idx[i] = i;
  out.fill(0);
  for (let i = 0; i < s; i++) {
    const j = i + r.int(n - i);
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
    out[idx[i]] = 1;
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
  const r = rng(opts.seed);
  const ends = requests(nb + nx, n);
  for (let b = 0; b < nb; b++) addRequest(ends, n, 0, b, () => false);
  for (let x = 0; x < nx; x++) addRequest(ends, n, x, 0, () => true);
  const endValues = await evaluateRequests(game, owner, model, ends, { ...opts, stage: 'kernel' });
  const gb = endValues.subarray(0, nb);
  const phi = new Float64Array(nx * n), se = new Float64Array(nx * n), fx = new Float64Array(nx);
  let evaluations = ends.count;
  const k = m * nb;
  for (let x = 0; x < nx; x++) {
    fx[x] = endValues[nb + x];
    const units = new Float64Array(k * n);
    if (n >= 2) {
      const { cdf, q } = kernelDistribution(n);
      const z = new Uint8Array(k * n), idx = new Uint32Array(n);
      const req = requests(2 * k, n);
      for (let u = 0; u < k; u++) {
        const zu = z.subarray(u * n, (u + 1) * n);
        drawCoalition(n, cdf, r, idx, zu);
        addRequest(req, n, x, u % nb, (p) => zu[p] === 1);
        addRequest(req, n, x, u % nb, (p) => zu[p] === 0);
      }
      const g = await evaluateRequests(game, owner, model, req, { ...opts, stage: 'kernel' });
      evaluations += req.count;
      const a = 0.5 - q, w = new Float64Array(n);
      for (let u = 0; u < k; u++) {
        const gbu = gb[u % nb], vz = g[2 * u] - gbu, vc = g[2 * u + 1] - gbu;
        let mean = 0;
        for (let p = 0; p < n; p++) { w[p] = (z[u * n + p] ? vz : vc) / 2; mean += w[p]; }
        mean /= n;
        const share = (fx[x] - gbu) / n;
        for (let p = 0; p < n; p++) units[u * n + p] = share + (w[p] - mean) / a;
      }
    } else {
      for (let u = 0; u < k; u++) units[u] = fx[x] - gb[u % nb];
    }
    meanAndError(units, k, n, nb, phi, se, x * n);
  }
  let base = 0;
  for (let b = 0; b < nb; b++) base += gb[b];
  return { phi, se, base: base / nb, fx, evaluations, units: k };
}
