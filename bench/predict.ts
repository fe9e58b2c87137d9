/**
 * Prediction throughput: Einblick's whole path (Arrow table -> encodeFeatures -> batched predict)
 * against raw onnxruntime-web inference on tensors built beforehand, in the same run.
 * Run: npx tsx bench/predict.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadTable } from '../src/engine/data/load.ts';
import { configureOrt } from '../src/engine/model/ort.ts';
import { loadModel, predict } from '../src/engine/model/predict.ts';
import { mapColumns } from '../src/engine/model/mapping.ts';
import { encodeFeatures } from '../src/engine/model/encode.ts';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures');
const BATCH = 10_000;
configureOrt({ numThreads: 1 });
ort.env.wasm.numThreads = 1;

/** The CSV's data lines repeated to `rows` rows. */
function tiled(file: string, rows: number): Uint8Array {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const body = lines.slice(1);
  const out: string[] = [lines[0]];
  for (let i = 0; i < rows; i++) out.push(body[i % body.length]);
  return new TextEncoder().encode(out.join('\n'));
}

async function time(fn: () => Promise<unknown>, repeat = 3): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

async function bench(name: string, dir: string, dataFile: string, rows: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(join(FIX, dir, 'model.onnx')));
  const data = await loadTable(tiled(join(FIX, dir, dataFile), rows), dataFile);
  const model = await loadModel(bytes, 'model.onnx');
  const mapping = mapColumns(model.signature, data.columns);
  const all = encodeFeatures(data.table, mapping);

  // baseline: the same graph (ZipMap removed, as Einblick runs it) fed prebuilt tensors batch by batch
  const session = await ort.InferenceSession.create(model.runtimeBytes, { executionProviders: ['wasm'] });
  const fetch = [model.signature.score!.output];
  const batches: Record<string, ort.Tensor>[] = [];
  for (let s = 0; s < rows; s += BATCH) {
    const part = encodeFeatures(data.table, mapping, { start: s, end: Math.min(rows, s + BATCH) });
    const n = part.rows;
    if (mapping.layout === 'matrix') {
      const x = new Float32Array(n * part.columns.length);
      part.columns.forEach((c, j) => { for (let i = 0; i < n; i++) x[i * part.columns.length + j] = (c.data as Float32Array)[i]; });
      batches.push({ [model.signature.inputs[0].name]: new ort.Tensor('float32', x, [n, part.columns.length]) });
    } else {
      batches.push(Object.fromEntries(part.columns.map((c, j) => [mapping.features[j], new ort.Tensor(c.type as 'float32', c.data as Float32Array, [n, 1])])));
    }
  }
  const raw = await time(async () => { for (const feeds of batches) await session.run(feeds, fetch); });
  const whole = await time(async () => predict(model, encodeFeatures(data.table, mapping), { batchSize: BATCH }));
  const runOnly = await time(async () => predict(model, all, { batchSize: BATCH }));
  const f = (s: number) => `${s.toFixed(3)} s (${Math.round(rows / s).toLocaleString('en')} rows/s)`;
  console.log(`${name}, ${rows.toLocaleString('en')} rows, batches of ${BATCH}:`);
  console.log(`  raw onnxruntime-web session.run on prebuilt tensors  ${f(raw)}   baseline`);
  console.log(`  Einblick predict on encoded features                 ${f(runOnly)}   ${(runOnly / raw).toFixed(2)}x baseline`);
  console.log(`  Einblick encode + predict from the Arrow table       ${f(whole)}   ${(whole / raw).toFixed(2)}x baseline`);
  await session.release();
}

await bench('german_credit_gbm (matrix [N,20], 50 trees)', 'german_credit_gbm', 'features.csv', 1_000_000);
await bench('real_german_pipe_rf (19 per-column int64/string inputs, one-hot + 100 trees)', 'real_german_pipe_rf', 'data.csv', 100_000);
