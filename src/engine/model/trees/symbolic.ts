/**
 * The ensemble's output columns as expressions of its raw per-target leaf-weight sums R_k:
 * column j = alpha * link(c + sum_k a[k] R_k) + beta. The same rules as finalize.ts (which
 * computes numbers), written as algebra so that tree SHAP knows which space is additive.
 * A column that no such expression describes gets a reason instead.
 */
import { weightFacts } from './finalize.ts';
import { MODE, type ScoreExpr, type TreeEnsemble } from './types.ts';

export type ColumnExpr = ScoreExpr | { reason: string };

interface Lin { a: Float64Array; c: number }

const zero = (n: number): Lin => ({ a: new Float64Array(n), c: 0 });
function term(n: number, k: number, scale: number, c: number): Lin {
  const l = zero(n);
  l.a[k] = scale;
  l.c = c;
  return l;
}
const scaleLin = (l: Lin, s: number, add = 0): Lin => ({ a: l.a.map((v) => v * s), c: l.c * s + add });
const diff = (p: Lin, q: Lin): Lin => ({ a: p.a.map((v, k) => v - q.a[k]), c: p.c - q.c });
const ident = (l: Lin): ScoreExpr => ({ ...l, link: 'identity', alpha: 1, beta: 0 });
const logit = (l: Lin): ScoreExpr => ({ ...l, link: 'logistic', alpha: 1, beta: 0 });

/** Per target: 'always' when every row gets a weight for it, 'never' when none does, else 'sometimes'. */
export function targetPresence(e: TreeEnsemble): ('always' | 'never' | 'sometimes')[] {
  const always = new Uint8Array(e.nTargets), ever = new Uint8Array(e.nTargets);
  for (let t = 0; t < e.nTrees; t++) {
    const leaves = treeLeaves(e, e.roots[t]);
    for (let k = 0; k < e.nTargets; k++) {
      let all = true;
      for (const leaf of leaves) {
        let found = false;
        for (let i = e.leafStart[leaf]; i < e.leafStart[leaf] + e.leafCount[leaf]; i++) if (e.weightTarget[i] === k) found = true;
        if (found) ever[k] = 1; else all = false;
      }
      if (all && leaves.length > 0) always[k] = 1;
    }
  }
  return Array.from(always, (a, k) => (a ? 'always' : ever[k] ? 'sometimes' : 'never'));
}

/** The leaves reachable from a root. */
export function treeLeaves(e: TreeEnsemble, root: number): number[] {
  const out: number[] = [], stack = [root], seen = new Set<number>();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (e.mode[n] === MODE.LEAF) out.push(n);
    else stack.push(e.falseChild[n], e.trueChild[n]);
  }
  return out;
}

function transformCols(v: Lin[], post: TreeEnsemble['postTransform']): ColumnExpr[] {
  switch (post) {
    case 'NONE': return v.map(ident);
    case 'LOGISTIC': return v.map(logit);
    case 'SOFTMAX':
      if (v.length === 2) return [logit(diff(v[0], v[1])), logit(diff(v[1], v[0]))];
      return v.map(() => ({ reason: `a softmax over ${v.length} classes is not additive in any space tree SHAP can use` }));
    default: return v.map(() => ({ reason: `post_transform ${post} is not supported by the exact tree explainer` }));
  }
}

/**
 * Output columns of the ensemble as expressions of the raw leaf-weight sums.
 *
 * @example ensembleExprs(e)[1] // { a: [1], c: 0.85, link: 'logistic', alpha: 1, beta: 0 }
 */
export function ensembleExprs(e: TreeEnsemble): ColumnExpr[] {
  const n = e.nTargets;
  const width = e.op === 'TreeEnsembleClassifier' && n === 2 ? 2 : n;
  const fail = (reason: string): ColumnExpr[] => Array.from({ length: width }, () => ({ reason }));
  if (e.aggregate === 'MIN' || e.aggregate === 'MAX') return fail(`aggregate_function ${e.aggregate} is not additive over trees`);
  const presence = targetPresence(e);
  const unsure = presence.findIndex((p) => p === 'sometimes');
  if (unsure >= 0) return fail(`target/class ${unsure} gets a weight from some rows' leaves only`);
  const has = presence.map((p) => p === 'always');
  const avg = e.aggregate === 'AVERAGE' ? 1 / e.nTrees : 1;
  const base = e.baseValues;
  if (e.op !== 'TreeEnsembleClassifier') {
    if (n === 1) {
      if (e.postTransform === 'PROBIT') return fail('post_transform PROBIT is not supported by the exact tree explainer');
      return [ident(term(1, 0, avg, base.length === 1 ? base[0] : 0))];
    }
    const useBase = base.length === n;
    return transformCols(has.map((h, k) => (h ? term(n, k, avg, useBase ? base[k] : 0) : zero(n))), e.postTransform);
  }
  return classifierExprs(e, has);
}

function classifierExprs(e: TreeEnsemble, has: boolean[]): ColumnExpr[] {
  const n = e.nTargets, base = e.baseValues;
  const fail2 = (reason: string): ColumnExpr[] => [{ reason }, { reason }];
  if (n > 2) return transformCols(has.map((h, k) => (h ? term(n, k, 1, k < base.length ? base[k] : 0) : k < base.length ? { a: new Float64Array(n), c: base[k] } : zero(n))), e.postTransform);
  let s0: Lin = has[0] ? term(2, 0, 1, 0) : zero(2), s1: Lin = has[1] ? term(2, 1, 1, 0) : zero(2);
  const h0 = has[0];
  let single = false, wa = -1;
  if (base.length === 2) {
    if (has[1]) { s1 = { a: s0.a.slice(), c: s0.c + base[1] }; s0 = scaleLin(s1, -1); }
    else { s1 = zero(2); s0 = { a: s0.a, c: s0.c + base[0] }; }
  } else if (base.length === 1) {
    s0 = { a: s0.a, c: s0.c + base[0] };
    single = !has[1];
  } else if (base.length === 0) {
    wa = 3;
    single = !has[1];
  }
  if (!h0) s0 = zero(2);
  const facts = weightFacts(e);
  if (facts.classes.size === 1) wa = facts.allPositive ? 0 : 2;
  if (!single) return transformCols([s0, s1], e.postTransform);
  if (e.postTransform === 'PROBIT') return fail2('post_transform PROBIT is not supported by the exact tree explainer');
  if (e.postTransform === 'LOGISTIC') return [logit(scaleLin(s0, -1)), logit(s0)];
  if (wa === 0) return [ident(scaleLin(s0, -1, 1)), ident(s0)];
  if (wa === 2 || wa === 3) return [ident(scaleLin(s0, -1)), ident(s0)];
  return [ident(s0), { reason: 'the second column of this binary classifier is always 0' }];
}
