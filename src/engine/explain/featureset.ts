/**
 * Row operations on FeatureSets that explainers need: taking rows, comparing values, and
 * building an empty set of the same column types to fill.
 */
import type { FeatureColumn, FeatureSet } from '../model/types.ts';

/** An empty column of the same type with room for n rows. */
export function emptyLike(c: FeatureColumn, n: number): FeatureColumn {
  switch (c.type) {
    case 'string': return { type: 'string', data: new Array<string>(n) };
    case 'float32': return { type: 'float32', data: new Float32Array(n) };
    case 'float64': return { type: 'float64', data: new Float64Array(n) };
    case 'int64': return { type: 'int64', data: new BigInt64Array(n) };
    case 'int32': return { type: 'int32', data: new Int32Array(n) };
    case 'bool': return { type: 'bool', data: new Uint8Array(n) };
  }
}

/** Copies value `from[i]` into `to[j]` (columns of the same type). */
export function copyValue(from: FeatureColumn, i: number, to: FeatureColumn, j: number): void {
  (to.data as unknown as unknown[])[j] = (from.data as unknown as unknown[])[i];
}

/**
 * Rows of a FeatureSet, in the given order.
 *
 * @example takeRows(fs, [4, 2]).rows // 2
 */
export function takeRows(fs: FeatureSet, rows: number[]): FeatureSet {
  const columns = fs.columns.map((c) => {
    const out = emptyLike(c, rows.length);
    rows.forEach((r, k) => copyValue(c, r, out, k));
    return out;
  });
  return { names: fs.names.slice(), columns, rows: rows.length };
}

/**
 * True when two cells hold the same value (NaN equals NaN: both missing).
 *
 * @example sameValue(a, 0, b, 3) // true
 */
export function sameValue(a: FeatureColumn, i: number, b: FeatureColumn, j: number): boolean {
  const x = a.data[i], y = b.data[j];
  return x === y || (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y));
}

/** True when two FeatureSets have the same column names and types. */
export function sameLayout(a: FeatureSet, b: FeatureSet): boolean {
  return a.names.length === b.names.length && a.names.every((n, j) => n === b.names[j] && a.columns[j].type === b.columns[j].type);
}
