/**
 * Handlers for the preprocessing operators that keep every value a function of one model input
 * value: Cast, OneHotEncoder, Scaler, Imputer, LabelEncoder, FeatureVectorizer.
 */
import { attrFloat, attrFloats, attrInt, attrInts, attrStrings, type NodeProto } from '../onnx-proto.ts';
import { ELEM } from './graph.ts';
import type { Feature, FeatureStep } from './types.ts';
import { allOutputs, unknown, type FeatureState, type Handler, type State } from './trace-types.ts';

const FLOATS = ['float', 'double'];
const INTS = ['int64', 'int32', 'int16', 'int8', 'uint8', 'uint16', 'bool'];

function featuresIn(node: NodeProto, s: State | undefined): FeatureState | State[] {
  if (s?.kind === 'features') return s;
  if (s?.kind === 'unknown') return allOutputs(node, s);
  return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} does not read model inputs directly`));
}

/** True when a feature is still the raw input value (casts of exact values only). */
function isRaw(f: Feature): boolean {
  return f.kind === 'value' && f.steps.every((s) => s.op === 'round');
}

const cast: Handler = (node, inputs) => {
  const s = inputs[0];
  const to = ELEM[attrInt(node, 'to') ?? 0] ?? 'unknown';
  if (s?.kind === 'exprs') return allOutputs(node, FLOATS.includes(to) ? s : unknown(`Cast to ${to} of a score`));
  const f = featuresIn(node, s);
  if (Array.isArray(f)) return f;
  if (FLOATS.includes(to) && (FLOATS.includes(f.elem) || INTS.includes(f.elem))) {
    const step: FeatureStep = { op: 'round', precision: to === 'float' ? 'float' : 'double' };
    return allOutputs(node, { ...f, elem: to, cols: f.cols.map((c) => ({ ...c, steps: [...c.steps, step] })) });
  }
  if (INTS.includes(to) && INTS.includes(f.elem)) return allOutputs(node, { ...f, elem: to });
  if (to === f.elem) return allOutputs(node, f);
  return allOutputs(node, unknown(`Cast from ${f.elem} to ${to} is not traced`));
};

const oneHot: Handler = (node, inputs) => {
  const f = featuresIn(node, inputs[0]);
  if (Array.isArray(f)) return f;
  const cats: (string | number)[] | undefined = attrStrings(node, 'cats_strings') ?? attrInts(node, 'cats_int64s');
  if (!cats?.length) return allOutputs(node, unknown(`OneHotEncoder node ${node.name ?? ''} has no categories`));
  if (!f.cols.every(isRaw)) return allOutputs(node, unknown(`OneHotEncoder node ${node.name ?? ''} encodes a computed value`));
  const cols: Feature[] = [];
  for (const c of f.cols) {
    for (const cat of cats) cols.push({ input: c.input, column: c.column, kind: 'onehot', category: cat, steps: [], label: `${c.label}==${cat}` });
  }
  return allOutputs(node, { kind: 'features', elem: 'float', rowShape: [...f.rowShape, cats.length], cols });
};

/** Per-element parameter from a list of length 1 or the last dimension. */
function perLast(values: number[], rowShape: number[], i: number): number | undefined {
  if (values.length === 1) return values[0];
  const last = rowShape.length ? rowShape[rowShape.length - 1] : 1;
  return values.length === last ? values[i % last] : undefined;
}

function stepwise(node: NodeProto, f: FeatureState, make: (i: number) => FeatureStep[] | undefined, elem: string, label: (l: string) => string): State[] {
  const cols: Feature[] = [];
  for (let i = 0; i < f.cols.length; i++) {
    const steps = make(i);
    if (!steps) return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''}: its parameters do not match the input width`));
    cols.push({ ...f.cols[i], steps: [...f.cols[i].steps, ...steps], label: label(f.cols[i].label) });
  }
  return allOutputs(node, { ...f, elem, cols });
}

