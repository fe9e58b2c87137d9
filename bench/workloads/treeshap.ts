/**
 * Exact interventional tree SHAP on german_credit_gbm (50 trees of depth 3, 20 features, each
 * a player, log-odds): 1000 explained rows (0..999) x the 100 background rows of its
 * reference.json, as bench/treeshap.ts does; wasm kernel and its TypeScript twin (dense
 * tables). Each timed run includes encoding the rows, building the path tables and (wasm)
 * copying into and out of wasm memory. Anchor: shap's C++ TreeExplainer, 0.31 s.
 */
import { takeRows } from '../../src/engine/explain/featureset.ts';
import { makePlayers, playerOfFeature } from '../../src/engine/explain/players.ts';
import { structured } from '../../src/engine/explain/structure.ts';
import { treeShap, type TreeShapResult } from '../../src/engine/explain/tree-shap.ts';
import { decodeModel } from '../../src/engine/model/onnx-proto.ts';
import { extractModel } from '../../src/engine/model/trees/extract.ts';
import { loadTreeShapKernel } from '../../src/wasm/treeshap-kernel.ts';
import { featureSet } from './data.ts';
import type { BenchContext, Prepared, Workload } from './types.ts';

interface Reference { explanations: { rows: { background: number[]; explained: number[] }; logit: { by_feature: { phi: number[][] } } } }

async function prepare(ctx: BenchContext): Promise<Prepared> {
  const model = decodeModel(await ctx.fixture('german_credit_gbm/model.onnx'));
  const ref = JSON.parse(new TextDecoder().decode(await ctx.fixture('german_credit_gbm/reference.json'))) as Reference;
  const fs = featureSet(new TextDecoder().decode(await ctx.fixture('german_credit_gbm/features.csv')));
  const ext = extractModel(model, { output: 'probabilities', index: 1 });
  if (ext.kind !== 'trees') throw new Error('german_credit_gbm: no trees found');
  const st = structured(ext, 'matrix', 'logit');
  const players = makePlayers(fs.names, 'none');
  const owner = playerOfFeature(players, fs.names.length);
  const explained = takeRows(fs, Array.from({ length: 1000 }, (_, i) => i));
  const background = takeRows(fs, ref.explanations.rows.background);
  const kernel = await loadTreeShapKernel();
  const job = () => ({ trees: st.trees!, x: st.encode(explained), background: st.encode(background), nf: st.nf, featurePlayer: st.featurePlayer(explained, owner), nPlayers: players.length });
  const last: Record<string, TreeShapResult> = {};
  return {
    info: { rows: 1000, background: 100, players: players.length },
    steps: {
      wasm: async () => { last.wasm = treeShap(job(), { kernel })!; },
      ts: async () => { last.ts = treeShap(job())!; },
    },
    finish: async () => ({ ...checks(last.wasm, last.ts, ref, players.length) }),
  };
}

/** wasm vs TypeScript, efficiency, and the reference values of the 50 reference rows. */
function checks(wasm: TreeShapResult, ts: TreeShapResult, ref: Reference, p: number): Record<string, number> {
  let twin = 0, efficiency = 0, reference = 0;
  for (let i = 0; i < wasm.phi.length; i++) twin = Math.max(twin, Math.abs(wasm.phi[i] - ts.phi[i]));
  for (let r = 0; r < wasm.fx.length; r++) {
    let s = wasm.base;
    for (let j = 0; j < p; j++) s += wasm.phi[r * p + j];
    efficiency = Math.max(efficiency, Math.abs(s - wasm.fx[r]));
  }
  ref.explanations.rows.explained.forEach((row, k) => {
    for (let j = 0; j < p; j++) reference = Math.max(reference, Math.abs(wasm.phi[row * p + j] - ref.explanations.logit.by_feature.phi[k][j]));
  });
  return { maxAbsDiffWasmVsTs: twin, maxEfficiencyError: efficiency, maxAbsDiffVsReference: reference };
}

export const treeShapWorkload: Workload = {
  id: 'treeshap',
  title: 'tree SHAP: german_credit_gbm, 1000 rows x 100 background',
  rounds: (p) => (p.quick ? 5 : 9),
  prepare,
};
