/**
 * Exact SHAP values of any model by enumeration, with a batched black-box evaluator.
 *
 * exactPairs (the method 'exact'): Shapley values are linear in the game, so
 * phi = mean over b of phi(v_b), v_b(S) = g(x_S, b_rest); v_b only depends on the players whose
 * values differ between x and b, so each pair's game is enumerated over those players only.
 * exactFull: the textbook definition, v(S) = mean over b of g(x_S, b_rest) for all 2^n coalitions;
 * never cheaper, kept as an independent check.
 */
import { EinblickError } from '../errors.ts';
import { sameValue } from './featureset.ts';
import { checkGame } from './game.ts';
import { addRequest, evaluateRequests, requests, type EvaluateOptions, rowOptions } from './masker.ts';
import { shapleyFromTable } from './shapley.ts';
import type { BatchModel, Game } from './types.ts';

/** Black-box exact enumeration refuses games that need more model evaluations than this. */
export const EXACT_EVALUATION_LIMIT = 20_000_000;

export interface ExactResult {
  phi: Float64Array;
  base: number;
  fx: Float64Array;
  evaluations: number;
}

/** Players whose features differ between explained row r and background row b. */
export function differingPlayers(game: Game, r: number, b: number): number[] {
  return game.players.flatMap((p, i) => (p.features.some((j) => !sameValue(game.explain.columns[j], r, game.background.columns[j], b)) ? [i] : []));
}

/**
 * Number of model evaluations exactPairs needs: sum over pairs of 2^(differing players).
 *
 * @example exactPairsCost(game) // 204800
 */
export function exactPairsCost(game: Game): { evaluations: number; maxPlayers: number } {
  let evaluations = 0, maxPlayers = 0;
  for (let r = 0; r < game.explain.rows; r++) {
    for (let b = 0; b < game.background.rows; b++) {
      const d = differingPlayers(game, r, b).length;
      evaluations += 2 ** d;
      maxPlayers = Math.max(maxPlayers, d);
    }
  }
  return { evaluations, maxPlayers };
}

/**
 * Exact SHAP values, one pair's game at a time.
 *
 * @example (await exactPairs(game, model)).phi // rows x players
 */
export async function exactPairs(game: Game, model: BatchModel, opts: EvaluateOptions & { maxPairPlayers?: number; maxEvaluations?: number } = {}): Promise<ExactResult> {
  const owner = checkGame(game);
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  const limit = opts.maxPairPlayers ?? 20;
  const cost = exactPairsCost(game);
  const most = opts.maxEvaluations ?? EXACT_EVALUATION_LIMIT;
  if (cost.evaluations > most) {
    throw new EinblickError('EXPLAIN_LIMIT', `exact enumeration needs ${cost.evaluations} model evaluations (at most ${most})`, 'Use --method permutation or kernel, explain fewer rows, use fewer background rows, or group features into fewer players.', { detail: 'EXACT_EVALUATIONS', evaluations: cost.evaluations, limit: most });
  }
  const phi = new Float64Array(nx * n), fx = new Float64Array(nx);
  let base = 0, evaluations = 0;
  for (let r = 0; r < nx; r++) {
    const sets = Array.from({ length: nb }, (_, b) => differingPlayers(game, r, b));
    const worst = Math.max(...sets.map((s) => s.length));
    if (worst > limit) throw new EinblickError('EXPLAIN_LIMIT', `exact enumeration: a background row differs from row ${game.rows[r]} in ${worst} players (at most ${limit})`, 'Use --method permutation or kernel, or group features into fewer players.', { detail: 'PAIR_PLAYERS', players: worst, limit });
    const req = requests(sets.reduce((s, d) => s + 2 ** d.length, 0), n);
    const start: number[] = [];
    const member = new Uint8Array(n);
    sets.forEach((d, b) => {
      start.push(req.count);
      for (let s = 0; s < 2 ** d.length; s++) {
        member.fill(1); // players outside d have equal values in x and b
        d.forEach((p, k) => { member[p] = (s >> k) & 1; });
        addRequest(req, r, b, member);
      }
    });
    const g = await evaluateRequests(game, owner, model, req, rowOptions({ ...opts, stage: 'exact' }, r, nx));
    evaluations += req.count;
    sets.forEach((d, b) => {
      const table = g.subarray(start[b], start[b] + 2 ** d.length);
      const v = shapleyFromTable(table, d.length);
      d.forEach((p, k) => { phi[r * n + p] += v[k] / nb; });
      if (r === 0) base += table[0] / nb;
    });
    fx[r] = g[start[0] + 2 ** sets[0].length - 1];
  }
  return { phi, base, fx, evaluations };
}

/**
 * Exact SHAP values from all 2^n coalitions against every background row (n <= 14).
 *
 * @example (await exactFull(game, model)).base // mean of g over the background
 */
export async function exactFull(game: Game, model: BatchModel, opts: EvaluateOptions = {}): Promise<ExactResult> {
  const owner = checkGame(game);
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  if (n > 14) throw new EinblickError('EXPLAIN_LIMIT', `exact enumeration over ${n} players (at most 14)`, 'Use --method permutation, or group features into fewer players.', { detail: 'EXACT_PLAYERS', players: n, limit: 14 });
  const size = 2 ** n;
  const phi = new Float64Array(nx * n), fx = new Float64Array(nx);
  let base = 0;
  for (let r = 0; r < nx; r++) {
    const req = requests(size * nb, n);
    const member = new Uint8Array(n);
    for (let s = 0; s < size; s++) {
      for (let p = 0; p < n; p++) member[p] = (s >> p) & 1;
      for (let b = 0; b < nb; b++) addRequest(req, r, b, member);
    }
    const g = await evaluateRequests(game, owner, model, req, rowOptions({ ...opts, stage: 'exact' }, r, nx));
    const v = new Float64Array(size);
    for (let s = 0; s < size; s++) {
      let sum = 0;
      for (let b = 0; b < nb; b++) sum += g[s * nb + b];
      v[s] = sum / nb;
    }
    phi.set(shapleyFromTable(v, n), r * n);
    base = v[0];
    fx[r] = v[size - 1];
  }
  return { phi, base, fx, evaluations: nx * size * nb };
}
