/**
 * Bookkeeping of the sampling explainers next to the model evaluations they need: permutation
 * SHAP and Kernel SHAP for 20 rows of german_credit_gbm, 100 background rows, 20 players, a
 * budget of 15,201 model evaluations per row (as bench/treeshap.ts), with onnxruntime-web as
 * the model (`evaluate`, batches of 4096 rows). Goal: total time at most 1.3x the model time.
 *
 * The model time is measured two ways: (1) inside the explainer's model calls (the steps
 * report modelMs); (2) by replaying the very rows the explainer sent to the model (captured in
 * a first run) on their own, in the same batches (steps '...Model'). The replay is the cleaner
 * baseline: tree inference speed depends on the rows (hybrid rows branch alike), and garbage
 * the explainer leaves behind can be collected during a model call and count as model time.
 */
import { gameFromRows } from '../../src/engine/explain/game.ts';
import { kernelShap } from '../../src/engine/explain/kernel.ts';
import { permutationShap } from '../../src/engine/explain/permutation.ts';
import { makePlayers } from '../../src/engine/explain/players.ts';
import type { BatchModel, Game } from '../../src/engine/explain/types.ts';
import { evaluate, loadModel, type LoadedModel } from '../../src/engine/model/predict.ts';
import { packedFeatureSet, packedRows } from '../../src/engine/model/packed.ts';
import type { FeatureSet } from '../../src/engine/model/types.ts';
import { featureSet } from './data.ts';
import type { BenchContext, Prepared, StepExtras, Workload } from './types.ts';

const SAMPLES = 4 * 100 * 2 * 19 + 1;
const BATCH = 4096;
type Method = typeof permutationShap;

/**
 * A copy of a FeatureSet (the masker reuses its buffers). Rows that come packed (the masker's
 * fast path) are kept packed, so that the replay feeds the model the same way, without packing.
 */
function copy(f: FeatureSet): FeatureSet {
  const packed = packedRows(f);
  if (packed) return packedFeatureSet(f.names.slice(), packed.data.slice(), f.rows);
  return { names: f.names, rows: f.rows, columns: f.columns.map((c) => ({ ...c, data: c.data.slice() }) as FeatureSet['columns'][number]) };
}

/** The explainer with a model that times its calls and, when `capture` is given, keeps the rows. */
async function runTimed(model: LoadedModel, game: Game, method: Method, capture?: FeatureSet[]): Promise<StepExtras> {
  let modelMs = 0, modelRows = 0, modelCalls = 0;
  const timedModel: BatchModel = async (f) => {
    if (capture) capture.push(copy(f));
    const t0 = performance.now();
    const v = await evaluate(model, f, { space: 'probability', batchSize: BATCH });
    modelMs += performance.now() - t0;
    modelRows += f.rows;
    modelCalls++;
    return v;
  };
  await method(game, timedModel, { samples: SAMPLES, seed: 1 });
  return { modelMs, modelRows, modelCalls };
}

async function prepare(ctx: BenchContext): Promise<Prepared> {
  const fs = featureSet(new TextDecoder().decode(await ctx.fixture('german_credit_gbm/features.csv')));
  const ref = JSON.parse(new TextDecoder().decode(await ctx.fixture('german_credit_gbm/reference.json'))) as { explanations: { rows: { background: number[] } } };
  const model = await loadModel(await ctx.fixture('german_credit_gbm/model.onnx'), 'model.onnx');
  const game = gameFromRows(fs, makePlayers(fs.names, 'none'), Array.from({ length: 20 }, (_, i) => i), ref.explanations.rows.background);
  const calls: Record<string, FeatureSet[]> = { permutation: [], kernel: [] };
  await runTimed(model, game, permutationShap, calls.permutation);
  await runTimed(model, game, kernelShap, calls.kernel);
  const replay = (batches: FeatureSet[]) => async (): Promise<StepExtras> => {
    let modelRows = 0;
    for (const f of batches) modelRows += (await evaluate(model, f, { space: 'probability', batchSize: BATCH })).length;
    return { modelRows, modelCalls: batches.length };
  };
  return {
    info: { rows: 20, background: 100, players: game.players.length, samplesPerRow: SAMPLES, model: 'onnxruntime-web', threads: ctx.threads },
    steps: {
      permutation: () => runTimed(model, game, permutationShap),
      permutationModel: replay(calls.permutation),
      kernel: () => runTimed(model, game, kernelShap),
      kernelModel: replay(calls.kernel),
    },
  };
}

export const samplingWorkload: Workload = {
  id: 'sampling',
  title: 'sampling SHAP overhead: 20 rows, onnxruntime-web model',
  rounds: (p) => (p.quick ? 3 : 5),
  prepare,
};
