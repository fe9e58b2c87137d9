/**
 * Exact SHAP values of a tree ensemble under a nonlinear link (e.g. probability space of a
 * boosted model, log-odds of a random forest's probability), by the pairwise decomposition:
 * Shapley values are linear in the game, so phi = mean over background rows b of phi(v_b) with
 * v_b(S) = link(margin(x_S, b_rest)). v_b only depends on the players D_b where x and b take
 * different branches on a reachable path; its margin table over the 2^|D_b| coalitions comes
 * from the path terms w * [Sx in S, Sb out of S] (inclusion-exclusion over Sb, then a subset-sum
 * transform), the link is applied, and the table's Shapley values are enumerated exactly.
 */
import { EinblickError, throwIfAborted, type ProgressFn } from '../errors.ts';
import { Pacer } from '../data/yield.ts';
import { treeMargin, type ScalarTrees } from '../model/trees/margin.ts';
import { shapleyFromTable, subsetSums, popcountTable } from './shapley.ts';
import { leafPaths, nodeDecisions, pathMasks, type LeafPaths } from './tree-paths.ts';

/** Pairs whose game has more players than this are refused (2^22 coalitions). */
export const MAX_PAIR_PLAYERS = 22;

export interface TreePairsInput {
  trees: ScalarTrees;
  x: Float64Array;
  background: Float64Array;
  nf: number;
  featurePlayer: Int32Array;
  nPlayers: number;
  /** g = link(margin), applied to every coalition's margin. */
  link: (m: number) => number;
  maxPairPlayers?: number;
}

/**
 * How a pairwise enumeration (which can take a minute) is watched: it yields to the event loop
 * every 50 ms of work, so that a Web Worker sees a cancel message, checks the signal, and
 * reports progress over the explained rows (done = rows finished + share of the current one).
 */
