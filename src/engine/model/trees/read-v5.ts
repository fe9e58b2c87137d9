/**
 * Reads the TreeEnsemble operator of ai.onnx.ml opset 5: interior nodes in nodes_* arrays,
 * leaves in leaf_* arrays, set membership (BRANCH_MEMBER) with NaN-separated membership_values.
 *
 * Integer codes follow onnxruntime's reading: post_transform 0 NONE, 1 LOGISTIC, 2 SOFTMAX,
 * 3 SOFTMAX_ZERO, 4 PROBIT (the operator text lists 1 as SOFTMAX and 2 as LOGISTIC; onnxruntime
 * maps them the other way, and its output is what Einblick must reproduce; the check against
 * onnxruntime's output catches a difference). aggregate_function 0 AVERAGE, 1 SUM, 2 MIN, 3 MAX.
 * A tree that is a single leaf is a root entry whose true and false branches name the same leaf.
 */
import { attrInt, attrInts, attrTensor, type NodeProto } from '../onnx-proto.ts';
import { tensorNumbers, tensorPrecision } from './tensor.ts';
import { allocate, badModel } from './build.ts';
import { MODE, type Aggregate, type PostTransform, type TreeEnsemble } from './types.ts';

const TRANSFORMS: PostTransform[] = ['NONE', 'LOGISTIC', 'SOFTMAX', 'SOFTMAX_ZERO', 'PROBIT'];
const AGGREGATES: Aggregate[] = ['AVERAGE', 'SUM', 'MIN', 'MAX'];
/** ONNX codes 0..6 -> Einblick modes. */
const MODES = [MODE.LEQ, MODE.LT, MODE.GTE, MODE.GT, MODE.EQ, MODE.NEQ, MODE.MEMBER];

function tensorAttr(node: NodeProto, name: string, required: boolean): Float64Array {
  const t = attrTensor(node, name);
  if (!t) {
    if (required) throw badModel(`attribute ${name} is missing`);
    return new Float64Array(0);
  }
  const v = tensorNumbers(t);
  if (!v) throw badModel(`attribute ${name} has an unsupported element type`);
  return v;
}

/** Splits NaN-separated membership values into one set per MEMBER node, in node order. */
function memberSets(modes: number[], values: Float64Array): (number[] | null)[] {
  let at = 0;
  return modes.map((m) => {
    if (m !== MODE.MEMBER) return null;
    const set: number[] = [];
    while (at < values.length && !Number.isNaN(values[at])) set.push(values[at++]);
    at++;
    if (set.length === 0) throw badModel('a BRANCH_MEMBER node has an empty set');
    return set;
  });
}

interface V5Attrs {
  featureIds: number[]; modes: number[]; splits: Float64Array; missing: number[];
  trueIds: number[]; falseIds: number[]; trueLeaf: number[]; falseLeaf: number[];
  leafTargets: number[]; leafWeights: Float64Array; roots: number[];
}

function readAttrs(node: NodeProto): V5Attrs {
  const featureIds = attrInts(node, 'nodes_featureids') ?? [];
  const ni = featureIds.length;
  const modes = Array.from(tensorAttr(node, 'nodes_modes', true), (c) => {
    if (!(c >= 0 && c < MODES.length)) throw badModel(`unknown node mode code ${c}`);
    return MODES[c] as number;
  });
  const a: V5Attrs = {
    featureIds, modes,
    splits: tensorAttr(node, 'nodes_splits', true),
    missing: attrInts(node, 'nodes_missing_value_tracks_true') ?? new Array<number>(ni).fill(0),
    trueIds: attrInts(node, 'nodes_truenodeids') ?? [],
    falseIds: attrInts(node, 'nodes_falsenodeids') ?? [],
    trueLeaf: attrInts(node, 'nodes_trueleafs') ?? [],
    falseLeaf: attrInts(node, 'nodes_falseleafs') ?? [],
    leafTargets: attrInts(node, 'leaf_targetids') ?? [],
    leafWeights: tensorAttr(node, 'leaf_weights', true),
    roots: attrInts(node, 'tree_roots') ?? [],
  };
  for (const k of ['modes', 'splits', 'missing', 'trueIds', 'falseIds', 'trueLeaf', 'falseLeaf'] as const) {
    if (a[k].length !== ni) throw badModel(`nodes attribute ${k} has ${a[k].length} entries, nodes_featureids ${ni}`);
  }
  if (a.leafWeights.length !== a.leafTargets.length) throw badModel('leaf_targetids and leaf_weights differ in length');
  return a;
}

