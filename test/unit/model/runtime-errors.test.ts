/**
 * Issue 9: onnxruntime's raw text (build paths under /mnt/..., C++ signatures) never reaches a
 * message or hint. Each refusal of a hostile model is an error that says what is wrong and what
 * to do, with its reason in params.detail (German and English text) and the sanitized runtime
 * fragment in params.runtime.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { disposeModel, loadModel, predict } from '../../../src/engine/model/index.ts';
import { mapColumns } from '../../../src/engine/model/mapping.ts';
import { RUNTIME, loadFailure } from '../../../src/engine/model/runtime-errors.ts';
import { hasRuntimeInternals, sanitizeRuntimeText } from '../../../src/engine/model/runtime-text.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';
import { scanFields } from '../../../src/engine/model/wire.ts';
import * as H from './hostile.ts';

async function rejected(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

/** The checks every refusal must pass: no runtime internals in message and hint, the detail in both languages. */
function expectPlain(err: EinblickError): void {
  expect(hasRuntimeInternals(err.message), err.message).toBe(false);
  expect(hasRuntimeInternals(err.hint), err.hint).toBe(false);
  expect(hasRuntimeInternals(String(err.params.runtime ?? '')), String(err.params.runtime)).toBe(false);
  if (err.params.detail !== undefined) {
    for (const lang of ['de', 'en'] as const) expect(errorDetail(err.toInfo(), lang)?.text, `${String(err.params.detail)} ${lang}`).toBeTruthy();
  }
}

function f32(rows: number[][]): FeatureSet {
  return { names: rows[0].map((_, j) => `x${j}`), rows: rows.length, columns: rows[0].map((_, j) => ({ type: 'float32' as const, data: Float32Array.from(rows.map((r) => r[j])) })) };
}

/** Raw texts as onnxruntime-web 1.30 gives them. */
const RAW = {
  ir: "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /mnt/azure_nvme_temp/_work/1/s/onnxruntime/core/graph/model.cc:203 onnxruntime::Model::Model(ModelProto &&, const PathString &, const IOnnxRuntimeOpSchemaRegistryList *, const logging::Logger &, const ModelOptions &) Unsupported model IR version: 99, max supported IR version: 13\n",
  tree: "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /mnt/azure_nvme_temp/_work/1/s/onnxruntime/core/providers/cpu/ml/tree_ensemble_common.h:268 Status onnxruntime::ml::detail::TreeEnsembleCommon<float, float, float>::Init(int, int, int, const TreeEnsembleAttributesV3<ThresholdType> &) [InputType = float, ThresholdType = float, OutputType = float] (coor.node_id >= 0 && coor.node_id < n_nodes_) was false. \n",
  mode: "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /mnt/azure_nvme_temp/_work/1/s/onnxruntime/core/providers/cpu/ml/ml_common.h:68 NODE_MODE_ONNX onnxruntime::ml::MakeTreeNodeMode(const std::string &) Unexpected value for node_mode\n",
  matmul: "failed to call OrtRun(). ERROR_CODE: 1, ERROR_MESSAGE: Non-zero status code returned while running MatMul node. Name:'' Status Message: matmul_helper.h:61 Compute MatMul dimension mismatch",
  session: 'Something new went wrong in /mnt/vss/_work/1/s/onnxruntime/core/session/inference_session.cc:1234 onnxruntime::InferenceSession::Initialize() at last',
};

describe('the runtime text, sanitized (issue 9)', () => {
  test('build paths, C++ signatures and prefixes are removed; the reason stays', () => {
    expect(sanitizeRuntimeText(RAW.ir)).toBe('Unsupported model IR version: 99, max supported IR version: 13');
    expect(sanitizeRuntimeText(RAW.tree)).toBe('(coor.node_id >= 0 && coor.node_id < n_nodes_) was false.');
    expect(sanitizeRuntimeText(RAW.mode)).toBe('Unexpected value for node_mode');
    expect(sanitizeRuntimeText(RAW.matmul)).toBe("MatMul node. Name:'' Status Message: Compute MatMul dimension mismatch");
    expect(sanitizeRuntimeText(RAW.session)).toBe('Something new went wrong in at last');
    for (const raw of Object.values(RAW)) expect(hasRuntimeInternals(sanitizeRuntimeText(raw))).toBe(false);
    expect(sanitizeRuntimeText('x'.repeat(500)).length).toBeLessThanOrEqual(200);
  });

  test('the deliberately raw texts are recognised as internals (the check can fail)', () => {
    for (const raw of Object.values(RAW)) expect(hasRuntimeInternals(raw), raw).toBe(true);
  });

  test('an unforeseen refusal is MODEL_LOAD_FAILED in Einblick\'s words, with the runtime\'s own words only sanitized', () => {
    const err = loadFailure(RAW.session, 'm.onnx');
    expect(err.code).toBe('MODEL_LOAD_FAILED');
    expect(err.message).toBe(`Einblick's runtime (${RUNTIME}) could not start the model in m.onnx; the runtime says: "${err.params.runtime}"`);
    expect(err.params.detail).toBeUndefined();
    expectPlain(err);
  });

  test('RUNTIME names the onnxruntime-web version that is installed', () => {
    const version = JSON.parse(readFileSync(new URL('../../../node_modules/onnxruntime-web/package.json', import.meta.url), 'utf8')).version as string;
    expect(RUNTIME).toBe(`onnxruntime-web ${version.split('.').slice(0, 2).join('.')}`);
  });
});

