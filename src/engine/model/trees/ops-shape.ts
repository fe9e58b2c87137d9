/**
 * Handlers for the shape operators, for traced features and traced expressions alike.
 */
import { attrInt, attrInts, type NodeProto } from '../onnx-proto.ts';
import { concatCols, reshapeRow, rowAxis, selectCols, squeezeRow, unsqueezeRow, type Cols, type ShapeResult } from './shape-ops.ts';
import { rowSize } from './graph.ts';
import { allOutputs, unknown, type ExprState, type FeatureState, type Handler, type State, type TraceContext } from './trace-types.ts';

type Traced = FeatureState | ExprState;

function isTraced(s: State | undefined): s is Traced {
  return s?.kind === 'features' || s?.kind === 'exprs';
}

/** Rebuilds a traced state with new columns, or an unknown state with the reason. */
function withCols(node: NodeProto, base: Traced, r: ShapeResult<unknown>): State[] {
  if (typeof r === 'string') return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''}: ${r}`));
  return allOutputs(node, { ...base, rowShape: r.rowShape, cols: r.cols } as Traced);
}

function constInts(s: State | undefined): number[] | null {
  return s?.kind === 'constant' && s.c.numbers ? Array.from(s.c.numbers) : null;
}

function firstTraced(node: NodeProto, inputs: (State | undefined)[]): Traced | State[] {
  const s = inputs[0];
  if (isTraced(s)) return s;
  if (s?.kind === 'unknown') return allOutputs(node, s);
  return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} has no traced input`));
}

const identity: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  return Array.isArray(s) ? s : allOutputs(node, s);
};

const concat: Handler = (node, inputs) => {
  const parts = inputs.filter((s) => s !== undefined);
  const bad = parts.find((s) => !isTraced(s));
  if (bad) return allOutputs(node, bad.kind === 'unknown' ? bad : unknown(`Concat node ${node.name ?? ''} mixes constants into traced values`));
  const ts = parts as Traced[];
  if (ts.some((t) => t.kind !== ts[0].kind || (t.kind === 'exprs' && t.basis !== (ts[0] as ExprState).basis))) {
    return allOutputs(node, unknown(`Concat node ${node.name ?? ''} joins values of different kinds`));
  }
  if (ts[0].kind === 'features' && ts.some((t) => (t as FeatureState).elem !== (ts[0] as FeatureState).elem)) {
    return allOutputs(node, unknown(`Concat node ${node.name ?? ''} joins different element types`));
  }
  return withCols(node, ts[0], concatCols(ts as Cols<unknown>[], attrInt(node, 'axis') ?? 0));
};

const reshape: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const target = constInts(inputs[1]);
  if (!target) return allOutputs(node, unknown(`Reshape node ${node.name ?? ''}: the shape is not a constant`));
  const row = reshapeRow(s.rowShape, target);
  return withCols(node, s, typeof row === 'string' ? row : { rowShape: row, cols: s.cols });
};

const flatten: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const rank = s.rowShape.length + 1;
  const raw = attrInt(node, 'axis') ?? 1;
  const a = raw < 0 ? raw + rank : raw;
  // [N, ...] -> [N * prod(row[0..a-2]), prod(row[a-1..])]: the batch stays intact only if the first factor is N
  if (a < 1 || rowSize(s.rowShape.slice(0, a - 1)) !== 1) return withCols(node, s, 'it merges rows of the batch');
  return withCols(node, s, { rowShape: [rowSize(s.rowShape.slice(a - 1))], cols: s.cols });
};

function axesOf(node: NodeProto, inputs: (State | undefined)[]): number[] | null {
  return attrInts(node, 'axes') ?? constInts(inputs[1]);
}

const squeeze: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const row = squeezeRow(s.rowShape, axesOf(node, inputs));
  return withCols(node, s, typeof row === 'string' ? row : { rowShape: row, cols: s.cols });
};

const unsqueeze: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const axes = axesOf(node, inputs);
  if (!axes) return withCols(node, s, 'the axes are not constant');
  const row = unsqueezeRow(s.rowShape, axes);
  return withCols(node, s, typeof row === 'string' ? row : { rowShape: row, cols: s.cols });
};

const gather: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const idx = inputs[1]?.kind === 'constant' ? inputs[1].c : null;
  if (!idx?.numbers || idx.dims.length > 1) return withCols(node, s, 'the indices are not a constant list');
  const r = rowAxis(attrInt(node, 'axis') ?? 0, s.rowShape.length);
  if (typeof r === 'string') return withCols(node, s, r);
  return withCols(node, s, selectCols(s as Cols<unknown>, r, Array.from(idx.numbers), idx.dims.length === 1));
};

const arrayFeatureExtractor: Handler = (node, inputs) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const idx = constInts(inputs[1]);
  if (!idx || s.rowShape.length === 0) return withCols(node, s, 'the indices are not constant');
  return withCols(node, s, selectCols(s as Cols<unknown>, s.rowShape.length - 1, idx, true));
};

function sliceIndices(dim: number, start: number, end: number, step: number): number[] {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v < 0 ? v + dim : v, lo), hi);
  const out: number[] = [];
  if (step > 0) for (let i = clamp(start, 0, dim); i < clamp(end, 0, dim); i += step) out.push(i);
  else for (let i = clamp(start, -1, dim - 1); i > clamp(end, -1, dim - 1); i += step) out.push(i);
  return out;
}

const slice: Handler = (node, inputs, ctx: TraceContext) => {
  const s = firstTraced(node, inputs);
  if (Array.isArray(s)) return s;
  const old = (ctx.opsets[''] ?? 13) < 10;
  const starts = old ? attrInts(node, 'starts') : constInts(inputs[1]);
  const ends = old ? attrInts(node, 'ends') : constInts(inputs[2]);
  const axes = (old ? attrInts(node, 'axes') : constInts(inputs[3])) ?? starts?.map((_, i) => i);
  const steps = (old ? null : constInts(inputs[4])) ?? starts?.map(() => 1);
  if (!starts || !ends || !axes || !steps) return withCols(node, s, 'its bounds are not constant');
  let cur: ShapeResult<unknown> = s;
  for (let i = 0; i < axes.length && typeof cur !== 'string'; i++) {
    const r = rowAxis(axes[i], cur.rowShape.length);
    if (typeof r === 'string') {
      if (starts[i] <= 0 && ends[i] >= 2 ** 31 - 1 && steps[i] === 1) continue; // the whole batch axis
      return withCols(node, s, r);
    }
    cur = selectCols(cur, r, sliceIndices(cur.rowShape[r], starts[i], ends[i], steps[i]), true);
  }
  return withCols(node, s, cur);
};

/** Shape handlers by operator name. */
export const SHAPE_HANDLERS: Record<string, Handler> = {
  Identity: identity,
  Concat: concat,
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Gather: gather,
  Slice: slice,
  'ai.onnx.ml.ArrayFeatureExtractor': arrayFeatureExtractor,
  'ai.onnx.ml.ZipMap': identity,
};
