/**
 * The hot loops that may run in WebAssembly, behind one interface. `tsKernels` are the plain
 * TypeScript twins (the default); src/wasm/fairness-kernels.ts loads the AssemblyScript
 * versions, which give the same numbers (tested) and may be passed in RunControl.kernels.
 */
import { disparityReplicates } from './bootstrap.ts';
import { confusionCounts, predictAt } from './counts.ts';

export interface FairnessKernels {
  /** 'typescript' or 'wasm', reported in the results. */
  name: 'typescript' | 'wasm';
  /** Confusion counts per group at a threshold ([tn, fp, fn, tp] per group). */
  confusionCounts(scores: Float64Array, yTrue: Uint8Array, ids: Int32Array, groups: number, threshold: number): Float64Array;
  /** Bootstrap replicates of the disparity vector (layout as bootstrap.ts disparityReplicates). */
  disparityReplicates(counts: Float64Array, groups: number, favourablePositive: boolean, ref: number, samples: number, seed: number): Float64Array;
}

/**
 * The TypeScript kernels.
 *
 * @example tsKernels.confusionCounts(Float64Array.of(0.9), Uint8Array.of(1), Int32Array.of(0), 1, 0.5) // [0, 0, 0, 1]
 */
export const tsKernels: FairnessKernels = {
  name: 'typescript',
  confusionCounts: (scores, yTrue, ids, groups, threshold) => confusionCounts(predictAt(scores, threshold), yTrue, ids, groups),
  disparityReplicates,
};
