/**
 * Issue 9: outputs that cannot be a probability are refused instead of read as P(positive):
 * an output with more than one dimension of values per row ([N, 2, 2]), an --output index
 * outside the declared width, and a probability output whose values leave 0..1.
 */
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { PROBABILITY_SLACK, takeColumn } from '../../../src/engine/model/batches.ts';
import { disposeModel, evaluate, loadModel, predict, resolveScore } from '../../../src/engine/model/index.ts';
import type { OutputTensor } from '../../../src/engine/model/ort.ts';
import { isMultiDimensional, outputWidth } from '../../../src/engine/model/task.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { errorTexts } from '../../../src/ui/i18n/errors.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';
import * as H from './hostile.ts';
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

function f32(rows: number[][]): FeatureSet {
  return { names: rows[0].map((_, j) => `x${j}`), rows: rows.length, columns: rows[0].map((_, j) => ({ type: 'float32' as const, data: Float32Array.from(rows.map((r) => r[j])) })) };
}

describe('outputs with more than one dimension of values per row (issue 9)', () => {
  test('[N, 2, 2] is multi-dimensional, [N, 1, 2] and [N, 2, 1] are [N, 2]', () => {
    expect(isMultiDimensional([null, 2, 2])).toBe(true);
    expect(isMultiDimensional([null, 2, null])).toBe(true);
    expect(isMultiDimensional([null, 1, 2])).toBe(false);
    expect(outputWidth({ shape: [null, 1, 2] })).toBe(2);
    expect(outputWidth({ shape: [null, 2, 1] })).toBe(2);
    expect(outputWidth({ shape: [null, 1, 1] })).toBe(1);
    expect(outputWidth({ shape: [null, 2, 2] })).toBeNull();
  });

  test('a declared [N, 2, 2] "probabilities" output: refused with or without --output probabilities:3', async () => {
    const model = await loadModel(H.tableOutput(), 'm.onnx');
    for (const output of [undefined, 'probabilities:3', 'probabilities']) {
      const err = await rejected(predict(model, f32([[1, 2, 3, 4]]), { output }));
      expect(err.code).toBe('UNSUPPORTED_OUTPUT');
      expect(err.message).toBe('output probabilities has the shape [N, 2, 2]: it holds 2 x 2 values per row, not one score per row (or one per class), so no column of it can be the score');
      expect(err.params.detail).toBe('OUTPUT_RANK');
      expect(errorDetail(err.toInfo(), 'de')?.text).toContain('[N, 2, 2]');
    }
    await disposeModel(model);
  });

  test('the same output with no shape in the file: the trial run finds [N, 2, 2] and it is refused too', async () => {
    const model = await loadModel(H.tableOutput(false), 'm.onnx');
    expect(model.signature.outputs[0].shape).toEqual([null, 2, 2]);
    const err = await rejected(predict(model, f32([[1, 2, 3, 4]]), { output: 'probabilities:3' }));
    expect(err.params.detail).toBe('OUTPUT_RANK');
    await disposeModel(model);
  });

  test('a run that returns [N, 2, 2] where the signature said nothing is refused at the output (not flattened)', () => {
    const t: OutputTensor = { name: 'p', type: 'float32', dims: [1, 2, 2], numbers: Float32Array.of(0.1, 0.9, 0.4, 0.6), strings: null };
    expect(() => takeColumn(t, 3, new Float64Array(1), 0, 1)).toThrow(/has the shape \[N, 2, 2\]/);
    const flat: OutputTensor = { ...t, dims: [1, 1, 4] };
    const into = new Float64Array(1);
    takeColumn(flat, 3, into, 0, 1);
    expect(into[0]).toBeCloseTo(0.6, 6);
  });

  test('an --output index outside the declared width lists the valid columns', async () => {
    const model = await loadModel(S.multiClassZipMap(), 'm.onnx');
    let err: EinblickError | null = null;
    try {
      resolveScore(model.signature, { output: 'output_probability:3' });
    } catch (e) {
      err = e as EinblickError;
    }
    expect(err?.code).toBe('INVALID_OPTION');
    expect(err?.message).toBe('index 3 is out of range for output output_probability, which has 3 columns (0 to 2); valid: output_probability:0 (class 0), output_probability:1 (class 1), output_probability:2 (class 2)');
    await disposeModel(model);
  });
});