describe('models the runtime refuses to start (issue 9)', () => {
  const cases: [string, string, () => Uint8Array, RegExp][] = [
    ['weights in a separate file', 'EXTERNAL_DATA', H.externalData, /^m\.onnx keeps its weights \(W\) in a separate file \(weights\.bin\); Einblick reads only models saved as one single \.onnx file$/],
    ['IR version 99', 'IR_VERSION', () => H.linear({ irVersion: 99 }), /^m\.onnx is written in ONNX file format version \(IR version\) 99; Einblick's runtime \(onnxruntime-web 1\.\d+\) reads versions up to \d+$/],
    ['opset 999 of the default domain', 'OPSET_VERSION', () => H.linear({ opsets: { '': 999 } }), /^m\.onnx needs version 999 of the standard ONNX operators \(ai\.onnx\); Einblick's runtime \(onnxruntime-web 1\.\d+\) supports versions up to \d+$/],
    ['ai.onnx.ml opset 99', 'OPSET_VERSION', () => H.linear({ opsets: { '': 13, 'ai.onnx.ml': 99 } }), /needs version 99 of the ONNX machine-learning operators \(ai\.onnx\.ml\); .* supports versions up to \d+$/],
    ['an unknown operator', 'UNKNOWN_OPERATOR', () => H.unknownOperator(), /^m\.onnx uses the operator FooBar, which Einblick's runtime \(onnxruntime-web 1\.\d+\) does not have in operator set 13$/],
    ['an operator of an unknown domain', 'UNKNOWN_OPERATOR', () => H.unknownOperator('com.example'), /uses the operator com\.example\.FooBar, which .* does not have; custom operators \(domain com\.example\) are not supported$/],
    ['a tree node mode FOO', 'TREE_NODE_MODE', () => H.treeClassifier((a) => (a.nodes_modes = ['BRANCH_LEQ', 'FOO', 'LEAF'])), /^the tree ensemble n0_TreeEnsembleClassifier in m\.onnx is damaged: the node mode 'FOO' is not one of BRANCH_LEQ, .*LEAF$/],
    ['tree attributes of different lengths', 'TREE_LENGTHS', () => H.treeClassifier((a) => (a.nodes_featureids = [0, 0])), /^the tree ensemble in m\.onnx is damaged: its lists nodes_falsenodeids \(3 entries\) and nodes_featureids \(2 entries\) must be equally long$/],
    ['a tree pointing to a node that does not exist', 'TREE_NODE_MISSING', () => H.treeClassifier((a) => (a.nodes_falsenodeids = [7, 0, 0])), /^the tree ensemble in m\.onnx is damaged: a tree refers to a node that does not exist, or a node to itself$/],
    ['a declared width the weights do not fit', 'GRAPH_SHAPES', H.declaredWidthMismatch, /^the model in m\.onnx does not fit together: one of its steps receives values whose sizes it cannot work with/],
  ];

  test.each(cases)('%s -> %s in plain words', async (_name, detail, build, message) => {
    const err = await rejected(loadModel(build(), 'm.onnx'));
    expect(err.code).toBe('MODEL_LOAD_FAILED');
    expect(err.params.detail).toBe(detail);
    expect(err.message).toMatch(message);
    expectPlain(err);
  });

  test('the German text names the version and what the runtime supports', async () => {
    const err = await rejected(loadModel(H.linear({ opsets: { '': 999 } }), 'm.onnx'));
    expect(errorDetail(err.toInfo(), 'de')?.text).toMatch(/^Das Modell braucht Version 999 der Operatoren ai\.onnx; die Laufzeitumgebung von Einblick \(onnxruntime-web 1\.\d+\) kennt Versionen bis \d+\.$/);
    const ext = await rejected(loadModel(H.externalData(), 'm.onnx'));
    expect(errorDetail(ext.toInfo(), 'de')?.hint).toContain('save_as_external_data=False');
  });
});

describe('models that fail on the data (issue 9)', () => {

  test('an open input width whose weights need 2 columns, given 3 -> INFERENCE_FAILED naming the step and the width', async () => {
    const model = await loadModel(H.openWidthMatMul(), 'm.onnx');
    const err = await rejected(predict(model, f32([[1, 2, 3]]), { output: 'y' }));
    expect(err.code).toBe('INFERENCE_FAILED');
    expect(err.message).toBe('the model could not process the data: its step MatMul received values whose sizes do not fit (the data gives 3 columns per row to the input input)');
    expect(err.params).toMatchObject({ detail: 'INFERENCE_SHAPE', operator: 'MatMul', columns: 3 });
    expectPlain(err);
    await disposeModel(model);
  });

  test('the runtime logs nothing of its own: the CLI\'s stderr has the message and hint only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'einblick-runtime-'));
    writeFileSync(join(dir, 'm.onnx'), H.openWidthMatMul());
    writeFileSync(join(dir, 'd.csv'), 'a,b,c\n1,2,3\n4,5,6\n');
    const bin = fileURLToPath(new URL('../../../bin/einblick.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'predict', '--model', join(dir, 'm.onnx'), '--data', join(dir, 'd.csv'), '--output', 'y', '--out', join(dir, 'p.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('einblick: note:'));
    expect(lines).toEqual([
      'einblick: error: the model could not process the data: its step MatMul received values whose sizes do not fit (the data gives 3 columns per row to the input input)',
      expect.stringMatching(/^  what to do: The model file probably states another number/),
    ]);
  });

  test('a tree reading input column 6 of 2 -> INFERENCE_FAILED INFERENCE_FEATURES', async () => {
    const model = await loadModel(H.treeClassifier((a) => (a.nodes_featureids = [5, 0, 0])), 'm.onnx');
    const err = await rejected(predict(model, f32([[1, 2]])));
    expect(err.code).toBe('INFERENCE_FAILED');
    expect(err.message).toBe('the model could not process the data: its trees read input column 6, but the data gives only 2 columns per row');
    expectPlain(err);
    await disposeModel(model);
  });

  test('a 4-D image input -> UNSUPPORTED_SIGNATURE saying that image inputs are not supported', async () => {
    const model = await loadModel(H.imageInput(), 'm.onnx');
    let err: EinblickError | null = null;
    try {
      mapColumns(model.signature, [{ name: 'a', kind: 'number', integer: false, missing: 0, distinct: 3, distinctCapped: false, min: 0, max: 1 }]);
    } catch (e) {
      err = e as EinblickError;
    }
    expect(err?.code).toBe('UNSUPPORTED_SIGNATURE');
    expect(err?.message).toBe('model input image has the shape [N, 3, 224, 224]: it takes an image or another block of numbers per case, not one row of a table; Einblick explains models over tables (one row per case)');
    expect(err?.message).not.toMatch(/columns at once/);
    expectPlain(err!);
    await disposeModel(model);
  });
});

describe('files that are not models, or damaged ones (issue 9)', () => {
  const model = Uint8Array.from(H.linear()); // a copy: protobufjs returns a Buffer, whose slice() is a view

  test.each([
    ['an empty file', new Uint8Array(0), 'EMPTY_FILE', undefined],
    ['a CSV file named .onnx', new TextEncoder().encode('age,income\n42,3100\n'), 'NOT_ONNX', undefined],
    ['a zip file named .onnx', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0x22, 0x23, 0x24, 0, 0, 0, 0), 'NOT_ONNX', undefined],
    ['a model cut after 40 bytes', model.subarray(0, 40), 'ONNX_TRUNCATED', undefined],
    ['a model whose graph tag is overwritten with a wrong wire type', overwriteGraphTag(model, 0x3f), 'ONNX_TRUNCATED', 'ONNX_DAMAGED'],
    ['a model whose graph claims 5 more bytes than it has', growGraphLength(model), 'ONNX_TRUNCATED', undefined],
  ])('%s -> %s', async (_name, bytes, code, detail) => {
    const err = await rejected(loadModel(bytes, 'm.onnx'));
    expect(err.code).toBe(code);
    expect(err.params.detail).toBe(detail);
    expectPlain(err);
  });

  test('an operator set version -1 is named as such, not as a missing operator', () => {
    const err = loadFailure("Can't create a session. ERROR_CODE: 6, ERROR_MESSAGE: No Op registered for Sub with domain_version of -1", 'm.onnx');
    expect(err.params.detail).toBe('MODEL_INVALID');
    expect(err.message).toMatch(/^m\.onnx breaks the rules of the ONNX format: it states the operator set version -1, which does not exist/);
  });
});

/** The model with the tag byte of its graph field (7, length-delimited: 0x3a) replaced. */
function overwriteGraphTag(bytes: Uint8Array, tag: number): Uint8Array {
  const out = bytes.slice();
  const at = topLevelGraph(bytes);
  out[at] = tag;
  return out;
}

/** The model with its graph's length varint raised by 5. */
function growGraphLength(bytes: Uint8Array): Uint8Array {
  const at = topLevelGraph(bytes);
  const out = bytes.slice();
  out[at + 1] += 5; // the test models' graphs are shorter than 123 bytes: a one-byte length
  return out;
}

function topLevelGraph(bytes: Uint8Array): number {
  const graph = scanFields(bytes).find((f) => f.field === 7);
  if (!graph || graph.valueStart - graph.start !== 2) throw new Error('expected a graph with a one-byte length');
  return graph.start;
}
