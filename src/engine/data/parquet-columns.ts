/**
 * Which Parquet columns Einblick can use and how their decoded values (from hyparquet) are
 * stored: numbers (ints, floats, decimals, int64 as BigInt) -> number; BOOLEAN -> boolean;
 * strings, enums, UUIDs and unannotated byte arrays (decoded as UTF-8) -> category; DATE and
 * TIMESTAMP (also INT96) -> category of ISO 8601 texts. Nested columns (lists, structs, maps),
 * JSON, BSON, geometry, times and intervals are not used: the loader drops them with a warning.
 */
import type { SchemaElement } from 'hyparquet';
import { Levels } from './levels.ts';
import { isoText, warnNumericText } from './arrow-columns.ts';
import type { Warning } from '../errors.ts';
import { BOOL_MISSING, booleanVector, categoryVector, numberVector } from './vectors.ts';
import type { Vector } from 'apache-arrow';

export type ParquetKind = 'number' | 'boolean' | 'text' | 'date' | 'timestamp';

const UNUSABLE = new Set(['JSON', 'BSON', 'GEOMETRY', 'GEOGRAPHY', 'VARIANT', 'TIME', 'INTERVAL', 'MAP', 'LIST', 'NULL']);

/**
 * How a top-level leaf column is read, or null when it cannot be used.
 *
 * @example parquetKind({ name: 'age', type: 'INT64' }) // 'number'
 */
export function parquetKind(el: SchemaElement): ParquetKind | null {
  const lt = el.logical_type?.type;
  const ct = el.converted_type;
  if (el.repetition_type === 'REPEATED' || (el.num_children ?? 0) > 0) return null;
  if ((lt && UNUSABLE.has(lt)) || (ct && (UNUSABLE.has(ct) || ct.startsWith('TIME_') || ct === 'MAP_KEY_VALUE'))) return null;
  if (lt === 'DATE' || ct === 'DATE') return 'date';
  if (lt === 'TIMESTAMP' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || el.type === 'INT96') return 'timestamp';
  switch (el.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'number';
    case 'BYTE_ARRAY':
      return ct === 'DECIMAL' || lt === 'DECIMAL' ? 'number' : 'text';
    case 'FIXED_LEN_BYTE_ARRAY':
      if (ct === 'DECIMAL' || lt === 'DECIMAL' || lt === 'FLOAT16') return 'number';
      return lt === 'UUID' ? 'text' : null;
    default:
      return null;
  }
}

/** Collects one column's values, row group by row group, into a preallocated array. */
export class ParquetSink {
  private readonly numbers: Float64Array | null;
  private readonly bools: Uint8Array | null;
  private readonly codes: Int32Array | null;
  private readonly levels = new Levels();
  /** Rows filled so far. */
  filled = 0;
  /** int64 values beyond +-2^53 (rounded when stored as float64). */
  unsafe = 0;

  constructor(readonly kind: ParquetKind, readonly rows: number) {
    this.numbers = kind === 'number' ? new Float64Array(rows).fill(NaN) : null;
    this.bools = kind === 'boolean' ? new Uint8Array(rows).fill(BOOL_MISSING) : null;
    this.codes = kind === 'number' || kind === 'boolean' ? null : new Int32Array(rows).fill(-1);
  }

  /** Stores decoded values for rows [start, start + values.length), clipped to [from, to). */
  put(start: number, values: ArrayLike<unknown>, from: number, to: number): void {
    const lo = Math.max(start, from);
    const hi = Math.min(start + values.length, to, this.rows);
    for (let r = lo; r < hi; r++) this.set(r, values[r - start]);
    this.filled += Math.max(0, hi - lo);
  }

  private set(r: number, x: unknown): void {
    if (x === null || x === undefined) return;
    if (this.numbers) {
      if (typeof x === 'bigint') {
        if (x > 2n ** 53n || x < -(2n ** 53n)) this.unsafe++;
        this.numbers[r] = Number(x);
      } else this.numbers[r] = Number(x);
    } else if (this.bools) this.bools[r] = x ? 1 : 0;
    else this.codes![r] = this.levels.code(this.text(x), r);
  }

  private text(x: unknown): string {
    if (x instanceof Date && (this.kind === 'date' || this.kind === 'timestamp')) return isoText(x.getTime(), this.kind === 'date');
    return String(x);
  }

  /** The finished vector; a text column of mostly numbers gets MOSTLY_NUMERIC in `warnings`. */
  vector(name: string, warnings: Warning[]): Vector {
    if (this.numbers) return numberVector(this.numbers);
    if (this.bools) return booleanVector(this.bools);
    if (this.kind === 'text') warnNumericText(name, this.codes!, this.levels, warnings);
    return categoryVector(this.codes!, this.levels.values);
  }
}
