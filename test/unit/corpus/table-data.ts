/**
 * Issue 9 corpus: the good table every case starts from, and helpers to write variants of it.
 * Columns: x1, x2 (the inputs of the corpus models), hired (outcome 0/1), gender (f/m),
 * region (north/south/west), age (a whole number, for --bins). 60 rows, fixed values.
 */
import { resolve } from 'node:path';

export const FIX = resolve(import.meta.dirname, '../../fixtures');

export const HEADER = ['x1', 'x2', 'hired', 'gender', 'region', 'age'];
export const N = 60;

/** The good table as rows of strings, in HEADER order. */
export function baseRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < N; i++) {
    const x1 = ((i * 37) % 41) / 10 - 2;
    const x2 = ((i * 17) % 23) / 5 - 2;
    const y = (x1 - x2 / 2 + ((i * 7) % 5) / 4 - 0.5) > 0 ? 1 : 0;
    rows.push([x1.toFixed(1), x2.toFixed(1), String(y), i % 2 === 0 ? 'f' : 'm', ['north', 'south', 'west'][i % 3], String(18 + ((i * 13) % 60))]);
  }
  return rows;
}

/** Joins rows into a CSV text; `sep` between cells, '\n' between lines. No quoting: cells are given as they should appear. */
export function csv(header: string[], rows: string[][], sep = ',', eol = '\n'): string {
  return [header.join(sep), ...rows.map((r) => r.join(sep))].join(eol) + eol;
}

/** The good table as CSV. */
export const BASE_CSV = csv(HEADER, baseRows());

/** The good table with cell (row, column) replaced (row counts from 0, without the header). */
export function withCell(row: number | number[], column: string, value: string, rows = baseRows()): string {
  const c = HEADER.indexOf(column);
  for (const r of Array.isArray(row) ? row : [row]) rows[r][c] = value;
  return csv(HEADER, rows);
}

/** The good table with a whole column replaced by f(row index, old value). */
export function withColumn(column: string, f: (i: number, old: string) => string): string {
  const c = HEADER.indexOf(column);
  return csv(HEADER, baseRows().map((r, i) => r.map((v, j) => (j === c ? f(i, v) : v))));
}

/** The good table with another header. */
export function withHeader(header: string[]): string {
  return csv(header, baseRows());
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function bytesConcat(...parts: (Uint8Array | string)[]): Uint8Array {
  const bs = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
  const out = new Uint8Array(bs.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of bs) { out.set(p, at); at += p.length; }
  return out;
}
