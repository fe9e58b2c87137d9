/**
 * Issue 9 corpus: the ONNX models of the corpus, built in TypeScript at test time (nothing is
 * committed). `goodModels` are the working models the table, audit and flag cases run against;
 * `hostileModels` are broken or hostile variants, each a few hundred bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, type ModelSpec, type NodeSpec, type ValueSpec } from '../model/build-model.ts';
import { onnx } from '../../../src/engine/model/onnx-proto.ts';
import { FIX } from './table-data.ts';

type Model = InstanceType<typeof onnx.ModelProto>;

/** The logistic head shared by the good models: z -> Sigmoid -> [1 - p, p] as 'probabilities' [N, 2]. */
function logisticHead(z: string): NodeSpec[] {
  return [
    { op: 'Sigmoid', inputs: [z], outputs: ['p1'] },
    { op: 'Sub', inputs: ['one', 'p1'], outputs: ['p0'] },
    { op: 'Concat', inputs: ['p0', 'p1'], outputs: ['probabilities'], attrs: { axis: 1 } },
  ];
}

const W = [{ name: 'w', dims: [2, 1], floats: [1.5, -0.75] }, { name: 'b', dims: [1], floats: [0.2] }, { name: 'one', dims: [], floats: [1] }];

/** Logistic model with one input per column: x1, x2 float [N, 1] -> probabilities [N, 2]. */
function logit2Spec(): ModelSpec {
  return {
    inputs: [{ name: 'x1', type: 'float', shape: [null, 1] }, { name: 'x2', type: 'float', shape: [null, 1] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: [null, 2] }],
    initializers: W,
    nodes: [
      { op: 'Concat', inputs: ['x1', 'x2'], outputs: ['x'], attrs: { axis: 1 } },
      { op: 'MatMul', inputs: ['x', 'w'], outputs: ['xw'] },
      { op: 'Add', inputs: ['xw', 'b'], outputs: ['z'] },
      ...logisticHead('z'),
    ],
  };
}

/** The same model with one matrix input 'input' float [N, 2] (filled by --features x1,x2). */
function matrixSpec(rows: number | null | string = null): ModelSpec {
  return {
    inputs: [{ name: 'input', type: 'float', shape: [rows, 2] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: [rows, 2] }],
    initializers: W,
    nodes: [{ op: 'MatMul', inputs: ['input', 'w'], outputs: ['xw'] }, { op: 'Add', inputs: ['xw', 'b'], outputs: ['z'] }, ...logisticHead('z')],
  };
}

/** One regression tree on input [N, 2]: x[0] <= 0 ? -1 : 1, then the logistic head. */
function treeSpec(attrs: Partial<Record<string, NonNullable<NodeSpec['attrs']>[string]>> = {}): ModelSpec {
  const tree: NonNullable<NodeSpec['attrs']> = {
    n_targets: 1,
    nodes_treeids: [0, 0, 0],
    nodes_nodeids: [0, 1, 2],
    nodes_featureids: [0, 0, 0],
    nodes_values: { floats: [0, 0, 0] },
    nodes_modes: ['BRANCH_LEQ', 'LEAF', 'LEAF'],
    nodes_truenodeids: [1, 0, 0],
    nodes_falsenodeids: [2, 0, 0],
    target_treeids: [0, 0],
    target_nodeids: [1, 2],
    target_ids: [0, 0],
    target_weights: { floats: [-1, 1] },
    post_transform: 'NONE',
  };
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) tree[k] = v;
  return {
    producer: 'skl2onnx',
    inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: [null, 2] }],
    initializers: [{ name: 'one', dims: [], floats: [1] }],
    nodes: [{ op: 'TreeEnsembleRegressor', domain: 'ai.onnx.ml', inputs: ['input'], outputs: ['z'], attrs: tree }, ...logisticHead('z')],
  };
}

/** A matrix model [N, 2] whose only node maps the input to `out` (shape and values chosen by the case). */
function oneOutput(out: ValueSpec, nodes: NodeSpec[], initializers: ModelSpec['initializers'] = [], opsets?: ModelSpec['opsets']): Uint8Array {
  return buildModel({ inputs: [{ name: 'input', type: 'float', shape: [null, 2] }], outputs: [out], nodes, initializers, opsets });
}

/** A decoded graph, as far as the edits below touch it (protobufjs fills every repeated field with an array). */
interface Graph {
  node: { opType: string; input: string[]; attribute: { name: string; strings: Uint8Array[]; ints: unknown[] }[] }[];
  input: { name: string; type: { tensorType?: { elemType: number } | null; sequenceType?: unknown } | null }[];
  output: unknown[];
  initializer: { name: string; floatData: number[]; dataLocation: number; externalData: { key: string; value: string }[] }[];
}

