/**
 * Converts one Arrow column of any common type to Einblick's representation (see vectors.ts):
 * every integer, float and decimal type -> number (Float64; NaN and null -> null; an int64
 * beyond +-2^53 loses precision, with a warning); Bool -> boolean; Utf8 / LargeUtf8 / Utf8View
 * and dictionaries of strings -> category; dates and timestamps -> category of ISO 8601 texts
 * ("2024-01-31", "2024-01-31T12:00:00.000Z"), with a warning. Other types (binary, lists,
 * structs, maps, unions, times, durations, intervals) return null: the caller drops the column
 * with a warning.
 */
import { DataType, makeVector, type Data, type Vector } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { Levels } from './levels.ts';
import { ROWS, warnMostlyNumeric } from './mostly-numeric.ts';
import { dateWarning, int64Warning } from './typed-columns.ts';
import { isMissing } from './values.ts';
import { BOOL_MISSING, booleanVector, categoryVector, numberVector } from './vectors.ts';

/** 2^53: integers above it are not all representable as float64. */
const SAFE = 2 ** 53;

function isNull(d: Data, i: number): boolean {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return false;
  const pos = d.offset + i;
  return (d.nullBitmap[pos >> 3] & (1 << (pos & 7))) === 0;
}

/**
 * The normalised vector of an Arrow column, or null when its type is not supported.
 *
 * @example convertArrowColumn('age', table.getChild('age')!, warnings) // Float64 vector
 */
export function convertArrowColumn(name: string, v: Vector, warnings: Warning[]): Vector | null {
  const t = v.type;
  if (DataType.isNull(t)) return numberVector(new Float64Array(v.length).fill(NaN));
  if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t)) return numberVector(numbers(name, v, warnings));
  if (DataType.isBool(t)) return booleanVector(bools(v));
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t) || DataType.isUtf8View(t)) return textColumn(v, (x) => x as string, { name, warnings });
  if (DataType.isDictionary(t)) return dictionaryColumn(name, v, warnings);
  if (DataType.isDate(t) || DataType.isTimestamp(t)) {
    const dateOnly = DataType.isDate(t);
    warnings.push(dateWarning(name, dateOnly));
    return textColumn(v, (x) => isoText(x as number, dateOnly));
  }
  return null;
}

/** Largest time a JavaScript Date holds: 100 million days either side of 1970. */
const MAX_DATE_MS = 8.64e15;

/**
 * An ISO 8601 text for milliseconds since 1970 (UTC); a time beyond what a Date holds (a
 * damaged or sentinel value such as year 300000) is said as such instead of throwing.
 *
 * @example isoText(Date.UTC(2024, 0, 31), true) // '2024-01-31'
 */
export function isoText(ms: number, dateOnly: boolean): string {
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return `invalid date (${ms} ms from 1970-01-01)`;
  const s = new Date(ms).toISOString();
  return dateOnly ? s.slice(0, 10) : s;
}

function numbers(name: string, v: Vector, warnings: Warning[]): Float64Array {
  const out = new Float64Array(v.length);
  let at = 0;
  let unsafe = 0;
  for (const d of v.data) {
    const vals = d.values as ArrayLike<number | bigint>;
    const direct = !DataType.isDecimal(d.type) && !(DataType.isFloat(d.type) && d.type.precision === 0);
    for (let i = 0; i < d.length; i++, at++) {
      if (isNull(d, i)) out[at] = NaN;
      else if (!direct) out[at] = decimalOrHalf(d, i);
      else {
        const x = vals[i];
        out[at] = typeof x === 'bigint' ? Number(x) : x;
        if (typeof x === 'bigint' && (x > SAFE || x < -SAFE)) unsafe++;
      }
    }
  }
  if (unsafe > 0) warnings.push(int64Warning(name, unsafe));
  return out;
}

