/**
 * onnxruntime's finalisation of tree ensemble scores (base values, AVERAGE, post_transform and
 * its binary-classifier special cases), as numbers. Mirrors tree_ensemble_aggregator.h and
 * ml_common.h write_scores of onnxruntime 1.2x, in float64 instead of float32.
 *
 * Quirks reproduced on purpose, because they are what the runtime returns:
 * - a regressor with one target ignores post_transform except PROBIT;
 * - a binary classifier whose weights all belong to one class returns [sigmoid(-s), sigmoid(s)]
 *   for LOGISTIC, [probit(s), NaN] for PROBIT (onnxruntime leaves column 1 unwritten: whatever
 *   was in that memory) and otherwise (NONE, SOFTMAX, SOFTMAX_ZERO)
 *   [1 - s, s] when all weights are >= 0, else [-s, s] (checked against onnxruntime-web 1.30);
 * - a score without any leaf weight reads as 0, even after a base value was added.
 */
import type { RawScores } from './evaluate.ts';
import type { TreeEnsemble } from './types.ts';

export function logistic(v: number): number {
  const e = 1 / (1 + Math.exp(-Math.abs(v)));
  return v < 0 ? 1 - e : e;
}

/** Facts about the leaf weights that onnxruntime's classifier looks at. */
export function weightFacts(e: TreeEnsemble): { classes: Set<number>; allPositive: boolean } {
  const classes = new Set<number>();
  let allPositive = true;
  for (let i = 0; i < e.weightTarget.length; i++) {
    classes.add(e.weightTarget[i]);
    if (e.weightValue[i] < 0) allPositive = false;
  }
  return { classes, allPositive };
}

/**
 * onnxruntime's ComputeProbit: sqrt(2) * ErfInv(2v - 1) with its ErfInv approximation
 * (Winitzki), step by step in float32 as ml_common.h computes it; near v = 0.5 the float32
 * cancellation in -a + sqrt(a^2 - b) leaves about 1e-3, which onnxruntime returns, so we do too.
 */
function probit(v: number): number {
  const f = Math.fround;
  const x = f(f(2 * f(v)) - 1);
  const sgn = x < 0 ? -1 : 1;
  const y = f(f(1 - x) * f(1 + x));
  const log = f(Math.log(y));
  const a = f(f(2 / f(f(Math.PI) * f(0.147))) + f(0.5 * log));
  const b = f(f(1 / f(0.147)) * log);
  const c = f(-a + f(Math.sqrt(f(f(a * a) - b))));
  return f(f(1.41421356) * f(sgn * f(Math.sqrt(c))));
}

function transform(values: number[], post: TreeEnsemble['postTransform']): number[] {
  switch (post) {
    case 'LOGISTIC': return values.map(logistic);
    case 'PROBIT': return values.map(probit);
    case 'SOFTMAX': case 'SOFTMAX_ZERO': {
      const zero = post === 'SOFTMAX_ZERO';
      const m = Math.max(...values);
      const ex = values.map((v) => (zero && Math.abs(v) <= 1e-7 ? v * Math.exp(-m) : Math.exp(v - m)));
      const sum = values.reduce((s, v, i) => s + (zero && Math.abs(v) <= 1e-7 ? 0 : ex[i]), 0);
      return ex.map((v) => v / sum);
    }
    default: return values;
  }
}

/**
 * The ensemble's output row (the probabilities / values tensor) from one row's raw scores.
 *
 * @example finalizeScores(e, rawScores(e, row)) // Float64Array [0.2, 0.8]
 */
export function finalizeScores(e: TreeEnsemble, raw: RawScores): Float64Array {
  if (e.op === 'TreeEnsembleClassifier') return Float64Array.from(finalizeClassifier(e, raw));
  const n = e.nTargets, base = e.baseValues;
  const avg = e.aggregate === 'AVERAGE' ? 1 / e.nTrees : 1;
  const sumLike = e.aggregate === 'SUM' || e.aggregate === 'AVERAGE';
  if (n === 1) {
    const origin = base.length === 1 ? base[0] : 0;
    const s = sumLike || raw.has[0] ? raw.score[0] * avg + origin : origin;
    return Float64Array.of(e.postTransform === 'PROBIT' ? probit(s) : s);
  }
  const useBase = base.length === n;
  const v: number[] = [];
  for (let k = 0; k < n; k++) v.push(raw.has[k] ? raw.score[k] * avg + (useBase ? base[k] : 0) : 0);
  return Float64Array.from(transform(v, e.postTransform));
}

function finalizeClassifier(e: TreeEnsemble, raw: RawScores): number[] {
  const n = e.nTargets, base = e.baseValues;
  const score = Array.from(raw.score), has = Array.from(raw.has);
  const read = (k: number): number => (has[k] ? score[k] : 0);
  if (n > 2) {
    for (let k = 0; k < base.length; k++) { score[k] = has[k] ? score[k] + base[k] : base[k]; has[k] = 1; }
    return transform(score.map((_, k) => read(k)), e.postTransform);
  }
  let single = false;
  let wa = -1;
  if (base.length === 2) {
    if (has[1]) { score[1] = base[1] + score[0]; score[0] = -score[1]; }
    else { score[1] += base[1]; score[0] += base[0]; }
  } else if (base.length === 1) {
    score[0] += base[0];
    single = !has[1];
  } else if (base.length === 0) {
    wa = 3;
    single = !has[1];
  }
  const facts = weightFacts(e);
  if (facts.classes.size === 1) wa = facts.allPositive ? 0 : 2;
  if (!single) return transform([read(0), read(1)], e.postTransform);
  const v = read(0);
  if (e.postTransform === 'PROBIT') return [probit(v), NaN]; // column 1: uninitialised memory in onnxruntime
  if (e.postTransform === 'LOGISTIC') return [logistic(-v), logistic(v)];
  if (wa === 0) return [1 - v, v];
  if (wa === 2 || wa === 3) return [-v, v];
  return [v, 0];
}
