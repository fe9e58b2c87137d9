/**
 * The three column representations every loaded table uses, whatever the file format:
 *
 * - number   -> Float64, null where missing (never NaN)
 * - boolean  -> Bool, null where missing
 * - category -> Dictionary<Utf8, Int32>, levels in order of first appearance, null where missing.
 *   A dictionary keeps 1,000,000 rows of a 5-level column in 4 MB of codes plus five strings,
 *   and lets categoryColumn() work on integer codes instead of strings.
 */
import { Bool, Dictionary, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';

/** Bit-packed validity (1 = present) from a predicate; returns null when nothing is missing. */
function validity(length: number, isNull: (i: number) => boolean): { bitmap: Uint8Array | null; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap: nulls === 0 ? null : bitmap, nulls };
}

/**
 * A Float64 vector with null wherever the input is NaN. The data buffer keeps NaN at null
 * slots, so code that reads the raw buffer (toArray()) sees NaN, never a made-up 0.
 *
 * @example numberVector(new Float64Array([1, NaN])).toArray() // Float64Array [1, NaN] with get(1) === null
 */
export function numberVector(values: Float64Array): Vector<Float64> {
  const { bitmap, nulls } = validity(values.length, (i) => Number.isNaN(values[i]));
  const data = makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: values });
  return makeVector(data);
}

/** Codes for booleanVector: 0 false, 1 true, 2 missing. */
export const BOOL_MISSING = 2;

/**
 * A Bool vector from codes 0 (false), 1 (true), 2 (missing).
 *
 * @example booleanVector(new Uint8Array([1, 0, 2])).toArray() // [true, false, null] via get()
 */
export function booleanVector(codes: Uint8Array): Vector<Bool> {
  const n = codes.length;
  const { bitmap, nulls } = validity(n, (i) => codes[i] === BOOL_MISSING);
  const bits = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (codes[i] === 1) bits[i >> 3] |= 1 << (i & 7);
  const data = makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: bitmap, data: bits });
  return makeVector(data);
}

/**
 * A Dictionary<Utf8, Int32> vector from codes (-1 = missing) and levels. Takes ownership of
 * `codes` (missing slots are overwritten with 0; the validity bitmap marks them).
 *
 * @example categoryVector(new Int32Array([0, -1, 1]), ['a', 'b']).get(2) // 'b'
 */
export function categoryVector(codes: Int32Array, levels: readonly string[]): Vector<Dictionary<Utf8, Int32>> {
  const { bitmap, nulls } = validity(codes.length, (i) => codes[i] < 0);
  if (bitmap) for (let i = 0; i < codes.length; i++) if (codes[i] < 0) codes[i] = 0;
  const dictionary = vectorFromArray(levels as string[], new Utf8());
  const type = new Dictionary(new Utf8(), new Int32());
  const data = makeData({ type, length: codes.length, nullCount: nulls, nullBitmap: bitmap, data: codes, dictionary });
  return makeVector(data);
}

/**
 * A table whose columns keep the given order (an object literal would move a column named
 * "2023" to the front). Every vector must have one chunk and `length` rows.
 *
 * `metadata` becomes the schema's metadata (dropped.ts records left-out columns there).
 *
 * @example tableFromColumns(['b', 'a'], [numberVector(x), numberVector(y)]).schema.fields[0].name // 'b'
 */
export function tableFromColumns(names: readonly string[], vectors: readonly Vector[], length: number, metadata?: Map<string, string>): Table {
  const fields = names.map((n, i) => new Field(n, vectors[i].type, true));
  const schema = new Schema(fields, metadata);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children: vectors.map((v) => v.data[0]) });
  return new Table(schema, [new RecordBatch(schema, data)]);
}
