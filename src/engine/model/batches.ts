/**
 * Runs a model over a FeatureSet in batches of rows, checking the AbortSignal and reporting
 * progress between batches, and reads the score column and labels out of each batch.
 */
import { EinblickError, throwIfAborted, type ProgressFn } from '../errors.ts';
import { buildFeeds, type PackScratch } from './feeds.ts';
import { packedRows } from './packed.ts';
import type { LoadedModel } from './load.ts';
import type { OutputTensor } from './ort.ts';
import { outputRankError } from './resolve.ts';
import { isMultiDimensional } from './task.ts';
import type { FeatureSet } from './types.ts';
import { Pacer } from '../data/yield.ts';

export const DEFAULT_BATCH_SIZE = 10_000;

export interface BatchOptions {
  batchSize?: number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  stage?: string;
}

/**
 * Calls `onBatch(start, rows, outputs)` for each batch of rows [start, start + rows).
 *
 * @example await runBatches(model, features, ['probabilities'], {}, (start, rows, out) => {}) // undefined
 */
export async function runBatches(
  model: LoadedModel,
  features: FeatureSet,
  fetch: string[],
  opts: BatchOptions,
  onBatch: (start: number, rows: number, outputs: Map<string, OutputTensor>) => void,
): Promise<void> {
  const requested = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new EinblickError('INVALID_OPTION', `invalid batch size: ${requested}; expected a whole number of at least 1`, 'Leave the batch size at its default or pass a positive whole number.', { batchSize: requested });
  }
  checkFeatureSet(model, features);
  const total = features.rows;
  const size = batchSizeFor(model, total, requested);
  const stage = opts.stage ?? 'predict';
  opts.onProgress?.({ stage, done: 0, total });
  const pace = new Pacer(); // session.run never yields: let a Web Worker read a cancel message between batches
  const scratch: PackScratch = { data: null }; // one packing buffer for all batches; each run has finished before the next packing
  for (let start = 0; start < total; start += size) {
    await pace.tick();
    throwIfAborted(opts.signal);
    const end = Math.min(start + size, total);
    const feeds = buildFeeds(model.signature.inputs, model.signature.layout, features, start, end, scratch);
    onBatch(start, end - start, await model.session.run(feeds, fetch));
    opts.onProgress?.({ stage, done: end, total });
  }
  throwIfAborted(opts.signal);
}

/**
 * The rows per session.run: the requested size, unless the model fixes its first input
 * dimension (an export without a dynamic batch axis, e.g. torch.onnx.export without
 * dynamic_axes): then exactly that many rows, which must divide the rows to predict.
 *
 * @example batchSizeFor(modelWithInputShape([1, 4]), 1000, 10_000) // 1
 */
export function batchSizeFor(model: LoadedModel, total: number, requested: number): number {
  const fixed = model.signature.inputs.map((i) => i.shape[0]).find((d): d is number => typeof d === 'number' && d > 0);
  if (fixed === undefined) return requested;
  if (total % fixed === 0) return fixed;
  const input = model.signature.inputs[0].name;
  throw new EinblickError('FIXED_BATCH', `the model takes exactly ${fixed} rows at a time (its input ${input} has the fixed first dimension ${fixed}), but ${total} rows are to be predicted`, `Export the model with a dynamic batch dimension (in PyTorch: torch.onnx.export(..., dynamic_axes={"${input}": {0: "N"}})); a model with a first dimension of 1 works as it is.`, { fixed, rows: total });
}

function checkFeatureSet(model: LoadedModel, features: FeatureSet): void {
  const { layout, width } = model.signature;
  const packed = packedRows(features);
  // packed rows are checked without unpacking their columns
  const given = packed ? packed.width : features.columns.length;
  if (layout === 'matrix' && width !== null && given !== width) {
    throw new EinblickError('WRONG_WIDTH', `the model input ${model.signature.inputs[0].name} takes ${width} features, but ${given} were given`, `Name exactly ${width} data columns with --features (in the app: pick ${width} columns).`, { expected: width, actual: given });
  }
  if (packed) {
    if (packed.data.length !== features.rows * packed.width) {
      throw new EinblickError('INTERNAL', `packed rows hold ${packed.data.length} values for ${features.rows} rows`, 'This is a bug in Einblick; please report it.');
    }
    return;
  }
  for (const col of features.columns) {
    if (col.data.length !== features.rows) {
      throw new EinblickError('INTERNAL', `a feature column has ${col.data.length} values for ${features.rows} rows`, 'This is a bug in Einblick; please report it.');
    }
  }
}

/** How far a float32 probability may stray outside [0, 1] by rounding (sums of float32 terms). */
export const PROBABILITY_SLACK = 1e-6;

/**
 * Copies column `index` (null: the whole 1-D or one-column output) of a batch output into
 * `target` at `at`. With `probability`, also returns the position in `target` of the first
 * finite value outside [0, 1] (beyond PROBABILITY_SLACK), else -1; NaN and infinities are
 * left to the callers' checks for rows without a score.
 *
 * @example takeColumn(out, 1, scores, 0, 3) // -1; scores[0..3) = P(class 1)
 */
export function takeColumn(t: OutputTensor, index: number | null, target: Float64Array, at: number, rows: number, probability = false): number {
  if (!t.numbers) {
    throw new EinblickError('UNSUPPORTED_OUTPUT', `output ${t.name} holds ${t.type} values, not numbers`, 'Choose a numeric output with --output NAME[:INDEX].', { output: t.name });
  }
  if (isMultiDimensional(t.dims)) throw outputRankError(t.name, [null, ...t.dims.slice(1)]);
  const width = outputColumns(t, rows);
  const col = index ?? 0;
  if (col >= width || (index === null && width !== 1)) {
    throw new EinblickError('INVALID_OPTION', `output ${t.name} has ${width} column${width === 1 ? '' : 's'}, so column ${index ?? '(none given)'} cannot be the score`, `Pass --output ${t.name}:INDEX with INDEX from 0 to ${width - 1}.`, { output: t.name, width });
  }
  const v = t.numbers;
  if (!probability) {
    for (let i = 0; i < rows; i++) target[at + i] = v[i * width + col];
    return -1;
  }
  let bad = -1;
  const low = -PROBABILITY_SLACK;
  const high = 1 + PROBABILITY_SLACK;
  for (let i = 0; i < rows; i++) {
    const x = v[i * width + col];
    target[at + i] = x;
    if (bad < 0 && ((x < low && x !== -Infinity) || (x > high && x !== Infinity))) bad = at + i;
  }
  return bad;
}

/**
 * The model's own label per row (first column of the label output) into `target` at `at`.
 *
 * @example takeLabels(out, labels, 0, 3) // labels[0..3) = ['Good', 'Bad', 'Good']
 */
export function takeLabels(t: OutputTensor, target: (string | number)[], at: number, rows: number): void {
  const width = outputColumns(t, rows);
  for (let i = 0; i < rows; i++) target[at + i] = t.strings ? t.strings[i * width] : t.numbers![i * width];
}

function outputColumns(t: OutputTensor, rows: number): number {
  const count = t.numbers ? t.numbers.length : (t.strings as string[]).length;
  if (t.dims[0] !== rows || count % rows !== 0) {
    throw new EinblickError('INFERENCE_FAILED', `output ${t.name} has shape [${t.dims.join(', ')}] for ${rows} input rows`, 'The model does not return one result per row; choose another output with --output or check the model.', { output: t.name });
  }
  return count / rows;
}
