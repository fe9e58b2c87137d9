/**
 * Test helpers: small ONNX models built in memory (random tree ensembles in every operator
 * flavour, preprocessing pipelines), and onnxruntime-web to run them as the independent reference.
 */
import * as ort from 'onnxruntime-web';
import { onnx, encodeModel, decodeModel, type ModelProto } from '../../../src/engine/model/onnx-proto.ts';
import { rng, type Rng } from '../../../src/engine/random.ts';

ort.env.wasm.numThreads = 1;

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export type AttrValue = number | string | number[] | string[] | { tensor: { type: 'float' | 'double' | 'uint8' | 'int64'; dims: number[]; values: number[] } };

/** An attribute; plain numbers are INT unless `floats` names them FLOAT. */
export function attr(name: string, v: AttrValue, float = false): object {
  if (typeof v === 'number') return float ? { name, type: 1, f: v } : { name, type: 2, i: v };
  if (typeof v === 'string') return { name, type: 3, s: enc(v) };
  if (Array.isArray(v)) {
    if (v.length > 0 && typeof v[0] === 'string') return { name, type: 8, strings: (v as string[]).map(enc) };
    return float ? { name, type: 6, floats: v } : { name, type: 7, ints: v };
  }
  return { name, type: 4, t: tensor(name, v.tensor.type, v.tensor.dims, v.tensor.values) };
}

const TYPE = { float: 1, uint8: 2, int64: 7, string: 8, double: 11 } as const;

export function tensor(name: string, type: 'float' | 'double' | 'uint8' | 'int64', dims: number[], values: number[]): object {
  const t: Record<string, unknown> = { name, dataType: TYPE[type], dims };
  if (type === 'float') t.floatData = values;
  else if (type === 'double') t.doubleData = values;
  else if (type === 'int64') t.int64Data = values;
  else t.int32Data = values;
  return t;
}

export function valueInfo(name: string, type: keyof typeof TYPE, dims: (number | null)[]): object {
  return { name, type: { tensorType: { elemType: TYPE[type], shape: { dim: dims.map((d) => (d === null ? { dimParam: 'N' } : { dimValue: d })) } } } };
}

export interface GraphSpec {
  nodes: object[];
  inputs: object[];
  outputs: object[];
  initializers?: object[];
  mlOpset?: number;
}

/** A decoded ModelProto and its bytes. */
export function buildModel(g: GraphSpec): { model: ModelProto; bytes: Uint8Array } {
  const m = onnx.ModelProto.fromObject({
    irVersion: 8,
    producerName: 'einblick-test',
    opsetImport: [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: g.mlOpset ?? 3 }],
    graph: { name: 'g', node: g.nodes, input: g.inputs, output: g.outputs, initializer: g.initializers ?? [] },
  });
  const bytes = encodeModel(m);
  return { model: decodeModel(bytes), bytes };
}

export function node(op: string, inputs: string[], outputs: string[], attrs: object[] = [], domain = ''): object {
  return { opType: op, domain, input: inputs, output: outputs, name: `${op}_${outputs[0]}`, attribute: attrs };
}

/** Runs a model with onnxruntime-web; feeds are name -> ort.Tensor. */
export async function runOrt(bytes: Uint8Array, feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
  const s = await ort.InferenceSession.create(bytes);
  try {
    return (await s.run(feeds)) as Record<string, ort.Tensor>;
  } finally {
    await s.release();
  }
}

export { ort };

/** Values on a coarse grid (so that inputs hit thresholds exactly), some NaN. */
export function gridValue(r: Rng, nanRate = 0.1): number {
  if (r.next() < nanRate) return NaN;
  return Math.fround(r.int(9) / 2 - 1);
}

export interface RandomTrees {
  treeIds: number[]; nodeIds: number[]; modes: string[]; features: number[]; values: number[];
  trueIds: number[]; falseIds: number[]; missing: number[];
  leafTree: number[]; leafNode: number[]; leafTarget: number[]; leafWeight: number[];
}

const LEGACY_MODES = ['BRANCH_LEQ', 'BRANCH_LT', 'BRANCH_GTE', 'BRANCH_GT', 'BRANCH_EQ', 'BRANCH_NEQ'];

/**
 * Random trees in the tuple form of TreeEnsembleRegressor/Classifier. Every leaf gets a weight
 * for each target in `targets` (a function of the leaf picks which).
 */
