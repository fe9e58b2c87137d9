/**
 * Synthetic models shaped like the exporters' graphs, with closed-form outputs that the
 * tests compute independently.
 */
import { buildModel } from './build-model.ts';

/** W (3 classes x 2 features) and b of the multi-class linear models. */
export const MULTI_W = [[1, -1], [0.5, 2], [-1, 0.25]];
export const MULTI_B = [0.1, -0.2, 0.3];

/** skl2onnx-like multi-class LogisticRegression: LinearClassifier(SOFTMAX) -> Normalizer -> Cast -> ZipMap (int64 labels). */
export function multiClassZipMap(): Uint8Array {
  return buildModel({
    producer: 'skl2onnx',
    inputs: [{ name: 'float_input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'output_label', type: 'int64', shape: [null] }, { name: 'output_probability', type: { zipmap: 'int64' } }],
    nodes: [
      { op: 'LinearClassifier', inputs: ['float_input'], outputs: ['label', 'probability_tensor'], attrs: { classlabels_ints: [0, 1, 2], coefficients: { floats: MULTI_W.flat() }, intercepts: { floats: MULTI_B }, multi_class: 1, post_transform: 'SOFTMAX' } },
      { op: 'Normalizer', inputs: ['probability_tensor'], outputs: ['probabilities'], attrs: { norm: 'L1' } },
      { op: 'Cast', inputs: ['label'], outputs: ['output_label'], attrs: { to: 7 } },
      { op: 'ZipMap', inputs: ['probabilities'], outputs: ['output_probability'], attrs: { classlabels_int64s: [0, 1, 2] } },
    ],
  });
}

/** A binary LinearClassifier (LOGISTIC) whose ZipMap has string labels, in a file that imports only ai.onnx.ml. */
export const BINARY_W = [0.75, -1.5];
export const BINARY_B = 0.25;
export function binaryZipMapMlOnly(): Uint8Array {
  return buildModel({
    opsets: { 'ai.onnx.ml': 1 },
    inputs: [{ name: 'X', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'output_label', type: 'string', shape: [null] }, { name: 'output_probability', type: { zipmap: 'string' } }],
    nodes: [
      { op: 'LinearClassifier', inputs: ['X'], outputs: ['output_label', 'probabilities'], attrs: { classlabels_strings: ['no', 'yes'], coefficients: { floats: [-BINARY_W[0], -BINARY_W[1], BINARY_W[0], BINARY_W[1]] }, intercepts: { floats: [-BINARY_B, BINARY_B] }, post_transform: 'LOGISTIC' } },
      { op: 'ZipMap', inputs: ['probabilities'], outputs: ['output_probability'], attrs: { classlabels_strings: ['no', 'yes'] } },
    ],
  });
}

/** Isolation-forest-like: scores = X w (decision function), label = -1 where scores < 0 else 1 (int64). */
export const ANOMALY_W = [1, -2];
export function anomalyModel(): Uint8Array {
  return buildModel({
    producer: 'skl2onnx',
    inputs: [{ name: 'X', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'label', type: 'int64', shape: [null, 1] }, { name: 'scores', type: 'float', shape: [null, 1] }],
    initializers: [
      { name: 'w', dims: [2, 1], floats: ANOMALY_W },
      { name: 'zero', dims: [], floats: [0] },
      { name: 'neg', dims: [], int64s: [-1] },
      { name: 'pos', dims: [], int64s: [1] },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['X', 'w'], outputs: ['scores'] },
      { op: 'Less', inputs: ['scores', 'zero'], outputs: ['is_outlier'] },
      { op: 'Where', inputs: ['is_outlier', 'neg', 'pos'], outputs: ['label'] },
    ],
  });
}

/**
 * Regression with one input per column, as skl2onnx writes pipelines from a DataFrame:
 * variable = a (float) + b (double) + c (int64) + e (bool) + LabelEncoder(d: string; 'x' 10, 'y' 20, '1' 30, else -1).
 */
export function perColumnRegression(): Uint8Array {
  return buildModel({
    inputs: [
      { name: 'a', type: 'float', shape: [null, 1] },
      { name: 'b', type: 'double', shape: [null, 1] },
      { name: 'c', type: 'int64', shape: [null, 1] },
      { name: 'd', type: 'string', shape: [null, 1] },
      { name: 'e', type: 'bool', shape: [null, 1] },
    ],
    outputs: [{ name: 'variable', type: 'float', shape: [null, 1] }],
    nodes: [
      { op: 'Cast', inputs: ['b'], outputs: ['bf'], attrs: { to: 1 } },
      { op: 'Cast', inputs: ['c'], outputs: ['cf'], attrs: { to: 1 } },
      { op: 'Cast', inputs: ['e'], outputs: ['ef'], attrs: { to: 1 } },
      { op: 'LabelEncoder', inputs: ['d'], outputs: ['df'], attrs: { keys_strings: ['x', 'y', '1'], values_floats: { floats: [10, 20, 30] }, default_float: { f: -1 } } },
      { op: 'Add', inputs: ['a', 'bf'], outputs: ['s1'] },
      { op: 'Add', inputs: ['s1', 'cf'], outputs: ['s2'] },
      { op: 'Add', inputs: ['s2', 'ef'], outputs: ['s3'] },
      { op: 'Add', inputs: ['s3', 'df'], outputs: ['variable'] },
    ],
  });
}

/** A softmax over X W whose output shape is not stated in the file ([N, ?]). */
export const OPEN_W = [[1, -1], [2, 0.5], [-0.5, 0.25]];
export function openWidthModel(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: ['N', 3] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: ['N', null] }],
    initializers: [{ name: 'W', dims: [3, 2], floats: OPEN_W.flat() }],
    nodes: [
      { op: 'MatMul', inputs: ['input', 'W'], outputs: ['z'] },
      { op: 'Softmax', inputs: ['z'], outputs: ['probabilities'], attrs: { axis: 1 } },
    ],
  });
}

