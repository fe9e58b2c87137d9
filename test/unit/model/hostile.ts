/**
 * Issue 9: small hostile ONNX models that onnxruntime refuses (or that run and give numbers that
 * must not be trusted), built in TypeScript so that the tests need no Python.
 */
import { onnx } from '../../../src/engine/model/onnx-proto.ts';
import { buildModel, type ModelSpec, type NodeSpec } from './build-model.ts';

/** input [N, 2] -> MatMul(W [2, 1]) -> y [N, 1], with the given opsets and IR version. */
export function linear(over: Partial<ModelSpec> = {}): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'y', type: 'float', shape: [null, 1] }],
    initializers: [{ name: 'W', dims: [2, 1], floats: [1, 1] }],
    nodes: [{ op: 'MatMul', inputs: ['input', 'W'], outputs: ['y'] }],
    opsets: { '': 13 },
    ...over,
  });
}

/** The linear model with its weights W moved to a separate file (TensorProto.data_location EXTERNAL). */
export function externalData(): Uint8Array {
  const model = onnx.ModelProto.decode(linear());
  const w = model.graph!.initializer![0];
  w.floatData = [];
  w.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
  w.externalData = [onnx.StringStringEntryProto.create({ key: 'location', value: 'weights.bin' }), onnx.StringStringEntryProto.create({ key: 'offset', value: '0' }), onnx.StringStringEntryProto.create({ key: 'length', value: '8' })];
  return onnx.ModelProto.encode(model).finish();
}

/** One operator the runtime does not know, in the default domain or a custom one. */
export function unknownOperator(domain = ''): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'y', type: 'float', shape: [null, 1] }],
    nodes: [{ op: 'FooBar', domain, inputs: ['input'], outputs: ['y'] }],
    opsets: domain ? { '': 13, [domain]: 1 } : { '': 13 },
  });
}

type Attrs = NonNullable<NodeSpec['attrs']>;

/** A one-split TreeEnsembleClassifier (two classes); `change` corrupts its attributes. */
export function treeClassifier(change: (attrs: Attrs) => void = () => {}): Uint8Array {
  const attrs: Attrs = {
    class_ids: [0, 1, 0, 1], class_nodeids: [1, 1, 2, 2], class_treeids: [0, 0, 0, 0], class_weights: { floats: [0.8, 0.2, 0.3, 0.7] },
    classlabels_int64s: [0, 1],
    nodes_falsenodeids: [2, 0, 0], nodes_truenodeids: [1, 0, 0], nodes_featureids: [0, 0, 0],
    nodes_modes: ['BRANCH_LEQ', 'LEAF', 'LEAF'], nodes_nodeids: [0, 1, 2], nodes_treeids: [0, 0, 0],
    nodes_values: { floats: [0.5, 0, 0] }, nodes_hitrates: { floats: [1, 1, 1] }, nodes_missing_value_tracks_true: [0, 0, 0],
    post_transform: 'NONE',
  };
  change(attrs);
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'label', type: 'int64', shape: [null] }, { name: 'probabilities', type: 'float', shape: [null, 2] }],
    nodes: [{ op: 'TreeEnsembleClassifier', inputs: ['input'], outputs: ['label', 'probabilities'], attrs }],
  });
}

/** Declares an open input width [N, F] but multiplies by weights for 2 columns: fails at run time for 3 columns. */
export function openWidthMatMul(): Uint8Array {
  return linear({ inputs: [{ name: 'input', type: 'float', shape: ['N', 'F'] }] });
}

/** Declares [N, 3] and multiplies by weights for 2 columns: the runtime's shape inference refuses it at load. */
export function declaredWidthMismatch(): Uint8Array {
  return linear({ inputs: [{ name: 'input', type: 'float', shape: [null, 3] }] });
}

/** An image classifier's signature: input [N, 3, 224, 224] -> mean per channel -> softmax over 2 of them. */
export function imageInput(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'image', type: 'float', shape: [null, 3, 224, 224] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: [null, 2] }],
    initializers: [{ name: 'start', dims: [1], int64s: [0] }, { name: 'end', dims: [1], int64s: [2] }, { name: 'axis', dims: [1], int64s: [1] }],
    nodes: [
      { op: 'ReduceMean', inputs: ['image'], outputs: ['m'], attrs: { axes: [2, 3], keepdims: 0 } },
      { op: 'Slice', inputs: ['m', 'start', 'end', 'axis'], outputs: ['s'] },
      { op: 'Softmax', inputs: ['s'], outputs: ['probabilities'], attrs: { axis: 1 } },
    ],
  });
}

/** A "probabilities" output of shape [N, 2, 2] (softmax over pairs of the 4 inputs); `declared: false` leaves the shape out of the file. */
export function tableOutput(declared = true): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 4] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: declared ? [null, 2, 2] : undefined }],
    initializers: [{ name: 'shape', dims: [3], int64s: [-1, 2, 2] }],
    nodes: [
      { op: 'Reshape', inputs: ['input', 'shape'], outputs: ['r'] },
      { op: 'Softmax', inputs: ['r'], outputs: ['probabilities'], attrs: { axis: 2 } },
    ],
  });
}

/** A "probabilities" output [N, 2] that is a plain linear map: [x0 - 2 x1, -x0 + 2 x1]. */
export function scoresNamedProbabilities(shape: (number | null)[] = [null, 2]): Uint8Array {
  return buildModel({
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'probabilities', type: 'float', shape }],
    initializers: [{ name: 'W', dims: [2, 2], floats: [1, -1, -2, 2] }],
    nodes: [{ op: 'MatMul', inputs: ['input', 'W'], outputs: ['probabilities'] }],
  });
}
