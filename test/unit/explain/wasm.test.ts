/**
 * Issue 3: the AssemblyScript tree SHAP kernel (src/wasm/treeshap.wasm) against its TypeScript
 * twin (tree-shap-dense.ts): the same numbers bit for bit on the fixtures and on random
 * ensembles with every node mode, missing-value tracking and set membership; and through
 * explain(), the reference values of the fixtures.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../src/engine/explain/explain.ts';
import { gameFromRows } from '../../../src/engine/explain/game.ts';
import { makePlayers, playerOfFeature } from '../../../src/engine/explain/players.ts';
import { structured } from '../../../src/engine/explain/structure.ts';
import { leafPaths } from '../../../src/engine/explain/tree-paths.ts';
import { denseLayout, denseTreeShap } from '../../../src/engine/explain/tree-shap-dense.ts';
import type { TreeShapInput, TreeShapKernel } from '../../../src/engine/explain/tree-shap-types.ts';
import { extractModel } from '../../../src/engine/model/trees/extract.ts';
import { scalarTrees } from '../../../src/engine/model/trees/margin.ts';
import { readTreeEnsembleV5 } from '../../../src/engine/model/trees/read-v5.ts';
import { loadTreeShapKernel, TREESHAP_WASM_URL } from '../../../src/wasm/treeshap-kernel.ts';
import { columnFeatures, loadModel, matrixFeatures, reference } from './fixtures.ts';
import { buildModel, node, randomMatrix, randomV5Attrs, valueInfo } from './synthetic.ts';

let kernel: TreeShapKernel;
beforeAll(async () => { kernel = await loadTreeShapKernel(); });

function twin(input: TreeShapInput): { ts: ReturnType<typeof denseTreeShap>; wasm: ReturnType<typeof denseTreeShap> } {
  const paths = leafPaths(input.trees, input.featurePlayer);
  const lay = denseLayout(paths)!;
  return { ts: denseTreeShap(input, paths, lay), wasm: kernel.run(input, paths, lay) };
}

describe('tree SHAP wasm kernel vs its TypeScript twin (issue 3)', () => {
  it('loads from bytes as well as from the default URL', async () => {
    const k = await loadTreeShapKernel(new Uint8Array(readFileSync(TREESHAP_WASM_URL)));
    expect(k.name).toBe('wasm');
  });

  for (const [name, layout] of [['german_credit_gbm', 'matrix'], ['hmda_gbm', 'matrix'], ['real_german_pipe_rf', 'columns']] as const) {
    it(`${name}: identical values, base and predictions`, () => {
      const fs = layout === 'matrix' ? matrixFeatures(name) : columnFeatures(name);
      const ext = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
      if (ext.kind !== 'trees') throw new Error('not trees');
      const st = structured(ext, layout, 'probability');
      const players = makePlayers(fs.names, 'auto');
      const input = { trees: st.trees!, x: st.encode(fs), background: st.encode(fs).subarray(0, 100 * st.nf), nf: st.nf, featurePlayer: st.featurePlayer(fs, playerOfFeature(players, fs.names.length)), nPlayers: players.length };
      const { ts, wasm } = twin(input);
      expect(Array.from(wasm.phi)).toEqual(Array.from(ts.phi));
      expect(Array.from(wasm.fx)).toEqual(Array.from(ts.fx));
      expect(wasm.base).toBe(ts.base);
    });
  }

  it('random opset-5 ensembles with set membership, NaN and every mode: identical', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { model } = buildModel({ nodes: [node('TreeEnsemble', ['X'], ['Y'], randomV5Attrs(seed, { trees: 5, depth: 4, nf: 4, nTargets: 1 }), 'ai.onnx.ml')], inputs: [valueInfo('X', 'float', [null, 4])], outputs: [valueInfo('Y', 'float', [null, 1])], mlOpset: 5 });
      const e = readTreeEnsembleV5(model.graph!.node![0]);
      const trees = scalarTrees(e, { a: Float64Array.of(1), c: 0, link: 'identity', alpha: 1, beta: 0 });
      const input = { trees, x: Float64Array.from(randomMatrix(seed, 20, 4, 0.2)), background: Float64Array.from(randomMatrix(seed + 99, 15, 4, 0.2)), nf: 4, featurePlayer: Int32Array.of(0, 1, 1, 2), nPlayers: 3 };
      const { ts, wasm } = twin(input);
      expect(Array.from(wasm.phi)).toEqual(Array.from(ts.phi));
      expect(Array.from(wasm.fx)).toEqual(Array.from(ts.fx));
    }
  });

  it('explain() with the wasm kernel reproduces the reference values', async () => {
    const name = 'german_credit_gbm';
    const ref = reference(name), fs = matrixFeatures(name);
    const extracted = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
    const game = gameFromRows(fs, makePlayers(fs.names, 'auto'), ref.explanations.rows.explained, ref.explanations.rows.background);
    const e = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit', treeKernel: kernel });
    expect(e.notes.map((n) => n.message).join(' ')).toMatch(/kernel wasm/);
    const phi: number[][] = ref.explanations.logit.by_source_column.phi;
    phi.forEach((row, r) => row.forEach((v, p) => expect(Math.abs(e.values[r * row.length + p] - v)).toBeLessThan(1e-12)));
  });
});
