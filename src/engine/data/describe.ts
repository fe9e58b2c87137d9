/**
 * What a person needs to know about each column: kind, whole numbers or not, missing values,
 * distinct values (counted up to 1000) and the range of numbers.
 */
import { DataType, type Table } from 'apache-arrow';
import { categoryColumn, isNumericType, numericColumn } from './columns.ts';
import type { ColumnInfo, ColumnKind } from './types.ts';

/** Distinct values are counted up to this many. */
export const DISTINCT_CAP = 1000;

/**
 * One ColumnInfo per column, in table order. Missing counts nulls and, in number columns, NaN.
 * `distinct` is min(distinct present values, 1000); `distinctCapped` is true when there are more.
 *
 * @example describeColumns(table)[0] // { name: 'Age', kind: 'number', integer: true, missing: 0, distinct: 53, distinctCapped: false, min: 19, max: 75 }
 */
export function describeColumns(table: Table): ColumnInfo[] {
  return table.schema.fields.map((f) => describeColumn(table, f.name));
}

/**
 * The ColumnInfo of one column (see describeColumns).
 *
 * @example describeColumn(table, 'Class') // { name: 'Class', kind: 'category', distinct: 2, ... }
 */
export function describeColumn(table: Table, name: string): ColumnInfo {
  const type = table.schema.fields.find((f) => f.name === name)?.type;
  const kind: ColumnKind = type && isNumericType(type) ? 'number' : type && DataType.isBool(type) ? 'boolean' : 'category';
  return kind === 'number' ? describeNumber(table, name) : describeCodes(table, name, kind);
}

function describeNumber(table: Table, name: string): ColumnInfo {
  const x = numericColumn(table, name);
  let missing = 0;
  let integer = true;
  let min = Infinity;
  let max = -Infinity;
  const distinct = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if (integer && !Number.isInteger(v)) integer = false;
    if (distinct.size <= DISTINCT_CAP) distinct.add(v);
  }
  const present = x.length - missing;
  return {
    name,
    kind: 'number',
    integer: present > 0 && integer,
    missing,
    distinct: Math.min(distinct.size, DISTINCT_CAP),
    distinctCapped: distinct.size > DISTINCT_CAP,
    min: present > 0 ? min : null,
    max: present > 0 ? max : null,
  };
}

function describeCodes(table: Table, name: string, kind: ColumnKind): ColumnInfo {
  const { codes, levels } = categoryColumn(table, name);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
  const digits = kind === 'category' && levels.length > 0 && levels.every((l) => /^\s*[+-]?\d{1,15}\s*$/.test(l));
  return {
    name,
    kind,
    integer: false,
    ...(digits ? { digits } : {}),
    missing,
    distinct: Math.min(levels.length, DISTINCT_CAP),
    distinctCapped: levels.length > DISTINCT_CAP,
    min: null,
    max: null,
  };
}
