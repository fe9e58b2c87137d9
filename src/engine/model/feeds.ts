/**
 * Slices of a FeatureSet as the model's input tensors (plain data; ort.ts wraps them):
 * a matrix input gets its F feature columns packed row-major into one [n, F] tensor,
 * per-column inputs get one [n, 1] (or [n]) tensor each, in the feature's element type.
 */
import { EinblickError } from '../errors.ts';
import type { FeedTensor } from './ort.ts';
import type { FeatureColumn, FeatureSet, InputLayout, InputSpec } from './types.ts';

type Data = FeedTensor['data'];

/**
 * The input tensors for rows [start, end) of `features`.
 *
 * @example buildFeeds([{ name: 'input', type: 'float32', shape: [null, 2] }], 'matrix', fs, 0, 3)
 * // [{ name: 'input', type: 'float32', data: Float32Array(6), dims: [3, 2] }]
 */
export function buildFeeds(inputs: InputSpec[], layout: InputLayout, features: FeatureSet, start: number, end: number): FeedTensor[] {
  const n = end - start;
  if (layout === 'matrix') {
    const input = inputs[0];
    features.columns.forEach((c, j) => checkType(c, input, features.names[j]));
    const type = features.columns[0]?.type ?? 'float32';
    return [{ name: input.name, type, data: packRows(features.columns, type, start, end), dims: [n, features.columns.length] }];
  }
  return inputs.map((input) => {
    const j = features.names.indexOf(input.name);
    if (j < 0) {
      throw new EinblickError('MISSING_COLUMN', `no data for the model input ${input.name}`, 'Map a data column to every model input.', { input: input.name });
    }
    const col = features.columns[j];
    checkType(col, input, input.name);
    const dims = input.shape.length === 1 ? [n] : [n, 1];
    return { name: input.name, type: col.type, data: sliceColumn(col, start, end), dims };
  });
}

/** A feature must already be in its input's element type (encodeFeatures with the model's mapping does that). */
function checkType(col: FeatureColumn, input: InputSpec, feature: string): void {
  if (col.type !== input.type) {
    throw new EinblickError('INTERNAL', `feature ${feature} holds ${col.type} values, but the model input ${input.name} takes ${input.type}`, 'Encode the data with the mapping made for this model (mapColumns, then encodeFeatures).', { feature, input: input.name });
  }
}

function sliceColumn(col: FeatureColumn, start: number, end: number): Data {
  return col.type === 'string' ? col.data.slice(start, end) : col.data.subarray(start, end);
}

/**
 * Packs F columns of the same element type row-major: out[i * F + j] = column j, row start + i.
 *
 * @example packRows([{ type: 'float32', data: Float32Array.of(1, 2) }, { type: 'float32', data: Float32Array.of(3, 4) }], 'float32', 0, 2) // Float32Array [1, 3, 2, 4]
 */
export function packRows(columns: FeatureColumn[], type: FeatureColumn['type'], start: number, end: number): Data {
  const n = end - start;
  const f = columns.length;
  const out = allocate(type, n * f);
  for (let j = 0; j < f; j++) {
    const col = columns[j];
    copyStrided(col.data, out, start, n, j, f);
  }
  return out;
}

function allocate(type: FeatureColumn['type'], size: number): Data {
  switch (type) {
    case 'float32': return new Float32Array(size);
    case 'float64': return new Float64Array(size);
    case 'int64': return new BigInt64Array(size);
    case 'int32': return new Int32Array(size);
    case 'bool': return new Uint8Array(size);
    case 'string': return new Array<string>(size).fill('');
  }
}

/** The inner loop: one feature column into every F-th slot (typed fast path for floats). */
function copyStrided(src: ArrayLike<unknown>, out: Data, start: number, n: number, j: number, f: number): void {
  if (src instanceof Float32Array && out instanceof Float32Array) {
    for (let i = 0, k = j; i < n; i++, k += f) out[k] = src[start + i];
    return;
  }
  const dst = out as unknown as { [i: number]: unknown };
  for (let i = 0, k = j; i < n; i++, k += f) dst[k] = src[start + i];
}
