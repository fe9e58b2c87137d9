/**
 * Prediction throughput: raw onnxruntime-web `session.run` on input tensors built beforehand
 * (the baseline) against Einblick's whole path (Arrow table -> encodeFeatures -> batched
 * predict), german_credit_gbm (one [N, 20] float input, 50 trees) on its 1000 feature rows
 * tiled to `rows` rows, batches of 10,000 rows. Both run the same graph (ZipMap removed, as
 * Einblick runs it) in the same onnxruntime-web instance with the same thread count.
 *
 * onnxruntime-web is imported dynamically, as src/engine/model/ort.ts does: a bundler then
 * keeps it in a chunk of its own, which its threads (module workers started from that
 * chunk's own URL) need; bundled into the benchmark worker's chunk, the threads would start
 * the benchmark worker instead and never answer.
 */
import { loadTable } from '../../src/engine/data/load.ts';
import { encodeFeatures } from '../../src/engine/model/encode.ts';
import { mapColumns } from '../../src/engine/model/mapping.ts';
import { loadModel, predict } from '../../src/engine/model/predict.ts';
import { tiledCsv } from './data.ts';
import type { BenchContext, BenchParams, Prepared, Workload } from './types.ts';

const BATCH = 10_000;
type Ort = typeof import('onnxruntime-web');
type Tensor = import('onnxruntime-web').Tensor;

async function runtime(): Promise<Ort> {
  const mod = await import('onnxruntime-web');
  return ((mod as { default?: Ort }).default ?? mod) as Ort;
}

async function prepare(ctx: BenchContext, params: BenchParams): Promise<Prepared> {
  const bytes = await ctx.fixture('german_credit_gbm/model.onnx');
  const csv = new TextDecoder().decode(await ctx.fixture('german_credit_gbm/features.csv'));
  const data = await loadTable(tiledCsv(csv, params.rows), 'features.csv');
  const model = await loadModel(bytes, 'model.onnx'); // applies configureOrt to the runtime
  const ort = await runtime();
  const mapping = mapColumns(model.signature, data.columns);
  const session = await ort.InferenceSession.create(model.runtimeBytes, { executionProviders: ['wasm'] });
  const output = model.signature.score!.output;
  const input = model.signature.inputs[0].name;
  const batches: Record<string, Tensor>[] = [];
  for (let s = 0; s < params.rows; s += BATCH) {
    const part = encodeFeatures(data.table, mapping, { start: s, end: Math.min(params.rows, s + BATCH) });
    const f = part.columns.length, n = part.rows;
    const x = new Float32Array(n * f);
    part.columns.forEach((c, j) => { for (let i = 0; i < n; i++) x[i * f + j] = (c.data as Float32Array)[i]; });
    batches.push({ [input]: new ort.Tensor('float32', x, [n, f]) });
  }
  let rawLast: Float32Array | null = null;
  let ours: Float64Array | null = null;
  return {
    info: { model: 'german_credit_gbm', rows: params.rows, batch: BATCH, threads: ctx.threads, ortNumThreads: ort.env.wasm.numThreads as number },
    steps: {
      raw: async () => {
        for (const feeds of batches) rawLast = (await session.run(feeds, [output]))[output].data as Float32Array;
      },
      einblick: async () => {
        ours = (await predict(model, encodeFeatures(data.table, mapping), { batchSize: BATCH })).scores;
      },
    },
    // the last batch's P(positive) from both paths must agree (they run the same graph)
    finish: async () => {
      const width = rawLast!.length / (params.rows - (batches.length - 1) * BATCH);
      const col = model.signature.score!.index ?? 0;
      let diff = 0;
      for (let i = 0, at = (batches.length - 1) * BATCH; at + i < params.rows; i++) diff = Math.max(diff, Math.abs(rawLast![i * width + col] - ours![at + i]));
      return { maxAbsDiffRawVsEinblick: diff };
    },
  };
}

export const predictWorkload: Workload = {
  id: 'predict',
  title: 'predict: german_credit_gbm features tiled',
  rounds: (p) => (p.quick ? 3 : 5),
  prepare,
};
