/**
 * Issue 2 (items 5-6): batched prediction with progress and cancel, the score space for the
 * explainers, the results JSON, and scores of exporter-shaped graphs against closed forms.
 */
import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EinblickError, type Progress } from '../../../src/engine/errors.ts';
import { disposeModel, encodeFeatures, evaluate, loadModel, mapColumns, predict, predictionsToJson, type LoadedModel } from '../../../src/engine/model/index.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { csvColumn, csvTable, fixtureBytes, fixtureText } from './helpers.ts';
import * as S from './synthetic.ts';

async function rejected(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

const f32 = (rows: number[][]): FeatureSet => ({
  names: rows[0].map((_, j) => `x${j}`),
  columns: rows[0].map((_, j) => ({ type: 'float32' as const, data: Float32Array.from(rows, (r) => r[j]) })),
  rows: rows.length,
});

describe('german_credit_gbm (1000 rows)', () => {
  let model: LoadedModel;
  let features: FeatureSet;
  beforeAll(async () => {
    model = await loadModel(fixtureBytes('german_credit_gbm/model.onnx'), 'model.onnx');
    const { table, columns } = csvTable(fixtureText('german_credit_gbm/features.csv'));
    features = encodeFeatures(table, mapColumns(model.signature, columns));
  });
  afterAll(() => disposeModel(model));

  test('batch sizes 1, 7 and all rows give identical scores', async () => {
    const all = await predict(model, features, { batchSize: features.rows });
    const seven = await predict(model, features, { batchSize: 7 });
    const one = await predict(model, { ...features, rows: 60, columns: features.columns.map((c) => ({ type: 'float32', data: (c.data as Float32Array).slice(0, 60) })) }, { batchSize: 1 });
    expect(Array.from(seven.scores)).toEqual(Array.from(all.scores));
    expect(Array.from(one.scores)).toEqual(Array.from(all.scores.slice(0, 60)));
  });

  test('progress: stage predict, done increases to total', async () => {
    const events: Progress[] = [];
    await predict(model, features, { batchSize: 300, onProgress: (p) => events.push(p) });
    expect(events).toEqual([0, 300, 600, 900, 1000].map((done) => ({ stage: 'predict', done, total: 1000 })));
  });

  test('cancel between batches -> CANCELLED', async () => {
    const controller = new AbortController();
    const err = await rejected(predict(model, features, { batchSize: 100, signal: controller.signal, onProgress: (p) => p.done >= 200 && controller.abort() }));
    expect(err.code).toBe('CANCELLED');
    const pre = new AbortController();
    pre.abort();
    expect((await rejected(predict(model, features, { signal: pre.signal }))).code).toBe('CANCELLED');
  });

  test('concurrent predictions are serialised and each gets its own result', async () => {
    const [a, b] = await Promise.all([predict(model, features, { batchSize: 50 }), predict(model, features, { batchSize: 999 })]);
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
  });

  test('evaluate: probability = predict scores; logit = log(p / (1 - p)); column 0 = 1 - p', async () => {
    const p = (await predict(model, features)).scores;
    const prob = await evaluate(model, features);
    const logit = await evaluate(model, features, { space: 'logit', batchSize: 128 });
    const col0 = await evaluate(model, features, { index: 0 });
    expect(Array.from(prob)).toEqual(Array.from(p));
    for (let i = 0; i < p.length; i++) {
      expect(logit[i]).toBeCloseTo(Math.log(p[i]) - Math.log1p(-p[i]), 9);
      expect(Math.abs(col0[i] - (1 - p[i]))).toBeLessThanOrEqual(1e-7);
    }
    expect((await rejected(evaluate(model, features, { space: 'odds' as never }))).code).toBe('INVALID_OPTION');
  });

  test('a wrong number of features -> WRONG_WIDTH', async () => {
    const err = await rejected(predict(model, { ...features, names: features.names.slice(1), columns: features.columns.slice(1) }));
    expect(err.code).toBe('WRONG_WIDTH');
    expect(err.message).toBe(`the model input input takes ${features.columns.length} features, but ${features.columns.length - 1} were given`);
  });

  test('invalid batch size', async () => {
    expect((await rejected(predict(model, features, { batchSize: 0 }))).message).toBe('invalid batch size: 0; expected a whole number of at least 1');
  });

  test('results JSON: task, output, positive_index, scores (and positive_label, labels when known)', async () => {
    const p = await predict(model, f32([features.columns.map((c) => (c.data as Float32Array)[0])]));
    const json = predictionsToJson(p);
    expect(json).toEqual({ task: 'classification', output: 'probabilities', positive_index: 1, scores: [p.scores[0]], precision: 'float32' });
    expect(json.scores[0]).toBe(Number(csvColumn(fixtureText('german_credit_gbm/predictions.csv'), 'p_onnx_web')[0]));
  });
});

describe('exporter-shaped graphs against closed forms', () => {
  const X = [[0.5, -1], [2, 0.25], [-1.5, 3], [0, 0]];

  test('multi-class ZipMap model: P(class k) = softmax(W x + b)_k, labels = argmax; JSON keeps int labels', async () => {
    const model = await loadModel(S.multiClassZipMap(), 'm.onnx');
    for (const k of [0, 1, 2]) {
      const p = await predict(model, f32(X), { output: `output_probability:${k}` });
      X.forEach((x, i) => {
        const z = S.MULTI_W.map((w, c) => w[0] * x[0] + w[1] * x[1] + S.MULTI_B[c]);
        const e = z.map((v) => Math.exp(v - Math.max(...z)));
        expect(Math.abs(p.scores[i] - e[k] / (e[0] + e[1] + e[2]))).toBeLessThanOrEqual(1e-6);
        expect(p.labels?.[i]).toBe(z.indexOf(Math.max(...z)));
      });
      expect(p).toMatchObject({ positiveIndex: k, positiveLabel: k });
    }
    const err = await rejected(predict(model, f32(X)));
    expect(err.code).toBe('AMBIGUOUS_OUTPUT');
    await disposeModel(model);
  });

  test('binary ZipMap model (string classes): P(yes) = sigmoid(w x + b); positive "no" gives 1 - P(yes)', async () => {
    const model = await loadModel(S.binaryZipMapMlOnly(), 'b.onnx');
    const p = await predict(model, f32(X));
    const no = await predict(model, f32(X), { positive: 'no' });
    X.forEach((x, i) => {
      const sig = 1 / (1 + Math.exp(-(S.BINARY_W[0] * x[0] + S.BINARY_W[1] * x[1] + S.BINARY_B)));
      expect(Math.abs(p.scores[i] - sig)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(no.scores[i] - (1 - sig))).toBeLessThanOrEqual(1e-6);
      expect(p.labels?.[i]).toBe(sig > 0.5 ? 'yes' : 'no');
    });
    expect(predictionsToJson(p)).toMatchObject({ positive_index: 1, positive_label: 'yes' });
    expect(predictionsToJson(no)).toMatchObject({ positive_index: 0, positive_label: 'no' });
    await disposeModel(model);
  });

  test('anomaly model: scores = X w, labels -1/1; JSON has no positive_index', async () => {
    const model = await loadModel(S.anomalyModel(), 'a.onnx');
    const p = await predict(model, f32(X));
    const expected = X.map((x) => x[0] * S.ANOMALY_W[0] + x[1] * S.ANOMALY_W[1]);
    expect(Array.from(p.scores)).toEqual(expected);
    expect(p.labels).toEqual(expected.map((s) => (s < 0 ? -1 : 1)));
    const json = predictionsToJson(p);
    expect(json).toEqual({ task: 'anomaly', output: 'scores', scores: expected, precision: 'float32', labels: [1, 1, -1, 1] });
    expect((await rejected(evaluate(model, f32(X), { space: 'logit' }))).code).toBe('INVALID_OPTION');
    await disposeModel(model);
  });

  test('per-column regression from an Arrow table: float, double, int64, text (numbers as text) and bool inputs', async () => {
    const model = await loadModel(S.perColumnRegression(), 'r.onnx');
    const table = new Table({
      e: vectorFromArray([true, false, true], new Bool()),
      d: vectorFromArray([1, 7, 1], new Float64()),
      a: vectorFromArray([0.5, 1.25, -2], new Float64()),
      b: vectorFromArray([0.1, 0.2, 0.3], new Float64()),
      c: vectorFromArray([3, 4, 5], new Float64()),
      other: vectorFromArray(['x', 'y', 'z'], new Utf8()),
    });
    const columns = ['e', 'd', 'a', 'b', 'c', 'other'].map((name) => ({ name, kind: name === 'e' ? 'boolean' as const : name === 'other' ? 'category' as const : 'number' as const, integer: false, missing: 0, distinct: 3, distinctCapped: false, min: null, max: null }));
    const mapping = mapColumns(model.signature, columns);
    const p = await predict(model, encodeFeatures(table, mapping));
    // d: 1 -> '1' -> 30, 7 -> '7' -> default -1
    const expected = [0.5 + 0.1 + 3 + 1 + 30, 1.25 + 0.2 + 4 + 0 - 1, -2 + 0.3 + 5 + 1 + 30].map(Math.fround);
    p.scores.forEach((s, i) => expect(Math.abs(s - expected[i])).toBeLessThanOrEqual(1e-5));
    expect(p).toMatchObject({ task: 'regression', output: 'variable', positiveIndex: null, labels: null });
    await disposeModel(model);
  });

  test('1-D regression output [N]', async () => {
    const model = await loadModel(S.sumRegression(), 's.onnx');
    const p = await predict(model, f32([[1, 2, 3], [0.5, 0.25, 0]]));
    expect(Array.from(p.scores)).toEqual([6, 0.75]);
    await disposeModel(model);
  });
});

describe('runtime errors', () => {
  test('the runtime refusing the data -> INFERENCE_FAILED in plain words (issue 9: no runtime text) and a hint', async () => {
    const model = await loadModel(S.reshapeToHalf(), 'r.onnx');
    const err = await rejected(predict(model, f32([[1, 2], [3, 4], [5, 6]]), { output: 'y:0' }));
    expect(err.code).toBe('INFERENCE_FAILED');
    expect(err.message).toBe('the model could not process the data: its step Reshape received values whose sizes do not fit (the data gives 2 columns per row to the input input)');
    expect(err.params).toMatchObject({ detail: 'INFERENCE_SHAPE', operator: 'Reshape' });
    expect(err.hint).toMatch(/einblick inspect/);
    const rows = await rejected(predict(model, f32([[1, 2], [3, 4]]), { output: 'y:0' }));
    expect(rows.code).toBe('INFERENCE_FAILED');
    expect(rows.message).toBe('output y has shape [1, 4] for 2 input rows');
    await disposeModel(model);
  });

  test('features in another element type than the input -> a clear error before the runtime; a released model refuses to run', async () => {
    const model = await loadModel(fixtureBytes('real_german_pipe_rf/model.onnx'), 'model.onnx');
    const { table, columns } = csvTable(fixtureText('real_german_pipe_rf/data.csv'));
    const features = encodeFeatures(table, mapColumns(model.signature, columns), { start: 0, end: 3 });
    const bad: FeatureSet = { ...features, columns: features.columns.map((c, j) => (features.names[j] === 'Age' ? { type: 'float32', data: new Float32Array(3) } : c)) };
    const err = await rejected(predict(model, bad));
    expect(err.message).toBe('feature Age holds float32 values, but the model input Age takes int64');
    await disposeModel(model);
    expect((await rejected(predict(model, features))).message).toBe('the model session was already released');
  });
});
