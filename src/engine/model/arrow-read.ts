/**
 * Fast reads of selected rows from Arrow columns, chunk by chunk: numbers as float64 with
 * NaN for missing values, text as strings with null for missing values.
 */
import { DataType, Precision, type Data, type Vector } from 'apache-arrow';
import { EinblickError } from '../errors.ts';

/** Rows to read: a range [start, end) or explicit 0-based row indices. */
export type RowSelection = { start: number; end: number } | Int32Array;

/** What an Arrow column holds, for feeding a model. */
export type VectorKind = 'number' | 'bool' | 'string' | 'other';

/**
 * The kind of values in a vector.
 *
 * @example vectorKind(vectorFromArray(['a', 'b'])) // 'string'
 */
export function vectorKind(v: Vector): VectorKind {
  const t = v.type;
  if (DataType.isFloat(t)) return t.precision === Precision.HALF ? 'other' : 'number';
  if (DataType.isInt(t)) return 'number';
  if (DataType.isBool(t)) return 'bool';
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return 'string';
  if (DataType.isDictionary(t) && (DataType.isUtf8(t.dictionary) || DataType.isLargeUtf8(t.dictionary))) return 'string';
  return 'other';
}

/**
 * Number of selected rows, after checking the selection against the table's length.
 *
 * @example selectionSize({ start: 2, end: 5 }, 10) // 3
 */
export function selectionSize(rows: RowSelection, total: number): number {
  if (rows instanceof Int32Array) {
    for (let k = 0; k < rows.length; k++) {
      if (rows[k] < 0 || rows[k] >= total) throw badRow(rows[k], total);
    }
    return rows.length;
  }
  const { start, end } = rows;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > total || start > end) {
    throw new EinblickError('INVALID_OPTION', `invalid row range: ${start} to ${end}; the data has ${total} rows (0 to ${total - 1})`, 'Choose rows within the data.', { start, end, rows: total });
  }
  return end - start;
}

function badRow(row: number, total: number): EinblickError {
  return new EinblickError('INVALID_OPTION', `invalid row: ${row}; the data has ${total} rows (0 to ${total - 1})`, 'Choose rows within the data.', { row, rows: total });
}

/**
 * The data row of the k-th selected row.
 *
 * @example rowAt(Int32Array.of(5, 9), 1) // 9
 * @example rowAt({ start: 10, end: 20 }, 3) // 13
 */
export function rowAt(rows: RowSelection, k: number): number {
  return rows instanceof Int32Array ? rows[k] : rows.start + k;
}

/**
 * Numbers of the selected rows, NaN where missing (null or NaN). Booleans read as 0/1.
 * With `into` (a Float32Array for float32 inputs) the values are rounded straight into it.
 *
 * @example readNumbers(vectorFromArray([1, null, 3]), { start: 0, end: 3 }) // Float64Array [1, NaN, 3]
 */
export function readNumbers<T extends Float64Array | Float32Array = Float64Array>(v: Vector, rows: RowSelection, into?: T): T {
  const n = rows instanceof Int32Array ? rows.length : rows.end - rows.start;
  const out = (into ?? new Float64Array(n)) as T;
  if (out.length !== n) throw new RangeError(`readNumbers: target has ${out.length} slots for ${n} rows`);
  const chunks = v.data;
  if (rows instanceof Int32Array) {
    const locate = locator(chunks);
    for (let k = 0; k < n; k++) {
      const [c, i] = locate(rows[k]);
      out[k] = numberAt(chunks[c], i);
    }
    return out;
  }
  let offset = 0;
  for (const d of chunks) {
    const from = Math.max(rows.start - offset, 0);
    const to = Math.min(rows.end - offset, d.length);
    if (from < to) copyNumbers(d, from, to, out, offset + from - rows.start);
    offset += d.length;
  }
  return out;
}

/** Contiguous numbers of one chunk into `out` at `at`. */
function copyNumbers(d: Data, from: number, to: number, out: Float64Array | Float32Array, at: number): void {
  const values = d.values as ArrayLike<number | bigint>;
  if (values instanceof Float64Array) out.set(values.subarray(from, to), at);
  else if (!DataType.isBool(d.type) && isSmallNumberArray(values)) out.set(values.subarray(from, to), at);
  else for (let i = from; i < to; i++) out[at + i - from] = numberAt(d, i);
  if (d.nullCount > 0) {
    for (let i = from; i < to; i++) if (!valid(d, i)) out[at + i - from] = NaN;
  }
}

type SmallNumberArray = Float32Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array | Uint32Array;

function isSmallNumberArray(a: unknown): a is SmallNumberArray {
  return a instanceof Float32Array || a instanceof Int32Array || a instanceof Int16Array || a instanceof Int8Array || a instanceof Uint8Array || a instanceof Uint16Array || a instanceof Uint32Array;
}

/** One number of a chunk, NaN when missing. */
function numberAt(d: Data, i: number): number {
  if (d.nullCount > 0 && !valid(d, i)) return NaN;
  if (DataType.isBool(d.type)) {
    const bit = d.offset + i;
    return (d.values[bit >> 3] >> (bit & 7)) & 1;
  }
  const x = d.values[i];
  return typeof x === 'bigint' ? Number(x) : (x as number);
}

function valid(d: Data, i: number): boolean {
  const bitmap = d.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const bit = d.offset + i;
  return ((bitmap[bit >> 3] >> (bit & 7)) & 1) === 1;
}

/**
 * Text of the selected rows, null where missing.
 *
 * @example readStrings(vectorFromArray(['a', null]), { start: 0, end: 2 }) // ['a', null]
 */
export function readStrings(v: Vector, rows: RowSelection): (string | null)[] {
  const n = rows instanceof Int32Array ? rows.length : rows.end - rows.start;
  const out = new Array<string | null>(n);
  const chunks = v.data;
  const dictionaries = chunks.map((d) => (d.dictionary ? (d.dictionary.toArray() as (string | null)[]) : null));
  const locate = locator(chunks);
  for (let k = 0; k < n; k++) {
    const [c, i] = locate(rowAt(rows, k));
    out[k] = stringAt(chunks[c], dictionaries[c], i);
  }
  return out;
}

const decoder = new TextDecoder();

function stringAt(d: Data, dictionary: (string | null)[] | null, i: number): string | null {
  if (d.nullCount > 0 && !valid(d, i)) return null;
  if (dictionary) return dictionary[Number(d.values[i])] ?? null;
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  return utf8((d.values as Uint8Array), Number(offsets[i]), Number(offsets[i + 1]));
}

/** Decodes bytes [a, b); short ASCII text (most category values) without TextDecoder, which is slow per call. */
function utf8(bytes: Uint8Array, a: number, b: number): string {
  if (b - a > 32) return decoder.decode(bytes.subarray(a, b));
  let s = '';
  for (let k = a; k < b; k++) {
    const c = bytes[k];
    if (c >= 0x80) return decoder.decode(bytes.subarray(a, b));
    s += String.fromCharCode(c);
  }
  return s;
}

/** Maps a row of the whole vector to [chunk, row in chunk]; fast for rows in increasing order. */
function locator(chunks: readonly Data[]): (row: number) => [number, number] {
  const starts = new Array<number>(chunks.length + 1);
  starts[0] = 0;
  for (let c = 0; c < chunks.length; c++) starts[c + 1] = starts[c] + chunks[c].length;
  let last = 0;
  return (row) => {
    if (row < starts[last] || row >= starts[last + 1]) {
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= row) lo = mid;
        else hi = mid - 1;
      }
      last = lo;
    }
    return [last, row - starts[last]];
  };
}
