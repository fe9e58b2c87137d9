/**
 * Permutation SHAP with antithetic sampling. One sampling unit is a background row b and a
 * random order pi of the players: the players join one by one, first in the order pi and then
 * in the reverse order, and each player's marginal contributions g(x_{S+i}, b) - g(x_S, b) are
 * averaged over the two passes. Every background row gets the same number of units, so the
 * values add up to g(x) - base exactly (each unit sums to g(x) - g(b)). The standard error of a
 * value comes from the spread of its unit estimates within background rows (sampling.ts,
 * meanAndError).
 */
import { EinblickError } from '../errors.ts';
import { rng, type Rng } from '../random.ts';
import { addBits, addRequest, evaluateRequests, requests, rowOptions, type EvaluateOptions, type Requests } from './masker.ts';
import { checkGame } from './game.ts';
import { evaluateEnds, mean, meanAndError, type SamplingResult } from './sampling.ts';
import { maskScratch } from './packed-mask.ts';
import type { BatchModel, Game } from './types.ts';

export type { SamplingResult };

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
 * k random orders of 0..n-1 into one k x n array, each drawn as random.ts's permutation(n, r)
 * draws it (Fisher-Yates, the same calls of r.int), so the orders and every value that follows
 * are those of k separate permutation() calls; one array per explainer call instead of k small
 * fresh ones per row, which cost an allocation each in Chromium (bench/README.md).
 */
export function permutationsInto(orders: Uint32Array, k: number, n: number, r: Rng): Uint32Array {
  for (let u = 0, at = 0; u < k; u++, at += n) {
    for (let i = 0; i < n; i++) orders[at + i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = r.int(i + 1);
      const t = orders[at + i];
      orders[at + i] = orders[at + j];
      orders[at + j] = t;
    }
  }
  return orders;
}

/** Requests of one row's k units (orders k x n) into req: per unit the forward prefixes, then the reverse ones. */
function unitRequests(req: Requests, x: number, orders: Uint32Array, k: number, nb: number, n: number, member: Uint8Array): Requests {
  req.count = 0;
  for (let u = 0, at = 0; u < k; u++, at += n) {
    const b = u % nb;
    if (req.bits) {
      // one bit flip per request instead of a copy of n flags
      let bits = 0;
      for (let j = 0; j < n - 1; j++) { bits |= 1 << orders[at + j]; addBits(req, x, b, bits); }
      bits = n === 31 ? 0x7fffffff : (1 << n) - 1;
      for (let j = 0; j < n - 1; j++) { bits &= ~(1 << orders[at + j]); addBits(req, x, b, bits); }
      continue;
    }
    member.fill(0);
    for (let j = 0; j < n - 1; j++) { member[orders[at + j]] = 1; addRequest(req, x, b, member); }
    member.fill(1);
    for (let j = 0; j < n - 1; j++) { member[orders[at + j]] = 0; addRequest(req, x, b, member); }
  }
  return req;
}

/** Each unit's marginal contributions, averaged over its two passes (k x n, row-major), into units. */
function unitValues(g: Float64Array, orders: Uint32Array, k: number, gb: Float64Array, fx: number, n: number, units: Float64Array): Float64Array {
  const nb = gb.length, per = permutationUnitCost(n);
  units.fill(0);
  for (let u = 0, o = 0; u < k; u++, o += n) {
    const at = u * per;
    // forward: v(pi[0..j]) is g[at + j] for j < n - 1, g(x) for the full set
    let prev = gb[u % nb];
    for (let j = 0; j < n; j++) {
      const cur = j < n - 1 ? g[at + j] : fx;
      units[u * n + orders[o + j]] += (cur - prev) / 2;
      prev = cur;
    }
    // reverse: pi[j] joins N \ pi[0..j] (value g[at + n - 1 + j]) and makes it N \ pi[0..j-1]
    prev = gb[u % nb];
    for (let j = n - 1; j >= 0; j--) {
      const joined = j > 0 ? g[at + (n - 1) + (j - 1)] : fx;
      units[u * n + orders[o + j]] += (joined - prev) / 2;
      prev = joined;
    }
  }
  return units;
}

/**
 * Permutation SHAP values with standard errors.
 *
 * @example (await permutationShap(game, model, { samples: 20000, seed: 1 })).se // one per value
 */
export async function permutationShap(game: Game, model: BatchModel, opts: EvaluateOptions & { samples: number; seed: number }): Promise<SamplingResult> {
  const owner = checkGame(game);
  const n = game.players.length, nx = game.explain.rows, nb = game.background.rows;
  const k = permutationRounds(opts.samples, nb, n) * nb;
  const r = rng(opts.seed);
  const eo = { ...opts, stage: 'permutation' };
  const scratch = maskScratch(); // one buffer for the hybrid rows of every batch
  const { gb, fx, evaluations: e0 } = await evaluateEnds(game, owner, model, { ...eo, onProgress: undefined }, scratch); // a few rows; progress is per explained row below
  const phi = new Float64Array(nx * n), se = new Float64Array(nx * n);
  let evaluations = e0;
  // buffers reused from explained row to explained row
  const orders = new Uint32Array(k * n), req = requests(k * permutationUnitCost(n), n), member = new Uint8Array(n), units = new Float64Array(k * n);
  for (let x = 0; x < nx; x++) {
    unitRequests(req, x, permutationsInto(orders, k, n, r), k, nb, n, member);
    const g = await evaluateRequests(game, owner, model, req, rowOptions(eo, x, nx), scratch);
    evaluations += req.count;
    meanAndError(unitValues(g, orders, k, gb, fx[x], n, units), k, n, nb, phi, se, x * n);
  }
  return { phi, se, base: mean(gb), fx, evaluations, units: k };
}
