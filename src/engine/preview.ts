import type { Table } from 'apache-arrow';

/** The first rows of a table as plain values, for showing the data to a person. */
export interface Preview {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * The first `n` rows of a table as plain JSON-safe values (BigInt becomes a number, NaN null).
 *
 * @example previewRows(table, 2) // { columns: ['age', 'sex'], rows: [[34, 'female'], [51, 'male']] }
 */
export function previewRows(table: Table, n: number): Preview {
  const columns = table.schema.fields.map((f) => f.name);
  const count = Math.min(n, table.numRows);
  const rows: Preview['rows'] = [];
  for (let i = 0; i < count; i++) {
    rows.push(columns.map((_, j) => plain(table.getChildAt(j)?.get(i))));
  }
  return { columns, rows };
}

function plain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}
