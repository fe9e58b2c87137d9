/**
 * Issue 3 with the model layer: a model loaded by src/engine/model (onnxruntime-web, ZipMap
 * removed), its detected score traced to an exact structure, the structure checked against the
 * runtime's output, then explained; and onnxruntime-web itself as the black-box model.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStructure, explain, extractModel, gameFromRows, makePlayers } from '../../../src/engine/explain/index.ts';
import { disposeModel, evaluate, loadModel, type LoadedModel } from '../../../src/engine/model/predict.ts';
import { efficiencyError } from './checks.ts';
import { columnFeatures, fixturePath, reference } from './fixtures.ts';

const loaded: LoadedModel[] = [];
afterAll(async () => { for (const m of loaded) await disposeModel(m); });

describe('explaining a model loaded by the model layer (issue 3)', () => {
  it('real_german_pipe_rf: signature score -> structure -> runtime check -> exact values', async () => {
    const name = 'real_german_pipe_rf';
    const model = await loadModel(new Uint8Array(readFileSync(fixturePath(name, 'model.onnx'))), 'model.onnx');
    loaded.push(model);
    const score = model.signature.score;
    expect(score).not.toBeNull();
    const extracted = extractModel(model.proto, score!);
    expect(extracted.kind).toBe('trees');
    if (extracted.kind === 'none') return;
    const fs = columnFeatures(name);
    const runtime = await evaluate(model, fs, { space: 'probability' });
    const check = checkStructure(extracted, 'columns', fs, runtime);
    expect(check.ok).toBe(true);
    const ref = reference(name);
    const game = gameFromRows(fs, makePlayers(fs.names, 'auto'), ref.rows.explained.slice(0, 5), ref.rows.background);
    const exact = await explain(game, { structure: { extracted, layout: 'columns' } }, { space: 'probability' });
    const phi: number[][] = ref.explanations.probability.phi;
    phi.slice(0, 5).forEach((row, r) => row.forEach((v, p) => expect(Math.abs(exact.values[r * row.length + p] - v)).toBeLessThan(1e-12)));
    // the runtime as a black box: permutation SHAP close to the exact values, within its errors
    const sampled = await explain(game, { evaluate: (f) => evaluate(model, f, { space: 'probability' }) }, { space: 'probability', method: 'permutation', seed: 3 });
    expect(efficiencyError(sampled)).toBeLessThan(1e-9);
    let worst = 0;
    sampled.values.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - exact.values[i]) / Math.max(sampled.standardErrors![i], 1e-6)); });
    expect(worst).toBeLessThan(5);
  });
});
