/**
 * Exact tree and linear SHAP on a game: encodes the explained and background rows into the
 * estimator's inputs, maps estimator inputs to players, and runs the path algorithm (additive
 * space) or the pairwise enumeration (non-additive space).
 */
import { linearPairCost, linearShap, linearShapPairs, type LinearShapInput } from './linear-shap.ts';
import { PAIR_LIMIT } from './auto.ts';
import { explainNote, type ExplainNote } from './notes.ts';
import type { Structured } from './structure.ts';
import { treePairCost, treeShapPairs, type PairsControl } from './tree-pairs.ts';
import { leafPaths, MAX_PATH_PLAYERS } from './tree-paths.ts';
import { treeShap, type TreeShapKernel } from './tree-shap.ts';
import type { Game } from './types.ts';

export interface Prepared {
  st: Structured;
  input: LinearShapInput & { featurePlayer: Int32Array };
  /** Why the exact structured methods cannot run on this game (paths reading too many players). */
  blocked: string | null;
  /** Trees: the most players one tree path reads; null for an affine map. */
  pathPlayers: number | null;
}

export interface StructuredResult {
  phi: Float64Array;
  base: number;
  fx: Float64Array;
  notes: ExplainNote[];
}

/**
 * Encodes the game for a structure.
 *
 * @example prepare(st, game, owner).input.nf // 55
 */
export function prepare(st: Structured, game: Game, owner: Int32Array): Prepared {
  const featurePlayer = st.featurePlayer(game.explain, owner);
  const input = {
    expr: st.ext.expr, x: st.encode(game.explain), background: st.encode(game.background),
    nf: st.nf, featurePlayer, nPlayers: game.players.length,
  };
  let blocked: string | null = null;
  const pathPlayers = st.trees ? leafPaths(st.trees, featurePlayer).maxPlayers : null;
  if (pathPlayers !== null && pathPlayers > MAX_PATH_PLAYERS) blocked = `a tree path reads ${pathPlayers} players (at most ${MAX_PATH_PLAYERS})`;
  return { st, input, blocked, pathPlayers };
}

/** Size of the pairwise enumeration for a non-additive space. */
export function pairCost(p: Prepared): { maxPlayers: number; coalitions: number } {
  return p.st.trees ? treePairCost({ ...p.input, trees: p.st.trees }) : linearPairCost(p.input);
}

/**
 * Runs exact tree or linear SHAP in the structure's space.
 *
 * @example (await runStructured(prepared, false)).phi // rows x players
 */
export async function runStructured(p: Prepared, pairwise: boolean, ctl: PairsControl = {}, kernel?: TreeShapKernel): Promise<StructuredResult> {
  const { signal } = ctl;
  const { st, input } = p;
  const g = st.link.g;
  if (st.trees) {
    const tin = { ...input, trees: st.trees };
    if (!pairwise) {
      const r = treeShap(tin, { signal, kernel });
      if (!r) throw new Error('tree paths read too many players');
      return { ...r, notes: [explainNote('TREE_SHAP', `interventional tree SHAP over ${st.trees.ensemble.nTrees} trees (path-wise, exact; kernel ${r.kernel})`, { trees: st.trees.ensemble.nTrees, kernel: r.kernel })] };
    }
    const r = await treeShapPairs({ ...tin, link: g, maxPairPlayers: PAIR_LIMIT }, ctl);
    return { ...r, notes: [explainNote('TREE_PAIRS', `pairwise enumeration of the trees' games, largest pair game ${r.maxPairPlayers} players`, { players: r.maxPairPlayers })] };
  }
  if (!pairwise) return { ...linearShap(input), notes: [explainNote('LINEAR_SHAP', 'linear SHAP: closed form a_j (z_j(x) - mean z_j(b)) on the affine margin')] };
  const r = await linearShapPairs(input, g, PAIR_LIMIT, ctl);
  return { ...r, notes: [explainNote('LINEAR_PAIRS', `pairwise enumeration of the affine margin's games, largest pair game ${r.maxPairPlayers} players`, { players: r.maxPairPlayers })] };
}
