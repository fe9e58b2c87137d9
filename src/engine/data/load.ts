/**
 * The one entry point for data files: detects the format (format.ts), reads it into an
 * Apache Arrow table with the same column representation for every format (vectors.ts), and
 * describes its columns. Runs unchanged in Node and in a Web Worker.
 */
import { EinblickError, throwIfAborted, type Warning } from '../errors.ts';
import type { Table } from 'apache-arrow';
import { loadArrow } from './arrow-load.ts';
import { loadCsv } from './csv-load.ts';
import { describeColumn } from './describe.ts';
import { droppedColumns } from './dropped.ts';
import { detectFormat } from './format.ts';
import { loadParquet } from './parquet-load.ts';
import type { ColumnInfo, LoadOptions, LoadedTable } from './types.ts';
import { Pacer } from './yield.ts';

/**
 * Loads a CSV, Arrow IPC (file or stream) or Parquet file. Progress arrives as stage 'parse'
 * (a CSV whose number column later turns out to hold text is read again, as 'parse-text'),
 * then 'describe' (one step per column); opts.signal is checked between chunks (CANCELLED).
 *
 * @example const t = await loadTable(bytes, 'credit.csv'); t.rows // 1000; t.csv // { delimiter: ',', decimal: '.' }
 */
export async function loadTable(bytes: Uint8Array, fileName: string, opts: LoadOptions = {}): Promise<LoadedTable> {
  throwIfAborted(opts.signal);
  if (bytes.length === 0) {
    throw new EinblickError('EMPTY_FILE', `${fileName} is empty (0 bytes)`, 'Choose the file again: this one holds nothing, perhaps it was not saved or copied completely. A table needs its column names and one row per case.', {
      file: fileName,
    });
  }
  const format = detectFormat(bytes, fileName);
  let table: Table;
  let warnings: Warning[];
  let csv: LoadedTable['csv'];
  if (format === 'csv') ({ table, warnings, csv } = await loadCsv(bytes, fileName, opts));
  else if (format === 'arrow') ({ table, warnings } = await loadArrow(bytes, fileName, opts));
  else ({ table, warnings } = await loadParquet(bytes, fileName, opts));
  const columns = await describeAll(table, opts);
  for (const c of columns) if (c.missing === table.numRows) warnings.push(emptyColumn(c.name));
  const loaded: LoadedTable = { table, format, fileName, rows: table.numRows, columns, dropped: droppedColumns(table), warnings };
  if (csv) loaded.csv = csv;
  return loaded;
}

/** describeColumns, one column at a time, with progress and cancel between columns. */
async function describeAll(table: Table, opts: LoadOptions): Promise<ColumnInfo[]> {
  const names = table.schema.fields.map((f) => f.name);
  const pace = new Pacer();
  const out: ColumnInfo[] = [];
  for (const name of names) {
    throwIfAborted(opts.signal);
    out.push(describeColumn(table, name));
    opts.onProgress?.({ stage: 'describe', done: out.length, total: names.length });
    await pace.tick();
  }
  return out;
}

function emptyColumn(name: string): Warning {
  return {
    code: 'EMPTY_COLUMN',
    message: `column "${name}" has no values (every cell is empty or a missing-value mark)`,
    params: { column: name },
  };
}