/** Two float outputs of width 1 and no label: the score cannot be chosen. */
export function twoFloatOutputs(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'y1', type: 'float', shape: [null, 1] }, { name: 'y2', type: 'float', shape: [null, 1] }],
    initializers: [{ name: 'w1', dims: [2, 1], floats: [1, 1] }, { name: 'w2', dims: [2, 1], floats: [1, -1] }],
    nodes: [
      { op: 'MatMul', inputs: ['input', 'w1'], outputs: ['y1'] },
      { op: 'MatMul', inputs: ['input', 'w2'], outputs: ['y2'] },
    ],
  });
}

/** A 1-D regression output [N] from a float matrix (ReduceSum over features). */
export function sumRegression(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 3] }],
    outputs: [{ name: 'prediction', type: 'float', shape: [null] }],
    nodes: [{ op: 'ReduceSum', inputs: ['input'], outputs: ['prediction'], attrs: { keepdims: 0, axes: [1] } }],
    opsets: { '': 11 },
  });
}

/** A network-style binary classifier: one output [N, 1] named 'output' from a Sigmoid. */
export function sigmoidNet(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'output', type: 'float', shape: [null, 1] }],
    initializers: [{ name: 'w', dims: [2, 1], floats: [1, -1] }],
    nodes: [
      { op: 'MatMul', inputs: ['input', 'w'], outputs: ['z'] },
      { op: 'Sigmoid', inputs: ['z'], outputs: ['output'] },
    ],
  });
}

/** Reshapes [N, 2] to [N / 2, 4]: fails in the runtime for odd N, returns the wrong row count for even N. */
export function reshapeToHalf(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'y', type: 'float', shape: [null, 4] }],
    initializers: [{ name: 'shape', dims: [2], int64s: [-1, 4] }],
    nodes: [{ op: 'Reshape', inputs: ['input', 'shape'], outputs: ['y'] }],
  });
}

/** A plain logistic graph whose [N, 2] output has a neutral name: Concat(1 - sigmoid(z), sigmoid(z)). */
export function plainLogisticNeutralName(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'x', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'output', type: 'float', shape: [null, 2] }],
    initializers: [{ name: 'w', dims: [2, 1], floats: [2, -1] }, { name: 'one', dims: [], floats: [1] }],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'w'], outputs: ['z'] },
      { op: 'Sigmoid', inputs: ['z'], outputs: ['p1'] },
      { op: 'Sub', inputs: ['one', 'p1'], outputs: ['p0'] },
      { op: 'Concat', inputs: ['p0', 'p1'], outputs: ['output'], attrs: { axis: 1 } },
    ],
  });
}
