/**
 * Data columns -> the element types the model is fed: float32 (rounded as numpy's astype
 * would), float64, int64, int32, bool, or text. Missing numbers go to float inputs as NaN
 * (with a warning); integer inputs refuse missing and non-integer values, naming the rows.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { droppedColumns, missingColumnError } from '../data/dropped.ts';
import { readNumbers, readStrings, rowAt, selectionSize, vectorKind, type RowSelection } from './arrow-read.ts';
import type { FeatureColumn, FeatureSet, Mapping, TensorElementType } from './types.ts';

const SHOW_ROWS = 5;

/**
 * Encodes the mapped columns of the selected rows (default: all rows).
 *
 * @example encodeFeatures(table, mapping, { start: 0, end: 2 }).columns[0] // { type: 'float32', data: Float32Array [0.221, 0.265] }
 */
export function encodeFeatures(table: Table, mapping: Mapping, rows?: RowSelection): FeatureSet {
  const sel = rows ?? { start: 0, end: table.numRows };
  const n = selectionSize(sel, table.numRows);
  const warnings: Warning[] = [];
  // numbers that are converted further (to int64, text...) are read into one reused buffer
  let buffer: Float64Array | null = null;
  const scratch = () => (buffer ??= new Float64Array(n));
  const columns = mapping.columns.map((name, j) => encodeColumn(table, name, mapping.features[j], mapping.types[j], sel, warnings, scratch));
  return { names: [...mapping.features], columns, rows: n, warnings };
}

function encodeColumn(table: Table, name: string, feature: string, type: TensorElementType, rows: RowSelection, warnings: Warning[], scratch: () => Float64Array): FeatureColumn {
  const vector = table.getChild(name);
  if (!vector) {
    throw missingColumnError(name, droppedColumns(table), `the model feature ${feature}`, () => new EinblickError('MISSING_COLUMN', `missing column: ${name}`, `Add a column "${name}" to the data or map another column to the model feature "${feature}".`, { column: name }));
  }
  const kind = vectorKind(vector);
  if (type === 'string') {
    if (kind === 'string') return { type, data: fillMissingText(readStrings(vector, rows), name, rows, warnings) };
    if (kind === 'bool') return { type, data: boolsAsText(readNumbers(vector, rows, scratch()), name, rows, warnings) };
    if (kind === 'number') return { type, data: numbersAsText(readNumbers(vector, rows, scratch()), name, rows, warnings) };
  } else if (kind === 'number' || kind === 'bool') {
    if (type === 'float32') return toFloat32(readNumbers(vector, rows, new Float32Array(selectionLength(rows))), name, rows, warnings);
    if (type === 'float64') return toNumeric(readNumbers(vector, rows), type, name, rows, warnings);
    return toNumeric(readNumbers(vector, rows, scratch()), type, name, rows, warnings);
  } else if (kind === 'string') {
    const codes = wholeNumberTexts(readStrings(vector, rows));
    if (codes && type === 'float32') return toFloat32(Float32Array.from(codes), name, rows, warnings);
    if (codes) return toNumeric(codes, type, name, rows, warnings);
    throw new EinblickError('TEXT_FOR_NUMBER', `column ${name} holds text, but the model feature ${feature} expects ${type} numbers`, 'Fix the column so that it holds numbers, or choose another column.', { column: name, expected: type });
  }
  throw new EinblickError('UNSUPPORTED_SIGNATURE', `column ${name} has the type ${String(vector.type)}, which cannot be fed to the model as ${type}`, 'Load the data from CSV, or store the column as numbers or text.', { column: name });
}

function selectionLength(rows: RowSelection): number {
  return rows instanceof Int32Array ? rows.length : rows.end - rows.start;
}

/** float32: the values were rounded to float32 on reading (as numpy's astype(float32) rounds). */
function toFloat32(x: Float32Array, name: string, rows: RowSelection, warnings: Warning[]): FeatureColumn {
  const missing = missingRows(x, rows);
  if (missing.count > 0) warnings.push(missingAsNaN(name, missing));
  return { type: 'float32', data: x };
}

function toNumeric(x: Float64Array, type: TensorElementType, name: string, rows: RowSelection, warnings: Warning[]): FeatureColumn {
  switch (type) {
    case 'float64': {
      const missing = missingRows(x, rows);
      if (missing.count > 0) warnings.push(missingAsNaN(name, missing));
      return { type, data: x };
    }
    case 'int64':
    case 'int32': {
      checkIntegers(x, type, name, rows);
      return type === 'int32' ? { type, data: Int32Array.from(x) } : { type, data: toBigInt64(x) };
    }
    case 'bool': {
      const missing = missingRows(x, rows);
      if (missing.count > 0) throw missingValue(name, type, missing);
      return { type, data: Uint8Array.from(x, (v) => (v !== 0 ? 1 : 0)) };
    }
    default:
      throw new EinblickError('UNSUPPORTED_SIGNATURE', `cannot feed ${type} values (column ${name})`, 'Export the model with float, int64 or string inputs.', { column: name, type });
  }
}

