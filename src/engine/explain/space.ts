/**
 * Output spaces and which of them exact tree/linear SHAP covers.
 *
 * An extracted model's score is alpha * link(m) + beta with an additive margin m (sum over
 * trees of leaf values, or an affine map). Tree and linear SHAP are exact for g = m, i.e.:
 * - link 'logistic' (boosted trees, XGBoost/LightGBM with LOGISTIC, sigmoid after a regressor,
 *   softmax over two classes, logistic regression): exact in 'logit' space (g = m); the
 *   probability sigma(m) is not additive, so 'probability' needs enumeration or sampling;
 * - link 'identity' (random forest probabilities with post_transform NONE, regressors, affine
 *   scores): exact in 'probability' / 'raw' space (g = score); 'logit' = log(p / (1 - p)) of a
 *   forest's probability is not additive, so it needs enumeration or sampling.
 */
import type { ScoreExpr } from '../model/trees/types.ts';
import { logistic } from '../model/trees/finalize.ts';
import type { BatchModel, Space } from './types.ts';

export interface SpaceLink {
  /** True when g is the margin itself (tree/linear SHAP exact). */
  additive: boolean;
  /** g as a function of the margin. */
  g: (m: number) => number;
}

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * How the explained quantity g follows from the margin m in a space.
 *
 * @example spaceLink({ link: 'logistic', alpha: 1, beta: 0, a, c }, 'logit').additive // true
 */
export function spaceLink(expr: ScoreExpr, space: Space): SpaceLink {
  const { alpha, beta } = expr;
  const plainLogistic = expr.link === 'logistic' && alpha === 1 && beta === 0;
  if (space === 'logit') {
    if (plainLogistic) return { additive: true, g: (m) => m };
    if (expr.link === 'logistic') return { additive: false, g: (m) => logit(alpha * logistic(m) + beta) };
    return { additive: false, g: logit };
  }
  if (expr.link === 'identity') return { additive: true, g: (m) => m };
  return { additive: false, g: (m) => alpha * logistic(m) + beta };
}

/**
 * A model that returns scores (probabilities for a classifier), seen in another space:
 * 'logit' takes log(p / (1 - p)) of every score; 'probability' and 'raw' leave them as they are.
 * Log-odds of float32 probabilities are only good to about 1e-4 near 0 and 1.
 *
 * @example modelInSpace(scores, 'logit') // BatchModel returning log-odds
 */
export function modelInSpace(scores: BatchModel, space: Space): BatchModel {
  if (space !== 'logit') return scores;
  return async (fs, signal) => (await scores(fs, signal)).map(logit);
}