/** Decodes a model, lets `fn` change its graph (or the model), encodes it again. */
function edit(bytes: Uint8Array, fn: (g: Graph, m: Model) => void): Uint8Array {
  const m = onnx.ModelProto.decode(bytes);
  fn(m.graph as unknown as Graph, m);
  return onnx.ModelProto.encode(m).finish();
}

const ascii = (s: string) => new TextEncoder().encode(s);

/** Seeded bytes (xorshift), so that a failing random-bytes case fails the same way every time. */
export function randomBytes(n: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** The models the other cases run against, by file name. */
export function goodModels(): Record<string, Uint8Array> {
  return {
    'logit2.onnx': buildModel(logit2Spec()),
    'matrix2.onnx': buildModel(matrixSpec()),
    'tree2.onnx': buildModel(treeSpec()),
  };
}

/** The matrix model with a fixed first dimension (torch.onnx.export without dynamic_axes). */
export function batchModel(rows: number): Uint8Array {
  return buildModel(matrixSpec(rows));
}

const fixture = (p: string) => new Uint8Array(readFileSync(join(FIX, p)));

/** Broken and hostile models, by file name. Each is run by the cases in cases-models.ts. */
export function hostileModels(): Record<string, Uint8Array> {
  const logit2 = buildModel(logit2Spec());
  const rf = fixture('real_german_pipe_rf/model.onnx');
  const gbm = fixture('german_credit_gbm_small/model.onnx');
  const small = fixture('german_credit_logreg_small/model.onnx');
  const cut = (b: Uint8Array, f: number) => b.slice(0, Math.max(1, Math.floor(b.length * f)));
  const sig = (x: string, y: string): NodeSpec[] => [{ op: 'MatMul', inputs: [x, 'w'], outputs: ['xw'] }, { op: 'Add', inputs: ['xw', 'b'], outputs: [y] }];

  const models: Record<string, Uint8Array> = {
    // bytes that are not an ONNX model
    'empty.onnx': new Uint8Array(0),
    'one-byte.onnx': new Uint8Array([0x08]),
    'zeros-4k.onnx': new Uint8Array(4096),
    'ff-4k.onnx': new Uint8Array(4096).fill(0xff),
    'random-16.onnx': randomBytes(16, 1),
    'random-1k.onnx': randomBytes(1024, 2),
    'random-64k.onnx': randomBytes(65536, 3),
    'random-1m.onnx': randomBytes(1 << 20, 4),
    'text.onnx': ascii('this is not a model\n'),
    'csv.onnx': ascii('x1,x2,y\n1,2,0\n3,4,1\n'),
    'json.onnx': ascii('{"model": "logistic", "weights": [1, 2]}'),
    'html.onnx': ascii('<!DOCTYPE html><html><body>404 Not Found</body></html>'),
    'png.onnx': concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200, 5)),
    'zip-pytorch.onnx': concat(ascii('PK\x03\x04'), randomBytes(300, 6)),
    'gzip.onnx': concat(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), randomBytes(300, 7)),
    'pickle.onnx': concat(new Uint8Array([0x80, 0x04, 0x95]), randomBytes(300, 8)),
    'hdf5-keras.onnx': concat(new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(300, 9)),
    'utf16-text.onnx': concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Array.from('not a model', (c) => [c.charCodeAt(0), 0]).flat())),
    'wrong-magic.onnx': concat(ascii('ONNX'), logit2),
    'doubled.onnx': concat(logit2, logit2),
    'trailing-garbage.onnx': concat(logit2, randomBytes(64, 10)),
    // truncated models
    'logit2-cut-50.onnx': cut(logit2, 0.5),
    'logit2-cut-last.onnx': logit2.slice(0, logit2.length - 1),
    'logreg-cut-10.onnx': cut(small, 0.1),
    'logreg-cut-90.onnx': cut(small, 0.9),
    'gbm-cut-1.onnx': cut(gbm, 0.01),
    'gbm-cut-50.onnx': cut(gbm, 0.5),
    'gbm-cut-99.onnx': cut(gbm, 0.99),
    'rf-cut-25.onnx': cut(rf, 0.25),
    'rf-cut-75.onnx': cut(rf, 0.75),
    'rf-cut-last.onnx': rf.slice(0, rf.length - 1),
    // versions and operator sets
    'ir-99.onnx': buildModel({ ...logit2Spec(), irVersion: 99 }),
    'ir-0.onnx': buildModel({ ...logit2Spec(), irVersion: 0 }),
    'opset-999.onnx': buildModel({ ...logit2Spec(), opsets: { '': 999 } }),
    'opset-1.onnx': buildModel({ ...logit2Spec(), opsets: { '': 1 } }),
    'ml-opset-99.onnx': buildModel({ ...treeSpec(), opsets: { '': 13, 'ai.onnx.ml': 99 } }),
    'no-opset.onnx': edit(logit2, (g, m) => { m.opsetImport = []; }),
    'tree-no-ml-opset.onnx': buildModel({ ...treeSpec(), opsets: { '': 13 } }),
    'unknown-op.onnx': buildModel({ ...logit2Spec(), nodes: logit2Spec().nodes.map((n) => (n.op === 'Sigmoid' ? { ...n, op: 'FancySigmoid' } : n)) }),
    'unknown-domain.onnx': buildModel({ ...logit2Spec(), opsets: { '': 13, 'com.example.custom': 1 }, nodes: logit2Spec().nodes.map((n) => (n.op === 'Sigmoid' ? { ...n, op: 'CustomSigmoid', domain: 'com.example.custom' } : n)) }),
    'contrib-op.onnx': buildModel({ ...logit2Spec(), opsets: { '': 13, 'com.microsoft': 1 }, nodes: logit2Spec().nodes.map((n) => (n.op === 'Sigmoid' ? { ...n, op: 'FusedGemm', domain: 'com.microsoft' } : n)) }),
    // graphs that are not well formed
    'no-inputs.onnx': buildModel({ inputs: [], outputs: [{ name: 'probabilities', type: 'float', shape: [1, 2] }], initializers: [{ name: 'c', dims: [1, 2], floats: [0.5, 0.5] }], nodes: [{ op: 'Identity', inputs: ['c'], outputs: ['probabilities'] }] }),
    'no-outputs.onnx': edit(logit2, (g) => { g.output = []; }),
    'no-graph.onnx': edit(logit2, (g, m) => { m.graph = null; }),
    'no-nodes.onnx': edit(logit2, (g) => { g.node = []; }),
    'dangling-input.onnx': buildModel({ ...logit2Spec(), nodes: logit2Spec().nodes.map((n) => (n.op === 'MatMul' ? { ...n, inputs: ['x', 'nowhere'] } : n)) }),
    'cycle.onnx': buildModel({ ...logit2Spec(), nodes: logit2Spec().nodes.map((n) => (n.op === 'MatMul' ? { ...n, inputs: ['z', 'w'] } : n)) }),
    'duplicate-input-names.onnx': edit(logit2, (g) => { g.input[1].name = 'x1'; }),
    'initializer-short.onnx': buildModel({ ...logit2Spec(), initializers: [{ name: 'w', dims: [2, 1], floats: [1.5] }, W[1], W[2]] }),
    'initializer-huge-dims.onnx': buildModel({ ...logit2Spec(), initializers: [{ name: 'w', dims: [2000000000, 1], floats: [1.5, -0.75] }, W[1], W[2]] }),
    'external-data.onnx': edit(logit2, (g) => {
      const w = g.initializer.find((t) => t.name === 'w')!;
      w.floatData = [];
      w.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
      w.externalData = [{ key: 'location', value: 'weights.bin' }, { key: 'offset', value: '0' }, { key: 'length', value: '8' }];
    }),
    'external-data-abs.onnx': edit(logit2, (g) => {
      const w = g.initializer.find((t) => t.name === 'w')!;
      w.floatData = [];
      w.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
      w.externalData = [{ key: 'location', value: '/etc/passwd' }, { key: 'offset', value: '0' }, { key: 'length', value: '8' }];
    }),
    // inputs Einblick cannot fill from a table
    'image-224.onnx': buildModel({
      inputs: [{ name: 'pixel_values', type: 'float', shape: ['N', 3, 224, 224] }],
      outputs: [{ name: 'probabilities', type: 'float', shape: ['N', 2] }],
      initializers: [{ name: 'one', dims: [], floats: [1] }],
      nodes: [{ op: 'ReduceMean', inputs: ['pixel_values'], outputs: ['z1'], attrs: { axes: [1, 2, 3], keepdims: 0 } }, { op: 'Unsqueeze', inputs: ['z1'], outputs: ['z'], attrs: { axes: [1] } }, ...logisticHead('z')],
      opsets: { '': 11 },
    }),
    'input-3d.onnx': buildModel({
      inputs: [{ name: 'sequence', type: 'float', shape: [null, 4, 2] }],
      outputs: [{ name: 'probabilities', type: 'float', shape: [null, 2] }],
      initializers: [{ name: 'one', dims: [], floats: [1] }],
      nodes: [{ op: 'ReduceMean', inputs: ['sequence'], outputs: ['z'], attrs: { axes: [1, 2], keepdims: 0 } }, { op: 'Unsqueeze', inputs: ['z'], outputs: ['z1'], attrs: { axes: [1] } }, ...logisticHead('z1')],
      opsets: { '': 11 },
    }),
    'input-float16.onnx': edit(logit2, (g) => { g.input[0].type!.tensorType!.elemType = 10; }),
    'input-complex.onnx': edit(logit2, (g) => { g.input[0].type!.tensorType!.elemType = 14; }),
    'input-uint8.onnx': edit(logit2, (g) => { g.input[0].type!.tensorType!.elemType = 2; }),
    'input-no-type.onnx': edit(logit2, (g) => { g.input[0].type = null; }),
    'input-width-0.onnx': buildModel({ ...matrixSpec(), inputs: [{ name: 'input', type: 'float', shape: [null, 0] }] }),
    'input-width-huge.onnx': buildModel({ ...matrixSpec(), inputs: [{ name: 'input', type: 'float', shape: [null, 1000000000] }] }),
    'input-sequence.onnx': edit(logit2, (g) => { g.input[0].type = { sequenceType: { elemType: { tensorType: { elemType: 1 } } } }; }),
    'batch-1.onnx': batchModel(1),
    'batch-5.onnx': batchModel(5),
    'batch-0.onnx': batchModel(0),
    // outputs Einblick cannot read as a score
    'output-3d.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 2, 2] }, [{ op: 'Concat', inputs: ['input', 'input'], outputs: ['i4'], attrs: { axis: 1 } }, { op: 'Reshape', inputs: ['i4', 'shape'], outputs: ['probabilities'] }], [{ name: 'shape', dims: [3], int64s: [-1, 2, 2] }]),
    'output-string-only.onnx': buildModel({
      inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
      outputs: [{ name: 'label', type: 'string', shape: [null] }],
      nodes: [{ op: 'LinearClassifier', inputs: ['input'], outputs: ['label', 'scores'], attrs: { classlabels_strings: ['no', 'yes'], coefficients: { floats: [-1, 1, 1, -1] }, intercepts: { floats: [0, 0] }, post_transform: 'LOGISTIC' } }],
    }),
    'output-no-rows.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [2] }, [{ op: 'ReduceMean', inputs: ['input'], outputs: ['probabilities'], attrs: { axes: [0], keepdims: 0 } }], [], { '': 11 }),
    'output-half-rows.onnx': oneOutput({ name: 'y', type: 'float', shape: [null, 4] }, [{ op: 'Reshape', inputs: ['input', 'shape'], outputs: ['y'] }], [{ name: 'shape', dims: [2], int64s: [-1, 4] }]),
    'output-int-scores.onnx': oneOutput({ name: 'probabilities', type: 'int64', shape: [null, 2] }, [{ op: 'Cast', inputs: ['input'], outputs: ['probabilities'], attrs: { to: 7 } }]),
    'output-bool.onnx': oneOutput({ name: 'output', type: 'bool', shape: [null, 2] }, [{ op: 'Cast', inputs: ['input'], outputs: ['output'], attrs: { to: 9 } }]),
    'probabilities-negative.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 2] }, [{ op: 'Identity', inputs: ['input'], outputs: ['probabilities'] }]),
    'probabilities-above-1.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 2] }, [{ op: 'Sigmoid', inputs: ['input'], outputs: ['s'] }, { op: 'Mul', inputs: ['s', 'three'], outputs: ['probabilities'] }], [{ name: 'three', dims: [], floats: [3] }]),
    'probabilities-nan.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 2] }, [{ op: 'Sub', inputs: ['input', 'input'], outputs: ['zero'] }, { op: 'Div', inputs: ['zero', 'zero'], outputs: ['probabilities'] }]),
    'probabilities-inf.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 2] }, [{ op: 'Sub', inputs: ['input', 'input'], outputs: ['zero'] }, { op: 'Div', inputs: ['one', 'zero'], outputs: ['probabilities'] }], [{ name: 'one', dims: [], floats: [1] }]),
    'probabilities-width-1-raw.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 1] }, sig('input', 'probabilities'), W),
    'probabilities-5.onnx': oneOutput({ name: 'probabilities', type: 'float', shape: [null, 5] }, [{ op: 'ReduceSum', inputs: ['input'], outputs: ['s'], attrs: { axes: [1], keepdims: 1 } }, { op: 'Concat', inputs: ['input', 'input', 's'], outputs: ['c'], attrs: { axis: 1 } }, { op: 'Softmax', inputs: ['c'], outputs: ['probabilities'], attrs: { axis: 1 } }], [], { '': 11 }),
    'two-float-outputs.onnx': buildModel({
      inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
      outputs: [{ name: 'y1', type: 'float', shape: [null, 1] }, { name: 'y2', type: 'float', shape: [null, 1] }],
      initializers: [{ name: 'w1', dims: [2, 1], floats: [1, 1] }, { name: 'w2', dims: [2, 1], floats: [1, -1] }],
      nodes: [{ op: 'MatMul', inputs: ['input', 'w1'], outputs: ['y1'] }, { op: 'MatMul', inputs: ['input', 'w2'], outputs: ['y2'] }],
    }),
    // corrupted tree ensembles
    'tree-mode-bogus.onnx': buildModel(treeSpec({ nodes_modes: ['BRANCH_BOGUS', 'LEAF', 'LEAF'] })),
    'tree-feature-out-of-range.onnx': buildModel(treeSpec({ nodes_featureids: [7, 0, 0] })),
    'tree-child-out-of-range.onnx': buildModel(treeSpec({ nodes_truenodeids: [99, 0, 0] })),
    'tree-cycle.onnx': buildModel(treeSpec({ nodes_modes: ['BRANCH_LEQ', 'BRANCH_LEQ', 'LEAF'], nodes_truenodeids: [1, 0, 0], nodes_falsenodeids: [2, 0, 0] })),
    'tree-self-loop.onnx': buildModel(treeSpec({ nodes_truenodeids: [0, 0, 0] })),
    'tree-lengths-differ.onnx': buildModel(treeSpec({ nodes_featureids: [0, 0] })),
    'tree-leaf-unknown.onnx': buildModel(treeSpec({ target_nodeids: [1, 5] })),
    'tree-target-out-of-range.onnx': buildModel(treeSpec({ target_ids: [0, 3] })),
    'tree-no-nodes.onnx': buildModel(treeSpec({ nodes_treeids: [], nodes_nodeids: [], nodes_featureids: [], nodes_values: { floats: [] }, nodes_modes: [], nodes_truenodeids: [], nodes_falsenodeids: [], target_treeids: [], target_nodeids: [], target_ids: [], target_weights: { floats: [] } })),
    'tree-nan-threshold.onnx': buildModel(treeSpec({ nodes_values: { floats: [NaN, 0, 0] } })),
    'tree-post-bogus.onnx': buildModel(treeSpec({ post_transform: 'MAGIC' })),
    'gbm-modes-bogus.onnx': edit(gbm, (g) => {
      for (const n of g.node) for (const a of n.attribute) if (a.name === 'nodes_modes') a.strings = a.strings.map((s, i) => (i === 3 ? ascii('BRANCH_XX') : s));
    }),
    'gbm-features-out-of-range.onnx': edit(gbm, (g) => {
      for (const n of g.node) for (const a of n.attribute) if (a.name === 'nodes_featureids') a.ints = a.ints.map((v, i) => (i === 0 ? 999 : v));
    }),
    // a real pipeline whose ZipMap or label parts were damaged
    'rf-no-zipmap-labels.onnx': edit(rf, (g) => {
      for (const n of g.node) if (n.opType === 'ZipMap') n.attribute = [];
    }),
    'rf-renamed-input.onnx': edit(rf, (g) => {
      const inp = g.input[0];
      const old = inp.name;
      inp.name = 'Duration\u0000x';
      for (const n of g.node) n.input = n.input.map((s) => (s === old ? inp.name : s));
    }),
    'linear-coefficients-short.onnx': buildModel({
      inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
      outputs: [{ name: 'label', type: 'int64', shape: [null] }, { name: 'probabilities', type: 'float', shape: [null, 2] }],
      nodes: [{ op: 'LinearClassifier', inputs: ['input'], outputs: ['label', 'probabilities'], attrs: { classlabels_ints: [0, 1], coefficients: { floats: [1, 2, 3] }, intercepts: { floats: [0, 0] }, post_transform: 'LOGISTIC' } }],
    }),
  };
  return models;
}
