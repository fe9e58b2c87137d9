// Shared by the fuzz properties of the readers (issue 9): what every load of arbitrary bytes
// must end in (the inputs are in fuzz-inputs.ts).
import { expect } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import type { LoadedTable } from '../../../src/engine/data/types.ts';
import { EinblickError, type ErrorCode } from '../../../src/engine/errors.ts';

/** Codes a data file may be refused with: bad input, never INTERNAL. */
export const FILE_CODES: readonly ErrorCode[] = ['EMPTY_FILE', 'UNKNOWN_FORMAT', 'CSV_RAGGED', 'CSV_NO_HEADER', 'ARROW_INVALID', 'PARQUET_INVALID', 'TOO_LARGE'];

/** Library or JavaScript internals that must never reach a message or hint. */
const INTERNALS = /Cannot read|undefined|null \(reading|is not a function|Offset is outside|DataView|RangeError|TypeError|out of range|thrift|flatbuffer|\bat \w+ \(|\.js:\d+|(?:^|: )parquet [a-z]|snappy error|invalid snappy|premature end|Expected to read/i;

/** Per case: a load of a fuzz input (a few KB to a few MB) must end well within this. */
export const CASE_MS = 2000;

export type Outcome = { ok: true; table: LoadedTable; ms: number } | { ok: false; error: EinblickError; ms: number };

/**
 * Loads the bytes and classifies the end: a table, or an EinblickError. Anything else thrown
 * (TypeError, RangeError, a plain Error) is rethrown, so the property fails with it.
 */
export async function load(bytes: Uint8Array, name: string): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const table = await loadTable(bytes, name);
    return { ok: true, table, ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof EinblickError) return { ok: false, error: err, ms: performance.now() - t0 };
    throw new Error(`not an EinblickError: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
  }
}

/**
 * The promise every load keeps: a table whose columns are sound, or a file error whose message
 * and hint carry no library internals; within CASE_MS.
 */
export function checkOutcome(o: Outcome): void {
  expect(o.ms, 'milliseconds').toBeLessThan(CASE_MS);
  if (!o.ok) {
    expect(FILE_CODES, `${o.error.code}: ${o.error.message}`).toContain(o.error.code);
    expect(o.error.message, 'message').not.toMatch(INTERNALS);
    expect(o.error.hint, 'hint').not.toMatch(INTERNALS);
    expect(o.error.hint.length).toBeGreaterThan(20);
    return;
  }
  const t = o.table;
  expect(t.rows).toBe(t.table.numRows);
  expect(t.rows).toBeGreaterThan(0);
  const names = t.columns.map((c) => c.name);
  expect(new Set(names).size, 'distinct names').toBe(names.length);
  expect(names.every((n) => n !== '' && n === n.trim()), 'names non-empty and trimmed').toBe(true);
  for (const f of t.table.schema.fields) expect(t.table.getChild(f.name)!.length).toBe(t.rows);
  for (const c of t.columns) expect(c.missing).toBeLessThanOrEqual(t.rows);
}
