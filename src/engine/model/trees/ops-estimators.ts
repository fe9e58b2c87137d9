/**
 * Handlers for estimators: tree ensembles (their outputs become expressions of the raw
 * per-target leaf sums) and affine maps (MatMul/Gemm with constant weights, LinearRegressor,
 * LinearClassifier: their outputs become expressions of their input features).
 */
import { attrFloat, attrFloats, attrInt, attrInts, attrString, attrStrings, type NodeProto } from '../onnx-proto.ts';
import { readLegacyEnsemble } from './read-legacy.ts';
import { readTreeEnsembleV5 } from './read-v5.ts';
import { ensembleExprs, type ColumnExpr } from './symbolic.ts';
import type { Feature, ScoreExpr } from './types.ts';
import { EinblickError } from '../../errors.ts';
import { allOutputs, unknown, type Basis, type FeatureState, type Handler, type State } from './trace-types.ts';

const INTS = ['int64', 'int32', 'int16', 'int8', 'uint8', 'uint16', 'bool'];

/** The estimator's input as a [N, F] matrix of features, rounded as the estimator reads them. */
function matrixIn(node: NodeProto, s: State | undefined): { cols: Feature[]; precision: 'float' | 'double' } | State[] {
  if (s?.kind === 'unknown') return allOutputs(node, s);
  if (s?.kind !== 'features') return allOutputs(node, unknown(`the input of ${node.opType} node ${node.name ?? ''} is not traced to the model inputs`));
  if (s.rowShape.length !== 1) return allOutputs(node, unknown(`the input of ${node.opType} node ${node.name ?? ''} is not a matrix`));
  if (s.elem === 'double') return { cols: s.cols, precision: 'double' };
  if (s.elem === 'float') return { cols: s.cols, precision: 'float' };
  if (INTS.includes(s.elem)) return { cols: s.cols.map((c) => ({ ...c, steps: [...c.steps, { op: 'round', precision: 'float' }] })), precision: 'float' };
  return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} reads ${s.elem} values`));
}

const tree: Handler = (node, inputs) => {
  const m = matrixIn(node, inputs[0]);
  if (Array.isArray(m)) return m;
  let ensemble;
  try {
    ensemble = node.opType === 'TreeEnsemble' ? readTreeEnsembleV5(node) : readLegacyEnsemble(node);
  } catch (err) {
    if (err instanceof EinblickError) return allOutputs(node, unknown(err.message));
    throw err;
  }
  if (ensemble.nFeatures > m.cols.length) return allOutputs(node, unknown(`the trees read feature ${ensemble.nFeatures - 1}, the input has ${m.cols.length}`));
  const basis: Basis = { type: 'trees', node: String(node.name ?? node.opType), ensemble, inputs: m.cols, precision: m.precision };
  const cols = ensembleExprs(ensemble);
  const scores: State = { kind: 'exprs', rowShape: [cols.length], cols, basis };
  if (node.opType === 'TreeEnsembleClassifier') return [unknown('the label output is not a score'), scores];
  return [scores];
};

function affine(a: ArrayLike<number>, c: number): ScoreExpr {
  return { a: Float64Array.from(a), c, link: 'identity', alpha: 1, beta: 0 };
}

/** Rows of a [K, F] coefficient list, one expression per row. */
function rowsOf(coef: number[], intercepts: number[], k: number, f: number): ScoreExpr[] | null {
  if (coef.length !== k * f) return null;
  return Array.from({ length: k }, (_, j) => affine(coef.slice(j * f, (j + 1) * f), intercepts[j] ?? 0));
}

function linearOut(node: NodeProto, m: { cols: Feature[]; precision: 'float' | 'double' }, cols: ColumnExpr[]): State {
  const basis: Basis = { type: 'linear', node: String(node.name ?? node.opType), inputs: m.cols, precision: m.precision };
  return { kind: 'exprs', rowShape: [cols.length], cols, basis };
}

function postTransformed(rows: ScoreExpr[], post: string): ColumnExpr[] {
  if (post === 'NONE') return rows;
  if (post === 'LOGISTIC') return rows.map((e) => ({ ...e, link: 'logistic' }));
  if (post === 'SOFTMAX' && rows.length === 2) {
    const d = (p: ScoreExpr, q: ScoreExpr): ScoreExpr => ({ a: p.a.map((v, i) => v - q.a[i]), c: p.c - q.c, link: 'logistic', alpha: 1, beta: 0 });
    return [d(rows[0], rows[1]), d(rows[1], rows[0])];
  }
  return rows.map(() => ({ reason: `post_transform ${post} over ${rows.length} scores is not supported` }));
}

const linearRegressor: Handler = (node, inputs) => {
  const m = matrixIn(node, inputs[0]);
  if (Array.isArray(m)) return m;
  const k = attrInt(node, 'targets') ?? 1;
  const inter = attrFloats(node, 'intercepts') ?? [];
  const rows = rowsOf(attrFloats(node, 'coefficients') ?? [], inter.length === k ? inter : [], k, m.cols.length);
  if (!rows) return allOutputs(node, unknown('LinearRegressor coefficients do not match the input width'));
  const post = attrString(node, 'post_transform') ?? 'NONE';
  // onnxruntime applies post_transform to a single target only when it is PROBIT
  const cols = k === 1 ? (post === 'PROBIT' ? [{ reason: 'post_transform PROBIT' }] : rows) : postTransformed(rows, post);
  return allOutputs(node, linearOut(node, m, cols));
};

const linearClassifier: Handler = (node, inputs) => {
  const m = matrixIn(node, inputs[0]);
  if (Array.isArray(m)) return m;
  const inter = attrFloats(node, 'intercepts') ?? [];
  const rows = rowsOf(attrFloats(node, 'coefficients') ?? [], inter, inter.length, m.cols.length);
  if (!rows) return [unknown('label'), unknown('LinearClassifier coefficients do not match the input width')];
  const labels = attrStrings(node, 'classlabels_strings') ?? attrInts(node, 'classlabels_ints') ?? [];
  const post = attrString(node, 'post_transform') ?? 'NONE';
  let cols: ColumnExpr[];
  if (rows.length === 1 && labels.length === 2) {
    // onnxruntime writes [1 - s, s] here whatever the post_transform (PROBIT aside)
    const s = rows[0];
    cols = post === 'PROBIT' ? [{ reason: 'post_transform PROBIT' }] : [affine(s.a.map((v) => -v), 1 - s.c), s];
  } else {
    cols = postTransformed(rows, post);
  }
  return [unknown('the label output is not a score'), linearOut(node, m, cols)];
};

function constOf(s: State | undefined): { dims: number[]; v: Float64Array } | null {
  return s?.kind === 'constant' && s.c.numbers ? { dims: s.c.dims, v: s.c.numbers } : null;
}

const matMul: Handler = (node, inputs) => {
  const m = matrixIn(node, inputs[0]);
  if (Array.isArray(m)) return m;
  const w = constOf(inputs[1]);
  const f = m.cols.length;
  if (!w || w.dims[0] !== f || w.dims.length > 2) return allOutputs(node, unknown(`MatMul node ${node.name ?? ''} does not multiply by a constant [${f}, K] matrix`));
  const k = w.dims.length === 2 ? w.dims[1] : 1;
  const cols = Array.from({ length: k }, (_, j) => affine(Array.from({ length: f }, (_, i) => w.v[i * k + j]), 0));
  const out = linearOut(node, m, cols);
  return allOutputs(node, w.dims.length === 1 ? { ...out, rowShape: [] } as State : out);
};

const gemm: Handler = (node, inputs) => {
  const m = matrixIn(node, inputs[0]);
  if (Array.isArray(m)) return m;
  const w = constOf(inputs[1]);
  const f = m.cols.length;
  const transB = (attrInt(node, 'transB') ?? 0) === 1;
  if ((attrInt(node, 'transA') ?? 0) === 1 || !w || w.dims.length !== 2 || w.dims[transB ? 1 : 0] !== f) {
    return allOutputs(node, unknown(`Gemm node ${node.name ?? ''} does not multiply by a constant matrix`));
  }
  const k = w.dims[transB ? 0 : 1];
  const alpha = attrFloat(node, 'alpha') ?? 1, beta = attrFloat(node, 'beta') ?? 1;
  const c = inputs[2] ? constOf(inputs[2]) : { dims: [1], v: Float64Array.of(0) };
  if (!c || !(c.v.length === 1 || c.v.length === k)) return allOutputs(node, unknown(`Gemm node ${node.name ?? ''} adds a non-constant or non-broadcast C`));
  const cols = Array.from({ length: k }, (_, j) => affine(
    Array.from({ length: f }, (_, i) => alpha * (transB ? w.v[j * f + i] : w.v[i * k + j])),
    beta * c.v[c.v.length === 1 ? 0 : j],
  ));
  return allOutputs(node, linearOut(node, m, cols));
};

/** Estimator handlers by operator name. */
export const ESTIMATOR_HANDLERS: Record<string, Handler> = {
  'ai.onnx.ml.TreeEnsembleRegressor': tree,
  'ai.onnx.ml.TreeEnsembleClassifier': tree,
  'ai.onnx.ml.TreeEnsemble': tree,
  'ai.onnx.ml.LinearRegressor': linearRegressor,
  'ai.onnx.ml.LinearClassifier': linearClassifier,
  MatMul: matMul,
  Gemm: gemm,
};
