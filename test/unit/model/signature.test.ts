/**
 * Issue 2 (item 6): the signature read from the graph: inputs with element types and shapes,
 * outputs with roles and class labels (ZipMap and classifier nodes), task, score output and
 * positive index, operators, opsets, producer.
 */
import { describe, expect, test } from 'vitest';
import { disposeModel, loadModel } from '../../../src/engine/model/index.ts';
import { decodeModel, opName } from '../../../src/engine/model/onnx-proto.ts';
import { fixtureBytes } from './helpers.ts';
import * as S from './synthetic.ts';

async function signatureOf(bytes: Uint8Array) {
  const model = await loadModel(bytes, 'model.onnx');
  await disposeModel(model);
  return model;
}

describe('fixture signatures', () => {
  test('hmda_gbm: one float matrix input [N, 13], probabilities [N, 2], classification, column 1', async () => {
    const { signature: s } = await signatureOf(fixtureBytes('hmda_gbm/model.onnx'));
    expect(s.inputs).toEqual([{ name: 'input', type: 'float32', shape: [null, 13] }]);
    expect(s.outputs).toEqual([{ name: 'probabilities', type: 'float32', shape: [null, 2], role: 'probabilities' }]);
    expect(s).toMatchObject({ layout: 'matrix', width: 13, task: 'classification', score: { output: 'probabilities', index: 1 }, labelOutput: null });
    expect(s.ops).toEqual(['ai.onnx.ml.TreeEnsembleRegressor', 'Sigmoid', 'Sub', 'Concat']);
    expect(s.opsets).toEqual({ 'ai.onnx': 13, 'ai.onnx.ml': 3 });
    expect(s.irVersion).toBe(8);
    expect(s.ambiguity).toBeUndefined();
  });

  test('german_credit_logreg: initializers are not inputs; width 59', async () => {
    const { signature: s } = await signatureOf(fixtureBytes('german_credit_logreg/model.onnx'));
    expect(s.inputs.map((i) => i.name)).toEqual(['input']);
    expect(s.width).toBe(59);
    expect(s.ops).toEqual(['Sub', 'Div', 'MatMul', 'Add', 'Sigmoid', 'Concat']);
  });

  test('real_german_pipe_rf: 9 int64 and 10 string inputs [N, 1]; ZipMap -> probabilities with classes Bad, Good', async () => {
    const model = await signatureOf(fixtureBytes('real_german_pipe_rf/model.onnx'));
    const s = model.signature;
    expect(s.layout).toBe('columns');
    expect(s.inputs.length).toBe(19);
    expect(s.inputs[0]).toEqual({ name: 'Duration', type: 'int64', shape: [null, 1] });
    expect(s.inputs.find((i) => i.name === 'Purpose')).toEqual({ name: 'Purpose', type: 'string', shape: [null, 1] });
    expect(s.inputs.filter((i) => i.type === 'int64').length).toBe(9);
    expect(s.outputs).toEqual([
      { name: 'output_label', type: 'string', shape: [null], role: 'label' },
      { name: 'output_probability', type: 'float32', shape: [null, 2], role: 'probabilities', classLabels: ['Bad', 'Good'], fromZipMap: true },
    ]);
    expect(s).toMatchObject({ task: 'classification', score: { output: 'output_probability', index: 1 }, labelOutput: 'output_label', producer: 'skl2onnx 1.14.1' });
    expect(s.notes.map((n) => n.message).join(' ')).toMatch(/ZipMap removed/);
    expect(s.ops).toContain('ai.onnx.ml.ZipMap');
    // the runtime runs the surgered graph: no ZipMap, an Identity to the same output name
    const runtime = decodeModel(model.runtimeBytes);
    expect(runtime.graph!.node!.map(opName)).not.toContain('ai.onnx.ml.ZipMap');
    const identity = runtime.graph!.node!.find((n) => n.output?.[0] === 'output_probability')!;
    expect(opName(identity)).toBe('Identity');
    expect(identity.input).toEqual(['probabilities']);
    // the original model stays as in the file
    expect(model.proto.graph!.node!.map(opName)).toContain('ai.onnx.ml.ZipMap');
  });
});

