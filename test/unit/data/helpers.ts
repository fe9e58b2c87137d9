// Small helpers for the data tests.
import { loadTable } from '../../../src/engine/data/load.ts';
import { columnValues } from '../../../src/engine/data/columns.ts';
import type { LoadOptions, LoadedTable } from '../../../src/engine/data/types.ts';
import { EinblickError } from '../../../src/engine/errors.ts';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function loadText(text: string, name = 'test.csv', opts?: LoadOptions): Promise<LoadedTable> {
  return loadTable(utf8(text), name, opts);
}

/** All columns as plain arrays, keyed by name (order kept in `names`). */
export function values(t: LoadedTable): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const f of t.table.schema.fields) out[f.name] = columnValues(t.table, f.name);
  return out;
}

/** The EinblickError a promise rejects with (fails the test if it resolves or throws something else). */
export async function errorOf(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw new Error(`expected an EinblickError, got ${String(err)}`);
  }
  throw new Error('expected an error, but loading succeeded');
}
