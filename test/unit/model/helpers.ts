/**
 * Test helpers for the model layer: fixture files, CSV -> Arrow tables built directly with
 * apache-arrow (numbers as Float64 with null for missing, text as Utf8 or Dictionary<Utf8>,
 * true/false as Bool), and ColumnInfo computed by hand. Independent of src/engine/data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bool, Float64, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import Papa from 'papaparse';
import type { ColumnInfo } from '../../../src/engine/data/types.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

export interface CsvOptions {
  delimiter?: string;
  /** ',' turns decimal commas ('3158,42') into points before numbers are read. */
  decimal?: '.' | ',';
  text?: 'utf8' | 'dictionary';
}

/** Parses CSV text into header + string rows. */
export function parseCsv(text: string, opts: CsvOptions = {}): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true, delimiter: opts.delimiter ?? ',' });
  const [header, ...rows] = parsed.data;
  if (opts.decimal === ',') {
    for (const r of rows) r.forEach((c, j) => (r[j] = /^[-+]?\d*,\d+$/.test(c) ? c.replace(',', '.') : c));
  }
  return { header, rows };
}

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
const isMissing = (s: string) => s === '' || s === 'NA';
const isBool = (s: string) => s === 'true' || s === 'false';

/** The kind a loader would infer for a column of CSV cells. */
export function kindOf(cells: string[]): ColumnInfo['kind'] {
  const present = cells.filter((c) => !isMissing(c));
  if (present.length > 0 && present.every(isBool)) return 'boolean';
  if (present.every(isNumber)) return 'number';
  return 'category';
}

/** A vector in the normalised representation for the kind. */
export function vectorFor(cells: string[], kind: ColumnInfo['kind'], text: 'utf8' | 'dictionary' = 'utf8'): Vector {
  if (kind === 'number') return vectorFromArray(cells.map((c) => (isMissing(c) ? null : Number(c))), new Float64());
  if (kind === 'boolean') return vectorFromArray(cells.map((c) => (isMissing(c) ? null : c === 'true')), new Bool());
  const values = cells.map((c) => (isMissing(c) ? null : c));
  return text === 'utf8' ? vectorFromArray(values, new Utf8()) : vectorFromArray(values);
}

export function columnInfo(name: string, cells: string[]): ColumnInfo {
  const kind = kindOf(cells);
  const present = cells.filter((c) => !isMissing(c));
  const nums = kind === 'number' ? present.map(Number) : [];
  return {
    name,
    kind,
    integer: kind === 'number' && nums.every(Number.isInteger),
    missing: cells.length - present.length,
    distinct: new Set(present).size,
    distinctCapped: false,
    min: nums.length ? Math.min(...nums) : null,
    max: nums.length ? Math.max(...nums) : null,
  };
}

/** CSV text -> Arrow table + ColumnInfo[], as the data layer would produce them. */
export function csvTable(text: string, opts: CsvOptions = {}): { table: Table; columns: ColumnInfo[]; header: string[]; rows: string[][] } {
  const { header, rows } = parseCsv(text, opts);
  const vectors: Record<string, Vector> = {};
  const columns: ColumnInfo[] = [];
  header.forEach((name, j) => {
    const cells = rows.map((r) => r[j] ?? '');
    const info = columnInfo(name, cells);
    columns.push(info);
    vectors[name] = vectorFor(cells, info.kind, opts.text);
  });
  return { table: new Table(vectors), columns, header, rows };
}

/** A numeric column of a CSV (e.g. predictions.csv p_onnx_web) as float64. */
export function csvColumn(text: string, name: string): string[] {
  const { header, rows } = parseCsv(text);
  const j = header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return rows.map((r) => r[j]);
}