describe('synthetic graphs shaped like the exporters', () => {
  test('multi-class LinearClassifier + ZipMap (int64 labels): classification, ambiguous, candidates per class', async () => {
    const { signature: s } = await signatureOf(S.multiClassZipMap());
    expect(s.outputs[1]).toMatchObject({ name: 'output_probability', shape: [null, 3], role: 'probabilities', classLabels: [0, 1, 2], fromZipMap: true });
    expect(s.outputs[0]).toMatchObject({ name: 'output_label', type: 'int64', role: 'label' });
    expect(s.task).toBe('classification');
    expect(s.score).toBeNull();
    expect(s.ambiguity?.candidates).toEqual(['output_probability:0', 'output_probability:1', 'output_probability:2']);
    expect(s.ambiguity?.message).toMatch(/3 classes/);
  });

  test('binary classifier + ZipMap in a file importing only ai.onnx.ml: the default-domain opset the Identity needs is declared (the ONNX spec requires it; onnxruntime 1.30 would also accept it undeclared)', async () => {
    const model = await signatureOf(S.binaryZipMapMlOnly());
    expect(model.signature).toMatchObject({ task: 'classification', score: { output: 'output_probability', index: 1 }, labelOutput: 'output_label' });
    expect(model.signature.outputs[1].classLabels).toEqual(['no', 'yes']);
    expect(model.signature.opsets).toEqual({ 'ai.onnx.ml': 1 });
    const runtime = decodeModel(model.runtimeBytes);
    expect(runtime.opsetImport!.map((o) => o.domain)).toEqual(['ai.onnx.ml', '']);
  });

  test('isolation-forest-like (int64 label + float scores [N, 1]): anomaly, score = scores', async () => {
    const { signature: s } = await signatureOf(S.anomalyModel());
    expect(s).toMatchObject({ task: 'anomaly', score: { output: 'scores', index: 0 }, labelOutput: 'label' });
    expect(s.outputs.map((o) => o.role)).toEqual(['label', 'score']);
  });

  test('per-column float, double, int64, string and bool inputs; one float output [N, 1]: regression', async () => {
    const { signature: s } = await signatureOf(S.perColumnRegression());
    expect(s.layout).toBe('columns');
    expect(s.inputs.map((i) => i.type)).toEqual(['float32', 'float64', 'int64', 'string', 'bool']);
    expect(s).toMatchObject({ task: 'regression', score: { output: 'variable', index: 0 }, labelOutput: null });
  });

  test('1-D output [N]: regression with index null', async () => {
    const { signature: s } = await signatureOf(S.sumRegression());
    expect(s).toMatchObject({ task: 'regression', score: { output: 'prediction', index: null } });
  });

  test('an output width the file leaves open is read from a trial run', async () => {
    const { signature: s } = await signatureOf(S.openWidthModel());
    expect(s.outputs[0].shape).toEqual([null, 2]);
    expect(s).toMatchObject({ task: 'classification', score: { output: 'probabilities', index: 1 } });
    expect(s.notes.map((n) => n.message).join(' ')).toMatch(/trial run gave \[N, 2\]/);
  });

  test('a Sigmoid output [N, 1] (network-style binary classifier): classification, column 0, with a note', async () => {
    const { signature: s } = await signatureOf(S.sigmoidNet());
    expect(s.outputs[0].role).toBe('probabilities');
    expect(s).toMatchObject({ task: 'classification', score: { output: 'output', index: 0 } });
    expect(s.notes.map((n) => n.message).join(' ')).toMatch(/comes from a Sigmoid/);
  });

  test('a plain logistic graph Concat(1 - sigmoid, sigmoid) with a neutral output name: classification, column 1', async () => {
    const { signature: s } = await signatureOf(S.plainLogisticNeutralName());
    expect(s).toMatchObject({ task: 'classification', score: { output: 'output', index: 1 } });
  });

  test('two float outputs: ambiguous, both listed', async () => {
    const { signature: s } = await signatureOf(S.twoFloatOutputs());
    expect(s.score).toBeNull();
    expect(s.ambiguity?.candidates).toEqual(['y1', 'y2']);
  });
});