export interface PairsControl {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

export interface TreePairsResult {
  phi: Float64Array;
  base: number;
  fx: Float64Array;
  /** The largest number of players in one pair's game. */
  maxPairPlayers: number;
}

/** The margin table of one pair's game over its players D (global ids in `players`). */
function pairTable(paths: LeafPaths, mx: Int32Array, mb: Int32Array, offset: number, maxD: number): { players: number[]; table: Float64Array } {
  const index = new Map<number, number>();
  const players: number[] = [];
  const terms: number[] = []; // sx, sb, path index triples
  let constant = offset;
  for (let l = 0; l < paths.count; l++) {
    const p0 = paths.playerStart[l], d = paths.playerStart[l + 1] - p0;
    const full = (1 << d) - 1;
    if ((mx[l] | mb[l]) !== full) continue;
    const sxLocal = full & ~mb[l], sbLocal = full & ~mx[l];
    if (sxLocal === 0 && sbLocal === 0) { constant += paths.value[l]; continue; }
    let sx = 0, sb = 0;
    for (let j = 0; j < d; j++) {
      const bit = 1 << j;
      if (!((sxLocal | sbLocal) & bit)) continue;
      const g = paths.localPlayers[p0 + j];
      let k = index.get(g);
      if (k === undefined) { k = players.length; index.set(g, k); players.push(g); }
      if (k >= maxD) throw new EinblickError('EXPLAIN_LIMIT', `exact tree SHAP in probability space: a background row differs from the explained row in more than ${maxD} players (at most ${maxD})`, 'Use --method auto or permutation, or --space logit (exact tree SHAP there has no such limit), or group features into fewer players.', { detail: 'PAIR_PLAYERS', players: maxD, limit: maxD, more: 1 });
      if (sxLocal & bit) sx |= 1 << k; else sb |= 1 << k;
    }
    terms.push(sx, sb, l);
  }
  const D = players.length;
  const c = new Float64Array(1 << D);
  c[0] = constant;
  const pc = popcountTable(Math.min(D, 16));
  for (let t = 0; t < terms.length; t += 3) {
    const sx = terms[t], sb = terms[t + 1], w = paths.value[terms[t + 2]];
    // [sb out of S] = sum over T subset of sb of (-1)^|T| [T in S]
    for (let T = sb; ; T = (T - 1) & sb) {
      const odd = (T < pc.length ? pc[T] : popcountLarge(T)) & 1;
      c[sx | T] += odd ? -w : w;
      if (T === 0) break;
    }
  }
  return { players, table: subsetSums(c, D) };
}

function popcountLarge(v: number): number {
  let n = 0;
  for (let m = v; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * Exact SHAP values of link(margin) by enumerating each pair's game.
 *
 * @example treeShapPairs({ ...input, link: logistic }).phi // probability-space values
 */
export async function treeShapPairs(input: TreePairsInput, ctl: PairsControl = {}): Promise<TreePairsResult> {
  const { trees, nf, nPlayers, link } = input;
  const maxD = Math.min(input.maxPairPlayers ?? MAX_PAIR_PLAYERS, 30);
  const paths = leafPaths(trees, input.featurePlayer);
  if (paths.maxPlayers > 30) throw new EinblickError('EXPLAIN_LIMIT', `exact tree SHAP in probability space: a tree path reads ${paths.maxPlayers} players (at most 30)`, 'Use --method auto or permutation, or --space logit.', { detail: 'PATH_PLAYERS', players: paths.maxPlayers, limit: 30 });
  const e = trees.ensemble;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const dec = new Uint8Array(e.mode.length);
  const bMasks = Array.from({ length: nb }, (_, r) => {
    nodeDecisions(e, input.background, r * nf, dec);
    const m = new Int32Array(paths.count);
    pathMasks(paths, dec, m);
    return m;
  });
  const phi = new Float64Array(nx * nPlayers), fx = new Float64Array(nx);
  const xm = new Int32Array(paths.count);
  let base = 0, largest = 0;
  const pace = new Pacer();
  for (let r = 0; r < nx; r++) {
    nodeDecisions(e, input.x, r * nf, dec);
    pathMasks(paths, dec, xm);
    for (let b = 0; b < nb; b++) {
      await pace.tick();
      throwIfAborted(ctl.signal);
      ctl.onProgress?.({ stage: 'enumeration', done: r + b / nb, total: nx });
      const { players, table } = pairTable(paths, xm, bMasks[b], trees.offset, maxD);
      for (let s = 0; s < table.length; s++) table[s] = link(table[s]);
      const v = shapleyFromTable(table, players.length);
      for (let k = 0; k < players.length; k++) phi[r * nPlayers + players[k]] += v[k] / nb;
      largest = Math.max(largest, players.length);
    }
    fx[r] = link(treeMargin(trees, input.x, r * nf));
  }
  for (let b = 0; b < nb; b++) base += link(treeMargin(trees, input.background, b * nf));
  return { phi, base: base / nb, fx, maxPairPlayers: largest };
}

/**
 * Size of the pairwise enumeration without doing it: the largest pair game and the total
 * number of coalitions (sum over pairs of 2^players).
 *
 * @example treePairCost(input) // { maxPlayers: 17, coalitions: 1.2e6 }
 */
export function treePairCost(input: Omit<TreePairsInput, 'link'>): { maxPlayers: number; coalitions: number } {
  const { trees, nf } = input;
  const paths = leafPaths(trees, input.featurePlayer);
  if (paths.maxPlayers > 30) return { maxPlayers: Infinity, coalitions: Infinity };
  const e = trees.ensemble;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const dec = new Uint8Array(e.mode.length);
  const masksOf = (data: Float64Array, r: number): Int32Array => {
    nodeDecisions(e, data, r * nf, dec);
    const m = new Int32Array(paths.count);
    pathMasks(paths, dec, m);
    return m;
  };
  const bMasks = Array.from({ length: nb }, (_, b) => masksOf(input.background, b));
  const seen = new Uint8Array(input.nPlayers);
  let maxPlayers = 0, coalitions = 0;
  for (let r = 0; r < nx; r++) {
    const xm = masksOf(input.x, r);
    for (let b = 0; b < nb; b++) {
      seen.fill(0);
      let d = 0;
      for (let l = 0; l < paths.count; l++) {
        const p0 = paths.playerStart[l], n = paths.playerStart[l + 1] - p0, full = (1 << n) - 1;
        const mb = bMasks[b][l];
        if ((xm[l] | mb) !== full) continue;
        const moving = full & ~(xm[l] & mb);
        for (let j = 0; j < n; j++) if (moving & (1 << j) && !seen[paths.localPlayers[p0 + j]]) { seen[paths.localPlayers[p0 + j]] = 1; d++; }
      }
      maxPlayers = Math.max(maxPlayers, d);
      coalitions += 2 ** d;
    }
  }
  return { maxPlayers, coalitions };
}
