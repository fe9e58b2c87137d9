/**
 * Benchmark of exact interventional tree SHAP: german_credit_gbm (50 trees of depth 3, 20
 * features as players), 1000 explained rows x 100 background rows, TypeScript and wasm
 * kernels; and the bookkeeping overhead of the sampling methods next to the model evaluations.
 * Run: npx tsx bench/treeshap.ts
 * Anchor: shap's C++ TreeExplainer (interventional) takes 0.31 s for the same tree SHAP job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gameFromRows } from '../src/engine/explain/game.ts';
import { kernelShap } from '../src/engine/explain/kernel.ts';
import { permutationShap } from '../src/engine/explain/permutation.ts';
import { makePlayers, playerOfFeature } from '../src/engine/explain/players.ts';
import { structured } from '../src/engine/explain/structure.ts';
import { treeShap } from '../src/engine/explain/tree-shap.ts';
import type { BatchModel } from '../src/engine/explain/types.ts';
import { extractModel } from '../src/engine/model/trees/extract.ts';
import { decodeModel } from '../src/engine/model/onnx-proto.ts';
import type { FeatureSet } from '../src/engine/model/types.ts';
import { takeRows } from '../src/engine/explain/featureset.ts';
import { loadTreeShapKernel } from '../src/wasm/treeshap-kernel.ts';
import { evaluate as ortEvaluate, loadModel as loadOrtModel } from '../src/engine/model/predict.ts';

const SHAP_SECONDS = 0.31;
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'german_credit_gbm');

function features(): FeatureSet {
  const lines = readFileSync(join(dir, 'features.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(','), rows = lines.slice(1).map((l) => l.split(','));
  return { names: header, columns: header.map((_, j) => ({ type: 'float32' as const, data: Float32Array.from(rows, (r) => Number(r[j])) })), rows: rows.length };
}

async function time(label: string, f: () => unknown | Promise<unknown>, reps = 7): Promise<number> {
  const wall: number[] = [], cpu: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const warm = wall.slice(1);
  const ms = (x: number): string => `${x.toFixed(1).padStart(7)} ms`;
  console.log(`${label.padEnd(58)} cold ${ms(wall[0])}, best ${ms(Math.min(...warm))}, median ${ms(med(warm))}, cpu ${ms(med(cpu.slice(1)))}`);
  return med(warm);
}

const model = decodeModel(new Uint8Array(readFileSync(join(dir, 'model.onnx'))));
const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
const ext = extractModel(model, { output: 'probabilities', index: 1 });
if (ext.kind !== 'trees') throw new Error('german_credit_gbm: no trees');
const fs = features();
const st = structured(ext, 'matrix', 'logit');
const players = makePlayers(fs.names, 'none');
const owner = playerOfFeature(players, fs.names.length);
const explained = takeRows(fs, Array.from({ length: 1000 }, (_, i) => i));
const background = takeRows(fs, ref.explanations.rows.background);
const kernel = await loadTreeShapKernel();
const job = () => ({ trees: st.trees!, x: st.encode(explained), background: st.encode(background), nf: st.nf, featurePlayer: st.featurePlayer(explained, owner), nPlayers: players.length });

console.log(`tree SHAP, german_credit_gbm, 1000 rows x 100 background rows, ${players.length} players (anchor: shap C++ ${SHAP_SECONDS * 1000} ms)`);
const ts = await time('TypeScript (dense tables), including encoding', () => treeShap(job()));
const wasm = await time('wasm kernel, including encoding and copying', () => treeShap(job(), { kernel }));
const sparse = await time('TypeScript (sparse tables)', () => treeShap(job(), { dense: false }));
console.log(`speed-up over shap C++ (median): TypeScript ${(SHAP_SECONDS * 1000 / ts).toFixed(1)}x, wasm ${(SHAP_SECONDS * 1000 / wasm).toFixed(1)}x, sparse ${(SHAP_SECONDS * 1000 / sparse).toFixed(1)}x`);

// sampling overhead: 20 rows, 100 background rows, the traced trees as the model
const game = gameFromRows(fs, players, Array.from({ length: 20 }, (_, i) => i), ref.explanations.rows.background);
const evaluate = st.model;
let modelMs = 0;
const ort = await loadOrtModel(new Uint8Array(readFileSync(join(dir, 'model.onnx'))), 'model.onnx');
const models: [string, BatchModel][] = [
  ['traced trees in TypeScript', evaluate],
  ['onnxruntime-web', (f) => ortEvaluate(ort, f, { space: 'probability', batchSize: 4096 })],
];
for (const [modelName, inner] of models) {
  const timed: BatchModel = async (f) => { const t0 = performance.now(); const v = await inner(f); modelMs += performance.now() - t0; return v; };
  for (const [label, run] of [['permutation', permutationShap], ['kernel', kernelShap]] as const) {
    const samples = 4 * 100 * 2 * 19 + 1;
    const ratios: number[] = [];
    await time(`${label} (${modelName}): 20 rows, ${samples} evals/row`, async () => {
      modelMs = 0;
      const t0 = performance.now();
      await run(game, timed, { samples, seed: 1 });
      ratios.push((performance.now() - t0) / modelMs);
    }, 3);
    const sorted = ratios.slice(1).sort((a, b) => a - b);
    console.log(`  total time / time in model evaluations, median of the warm runs: ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}`);
  }
}
