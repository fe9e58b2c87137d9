/**
 * The margin of an extracted model (the additive part before the link) and its score, computed
 * in TypeScript from encoded estimator inputs. Trees: each leaf carries one number, the sum of
 * its weights times the expression's coefficient for their target.
 */
import { leafOf } from './evaluate.ts';
import { logistic } from './finalize.ts';
import type { ScoreExpr, TreeEnsemble } from './types.ts';

/** A tree ensemble with one value per leaf: margin = offset + sum over trees of the leaf value. */
export interface ScalarTrees {
  ensemble: TreeEnsemble;
  /** Per node index; 0 for internal nodes. */
  leafValue: Float64Array;
  offset: number;
}

/**
 * Folds the score expression's coefficients into the leaves.
 *
 * @example scalarTrees(ensemble, expr).offset // 0.847 (the base value)
 */
export function scalarTrees(e: TreeEnsemble, expr: ScoreExpr): ScalarTrees {
  const leafValue = new Float64Array(e.mode.length);
  for (let n = 0; n < e.mode.length; n++) {
    let v = 0;
    for (let i = e.leafStart[n]; i < e.leafStart[n] + e.leafCount[n]; i++) v += expr.a[e.weightTarget[i]] * e.weightValue[i];
    leafValue[n] = v;
  }
  return { ensemble: e, leafValue, offset: expr.c };
}

/**
 * The margin of one encoded row (`row[offset + f]` is estimator input f).
 *
 * @example treeMargin(st, encoded, r * nf) // 1.93
 */
export function treeMargin(st: ScalarTrees, row: ArrayLike<number>, offset = 0): number {
  const e = st.ensemble;
  let m = st.offset;
  for (let t = 0; t < e.nTrees; t++) m += st.leafValue[leafOf(e, e.roots[t], row, offset)];
  return m;
}

/**
 * The margin of an affine model for one encoded row.
 *
 * @example linearMargin(expr, encoded, r * nf, nf) // -0.31
 */
export function linearMargin(expr: ScoreExpr, row: ArrayLike<number>, offset: number, nf: number): number {
  let m = expr.c;
  for (let j = 0; j < nf; j++) m += expr.a[j] * row[offset + j];
  return m;
}

/**
 * The score from a margin: alpha * link(m) + beta.
 *
 * @example scoreOf({ link: 'logistic', alpha: 1, beta: 0, a, c }, 0) // 0.5
 */
export function scoreOf(expr: ScoreExpr, m: number): number {
  return expr.alpha * (expr.link === 'logistic' ? logistic(m) : m) + expr.beta;
}