/** Integer inputs: no missing values, whole numbers only, within the type's range. */
function checkIntegers(x: Float64Array, type: 'int64' | 'int32', name: string, rows: RowSelection): void {
  const limit = type === 'int32' ? 2 ** 31 : 2 ** 63;
  let whole = true;
  for (let i = 0; i < x.length && whole; i++) whole = Math.floor(x[i]) === x[i] && x[i] >= -limit && x[i] < limit;
  if (whole) return;
  const missing = missingRows(x, rows);
  if (missing.count > 0) throw missingValue(name, type, missing);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isInteger(v) && v >= -limit && v < limit) continue;
    const row = rowAt(rows, i);
    throw new EinblickError('NOT_INTEGER', `column ${name} has the value ${v} in row ${row} (counting from 0), but the model input expects whole numbers (${type})`, 'Fix or round the values in this column; the model was trained on whole numbers.', { column: name, row, value: v, expected: type });
  }
}

interface MissingRows {
  count: number;
  first: number[];
}

function missingRows(x: Float64Array | Float32Array, rows: RowSelection): MissingRows {
  const first: number[] = [];
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) {
      if (count < SHOW_ROWS) first.push(rowAt(rows, i));
      count++;
    }
  }
  return { count, first };
}

function rowList(m: MissingRows): string {
  return `${m.count === 1 ? 'row' : 'rows'} ${m.first.join(', ')}${m.count > m.first.length ? ` and ${m.count - m.first.length} more` : ''} (counting from 0)`;
}

function missingValue(name: string, type: TensorElementType, m: MissingRows): EinblickError {
  return new EinblickError('MISSING_VALUE', `column ${name} has ${m.count} missing value${m.count === 1 ? '' : 's'} in ${rowList(m)}, but the model input expects ${type} values and cannot take missing ones`, 'Fill in or remove these rows, or impute the missing values the way they were imputed for training.', { column: name, count: m.count, rows: m.first.map(String) });
}

function missingAsNaN(name: string, m: MissingRows): Warning {
  return { code: 'MISSING_AS_NAN', message: `column ${name}: ${m.count} missing value${m.count === 1 ? '' : 's'} (${rowList(m)}) given to the model as NaN; the model must handle NaN (XGBoost and LightGBM do, most scikit-learn models do not)`, params: { column: name, count: m.count } };
}

function fillMissingText(values: (string | null)[], name: string, rows: RowSelection, warnings: Warning[]): string[] {
  const first: number[] = [];
  let count = 0;
  const out = values.map((v, i) => {
    if (v !== null) return v;
    if (count++ < SHOW_ROWS) first.push(rowAt(rows, i));
    return '';
  });
  if (count > 0) warnings.push({ code: 'MISSING_AS_EMPTY_TEXT', message: `column ${name}: ${count} missing value${count === 1 ? '' : 's'} (${rowList({ count, first })}) given to the model as empty text`, params: { column: name, count } });
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const TWO_32 = 4294967296;

/**
 * Whole numbers (already checked) as int64. Writes the two 32-bit halves directly where the
 * platform is little-endian (all browsers and Node on x86/ARM), which is many times faster
 * than BigInt() per value; values beyond 2^53 go through BigInt.
 *
 * @example toBigInt64(Float64Array.of(-1, 2 ** 40)) // BigInt64Array [-1n, 1099511627776n]
 */
export function toBigInt64(x: Float64Array): BigInt64Array {
  const out = new BigInt64Array(x.length);
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < x.length; i++) out[i] = BigInt(x[i]);
    return out;
  }
  const lo = new Uint32Array(out.buffer);
  const hi = new Int32Array(out.buffer);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= -2147483648 && v < TWO_32) {
      lo[2 * i] = v; // ToUint32: the low word of the two's complement
      hi[2 * i + 1] = v < 0 ? -1 : 0;
    } else if (v >= -9007199254740992 && v <= 9007199254740992) {
      const h = Math.floor(v / TWO_32);
      lo[2 * i] = v - h * TWO_32;
      hi[2 * i + 1] = h;
    } else {
      out[i] = BigInt(v);
    }
  }
  return out;
}

/**
 * A number as Python's str() writes whole numbers of an integer column: 1 -> '1' (not '1.0').
 *
 * @example formatNumber(3) // '3'
 * @example formatNumber(2.5) // '2.5'
 */
export function formatNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

function numbersAsText(x: Float64Array, name: string, rows: RowSelection, warnings: Warning[]): string[] {
  const texts = Array.from(x, (v) => (v === v ? formatNumber(v) : null));
  return fillMissingText(texts, name, rows, warnings);
}

function boolsAsText(x: Float64Array, name: string, rows: RowSelection, warnings: Warning[]): string[] {
  const texts = Array.from(x, (v) => (v !== v ? null : v !== 0 ? 'True' : 'False'));
  return fillMissingText(texts, name, rows, warnings);
}

/**
 * The numbers of a text column whose every value is a whole number written as digits, such as
 * zero-padded codes ("01067" -> 1067, read as text by the loader so that the text survives);
 * null when any value is other text. Missing values become NaN.
 *
 * @example wholeNumberTexts(['01067', null, '10115']) // Float64Array [1067, NaN, 10115]
 */
export function wholeNumberTexts(texts: (string | null)[]): Float64Array | null {
  const out = new Float64Array(texts.length);
  const seen = new Map<string, number>(); // one test per distinct value
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === null) {
      out[i] = NaN;
      continue;
    }
    let v = seen.get(t);
    if (v === undefined) {
      if (!/^\s*[+-]?\d{1,15}\s*$/.test(t)) return null;
      seen.set(t, (v = Number(t)));
    }
    out[i] = v;
  }
  return out;
}
