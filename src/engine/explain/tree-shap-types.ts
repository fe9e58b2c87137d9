/**
 * Types shared by the tree SHAP implementations (sparse and dense TypeScript, wasm kernel),
 * and the Shapley weight of a path's pair game.
 */
import type { ScalarTrees } from '../model/trees/margin.ts';
import type { LeafPaths } from './tree-paths.ts';
import type { DenseLayout } from './tree-shap-dense.ts';

export interface TreeShapInput {
  trees: ScalarTrees;
  /** Encoded estimator inputs per row (row-major, width nf). */
  x: Float64Array;
  background: Float64Array;
  nf: number;
  /** Player of every estimator input. */
  featurePlayer: Int32Array;
  nPlayers: number;
}

export interface TreeShapResult {
  /** rows x players, row-major. */
  phi: Float64Array;
  base: number;
  fx: Float64Array;
}

const binom = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};

/**
 * Shapley weight of a player in Sx (inSx true) or in Sb of the pair game w * [Sx in S, Sb out].
 *
 * @example pathWeight(1, 1, true) // 0.5
 */
export function pathWeight(sx: number, sb: number, inSx: boolean): number {
  return inSx ? 1 / (sx * binom(sx + sb, sx)) : 1 / (sb * binom(sx + sb, sb));
}

/** A compiled kernel (wasm) that computes the dense form; denseTreeShap is its TypeScript twin. */
export interface TreeShapKernel {
  name: string;
  run(input: TreeShapInput, paths: LeafPaths, layout: DenseLayout): TreeShapResult;
}
