/**
 * Loads Arrow IPC (file or stream format, i.e. .arrow / .feather v2 / .ipc) with apache-arrow
 * and normalises every column (see arrow-columns.ts). Names are made unique (names.ts: Arrow
 * allows a name twice); columns of types Einblick cannot use are dropped with a warning and
 * recorded in the table (dropped.ts). Anything apache-arrow cannot decode, or buffers shorter
 * than their row counts, is ARROW_INVALID with what looks wrong (arrow-damage.ts).
 */
import { tableFromIPC, type Table, type Vector } from 'apache-arrow';
import { EinblickError, throwIfAborted, type Warning } from '../errors.ts';
import { convertArrowColumn } from './arrow-columns.ts';
import { arrowInvalid, checkArrowColumn, checkFileIndex, describeArrowDamage, isFileFormat } from './arrow-damage.ts';
import { verifyIpc } from './arrow-verify.ts';
import { droppedMetadata, type DroppedColumn } from './dropped.ts';
import { checkTableSize } from './limits.ts';
import { uniqueNames } from './names.ts';
import { checkNotEmpty, checkSomeKept, droppedWarning } from './typed-columns.ts';
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
  try {
    return await readArrow(bytes, fileName, opts);
  } catch (err) {
    if (err instanceof EinblickError) throw err;
    throw arrowInvalid(fileName, describeArrowDamage(bytes), err);
  }
}

async function readArrow(bytes: Uint8Array, fileName: string, opts: LoadOptions): Promise<{ table: Table; warnings: Warning[] }> {
  const src = readIpc(bytes, fileName);
  const { names, warnings } = uniqueNames(src.schema.fields.map((f) => f.name));
  checkNotEmpty(fileName, names.length, src.numRows);
  const columns: { name: string; vector: Vector }[] = [];
  for (let j = 0; j < names.length; j++) columns.push({ name: names[j], vector: src.getChildAt(j)! });
  for (const c of columns) checkArrowColumn(fileName, c.name, c.vector, src.numRows);
  checkTableSize(fileName, src.numRows, names.length, { limit: opts.maxTableBytes });
  const keptNames: string[] = [];
  const kept: Vector[] = [];
  const dropped: DroppedColumn[] = [];
  const pace = new Pacer();
  for (const [j, { name, vector }] of columns.entries()) {
    opts.onProgress?.({ stage: 'parse', done: j, total: names.length });
    await pace.tick();
    throwIfAborted(opts.signal);
    const v = convertArrowColumn(name, vector, warnings);
    if (v === null) {
      const type = String(src.schema.fields[j].type);
      dropped.push({ name, type });
      warnings.push(droppedWarning(name, type));
    } else {
      keptNames.push(name);
      kept.push(v);
    }
  }
  checkSomeKept(fileName, kept.length, names.length, 'ARROW_INVALID');
  if (!isFileFormat(bytes) && !endsWithEndMarker(bytes)) warnings.push(noEndMarker(fileName, src.numRows));
  opts.onProgress?.({ stage: 'parse', done: names.length, total: names.length });
  return { table: tableFromColumns(keptNames, kept, src.numRows, droppedMetadata(dropped)), warnings };
}

/**
 * Whether an Arrow stream ends with its end-of-stream marker (0xFFFFFFFF 0x00000000). The
 * marker is optional, so a stream cut exactly between two record batches still reads, with rows
 * missing: without the marker that cannot be told apart, and is said (streams of writers before
 * Arrow 0.15, which end in 0x00000000 only, get the note too).
 *
 * @example endsWithEndMarker(tableToIPC(t, 'stream')) // true
 */
export function endsWithEndMarker(bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (n < 8) return false;
  const tail = bytes.subarray(n - 8);
  return tail[0] === 0xff && tail[1] === 0xff && tail[2] === 0xff && tail[3] === 0xff && tail[4] === 0 && tail[5] === 0 && tail[6] === 0 && tail[7] === 0;
}

function noEndMarker(file: string, rows: number): Warning {
  return { code: 'ARROW_STREAM_NO_END', message: `${file} is an Arrow stream without its end marker: ${rows} rows were read; if the file was cut off (an incomplete download or copy), rows are missing.`, params: { file, rows } };
}

function readIpc(bytes: Uint8Array, fileName: string): Table {
  const damage = describeArrowDamage(bytes);
  // a file cut off before its footer could still be read as a stream, with rows missing
  if (damage.cut) throw arrowInvalid(fileName, damage);
  // apache-arrow trusts the lengths and positions in the metadata: check them first
  const unsound = verifyIpc(bytes, isFileFormat(bytes)) ?? (isFileFormat(bytes) ? checkFileIndex(bytes) : null);
  if (unsound !== null) throw arrowInvalid(fileName, { what: unsound, cut: false });
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw arrowInvalid(fileName, damage, err);
  }
  return table;
}