export function randomTrees(seed: number, o: { trees: number; depth: number; nf: number; modes?: string[]; targets: (r: Rng) => number[]; missingRate?: number; positive?: boolean }): RandomTrees {
  const r = rng(seed);
  const t: RandomTrees = { treeIds: [], nodeIds: [], modes: [], features: [], values: [], trueIds: [], falseIds: [], missing: [], leafTree: [], leafNode: [], leafTarget: [], leafWeight: [] };
  const modes = o.modes ?? LEGACY_MODES;
  for (let tree = 0; tree < o.trees; tree++) {
    let next = 0;
    const grow = (depth: number): number => {
      const id = next++;
      const at = t.nodeIds.length;
      t.treeIds.push(tree); t.nodeIds.push(id);
      const leaf = depth >= o.depth || (depth > 0 && r.next() < 0.2);
      if (leaf) {
        t.modes.push('LEAF'); t.features.push(0); t.values.push(0); t.trueIds.push(0); t.falseIds.push(0); t.missing.push(0);
        for (const k of o.targets(r)) {
          t.leafTree.push(tree); t.leafNode.push(id); t.leafTarget.push(k);
          t.leafWeight.push(Math.fround(o.positive ? r.next() : r.next() * 2 - 1));
        }
        return id;
      }
      t.modes.push(modes[r.int(modes.length)]); t.features.push(r.int(o.nf)); t.values.push(Math.fround(r.int(7) / 2 - 1));
      t.trueIds.push(0); t.falseIds.push(0); t.missing.push(r.next() < (o.missingRate ?? 0.3) ? 1 : 0);
      t.trueIds[at] = grow(depth + 1);
      t.falseIds[at] = grow(depth + 1);
      return id;
    };
    grow(0);
  }
  return t;
}

/** Attributes of a TreeEnsembleRegressor (prefix 'target') or Classifier (prefix 'class'). */
export function legacyAttrs(t: RandomTrees, prefix: 'target' | 'class'): object[] {
  return [
    attr('nodes_treeids', t.treeIds), attr('nodes_nodeids', t.nodeIds), attr('nodes_modes', t.modes),
    attr('nodes_featureids', t.features), attr('nodes_values', t.values, true),
    attr('nodes_truenodeids', t.trueIds), attr('nodes_falsenodeids', t.falseIds),
    attr('nodes_missing_value_tracks_true', t.missing),
    attr(`${prefix}_treeids`, t.leafTree), attr(`${prefix}_nodeids`, t.leafNode),
    attr(`${prefix}_ids`, t.leafTarget), attr(`${prefix}_weights`, t.leafWeight, true),
  ];
}

/** A float32 matrix of grid values. */
export function randomMatrix(seed: number, rows: number, nf: number, nanRate = 0.1): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: rows * nf }, () => gridValue(r, nanRate));
}

/** Attributes of a random TreeEnsemble (ai.onnx.ml opset 5), with BRANCH_MEMBER nodes (mode 6). */
export function randomV5Attrs(seed: number, o: { trees: number; depth: number; nf: number; nTargets: number }): object[] {
  const r = rng(seed);
  const feat: number[] = [], modes: number[] = [], splits: number[] = [], tIds: number[] = [], tLeaf: number[] = [], fIds: number[] = [], fLeaf: number[] = [], miss: number[] = [];
  const members: number[] = [], leafT: number[] = [], leafW: number[] = [], roots: number[] = [];
  let target = 0; // one target per tree, as boosting exporters write them
  const leaf = (): number => { leafT.push(target); leafW.push(Math.fround(r.next() * 2 - 1)); return leafT.length - 1; };
  const grow = (depth: number): [number, number] => {
    if (depth >= o.depth || (depth > 0 && r.next() < 0.2)) return [leaf(), 1];
    const id = feat.length;
    const mode = r.int(7);
    feat.push(r.int(o.nf)); modes.push(mode); splits.push(mode === 6 ? 0 : Math.fround(r.int(7) / 2 - 1)); miss.push(r.next() < 0.3 ? 1 : 0);
    // onnxruntime-web 1.30 accepts integer sets only; sets with values outside 0..30 truncate x
    if (mode === 6) { const k = 1 + r.int(3), big = r.next() < 0.5; for (let i = 0; i < k; i++) members.push(big ? r.int(5) - 1 : r.int(4)); members.push(NaN); }
    tIds.push(0); tLeaf.push(0); fIds.push(0); fLeaf.push(0);
    const [t, tl] = grow(depth + 1), [f, fl] = grow(depth + 1);
    tIds[id] = t; tLeaf[id] = tl; fIds[id] = f; fLeaf[id] = fl;
    return [id, 0];
  };
  for (let t = 0; t < o.trees; t++) {
    target = t % o.nTargets;
    const [id, isLeaf] = grow(0);
    if (isLeaf) throw new Error('root must be interior');
    roots.push(id);
  }
  const T = (type: 'float' | 'uint8', values: number[]): AttrValue => ({ tensor: { type, dims: [values.length], values } });
  return [
    attr('nodes_featureids', feat), attr('nodes_modes', T('uint8', modes)), attr('nodes_splits', T('float', splits)),
    attr('nodes_truenodeids', tIds), attr('nodes_trueleafs', tLeaf), attr('nodes_falsenodeids', fIds), attr('nodes_falseleafs', fLeaf),
    attr('nodes_missing_value_tracks_true', miss), attr('membership_values', T('float', members)),
    attr('leaf_targetids', leafT), attr('leaf_weights', T('float', leafW)), attr('tree_roots', roots), attr('n_targets', o.nTargets),
  ];
}
