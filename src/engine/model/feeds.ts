/**
 * Slices of a FeatureSet as the model's input tensors (plain data; ort.ts wraps them):
 * a matrix input gets its F feature columns packed row-major into one [n, F] tensor (rows
 * that come packed already, see packed.ts, are fed as they are), per-column inputs get one
 * [n, 1] (or [n]) tensor each, in the feature's element type.
 */
import { EinblickError } from '../errors.ts';
import type { FeedTensor } from './ort.ts';
import { packedRows } from './packed.ts';
import type { FeatureColumn, FeatureSet, InputLayout, InputSpec } from './types.ts';

type Data = FeedTensor['data'];

/**
 * A buffer for packed rows that the caller reuses from batch to batch (fresh typed arrays
 * are slow in Chromium: page faults on first write). Its contents are overwritten by the next
 * buildFeeds, so a batch's tensors must be used up (session.run finished) before that.
 */
export interface PackScratch {
  data: Data | null;
}

/**
 * The input tensors for rows [start, end) of `features`; with `scratch`, a matrix input is
 * packed into that reused buffer.
 *
 * @example buildFeeds([{ name: 'input', type: 'float32', shape: [null, 2] }], 'matrix', fs, 0, 3)
 * // [{ name: 'input', type: 'float32', data: Float32Array(6), dims: [3, 2] }]
 */
export function buildFeeds(inputs: InputSpec[], layout: InputLayout, features: FeatureSet, start: number, end: number, scratch?: PackScratch): FeedTensor[] {
  const n = end - start;
  if (layout === 'matrix') {
    const input = inputs[0];
    const packed = packedRows(features);
    if (packed && input.type === 'float32') {
      const w = packed.width;
      return [{ name: input.name, type: 'float32', data: packed.data.subarray(start * w, end * w), dims: [n, w] }];
    }
    features.columns.forEach((c, j) => checkType(c, input, features.names[j]));
    const type = features.columns[0]?.type ?? 'float32';
    return [{ name: input.name, type, data: packRows(features.columns, type, start, end, scratch), dims: [n, features.columns.length] }];
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
 * With `scratch`, into its buffer when that has the type and room (else into a new one that
 * the scratch keeps); the result is then a view of the first n x F values.
 *
 * @example packRows([{ type: 'float32', data: Float32Array.of(1, 2) }, { type: 'float32', data: Float32Array.of(3, 4) }], 'float32', 0, 2) // Float32Array [1, 3, 2, 4]
 */
export function packRows(columns: FeatureColumn[], type: FeatureColumn['type'], start: number, end: number, scratch?: PackScratch): Data {
  const n = end - start;
  const f = columns.length;
  const out = scratch ? reuse(scratch, type, n * f) : allocate(type, n * f);
  for (let j = 0; j < f; j++) {
    const col = columns[j];
    copyStrided(col.data, out, start, n, j, f);
  }
  return out;
}

/** The scratch buffer's first `size` values (strings are never reused: a plain array is cheap to make). */
function reuse(scratch: PackScratch, type: FeatureColumn['type'], size: number): Data {
  const have = scratch.data;
  if (type === 'string') return allocate(type, size);
  if (!have || have.length < size || !sameType(have, type)) scratch.data = allocate(type, size);
  const data = scratch.data as Exclude<Data, string[]>;
  return data.length === size ? data : data.subarray(0, size);
}

function sameType(data: Data, type: FeatureColumn['type']): boolean {
  switch (type) {
    case 'float32': return data instanceof Float32Array;
    case 'float64': return data instanceof Float64Array;
    case 'int64': return data instanceof BigInt64Array;
    case 'int32': return data instanceof Int32Array;
    case 'bool': return data instanceof Uint8Array;
    case 'string': return false;
  }
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
