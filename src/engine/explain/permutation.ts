/**
 * Permutation SHAP with antithetic sampling. One sampling unit is a background row b and a
 * random order pi of the players: the players join one by one, first in the order pi and then
 * in the reverse order, and each player's marginal contributions g(x_{S+i}, b) - g(x_S, b) are
 * averaged over the two passes. Every background row gets the same number of units, so the
 * values add up to g(x) - base exactly (each unit sums to g(x) - g(b)). The standard error of a
 * value is the standard deviation of its unit estimates over sqrt(units), which treats the
 * stratified units as independent draws and so errs on the safe side.
 */
import { EinblickError } from '../errors.ts';
import { permutation, rng } from '../random.ts';
import { addRequest, evaluateRequests, requests, type EvaluateOptions } from './masker.ts';
import { checkGame } from './game.ts';
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

/** Model evaluations of one antithetic unit for n players. */
export function permutationUnitCost(n: number): number {
  return 2 * Math.max(n - 1, 0);
}

/**
 * Units per background row that fit the budget (evaluations per explained row).
 *
 * @example permutationRounds(4000, 100, 20) // 1
 */
export function permutationRounds(samples: number, nb: number, n: number): number {
  if (n <= 1) return 1;
  const round = nb * permutationUnitCost(n);
  const m = Math.floor((samples - 1) / Math.max(round, 1));
  if (m < 1) {
    throw new EinblickError('INVALID_OPTION', `samples is too low: permutation SHAP needs at least ${round + 1} model evaluations per row (${nb} background rows x 2 x (${n} players - 1) + 1)`, `Raise --samples to ${round + 1} or more, or use fewer background rows.`, { option: 'samples', minimum: round + 1 });
  }
  return m;
}

/**
 * Mean and standard error per player from unit estimates (k x n, row-major), where unit u
 * belongs to background stratum u % strata and every stratum has k / strata units. With at
 * least two units per stratum the error is the stratified one (within-stratum variances);
 * with one, the spread over all units, which is larger than the true error.
 *
 * @example meanAndError(units, 200, 12, 100, phi, se, 0) // fills phi[0..11], se[0..11]
 */
export function meanAndError(units: Float64Array, k: number, n: number, strata: number, phi: Float64Array, se: Float64Array, at: number): void {
  const m = Math.floor(k / strata);
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let u = 0; u < k; u++) s += units[u * n + p];
    const mean = s / k;
    let v = 0;
    if (m >= 2) {
      for (let b = 0; b < strata; b++) {
        let sb = 0, s2 = 0;
        for (let u = b; u < k; u += strata) sb += units[u * n + p];
        const mb = sb / m;
        for (let u = b; u < k; u += strata) { const d = units[u * n + p] - mb; s2 += d * d; }
        v += s2 / (m - 1) / m;
      }
      v /= strata * strata;
    } else {
      for (let u = 0; u < k; u++) { const d = units[u * n + p] - mean; v += d * d; }
      v = k > 1 ? v / (k - 1) / k : Infinity;
    }
    phi[at + p] = mean;
    se[at + p] = Math.sqrt(v);
  }
}

/**
 * Permutation SHAP values with standard errors.
 *
 * @example (await permutationShap(game, model, { samples: 20000, seed: 1 })).se // one per value
 */
export async function permutationShap(game: Game, model: BatchModel, opts: EvaluateOptions & { samples: number; seed: number }): Promise<SamplingResult> {
  const owner = checkGame(game);
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  const m = permutationRounds(opts.samples, nb, n);
  const r = rng(opts.seed);
  const phi = new Float64Array(nx * n), se = new Float64Array(nx * n), fx = new Float64Array(nx);
  const ends = requests(nb + nx, n);
  for (let b = 0; b < nb; b++) addRequest(ends, n, 0, b, () => false);
  for (let x = 0; x < nx; x++) addRequest(ends, n, x, 0, () => true);
  const endValues = await evaluateRequests(game, owner, model, ends, { ...opts, stage: 'permutation' });
  const gb = endValues.subarray(0, nb);
  let evaluations = ends.count;
  for (let x = 0; x < nx; x++) {
    fx[x] = endValues[nb + x];
    const k = m * nb;
    const orders = Array.from({ length: k }, () => permutation(n, r));
    const req = requests(k * permutationUnitCost(n), n);
    const member = new Uint8Array(n);
    for (let u = 0; u < k; u++) {
      const pi = orders[u], b = u % nb;
      member.fill(0);
      for (let j = 0; j < n - 1; j++) { member[pi[j]] = 1; addRequest(req, n, x, b, (p) => member[p] === 1); }
      member.fill(1);
      for (let j = 0; j < n - 1; j++) { member[pi[j]] = 0; addRequest(req, n, x, b, (p) => member[p] === 1); }
    }
    const g = await evaluateRequests(game, owner, model, req, { ...opts, stage: 'permutation' });
    evaluations += req.count;
    const units = new Float64Array(k * n);
    const per = permutationUnitCost(n);
    for (let u = 0; u < k; u++) {
      const pi = orders[u], b = u % nb, at = u * per;
      // forward: prefixes {pi[0..j]}; values g[at + j] for j < n-1, g(x) for the full set
      let prev = gb[b];
      for (let j = 0; j < n; j++) {
        const cur = j < n - 1 ? g[at + j] : fx[x];
        units[u * n + pi[j]] += (cur - prev) / 2;
        prev = cur;
      }
      // reverse order: pi[j] joins N \ pi[0..j] and makes it N \ pi[0..j-1]; values g[at + n-1 + j] = v(N \ pi[0..j])
      prev = gb[b];
      for (let j = n - 1; j >= 0; j--) {
        const joined = j > 0 ? g[at + (n - 1) + (j - 1)] : fx[x];
        units[u * n + pi[j]] += (joined - prev) / 2;
        prev = joined;
      }
    }
    meanAndError(units, k, n, nb, phi, se, x * n);
  }
  let base = 0;
  for (let b = 0; b < nb; b++) base += gb[b];
  return { phi, se, base: base / nb, fx, evaluations, units: m * nb };
}