/** Copies interior node i of the attributes into the flat ensemble (its member set into `members`). */
function fillInterior(e: TreeEnsemble, a: V5Attrs, i: number, set: number[] | null, members: number[]): void {
  const ni = a.featureIds.length, nl = a.leafTargets.length;
  const child = (id: number, leaf: number): number => {
    if (!(id >= 0 && (leaf ? id < nl : id < ni))) throw badModel(`a child index ${id} is out of range`);
    return leaf ? ni + id : id;
  };
  e.mode[i] = a.modes[i];
  e.feature[i] = a.featureIds[i];
  e.threshold[i] = a.splits[i];
  e.missingTrue[i] = a.missing[i] === 1 ? 1 : 0;
  e.trueChild[i] = child(a.trueIds[i], a.trueLeaf[i]);
  e.falseChild[i] = child(a.falseIds[i], a.falseLeaf[i]);
  if (set) { e.memberStart[i] = members.length; e.memberCount[i] = set.length; members.push(...set); }
  e.nFeatures = Math.max(e.nFeatures, a.featureIds[i] + 1);
}

/**
 * Reads a TreeEnsemble (opset 5) node into the same flat form as the older operators:
 * interior node i keeps index i, leaf j becomes node (number of interior nodes + j).
 *
 * @example readTreeEnsembleV5(node).nTrees // 3
 */
export function readTreeEnsembleV5(node: NodeProto): TreeEnsemble {
  const a = readAttrs(node);
  const ni = a.featureIds.length, nl = a.leafTargets.length;
  const aggregate = AGGREGATES[attrInt(node, 'aggregate_function') ?? 1];
  const postTransform = TRANSFORMS[attrInt(node, 'post_transform') ?? 0];
  if (!aggregate || !postTransform) throw badModel('unknown aggregate_function or post_transform code');
  const splitsT = attrTensor(node, 'nodes_splits');
  const e = allocate({
    op: 'TreeEnsemble', nTargets: attrInt(node, 'n_targets') ?? 0, baseValues: [], aggregate, postTransform,
    classLabels: null, precision: splitsT && tensorPrecision(splitsT) === 'double' ? 'double' : 'float',
  }, ni + nl, nl);
  if (!(e.nTargets > 0)) throw badModel('n_targets is missing or 0');
  const sets = memberSets(a.modes, tensorAttr(node, 'membership_values', false));
  const members: number[] = [];
  for (let i = 0; i < ni; i++) fillInterior(e, a, i, sets[i], members);
  for (let j = 0; j < nl; j++) {
    const t = a.leafTargets[j];
    if (!(t >= 0 && t < e.nTargets)) throw badModel(`leaf target id ${t} outside 0..${e.nTargets - 1}`);
    e.mode[ni + j] = MODE.LEAF;
    e.leafStart[ni + j] = j;
    e.leafCount[ni + j] = 1;
    e.weightTarget[j] = t;
    e.weightValue[j] = a.leafWeights[j];
  }
  e.members = Float64Array.from(members);
  e.roots = Int32Array.from(a.roots, (r) => {
    if (!(r >= 0 && r < ni)) throw badModel(`tree root ${r} is out of range`);
    const single = a.trueIds[r] === a.falseIds[r] && a.trueLeaf[r] && a.falseLeaf[r];
    return single ? ni + a.trueIds[r] : r;
  });
  e.nTrees = e.roots.length;
  return e;
}