/** A decimal (from its 32-bit words and scale) or a float16, as a number. */
function decimalOrHalf(d: Data, i: number): number {
  if (!DataType.isDecimal(d.type)) return halfToNumber((d.values as Uint16Array)[i]);
  const words = d.values as Uint32Array;
  const n = d.type.bitWidth / 32;
  let big = 0n;
  for (let w = n - 1; w >= 0; w--) big = (big << 32n) | BigInt(words[i * n + w]);
  if (words[i * n + n - 1] & 0x80000000) big -= 1n << BigInt(d.type.bitWidth);
  return Number(big) / 10 ** d.type.scale;
}

/** An IEEE 754 half-precision number from its 16 bits. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return sign * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : sign * Infinity;
  return sign * 2 ** (e - 15) * (1 + f / 1024);
}

function bools(v: Vector): Uint8Array {
  const out = new Uint8Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const cv = makeVector(d);
    for (let i = 0; i < d.length; i++, at++) out[at] = isNull(d, i) ? BOOL_MISSING : cv.get(i) ? 1 : 0;
  }
  return out;
}

/** A category column from any vector whose values map to text (with MOSTLY_NUMERIC when `warn` is given). */
function textColumn(v: Vector, text: (x: unknown) => string, warn?: { name: string; warnings: Warning[] }): Vector {
  const codes = new Int32Array(v.length);
  const levels = new Levels();
  let at = 0;
  for (const d of v.data) {
    const cv = makeVector(d);
    for (let i = 0; i < d.length; i++, at++) codes[at] = isNull(d, i) ? -1 : levels.code(text(cv.get(i)), at);
  }
  if (warn) warnNumericText(warn.name, codes, levels, warn.warnings);
  return categoryVector(codes, levels.values);
}

/**
 * MOSTLY_NUMERIC for a text column of an Arrow or Parquet file whose values are mostly numbers
 * (call before categoryVector, which takes the codes over).
 *
 * @example warnNumericText('x1', codes, levels, warnings) // pushes 'column "x1" looks numeric but row 4 has "abc"; ...'
 */
export function warnNumericText(name: string, codes: Int32Array, levels: Levels, warnings: Warning[]): void {
  warnMostlyNumeric(name, codes, { values: levels.values, firstRow: levels.firstRow, tokens: levels.values.map((l) => isMissing(l)) }, ROWS, warnings);
}

/** Dictionary columns: string values keep their codes (remapped per batch); numbers -> number. */
function dictionaryColumn(name: string, v: Vector, warnings: Warning[]): Vector | null {
  const valueType = (v.type as { dictionary: DataType }).dictionary;
  if (DataType.isInt(valueType) || DataType.isFloat(valueType)) {
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v.get(i) === null ? NaN : Number(v.get(i));
    return numberVector(out);
  }
  if (!(DataType.isUtf8(valueType) || DataType.isLargeUtf8(valueType))) return null;
  const codes = new Int32Array(v.length);
  const levels = new Levels();
  let at = 0;
  for (const d of v.data) {
    const dict = d.dictionary!;
    const remap = new Int32Array(dict.length).fill(-2);
    const keys = d.values as ArrayLike<number | bigint>;
    for (let i = 0; i < d.length; i++, at++) {
      if (isNull(d, i)) {
        codes[at] = -1;
        continue;
      }
      const k = Number(keys[i]);
      if (!(k >= 0 && k < dict.length)) {
        throw new EinblickError('ARROW_INVALID', `the Arrow file is damaged: column "${name}" has a dictionary code ${k} in row ${at}, but its dictionary has only ${dict.length} values`, 'The file is damaged or was written incorrectly. Export it again from the program that made it.', { column: name, row: at });
      }
      if (remap[k] === -2) remap[k] = dict.get(k) === null ? -1 : levels.code(dict.get(k) as string, at);
      codes[at] = remap[k];
    }
  }
  warnNumericText(name, codes, levels, warnings);
  return categoryVector(codes, levels.values);
}
