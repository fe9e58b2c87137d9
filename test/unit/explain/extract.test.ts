/**
 * Issue 3, step 1: tree ensembles and affine maps read out of the fixture graphs reproduce
 * onnxruntime-web's output (predictions.csv p_onnx_web) on every row, which is the check
 * "the extracted ensemble against onnxruntime's output" the explainer relies on.
 */
import { describe, expect, it } from 'vitest';
import { extractModel, type Extracted } from '../../../src/engine/model/trees/extract.ts';
import { bindFeatures, encodeRows } from '../../../src/engine/model/trees/features.ts';
import { linearMargin, scalarTrees, scoreOf, treeMargin } from '../../../src/engine/model/trees/margin.ts';
import { rawScores } from '../../../src/engine/model/trees/evaluate.ts';
import { finalizeScores } from '../../../src/engine/model/trees/finalize.ts';
import { checkStructure } from '../../../src/engine/model/trees/check.ts';
import { MODE } from '../../../src/engine/model/trees/types.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { MATRIX_CASES, columnFeatures, loadModel, matrixFeatures, predictionColumn, reference } from './fixtures.ts';

function scores(ext: Extracted, fs: FeatureSet, layout: 'matrix' | 'columns'): { score: Float64Array; margin: Float64Array } {
  if (ext.kind === 'none') throw new Error(ext.reason);
  const nf = ext.inputs.length;
  const enc = encodeRows(ext.inputs, bindFeatures(ext.inputs, fs, layout), fs, ext.kind === 'trees' ? 'runtime' : 'float64');
  const margin = new Float64Array(fs.rows);
  if (ext.kind === 'trees') {
    const st = scalarTrees(ext.ensemble, ext.expr);
    for (let r = 0; r < fs.rows; r++) margin[r] = treeMargin(st, enc, r * nf);
  } else {
    for (let r = 0; r < fs.rows; r++) margin[r] = linearMargin(ext.expr, enc, r * nf, nf);
  }
  return { margin, score: margin.map((m) => scoreOf(ext.expr, m)) };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('extracted models reproduce onnxruntime-web (issue 3)', () => {
  for (const name of MATRIX_CASES) {
    it(`${name}: score = p_onnx_web on every row`, () => {
      const ext = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
      expect(ext.kind).toBe(name.includes('gbm') ? 'trees' : 'linear');
      const fs = matrixFeatures(name);
      const { score } = scores(ext, fs, 'matrix');
      const web = predictionColumn(name, 'p_onnx_web');
      expect(maxAbsDiff(score, web)).toBeLessThan(1e-6);
      if (ext.kind !== 'none') expect(ext.expr.link).toBe('logistic');
    });
  }

  it('real_german_pipe_rf: per-column pipeline with OneHotEncoder and ZipMap', () => {
    const model = loadModel('real_german_pipe_rf');
    const ext = extractModel(model, { output: 'output_probability', index: 1 });
    expect(ext.kind).toBe('trees');
    if (ext.kind !== 'trees') return;
    expect(ext.inputs).toHaveLength(55);
    // the provenance of every encoded feature is the reference's (names 'col==value' or 'col')
    const enc = reference('real_german_pipe_rf').encoded_features;
    expect(ext.inputs.map((f) => f.label)).toEqual(enc.names);
    expect(ext.inputs.map((f) => f.input)).toEqual(enc.player_of_encoded_feature);
    expect(ext.expr.link).toBe('identity');
    const { score } = scores(ext, columnFeatures('real_german_pipe_rf'), 'columns');
    const web = predictionColumn('real_german_pipe_rf', 'p_onnx_web_zipmap_stripped');
    expect(maxAbsDiff(score, web)).toBeLessThan(1e-6);
    // the tensor before the ZipMap names the same score
    const before = extractModel(model, { output: 'probabilities', index: 1 });
    expect(before.kind === 'trees' && before.expr.c === ext.expr.c).toBe(true);
  });

  it('real_german_pipe_rf: finalizeScores (onnxruntime rules) gives both probability columns', () => {
    const ext = extractModel(loadModel('real_german_pipe_rf'), { output: 'probabilities', index: 1 });
    if (ext.kind !== 'trees') throw new Error('not trees');
    const fs = columnFeatures('real_german_pipe_rf');
    const nf = ext.inputs.length;
    const enc = encodeRows(ext.inputs, bindFeatures(ext.inputs, fs, 'columns'), fs);
    const web = predictionColumn('real_german_pipe_rf', 'p_onnx_web_zipmap_stripped');
    const p = Float64Array.from({ length: fs.rows }, (_, r) => {
      const out = finalizeScores(ext.ensemble, rawScores(ext.ensemble, enc.subarray(r * nf, (r + 1) * nf)));
      expect(out[0] + out[1]).toBeCloseTo(1, 12);
      return out[1];
    });
    expect(maxAbsDiff(p, web)).toBeLessThan(1e-6);
  });

  it('german_credit_gbm: the raw margin matches the logit of onnxruntime-web to float32 accuracy', () => {
    const ext = extractModel(loadModel('german_credit_gbm'), { output: 'probabilities', index: 1 });
    const { margin } = scores(ext, matrixFeatures('german_credit_gbm'), 'matrix');
    const web = predictionColumn('german_credit_gbm', 'p_onnx_web');
    const logit = web.map((p) => Math.log(p / (1 - p)));
    expect(maxAbsDiff(margin, logit)).toBeLessThan(1e-4);
  });

  it('checkStructure accepts the fixtures and rejects a wrong threshold reading', () => {
    const ext = extractModel(loadModel('german_credit_gbm'), { output: 'probabilities', index: 1 });
    if (ext.kind !== 'trees') throw new Error('not trees');
    const fs = matrixFeatures('german_credit_gbm');
    const web = predictionColumn('german_credit_gbm', 'p_onnx_web');
    const good = checkStructure(ext, 'matrix', fs, web);
    expect(good.ok).toBe(true);
    expect(good.maxDiff).toBeLessThan(1e-6);
    // the same trees compared with '<' instead of '<=' (many inputs equal a threshold)
    const broken = { ...ext, ensemble: { ...ext.ensemble, mode: ext.ensemble.mode.map((m) => (m === MODE.LEQ ? MODE.LT : m)) } };
    const bad = checkStructure(broken, 'matrix', fs, web);
    expect(bad.ok).toBe(false);
    expect(bad.worstRow).toBeGreaterThanOrEqual(0);
  });

  it('a column that is not a score is refused with a reason', () => {
    const ext = extractModel(loadModel('real_german_pipe_rf'), { output: 'output_label', index: null });
    expect(ext.kind).toBe('none');
    if (ext.kind === 'none') expect(ext.reason).toMatch(/label/);
  });
});
