/**
 * Walks a TreeEnsemble the way onnxruntime does: each node compares the input with its own
 * mode, NaN goes to the true child only when the node tracks missing values to true
 * (BRANCH_NEQ and set membership aside, a NaN comparison is false).
 */
import { MODE, type TreeEnsemble } from './types.ts';

/**
 * The branch a value takes at an internal node: true -> trueChild.
 * `x` must already be in the ensemble's precision (float32 values for 'float').
 *
 * @example decide(e, 0, 1.5) // true when node 0 is "x <= 2.5"
 */
export function decide(e: TreeEnsemble, node: number, x: number): boolean {
  const t = e.threshold[node];
  let r: boolean;
  switch (e.mode[node]) {
    case MODE.LEQ: r = x <= t; break;
    case MODE.LT: r = x < t; break;
    case MODE.GTE: r = x >= t; break;
    case MODE.GT: r = x > t; break;
    case MODE.EQ: r = x === t; break;
    case MODE.NEQ: r = x !== t; break;
    case MODE.MEMBER: r = isMember(e, node, x); break;
    default: throw new Error(`decide() called on leaf ${node}`);
  }
  return r || (e.missingTrue[node] === 1 && Number.isNaN(x));
}

/**
 * Set membership as onnxruntime-web 1.30 computes it (measured; the ONNX text says plain
 * membership): sets of integers 0..30 test x exactly; other sets test x truncated to an int32
 * (saturating, NaN -> 0), so that 2.5 is in {-1, 2}.
 */
function isMember(e: TreeEnsemble, node: number, x: number): boolean {
  const start = e.memberStart[node], end = start + e.memberCount[node];
  let small = true;
  for (let i = start; i < end; i++) if (!(e.members[i] >= 0 && e.members[i] <= 30)) small = false;
  const v = small ? x : Number.isNaN(x) ? 0 : Math.max(-2147483648, Math.min(2147483647, Math.trunc(x)));
  for (let i = start; i < end; i++) if (e.members[i] === v) return true;
  return false;
}

/**
 * The leaf a row reaches from `root`; `row[offset + f]` is feature f.
 *
 * @example leafOf(e, e.roots[0], row, 0) // 6
 */
export function leafOf(e: TreeEnsemble, root: number, row: ArrayLike<number>, offset = 0): number {
  let n = root;
  let guard = e.mode.length;
  while (e.mode[n] !== MODE.LEAF) {
    n = decide(e, n, row[offset + e.feature[n]]) ? e.trueChild[n] : e.falseChild[n];
    if (--guard < 0) throw new Error('the tree has a cycle');
  }
  return n;
}

/** Per target: the aggregated leaf weights (sum for SUM/AVERAGE, min or max) and whether any leaf had one. */
export interface RawScores {
  score: Float64Array;
  has: Uint8Array;
}

/**
 * Aggregated leaf weights of one row over all trees, before base values and post_transform
 * (AVERAGE is still a sum here; the division by the number of trees comes with finalisation).
 *
 * @example rawScores(e, row).score[0] // -0.42
 */
export function rawScores(e: TreeEnsemble, row: ArrayLike<number>, offset = 0): RawScores {
  const score = new Float64Array(e.nTargets);
  const has = new Uint8Array(e.nTargets);
  const min = e.aggregate === 'MIN', max = e.aggregate === 'MAX';
  for (let t = 0; t < e.nTrees; t++) {
    const leaf = leafOf(e, e.roots[t], row, offset);
    const start = e.leafStart[leaf], end = start + e.leafCount[leaf];
    for (let i = start; i < end; i++) {
      const k = e.weightTarget[i], w = e.weightValue[i];
      if (!has[k]) score[k] = w;
      else if (min) score[k] = Math.min(score[k], w);
      else if (max) score[k] = Math.max(score[k], w);
      else score[k] += w;
      has[k] = 1;
    }
  }
  return { score, has };
}
