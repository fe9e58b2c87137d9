/**
 * Every root-to-leaf path of a tree ensemble, with its conditions (node, branch) and the
 * players those conditions read. Interventional tree SHAP works on these paths: whether a row
 * satisfies a path's conditions on player j depends only on player j's features, so a leaf is
 * reached by the hybrid row (x on S, b elsewhere) exactly when, for every player j of the path,
 * the row that supplies j (x if j in S, else b) satisfies j's conditions.
 */
import { EinblickError } from '../errors.ts';
import { decide } from '../model/trees/evaluate.ts';
import type { ScalarTrees } from '../model/trees/margin.ts';
import { MODE, type TreeEnsemble } from '../model/trees/types.ts';

/** Paths with at most this many distinct players use 32-bit masks. */
export const MAX_PATH_PLAYERS = 30;

export interface LeafPaths {
  count: number;
  /** Leaf value (margin contribution) of each path. */
  value: Float64Array;
  /** Conditions of path l: condStart[l] .. condStart[l + 1]. */
  condStart: Int32Array;
  condNode: Int32Array;
  condTrue: Uint8Array;
  /** Index of the condition's player among the path's players. */
  condLocal: Uint8Array;
  /** Players of path l: localPlayers[playerStart[l] .. playerStart[l + 1]]. */
  playerStart: Int32Array;
  localPlayers: Int32Array;
  /** The largest number of distinct players on one path. */
  maxPlayers: number;
}

interface Frame { node: number; conds: [number, boolean][] }

/**
 * All paths of the ensemble; `featurePlayer[f]` is the player of estimator input f.
 *
 * @example leafPaths(st, featurePlayer).count // 400 for 50 trees of depth 3
 */
export function leafPaths(st: ScalarTrees, featurePlayer: Int32Array): LeafPaths {
  const e = st.ensemble;
  const value: number[] = [], condStart = [0], condNode: number[] = [], condTrue: number[] = [], condLocal: number[] = [];
  const playerStart = [0], localPlayers: number[] = [];
  let maxPlayers = 0;
  for (let t = 0; t < e.nTrees; t++) {
    const stack: Frame[] = [{ node: e.roots[t], conds: [] }];
    while (stack.length) {
      const { node, conds } = stack.pop()!;
      if (conds.length > e.mode.length) throw new Error('the tree has a cycle');
      if (e.mode[node] !== MODE.LEAF) {
        stack.push({ node: e.falseChild[node], conds: [...conds, [node, false]] });
        stack.push({ node: e.trueChild[node], conds: [...conds, [node, true]] });
        continue;
      }
      const players: number[] = [];
      for (const [n, dir] of conds) {
        const p = featurePlayer[e.feature[n]];
        if (p < 0) throw new EinblickError('INTERNAL', `tree feature ${e.feature[n]} has no player`, 'This is a bug in Einblick.');
        let local = players.indexOf(p);
        if (local < 0) { local = players.length; players.push(p); }
        condNode.push(n); condTrue.push(dir ? 1 : 0); condLocal.push(local);
      }
      maxPlayers = Math.max(maxPlayers, players.length);
      value.push(st.leafValue[node]);
      condStart.push(condNode.length);
      localPlayers.push(...players);
      playerStart.push(localPlayers.length);
    }
  }
  return {
    count: value.length, value: Float64Array.from(value),
    condStart: Int32Array.from(condStart), condNode: Int32Array.from(condNode), condTrue: Uint8Array.from(condTrue), condLocal: Uint8Array.from(condLocal.map((v) => Math.min(v, 255))),
    playerStart: Int32Array.from(playerStart), localPlayers: Int32Array.from(localPlayers), maxPlayers,
  };
}

/**
 * Branch decisions of one encoded row at every internal node (1 = true branch).
 *
 * @example nodeDecisions(e, row, 0, out) // out[n] is 1 where row goes to trueChild[n]
 */
export function nodeDecisions(e: TreeEnsemble, row: ArrayLike<number>, offset: number, out: Uint8Array): void {
  for (let n = 0; n < e.mode.length; n++) {
    if (e.mode[n] !== MODE.LEAF) out[n] = decide(e, n, row[offset + e.feature[n]]) ? 1 : 0;
  }
}

/**
 * For every path, the mask of its players whose conditions the row satisfies (bit j = local player j).
 *
 * @example pathMasks(paths, decisions, masks) // masks[l] === (1 << d) - 1 where the row reaches leaf l
 */
export function pathMasks(paths: LeafPaths, decisions: Uint8Array, out: Int32Array): void {
  for (let l = 0; l < paths.count; l++) {
    const d = paths.playerStart[l + 1] - paths.playerStart[l];
    let mask = d >= 31 ? -1 : (1 << d) - 1;
    for (let c = paths.condStart[l]; c < paths.condStart[l + 1]; c++) {
      if (decisions[paths.condNode[c]] !== paths.condTrue[c]) mask &= ~(1 << paths.condLocal[c]);
    }
    out[l] = mask;
  }
}