describe('probability outputs with values outside 0..1 (issue 9)', () => {
  // input [x0, x1] -> "probabilities" [x0 - 2 x1, -x0 + 2 x1]
  const rows = [[1, 0.25], [0.5, 0.5], [0.1, 0.2]];

  test('predict refuses them with NOT_PROBABILITY naming the output, the first row and its value', async () => {
    const model = await loadModel(H.scoresNamedProbabilities(), 'm.onnx');
    expect(model.signature.task).toBe('classification');
    const err = await rejected(predict(model, f32(rows)));
    expect(err.code).toBe('NOT_PROBABILITY');
    expect(err.message).toBe('output probabilities (column 1) holds values outside 0 to 1 (row 0: -0.5), so it is a score, not a probability; Einblick cannot apply a probability threshold to it');
    expect(err.params).toMatchObject({ output: 'probabilities', index: 1, row: 0, value: -0.5 });
    expect(errorTexts.NOT_PROBABILITY.de.title).toBe('Die Ausgabe des Modells ist keine Wahrscheinlichkeit.');
    await disposeModel(model);
  });

  test('the first offending row in a later batch is named by its data row', async () => {
    const model = await loadModel(H.scoresNamedProbabilities(), 'm.onnx');
    const ok = Array.from({ length: 7 }, () => [0.2, 0.3]); // 0.4: a probability
    const err = await rejected(predict(model, f32([...ok, [1, 2], [3, 0]]), { batchSize: 3 }));
    expect(err.params).toMatchObject({ row: 7, value: 3 });
    await disposeModel(model);
  });

  test('evaluate (what the explainers call) refuses them in probability and log-odds space; raw space is read as it is', async () => {
    const model = await loadModel(H.scoresNamedProbabilities(), 'm.onnx');
    for (const space of ['probability', 'logit'] as const) {
      const err = await rejected(evaluate(model, f32(rows), { space }));
      expect(err.code).toBe('NOT_PROBABILITY');
      expect(err.message).toBe('output probabilities (column 1) holds values outside 0 to 1 (-0.5 for a case evaluated for the explanation), so it is a score, not a probability; Einblick cannot explain it as a probability');
    }
    expect(Array.from(await evaluate(model, f32(rows), { space: 'raw' }))).toEqual([-0.5, 0.5, 0.30000001192092896]);
    await disposeModel(model);
  });

  test('analysed as a regression value the same output is accepted', async () => {
    const model = await loadModel(H.scoresNamedProbabilities(), 'm.onnx');
    const p = await predict(model, f32(rows), { task: 'regression' });
    expect(p.scores[0]).toBe(-0.5);
    await disposeModel(model);
  });

  test('real probabilities pass: a sigmoid network and a ZipMap classifier', async () => {
    const net = await loadModel(S.sigmoidNet(), 'n.onnx');
    expect((await predict(net, f32([[40, -40], [-40, 40], [0, 0]]))).scores[2]).toBe(0.5);
    await disposeModel(net);
    const zip = await loadModel(S.binaryZipMapMlOnly(), 'z.onnx');
    const p = await predict(zip, f32(rows));
    expect(p.scores.every((s) => s > 0 && s < 1)).toBe(true);
    await disposeModel(zip);
  });

  test('float32 rounding just outside 0..1 passes; beyond the slack, and the first finite value, is refused; NaN and infinities are left alone', () => {
    const t = (values: number[]): OutputTensor => ({ name: 'p', type: 'float64', dims: [values.length], numbers: Float64Array.from(values), strings: null });
    const into = new Float64Array(5);
    expect(takeColumn(t([1 + PROBABILITY_SLACK / 2, -PROBABILITY_SLACK / 2, 0, 1, 0.5]), null, into, 0, 5, true)).toBe(-1);
    expect(takeColumn(t([NaN, Infinity, -Infinity, 0.5, 1]), null, into, 0, 5, true)).toBe(-1);
    expect(takeColumn(t([NaN, 0.5, 1 + 2 * PROBABILITY_SLACK, -3, 0]), null, into, 0, 5, true)).toBe(2);
    expect(takeColumn(t([0.5, -0.01, 0, 0, 0]), null, into, 0, 5, false)).toBe(-1);
  });
});
