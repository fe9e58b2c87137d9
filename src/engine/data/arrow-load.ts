/**
 * Loads Arrow IPC (file or stream format, i.e. .arrow / .feather v2 / .ipc) with apache-arrow
 * and normalises every column (see arrow-columns.ts).
 */
import { tableFromIPC, type Table, type Vector } from 'apache-arrow';
import { EinblickError, throwIfAborted, type Warning } from '../errors.ts';
import { convertArrowColumn } from './arrow-columns.ts';
import { checkNotEmpty, checkSomeKept, checkUniqueNames, droppedWarning } from './typed-columns.ts';
import type { LoadOptions } from './types.ts';
import { tableFromColumns } from './vectors.ts';
import { Pacer } from './yield.ts';

/**
 * Reads Arrow IPC bytes into a normalised table; ARROW_INVALID when they are damaged.
 *
 * @example (await loadArrow(tableToIPC(t, 'file'), 't.arrow')).table.numRows // t.numRows
 */
export async function loadArrow(bytes: Uint8Array, fileName: string, opts: LoadOptions = {}): Promise<{ table: Table; warnings: Warning[] }> {
  throwIfAborted(opts.signal);
  const src = readIpc(bytes, fileName);
  const names = src.schema.fields.map((f) => f.name);
  checkNotEmpty(fileName, names.length, src.numRows);
  checkUniqueNames(names, 'ARROW_INVALID');
  const warnings: Warning[] = [];
  const keptNames: string[] = [];
  const kept: Vector[] = [];
  const pace = new Pacer();
  for (let j = 0; j < names.length; j++) {
    opts.onProgress?.({ stage: 'parse', done: j, total: names.length });
    await pace.tick();
    throwIfAborted(opts.signal);
    const v = convert(names[j], src.getChildAt(j)!, fileName, warnings);
    if (v === null) warnings.push(droppedWarning(names[j], String(src.schema.fields[j].type)));
    else {
      keptNames.push(names[j]);
      kept.push(v);
    }
  }
  checkSomeKept(fileName, kept.length, names.length, 'ARROW_INVALID');
  opts.onProgress?.({ stage: 'parse', done: names.length, total: names.length });
  return { table: tableFromColumns(keptNames, kept, src.numRows), warnings };
}

function readIpc(bytes: Uint8Array, fileName: string): Table {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw invalid(fileName, err);
  }
  if (table.schema.fields.length === 0 && bytes.length > 0) {
    throw invalid(fileName, new Error('no schema found'));
  }
  return table;
}

function convert(name: string, v: Vector, fileName: string, warnings: Warning[]): Vector | null {
  try {
    return convertArrowColumn(name, v, warnings);
  } catch (err) {
    if (err instanceof EinblickError) throw err;
    throw invalid(fileName, err);
  }
}

function invalid(fileName: string, err: unknown): EinblickError {
  const detail = err instanceof Error ? err.message : String(err);
  return new EinblickError(
    'ARROW_INVALID',
    `${fileName} is not a valid Arrow IPC file: ${detail}`,
    'The file may be damaged or cut off. Export it again (for example with pyarrow.feather.write_feather or pandas.DataFrame.to_feather) or save the table as CSV or Parquet.',
    { file: fileName, detail },
  );
}
