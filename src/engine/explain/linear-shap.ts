/**
 * Exact SHAP values of an affine margin m = c + sum_j a_j z_j, where each z_j is a function of
 * one player's features: phi_p = sum over j of player p of a_j (z_j(x) - mean_b z_j(b)).
 * Under a nonlinear link, the pairwise game of (x, b) is g(m(b) + sum over p in S of delta_p)
 * with delta_p = sum_j a_j (z_j(x) - z_j(b)); it is enumerated over the players with delta_p != 0.
 */
import { EinblickError, throwIfAborted } from '../errors.ts';
import { Pacer } from '../data/yield.ts';
import type { PairsControl } from './tree-pairs.ts';
import type { ScoreExpr } from '../model/trees/types.ts';
import { shapleyFromTable } from './shapley.ts';

export interface LinearShapInput {
  expr: ScoreExpr;
  /** Encoded estimator inputs z per row (row-major, width nf), in float64. */
  x: Float64Array;
  background: Float64Array;
  nf: number;
  featurePlayer: Int32Array;
  nPlayers: number;
}

export interface LinearShapResult {
  phi: Float64Array;
  base: number;
  fx: Float64Array;
}

function margin(expr: ScoreExpr, z: Float64Array, offset: number, nf: number): number {
  let m = expr.c;
  for (let j = 0; j < nf; j++) m += expr.a[j] * z[offset + j];
  return m;
}

/**
 * Closed-form SHAP values of the margin.
 *
 * @example linearShap(input).phi[0] // a_0 (z_0(x) - mean z_0(b)) for a one-feature player 0
 */
export function linearShap(input: LinearShapInput): LinearShapResult {
  const { expr, nf, nPlayers, featurePlayer } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const mean = new Float64Array(nf);
  for (let r = 0; r < nb; r++) for (let j = 0; j < nf; j++) mean[j] += input.background[r * nf + j];
  for (let j = 0; j < nf; j++) mean[j] /= nb;
  const phi = new Float64Array(nx * nPlayers), fx = new Float64Array(nx);
  for (let r = 0; r < nx; r++) {
    for (let j = 0; j < nf; j++) phi[r * nPlayers + featurePlayer[j]] += expr.a[j] * (input.x[r * nf + j] - mean[j]);
    fx[r] = margin(expr, input.x, r * nf, nf);
  }
  let base = 0;
  for (let r = 0; r < nb; r++) base += margin(expr, input.background, r * nf, nf);
  return { phi, base: base / nb, fx };
}

/**
 * Exact SHAP values of link(margin) by enumerating each (x, b) pair's game.
 *
 * @example linearShapPairs(input, logistic, 22).phi // probability-space values
 */
export async function linearShapPairs(input: LinearShapInput, link: (m: number) => number, maxPairPlayers: number, ctl: PairsControl = {}): Promise<LinearShapResult & { maxPairPlayers: number }> {
  const { expr, nf, nPlayers, featurePlayer } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const phi = new Float64Array(nx * nPlayers), fx = new Float64Array(nx);
  const delta = new Float64Array(nPlayers);
  let largest = 0, base = 0;
  const pace = new Pacer();
  for (let r = 0; r < nx; r++) {
    for (let b = 0; b < nb; b++) {
      await pace.tick();
      throwIfAborted(ctl.signal);
      ctl.onProgress?.({ stage: 'enumeration', done: r + b / nb, total: nx });
      delta.fill(0);
      for (let j = 0; j < nf; j++) delta[featurePlayer[j]] += expr.a[j] * (input.x[r * nf + j] - input.background[b * nf + j]);
      const players: number[] = [];
      for (let p = 0; p < nPlayers; p++) if (delta[p] !== 0) players.push(p);
      const d = players.length;
      if (d > maxPairPlayers) throw new EinblickError('EXPLAIN_LIMIT', `exact linear SHAP in probability space: a background row differs from the explained row in ${d} players (at most ${maxPairPlayers})`, 'Use --method auto or permutation, or --space logit (exact linear SHAP there has no such limit), or group features into fewer players.', { detail: 'PAIR_PLAYERS', players: d, limit: maxPairPlayers });
      largest = Math.max(largest, d);
      const table = new Float64Array(1 << d);
      table[0] = margin(expr, input.background, b * nf, nf);
      for (let s = 1; s < table.length; s++) {
        const low = 31 - Math.clz32(s & -s);
        table[s] = table[s & (s - 1)] + delta[players[low]];
      }
      for (let s = 0; s < table.length; s++) table[s] = link(table[s]);
      const v = shapleyFromTable(table, d);
      for (let k = 0; k < d; k++) phi[r * nPlayers + players[k]] += v[k] / nb;
    }
    fx[r] = link(margin(expr, input.x, r * nf, nf));
  }
  for (let b = 0; b < nb; b++) base += link(margin(expr, input.background, b * nf, nf));
  return { phi, base: base / nb, fx, maxPairPlayers: largest };
}

/**
 * Size of the pairwise enumeration: the largest pair game and sum over pairs of 2^players.
 *
 * @example linearPairCost(input) // { maxPlayers: 11, coalitions: 80000 }
 */
export function linearPairCost(input: LinearShapInput): { maxPlayers: number; coalitions: number } {
  const { expr, nf, nPlayers, featurePlayer } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const delta = new Float64Array(nPlayers);
  let maxPlayers = 0, coalitions = 0;
  for (let r = 0; r < nx; r++) {
    for (let b = 0; b < nb; b++) {
      delta.fill(0);
      for (let j = 0; j < nf; j++) delta[featurePlayer[j]] += expr.a[j] * (input.x[r * nf + j] - input.background[b * nf + j]);
      let d = 0;
      for (let p = 0; p < nPlayers; p++) if (delta[p] !== 0) d++;
      maxPlayers = Math.max(maxPlayers, d);
      coalitions += 2 ** d;
    }
  }
  return { maxPlayers, coalitions };
}
