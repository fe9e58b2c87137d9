/**
 * Issue 3: every fixture's reference explanations reproduced through explain():
 * logit by_feature / by_source_column (exact tree or linear SHAP), probability space for the
 * *_small cases (exact, by pairwise enumeration), and real_german_pipe_rf in both spaces with
 * the model's input columns as players. Efficiency is asserted for every result.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/engine/explain/explain.ts';
import { gameFromRows } from '../../../src/engine/explain/game.ts';
import { makePlayers } from '../../../src/engine/explain/players.ts';
import type { Explanation, Space } from '../../../src/engine/explain/types.ts';
import { extractModel } from '../../../src/engine/model/trees/extract.ts';
import { efficiencyError } from './checks.ts';
import { MATRIX_CASES, columnFeatures, loadModel, matrixFeatures, reference } from './fixtures.ts';

interface RefBlock { players: string[]; base_value: number; f_x: number[]; phi: number[][] }

function compare(e: Explanation, ref: RefBlock, tol: number): void {
  expect(e.players).toEqual(ref.players);
  expect(Math.abs(e.baseValue - ref.base_value)).toBeLessThan(tol);
  const n = e.players.length;
  let worst = 0, worstFx = 0;
  ref.phi.forEach((row, r) => {
    row.forEach((v, p) => { worst = Math.max(worst, Math.abs(e.values[r * n + p] - v)); });
    worstFx = Math.max(worstFx, Math.abs(e.predictions[r] - ref.f_x[r]));
  });
  expect(worst).toBeLessThan(tol);
  expect(worstFx).toBeLessThan(tol);
  expect(efficiencyError(e)).toBeLessThan(1e-9);
}

describe('reference explanations of the matrix fixtures (issue 3)', () => {
  for (const name of MATRIX_CASES) {
    const ref = reference(name);
    const ex = ref.explanations;
    const fs = matrixFeatures(name);
    const extracted = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
    const spaces: Space[] = ex.probability ? ['logit', 'probability'] : ['logit'];
    for (const space of spaces) {
      for (const [grouping, key] of [['none', 'by_feature'], ['auto', 'by_source_column']] as const) {
        it(`${name}: ${space} ${key}`, async () => {
          const game = gameFromRows(fs, makePlayers(fs.names, grouping), ex.rows.explained, ex.rows.background);
          const e = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space });
          expect(e.method).toBe(name.includes('gbm') ? 'tree' : 'linear');
          expect(e.errorEstimate).toBeNull();
          compare(e, ex[space][key], 1e-9);
        });
      }
    }
  }
});

describe('reference explanations of real_german_pipe_rf (issue 3)', () => {
  const name = 'real_german_pipe_rf';
  const ref = reference(name);
  const fs = columnFeatures(name);
  const extracted = extractModel(loadModel(name), { output: 'output_probability', index: 1 });
  for (const space of ['probability', 'logit'] as const) {
    it(`${space} space, model input columns as players`, async () => {
      const game = gameFromRows(fs, makePlayers(fs.names, 'auto'), ref.rows.explained, ref.rows.background);
      const e = await explain(game, { structure: { extracted, layout: 'columns' } }, { space });
      expect(e.method).toBe('tree');
      // probability is additive for a forest (post_transform NONE); log-odds is enumerated per pair
      expect(e.notes.map((n) => n.message).join(' ')).toMatch(space === 'probability' ? /path-wise/ : /pairwise enumeration/);
      compare(e, { ...ref.explanations[space], players: ref.players }, 1e-9);
    });
  }
});
