/**
 * Tree ensembles and affine models read out of an ONNX graph, in flat typed arrays.
 *
 * One node index space per ensemble: internal nodes and leaves of every tree. A node's
 * comparison is the graph's own (mode, float32 or float64 threshold, missing-value tracking),
 * so that a kernel walking these arrays takes exactly the branches onnxruntime takes.
 */

/** Node modes. The numbers are Einblick's own (not ONNX's or onnxruntime's enums). */
export const MODE = {
  LEQ: 0,
  LT: 1,
  GTE: 2,
  GT: 3,
  EQ: 4,
  NEQ: 5,
  /** Set membership (TreeEnsemble, ai.onnx.ml opset 5): true when x is one of the node's values. */
  MEMBER: 6,
  LEAF: 7,
} as const;

export type ModeName = 'BRANCH_LEQ' | 'BRANCH_LT' | 'BRANCH_GTE' | 'BRANCH_GT' | 'BRANCH_EQ' | 'BRANCH_NEQ' | 'BRANCH_MEMBER' | 'LEAF';

export type Aggregate = 'SUM' | 'AVERAGE' | 'MIN' | 'MAX';
export type PostTransform = 'NONE' | 'LOGISTIC' | 'SOFTMAX' | 'SOFTMAX_ZERO' | 'PROBIT';

/**
 * A tree ensemble as the graph defines it. Thresholds and weights hold the exact float32 (or
 * float64, for *_as_tensor double attributes) numbers stored in the file.
 */
export interface TreeEnsemble {
  op: 'TreeEnsembleRegressor' | 'TreeEnsembleClassifier' | 'TreeEnsemble';
  nTrees: number;
  /** Root node index of each tree. */
  roots: Int32Array;
  /** Per node: feature index (-1 for a leaf). */
  feature: Int32Array;
  /** Per node: threshold (0 for a leaf or a MEMBER node). */
  threshold: Float64Array;
  /** Per node: MODE.* */
  mode: Uint8Array;
  /** Per node: child when the comparison holds, child otherwise (-1 for a leaf). */
  trueChild: Int32Array;
  falseChild: Int32Array;
  /** Per node: 1 when a NaN input goes to the true child. */
  missingTrue: Uint8Array;
  /** MEMBER nodes: the set is members[memberStart[n] .. memberStart[n] + memberCount[n]). */
  memberStart: Int32Array;
  memberCount: Int32Array;
  members: Float64Array;
  /** Leaves: weights weightTarget/weightValue[leafStart[n] .. leafStart[n] + leafCount[n]). */
  leafStart: Int32Array;
  leafCount: Int32Array;
  weightTarget: Int32Array;
  weightValue: Float64Array;
  /** Number of targets (regressor) or classes (classifier). */
  nTargets: number;
  baseValues: Float64Array;
  aggregate: Aggregate;
  postTransform: PostTransform;
  /** Classifier class labels, in class-id order. */
  classLabels: (string | number)[] | null;
  /** 'float' when thresholds/weights are float32 (inputs are compared as float32), else 'double'. */
  precision: 'float' | 'double';
  /** Number of input features the ensemble reads (max feature id + 1). */
  nFeatures: number;
}

/** One elementwise step applied to an input value on its way to the estimator. */
export type FeatureStep =
  | { op: 'add' | 'sub' | 'mul' | 'div'; c: number; /** true: c op x instead of x op c */ reversed?: boolean; precision: 'float' | 'double' }
  | { op: 'round'; precision: 'float' | 'double' }
  | { op: 'impute'; replace: number; value: number; /** NaN: replace missing values */ }
  | { op: 'map'; table: Map<string, number>; fallback: number };

/**
 * How one column the estimator reads is computed from exactly one model input value:
 * input `input`, element `column` of its row (0 for an [N,1] input), then the steps.
 * kind 'onehot': 1 when the raw value equals `category`, else 0 (OneHotEncoder).
 */
export interface Feature {
  input: string;
  column: number;
  kind: 'value' | 'onehot';
  category?: string | number;
  steps: FeatureStep[];
  /** A short description, e.g. "Purpose==car" or "scaled(Age)". */
  label: string;
}

/**
 * A score column as an expression: alpha * link(c + sum_k a[k] * basis_k) + beta, where the
 * basis is the estimator's raw per-target scores (trees) or its input features (linear).
 * link 'logistic' is 1 / (1 + exp(-m)).
 */
export interface ScoreExpr {
  a: Float64Array;
  c: number;
  link: 'identity' | 'logistic';
  alpha: number;
  beta: number;
}
