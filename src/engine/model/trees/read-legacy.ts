/**
 * Reads ai.onnx.ml TreeEnsembleRegressor and TreeEnsembleClassifier nodes (opsets 1 to 3,
 * including the *_as_tensor attributes of opset 3).
 */
import { attrFloats, attrInt, attrInts, attrString, attrStrings, attrTensor, type NodeProto } from '../onnx-proto.ts';
import { tensorNumbers, tensorPrecision } from './tensor.ts';
import { badModel, buildEnsemble } from './build.ts';
import { MODE, type Aggregate, type PostTransform, type TreeEnsemble } from './types.ts';

const MODES: Record<string, number> = {
  BRANCH_LEQ: MODE.LEQ, BRANCH_LT: MODE.LT, BRANCH_GTE: MODE.GTE, BRANCH_GT: MODE.GT,
  BRANCH_EQ: MODE.EQ, BRANCH_NEQ: MODE.NEQ, LEAF: MODE.LEAF,
};
const TRANSFORMS = ['NONE', 'LOGISTIC', 'SOFTMAX', 'SOFTMAX_ZERO', 'PROBIT'];
const AGGREGATES = ['SUM', 'AVERAGE', 'MIN', 'MAX'];

/** A float list attribute or its *_as_tensor twin; precision 'double' when the tensor is float64. */
function floatsOrTensor(node: NodeProto, name: string): { values: Float64Array; precision: 'float' | 'double' } {
  const t = attrTensor(node, `${name}_as_tensor`);
  if (t) {
    const values = tensorNumbers(t);
    if (!values) throw badModel(`${name}_as_tensor has an unsupported element type`);
    return { values, precision: tensorPrecision(t) === 'double' ? 'double' : 'float' };
  }
  return { values: Float64Array.from(attrFloats(node, name) ?? []), precision: 'float' };
}

function modesOf(node: NodeProto): number[] {
  return (attrStrings(node, 'nodes_modes') ?? []).map((m) => {
    const mode = MODES[m];
    if (mode === undefined) throw badModel(`unknown node mode ${m}`);
    return mode;
  });
}

function enumAttr<T extends string>(node: NodeProto, name: string, allowed: string[], fallback: T): T {
  const v = attrString(node, name) ?? fallback;
  if (!allowed.includes(v)) throw badModel(`invalid ${name}: ${v}; expected one of ${allowed.join(', ')}`);
  return v as T;
}

/**
 * Reads a TreeEnsembleRegressor or TreeEnsembleClassifier node.
 *
 * @example readLegacyEnsemble(node).postTransform // 'NONE'
 */
export function readLegacyEnsemble(node: NodeProto): TreeEnsemble {
  const classifier = node.opType === 'TreeEnsembleClassifier';
  const prefix = classifier ? 'class' : 'target';
  const values = floatsOrTensor(node, 'nodes_values');
  const weights = floatsOrTensor(node, `${prefix}_weights`);
  const base = floatsOrTensor(node, 'base_values');
  const labels: (string | number)[] | null = classifier ? (attrStrings(node, 'classlabels_strings') ?? attrInts(node, 'classlabels_int64s') ?? []) : null;
  const nTargets = classifier ? labels!.length : attrInt(node, 'n_targets') ?? 0;
  if (!(nTargets > 0)) throw badModel(classifier ? 'no class labels' : 'n_targets is missing or 0');
  const nodeIds = attrInts(node, 'nodes_nodeids') ?? [];
  return buildEnsemble(
    {
      op: classifier ? 'TreeEnsembleClassifier' : 'TreeEnsembleRegressor',
      nTargets,
      baseValues: base.values,
      aggregate: classifier ? 'SUM' : enumAttr<Aggregate>(node, 'aggregate_function', AGGREGATES, 'SUM'),
      postTransform: enumAttr<PostTransform>(node, 'post_transform', TRANSFORMS, 'NONE'),
      classLabels: labels,
      precision: values.precision === 'double' || weights.precision === 'double' ? 'double' : 'float',
    },
    {
      treeIds: attrInts(node, 'nodes_treeids') ?? [],
      nodeIds,
      modes: modesOf(node),
      featureIds: attrInts(node, 'nodes_featureids') ?? [],
      values: values.values,
      trueIds: attrInts(node, 'nodes_truenodeids') ?? [],
      falseIds: attrInts(node, 'nodes_falsenodeids') ?? [],
      missingTrue: attrInts(node, 'nodes_missing_value_tracks_true') ?? new Array<number>(nodeIds.length).fill(0),
    },
    {
      treeIds: attrInts(node, `${prefix}_treeids`) ?? [],
      nodeIds: attrInts(node, `${prefix}_nodeids`) ?? [],
      targetIds: attrInts(node, `${prefix}_ids`) ?? [],
      weights: weights.values,
    },
  );
}