const scaler: Handler = (node, inputs) => {
  const f = featuresIn(node, inputs[0]);
  if (Array.isArray(f)) return f;
  const offset = attrFloats(node, 'offset') ?? [0], scale = attrFloats(node, 'scale') ?? [1];
  const p = f.elem === 'float' ? 'float' : 'double';
  return stepwise(node, f, (i) => {
    const o = perLast(offset, f.rowShape, i), s = perLast(scale, f.rowShape, i);
    if (o === undefined || s === undefined) return undefined;
    const steps: FeatureStep[] = [{ op: 'sub', c: o, precision: p }, { op: 'mul', c: s, precision: p }];
    return p === 'float' ? steps : [...steps, { op: 'round', precision: 'float' }];
  }, 'float', (l) => `scaled(${l})`);
};

const imputer: Handler = (node, inputs) => {
  const f = featuresIn(node, inputs[0]);
  if (Array.isArray(f)) return f;
  const values = attrFloats(node, 'imputed_value_floats');
  if (!values?.length || !FLOATS.includes(f.elem)) return allOutputs(node, unknown(`Imputer node ${node.name ?? ''} imputes integers`));
  const replace = attrFloat(node, 'replaced_value_float') ?? 0;
  return stepwise(node, f, (i) => {
    const v = perLast(values, f.rowShape, i);
    return v === undefined ? undefined : [{ op: 'impute', replace, value: v }];
  }, f.elem, (l) => `imputed(${l})`);
};

const labelEncoder: Handler = (node, inputs) => {
  const f = featuresIn(node, inputs[0]);
  if (Array.isArray(f)) return f;
  const keys: (string | number)[] | undefined = attrStrings(node, 'keys_strings') ?? attrInts(node, 'keys_int64s') ?? attrFloats(node, 'keys_floats');
  const ints = attrInts(node, 'values_int64s'), floats = attrFloats(node, 'values_floats');
  const values = ints ?? floats;
  if (!keys || !values || keys.length !== values.length || !f.cols.every((c) => c.steps.length === 0)) {
    return allOutputs(node, unknown(`LabelEncoder node ${node.name ?? ''} is not a plain value -> number table`));
  }
  const table = new Map(keys.map((k, i) => [String(k), values[i]]));
  const fallback = ints ? (attrInt(node, 'default_int64') ?? -1) : (attrFloat(node, 'default_float') ?? -0);
  return stepwise(node, f, () => [{ op: 'map', table, fallback }], ints ? 'int64' : 'float', (l) => `code(${l})`);
};

/** FeatureVectorizer: the inputs' rows side by side, as float32. */
const featureVectorizer: Handler = (node, inputs) => {
  const parts: FeatureState[] = [];
  for (const s of inputs) {
    const f = featuresIn(node, s);
    if (Array.isArray(f)) return f;
    if (f.rowShape.length > 1) return allOutputs(node, unknown(`FeatureVectorizer node ${node.name ?? ''} reads a tensor of rank ${f.rowShape.length + 1}`));
    if (!FLOATS.includes(f.elem) && !INTS.includes(f.elem)) return allOutputs(node, unknown(`FeatureVectorizer node ${node.name ?? ''} reads ${f.elem} values`));
    parts.push(f);
  }
  const round: FeatureStep = { op: 'round', precision: 'float' };
  const cols = parts.flatMap((f) => f.cols.map((c) => ({ ...c, steps: [...c.steps, round] })));
  return allOutputs(node, { kind: 'features', elem: 'float', rowShape: [cols.length], cols });
};

/** Preprocessing handlers by operator name. */
export const ENCODE_HANDLERS: Record<string, Handler> = {
  Cast: cast,
  'ai.onnx.ml.OneHotEncoder': oneHot,
  'ai.onnx.ml.Scaler': scaler,
  'ai.onnx.ml.Imputer': imputer,
  'ai.onnx.ml.LabelEncoder': labelEncoder,
  'ai.onnx.ml.FeatureVectorizer': featureVectorizer,
};
