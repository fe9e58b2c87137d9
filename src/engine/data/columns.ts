/**
 * Fast, typed access to one column of a table, for the engine's inner loops.
 *
 * numericColumn: Float64Array with NaN for missing (booleans as 0/1).
 * categoryColumn: integer codes (-1 = missing) and levels; any column can act as a group column.
 *   Levels are the values that occur, sorted: numbers by value (as text via String(), e.g.
 *   "2", "10", "1.5"), booleans "false" < "true", texts in natural order (natural-order.ts:
 *   "group 2" < "group 10"), the same on every machine.
 */
import { DataType, makeVector, type Data, type Table, type Vector } from 'apache-arrow';
import { EinblickError } from '../errors.ts';
import { droppedColumns, missingColumnError } from './dropped.ts';
import { naturalCompare } from './natural-order.ts';

/**
 * The column's vector, or MISSING_COLUMN naming the columns that exist (or saying that the
 * file's column of that name was left out because of its type, dropped.ts).
 */
export function columnVector(table: Table, name: string): Vector {
  const v = table.getChild(name);
  if (v === null) {
    const have = table.schema.fields.map((f) => f.name);
    throw missingColumnError(name, droppedColumns(table), '', () => new EinblickError(
      'MISSING_COLUMN',
      `missing column: ${name}`,
      `The data has no column "${name}". Its columns are: ${have.slice(0, 20).join(', ')}${have.length > 20 ? ', ...' : ''}.`,
      { column: name, available: have },
    ));
  }
  return v;
}

function isNull(d: Data, i: number): boolean {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return false;
  const pos = d.offset + i;
  return (d.nullBitmap[pos >> 3] & (1 << (pos & 7))) === 0;
}

/** True for column types read as numbers (every int, float and decimal type). */
export function isNumericType(t: DataType): boolean {
  return DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);
}

/**
 * The column as numbers, NaN where missing. Booleans give 0/1; text columns are refused.
 *
 * @example numericColumn(table, 'Age') // Float64Array [67, 22, NaN, ...]
 */
export function numericColumn(table: Table, name: string): Float64Array {
  const v = columnVector(table, name);
  const t = v.type;
  if (!isNumericType(t) && !DataType.isBool(t)) {
    throw new EinblickError(
      'TEXT_FOR_NUMBER',
      `column "${name}" holds text categories, not numbers`,
      `Choose a numeric column, or encode "${name}" as numbers before loading the data.`,
      { column: name },
    );
  }
  const out = new Float64Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const fast = DataType.isFloat(d.type) && d.type.precision > 0;
    const vals = d.values as Float64Array | Float32Array;
    const cv = makeVector(d);
    for (let i = 0; i < d.length; i++, at++) {
      if (isNull(d, i)) out[at] = NaN;
      else if (fast) out[at] = vals[i];
      else {
        const x = cv.get(i);
        out[at] = typeof x === 'boolean' ? (x ? 1 : 0) : Number(x);
      }
    }
  }
  return out;
}

/**
 * The column's present values in row order (null where missing): numbers, texts or booleans.
 *
 * @example columnValues(table, 'Class') // ['Good', 'Bad', null, ...]
 */
export function columnValues(table: Table, name: string): (number | null)[] | (string | null)[] | (boolean | null)[] {
  const v = columnVector(table, name);
  if (isNumericType(v.type)) return Array.from(numericColumn(table, name), (x) => (Number.isNaN(x) ? null : x));
  const out: (string | boolean | null)[] = new Array(v.length);
  const bool = DataType.isBool(v.type);
  let at = 0;
  for (const d of v.data) {
    const cv = makeVector(d);
    for (let i = 0; i < d.length; i++, at++) {
      const x = isNull(d, i) ? null : cv.get(i);
      out[at] = x === null ? null : bool ? Boolean(x) : String(x);
    }
  }
  return out as (string | null)[] | (boolean | null)[];
}

/**
 * The column as category codes (-1 = missing) into sorted levels (see the file comment).
 *
 * @example categoryColumn(table, 'sex') // { codes: Int32Array [1, 0, ...], levels: ['female', 'male'] }
 */
export function categoryColumn(table: Table, name: string): { codes: Int32Array; levels: string[] } {
  const v = columnVector(table, name);
  if (isNumericType(v.type)) return numericCategories(numericColumn(table, name));
  const raw = new Int32Array(v.length);
  const seen: string[] = [];
  const index = new Map<string, number>();
  let at = 0;
  for (const d of v.data) {
    const dict = DataType.isDictionary(d.type) ? d.dictionary! : null;
    const remap = dict ? new Int32Array(dict.length).fill(-2) : null;
    const keys = d.values as ArrayLike<number | bigint>;
    const cv = makeVector(d);
    for (let i = 0; i < d.length; i++, at++) {
      if (isNull(d, i)) {
        raw[at] = -1;
        continue;
      }
      if (remap) {
        const k = Number(keys[i]);
        if (remap[k] === -2) remap[k] = intern(String(dict!.get(k)), seen, index);
        raw[at] = remap[k];
      } else raw[at] = intern(String(cv.get(i)), seen, index);
    }
  }
  const order = seen.map((_, k) => k).sort((a, b) => naturalCompare(seen[a], seen[b]));
  return remapCodes(raw, seen, order);
}

function intern(s: string, seen: string[], index: Map<string, number>): number {
  let k = index.get(s);
  if (k === undefined) {
    k = seen.length;
    seen.push(s);
    index.set(s, k);
  }
  return k;
}

/** Levels of a numeric column: distinct values sorted by value, as String(value). */
function numericCategories(x: Float64Array): { codes: Int32Array; levels: string[] } {
  const distinct = [...new Set(x)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const pos = new Map<number, number>(distinct.map((v, k) => [v, k]));
  const codes = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) codes[i] = Number.isNaN(x[i]) ? -1 : pos.get(x[i])!;
  return { codes, levels: distinct.map((v) => String(v)) };
}

/** Renumbers codes so that level `order[k]` becomes code k. */
function remapCodes(raw: Int32Array, seen: readonly string[], order: readonly number[]): { codes: Int32Array; levels: string[] } {
  const to = new Int32Array(seen.length);
  order.forEach((old, k) => (to[old] = k));
  for (let i = 0; i < raw.length; i++) if (raw[i] >= 0) raw[i] = to[raw[i]];
  return { codes: raw, levels: order.map((k) => seen[k]) };
}
