/**
 * Handlers for arithmetic with constants (on features and on score expressions) and for the
 * operators after an estimator: Sigmoid, Softmax, Normalizer.
 */
import { attrInt, attrString, type NodeProto } from '../onnx-proto.ts';
import type { Constant } from './graph.ts';
import type { ColumnExpr } from './symbolic.ts';
import type { Feature, ScoreExpr } from './types.ts';
import { allOutputs, unknown, type ExprState, type FeatureState, type Handler, type State } from './trace-types.ts';

type Arith = 'add' | 'sub' | 'mul' | 'div';

/**
 * Element i of a row of a constant broadcast against [N, ...rowShape], or a reason.
 *
 * @example broadcastConstant({ dims: [1, 3], numbers: Float64Array.of(1, 2, 3), strings: null }, [3]) // (i) => [1, 2, 3][i]
 */
export function broadcastConstant(c: Constant, rowShape: number[]): ((i: number) => number) | string {
  const nums = c.numbers;
  if (!nums) return 'the constant is not numeric';
  const full = [1, ...rowShape];
  if (c.dims.length > full.length) return 'the constant has more dimensions than the tensor';
  const dims = [...new Array<number>(full.length - c.dims.length).fill(1), ...c.dims];
  if (dims[0] !== 1) return 'the constant varies along the batch axis';
  for (let k = 1; k < full.length; k++) if (dims[k] !== 1 && dims[k] !== full[k]) return 'the constant does not broadcast';
  return (i: number) => {
    let rest = i, at = 0, stride = 1;
    for (let k = full.length - 1; k >= 1; k--) {
      const idx = rest % full[k];
      rest = Math.floor(rest / full[k]);
      if (dims[k] !== 1) at += idx * stride;
      stride *= dims[k];
    }
    return nums[at];
  };
}

function arithFeatures(op: Arith, f: FeatureState, c: (i: number) => number, reversed: boolean): State {
  if (f.elem !== 'float' && f.elem !== 'double') return unknown(`integer arithmetic on ${f.elem} values is not traced`);
  const precision = f.elem === 'float' ? 'float' : 'double';
  const cols: Feature[] = f.cols.map((col, i) => ({ ...col, steps: [...col.steps, { op, c: c(i), reversed, precision }] }));
  return { ...f, cols };
}

/** e op k or k op e for a score expression (identity link: affine; logistic: alpha/beta). */
function arithExpr(op: Arith, e: ColumnExpr, k: number, reversed: boolean): ColumnExpr {
  if ('reason' in e) return e;
  if (op === 'div' && reversed) return { reason: 'a constant divided by a score is not affine' };
  const mul = op === 'mul' ? k : op === 'div' ? 1 / k : op === 'sub' && reversed ? -1 : 1;
  const add = op === 'add' ? k : op === 'sub' ? (reversed ? k : -k) : 0;
  if (e.link === 'identity') return { ...e, a: e.a.map((v) => v * mul), c: e.c * mul + add };
  return normalise({ ...e, alpha: e.alpha * mul, beta: e.beta * mul + add });
}

/** 1 - logistic(m) is logistic(-m): keeps alpha = 1, beta = 0 where that is possible. */
function normalise(e: ScoreExpr): ScoreExpr {
  if (e.link === 'logistic' && e.alpha === -1 && e.beta === 1) return { ...e, a: e.a.map((v) => -v), c: -e.c, alpha: 1, beta: 0 };
  return e;
}

const arith = (op: Arith): Handler => (node, inputs) => {
  const [x, y] = inputs;
  const reversed = x?.kind === 'constant';
  const traced = reversed ? y : x, k = reversed ? x : y;
  if (traced?.kind === 'unknown') return allOutputs(node, traced);
  if (k?.kind === 'unknown') return allOutputs(node, k);
  if ((traced?.kind !== 'features' && traced?.kind !== 'exprs') || k?.kind !== 'constant') {
    return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} does not combine a traced value with a constant`));
  }
  const c = broadcastConstant(k.c, traced.rowShape);
  if (typeof c === 'string') return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''}: ${c}`));
  if (traced.kind === 'features') return allOutputs(node, arithFeatures(op, traced, c, reversed));
  return allOutputs(node, { ...traced, cols: traced.cols.map((e, i) => arithExpr(op, e, c(i), reversed)) });
};

function exprsIn(node: NodeProto, s: State | undefined): ExprState | State[] {
  if (s?.kind === 'exprs') return s;
  if (s?.kind === 'unknown') return allOutputs(node, s);
  return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} is not applied to an estimator's output`));
}

const sigmoid: Handler = (node, inputs) => {
  const s = exprsIn(node, inputs[0]);
  if (Array.isArray(s)) return s;
  const cols = s.cols.map((e): ColumnExpr => ('reason' in e ? e : e.link === 'identity' ? { ...e, link: 'logistic', alpha: 1, beta: 0 } : { reason: 'a sigmoid of a probability' }));
  return allOutputs(node, { ...s, cols });
};

const softmax: Handler = (node, inputs) => {
  const s = exprsIn(node, inputs[0]);
  if (Array.isArray(s)) return s;
  const axis = attrInt(node, 'axis') ?? -1;
  const [e0, e1] = s.cols;
  const ok = s.rowShape.length === 1 && s.cols.length === 2 && (axis === -1 || axis === 1);
  if (!ok || 'reason' in e0 || 'reason' in e1 || e0.link !== 'identity' || e1.link !== 'identity') {
    return allOutputs(node, { ...s, cols: s.cols.map(() => ({ reason: 'a softmax over more than two scores is not additive' })) });
  }
  const d = (p: ScoreExpr, q: ScoreExpr): ColumnExpr => ({ a: p.a.map((v, k) => v - q.a[k]), c: p.c - q.c, link: 'logistic', alpha: 1, beta: 0 });
  return allOutputs(node, { ...s, cols: [d(e0, e1), d(e1, e0)] });
};

/** True when two expressions sum to 1 for every input (complementary probabilities). */
function complementary(p: ColumnExpr, q: ColumnExpr): boolean {
  if ('reason' in p || 'reason' in q || p.link !== q.link || p.alpha !== 1 || q.alpha !== 1 || p.beta !== 0 || q.beta !== 0) return false;
  const opposite = p.a.every((v, k) => v === -q.a[k]);
  return opposite && (p.link === 'logistic' ? p.c === -q.c : p.c + q.c === 1);
}

const normalizer: Handler = (node, inputs) => {
  const s = exprsIn(node, inputs[0]);
  if (Array.isArray(s)) return s;
  const norm = attrString(node, 'norm') ?? 'MAX';
  if (norm === 'L1' && s.cols.length === 2 && complementary(s.cols[0], s.cols[1])) return allOutputs(node, s);
  return allOutputs(node, { ...s, cols: s.cols.map(() => ({ reason: `Normalizer ${norm} mixes the scores` })) });
};

/** Arithmetic and score handlers by operator name. */
export const SCORE_HANDLERS: Record<string, Handler> = {
  Add: arith('add'),
  Sub: arith('sub'),
  Mul: arith('mul'),
  Div: arith('div'),
  Sigmoid: sigmoid,
  Softmax: softmax,
  'ai.onnx.ml.Normalizer': normalizer,
};
