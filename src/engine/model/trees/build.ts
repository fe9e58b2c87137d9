/**
 * Builds the flat TreeEnsemble arrays from the tuple-style attributes of the ONNX tree operators
 * (nodes_treeids / nodes_nodeids / ... and target_* or class_*), with onnxruntime's rules:
 * a tree's root is its first listed node, weights on internal nodes are ignored, and a leaf
 * without a weight is an error.
 */
import { EinblickError } from '../../errors.ts';
import { MODE, type Aggregate, type PostTransform, type TreeEnsemble } from './types.ts';

export interface TupleNodes {
  treeIds: number[];
  nodeIds: number[];
  modes: number[];
  featureIds: number[];
  values: ArrayLike<number>;
  trueIds: number[];
  falseIds: number[];
  missingTrue: number[];
  /** MEMBER nodes: their sets, by node position. */
  memberSets?: (number[] | null)[];
}

export interface TupleWeights {
  treeIds: number[];
  nodeIds: number[];
  targetIds: number[];
  weights: ArrayLike<number>;
}

export interface EnsembleHeader {
  op: TreeEnsemble['op'];
  nTargets: number;
  baseValues: ArrayLike<number>;
  aggregate: Aggregate;
  postTransform: PostTransform;
  classLabels: (string | number)[] | null;
  precision: 'float' | 'double';
}

export function badModel(what: string): EinblickError {
  return new EinblickError('UNSUPPORTED_SIGNATURE', `cannot read the tree ensemble: ${what}`, 'The tree operator in this model does not follow the ONNX specification; Einblick can still explain it with a model-agnostic method (--method permutation).', { detail: what });
}

function key(tree: number, node: number): string {
  return `${tree}:${node}`;
}

/**
 * Flat arrays from tuple attributes.
 *
 * @example buildEnsemble(header, nodes, weights).nTrees // 50
 */
export function buildEnsemble(h: EnsembleHeader, n: TupleNodes, w: TupleWeights): TreeEnsemble {
  const count = n.nodeIds.length;
  for (const [name, arr] of [['nodes_treeids', n.treeIds], ['nodes_modes', n.modes], ['nodes_featureids', n.featureIds], ['nodes_values', n.values], ['nodes_truenodeids', n.trueIds], ['nodes_falsenodeids', n.falseIds]] as const) {
    if (arr.length !== count) throw badModel(`${name} has ${arr.length} entries, nodes_nodeids ${count}`);
  }
  const index = new Map<string, number>();
  const roots: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = key(n.treeIds[i], n.nodeIds[i]);
    if (index.has(k)) throw badModel(`node ${n.nodeIds[i]} of tree ${n.treeIds[i]} appears twice`);
    index.set(k, i);
    if (i === 0 || n.treeIds[i] !== n.treeIds[i - 1]) roots.push(i);
  }
  const e = allocate(h, count, w.weights.length);
  e.roots = Int32Array.from(roots);
  fillNodes(e, n, index);
  fillWeights(e, n, w, index);
  return e;
}

/** Zero-filled ensemble arrays for `count` nodes and `nWeights` leaf weights. */
export function allocate(h: EnsembleHeader, count: number, nWeights: number): TreeEnsemble {
  return {
    op: h.op,
    nTrees: 0,
    roots: new Int32Array(0),
    feature: new Int32Array(count).fill(-1),
    threshold: new Float64Array(count),
    mode: new Uint8Array(count),
    trueChild: new Int32Array(count).fill(-1),
    falseChild: new Int32Array(count).fill(-1),
    missingTrue: new Uint8Array(count),
    memberStart: new Int32Array(count),
    memberCount: new Int32Array(count),
    members: new Float64Array(0),
    leafStart: new Int32Array(count),
    leafCount: new Int32Array(count),
    weightTarget: new Int32Array(nWeights),
    weightValue: new Float64Array(nWeights),
    nTargets: h.nTargets,
    baseValues: Float64Array.from(h.baseValues),
    aggregate: h.aggregate,
    postTransform: h.postTransform,
    classLabels: h.classLabels,
    precision: h.precision,
    nFeatures: 0,
  };
}

function fillNodes(e: TreeEnsemble, n: TupleNodes, index: Map<string, number>): void {
  const members: number[] = [];
  let maxFeature = -1;
  for (let i = 0; i < n.nodeIds.length; i++) {
    e.mode[i] = n.modes[i];
    e.missingTrue[i] = n.missingTrue[i] === 1 ? 1 : 0;
    if (n.modes[i] === MODE.LEAF) continue;
    const f = n.featureIds[i];
    if (!(f >= 0)) throw badModel(`negative feature id ${f} at node ${n.nodeIds[i]} of tree ${n.treeIds[i]}`);
    e.feature[i] = f;
    maxFeature = Math.max(maxFeature, f);
    e.threshold[i] = n.values[i];
    const t = index.get(key(n.treeIds[i], n.trueIds[i]));
    const fl = index.get(key(n.treeIds[i], n.falseIds[i]));
    if (t === undefined || fl === undefined) throw badModel(`a child of node ${n.nodeIds[i]} of tree ${n.treeIds[i]} does not exist`);
    if (t === i || fl === i) throw badModel(`node ${n.nodeIds[i]} of tree ${n.treeIds[i]} points to itself`);
    e.trueChild[i] = t;
    e.falseChild[i] = fl;
    if (n.modes[i] === MODE.MEMBER) {
      const set = n.memberSets?.[i] ?? [];
      e.memberStart[i] = members.length;
      e.memberCount[i] = set.length;
      members.push(...set);
    }
  }
  e.members = Float64Array.from(members);
  e.nFeatures = maxFeature + 1;
  e.nTrees = e.roots.length;
}

function fillWeights(e: TreeEnsemble, n: TupleNodes, w: TupleWeights, index: Map<string, number>): void {
  const m = w.nodeIds.length;
  if (w.treeIds.length !== m || w.targetIds.length !== m || w.weights.length !== m) throw badModel('the leaf weight attributes have different lengths');
  // group weights by leaf, keeping their order (sorted by tree and node id, as onnxruntime does)
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => w.treeIds[a] - w.treeIds[b] || w.nodeIds[a] - w.nodeIds[b] || a - b);
  let at = 0;
  const targets = new Int32Array(m), values = new Float64Array(m);
  let previous = -1;
  for (const i of order) {
    const node = index.get(key(w.treeIds[i], w.nodeIds[i]));
    if (node === undefined) throw badModel(`a weight points to node ${w.nodeIds[i]} of tree ${w.treeIds[i]}, which does not exist`);
    if (e.mode[node] !== MODE.LEAF) continue; // onnxruntime ignores weights on internal nodes
    const t = w.targetIds[i];
    if (!(t >= 0 && t < e.nTargets)) throw badModel(`target/class id ${t} outside 0..${e.nTargets - 1}`);
    if (node !== previous) {
      e.leafStart[node] = at;
      previous = node;
    }
    e.leafCount[node]++;
    targets[at] = t;
    values[at] = w.weights[i];
    at++;
  }
  e.weightTarget = targets.slice(0, at);
  e.weightValue = values.slice(0, at);
  for (let i = 0; i < e.mode.length; i++) {
    if (e.mode[i] === MODE.LEAF && e.leafCount[i] === 0) throw badModel(`leaf ${n.nodeIds[i]} of tree ${n.treeIds[i]} has no weight`);
  }
}
