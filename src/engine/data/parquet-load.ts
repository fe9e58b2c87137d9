/**
 * Loads Parquet with hyparquet (every codec through hyparquet-compressors: snappy, gzip,
 * brotli, zstd, lz4), one row group and one column at a time, so that progress is reported
 * and a cancel is seen between column chunks. Names are made unique (names.ts) in the file's
 * metadata before reading, so that two columns of the same name are both read; nested and
 * other unusable columns are dropped with a warning and recorded in the table (dropped.ts).
 * Whatever hyparquet cannot read is PARQUET_INVALID with what looks wrong (parquet-damage.ts).
 */
import type { Table, Vector } from 'apache-arrow';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { EinblickError, throwIfAborted, type Warning } from '../errors.ts';
import { droppedMetadata, type DroppedColumn } from './dropped.ts';
import { checkTableSize } from './limits.ts';
import { uniqueNames } from './names.ts';
import { ParquetSink, parquetKind } from './parquet-columns.ts';
import { checkColumnPages, unpacker } from './parquet-pages.ts';
import { describeParquetDamage, parquetInvalid, parquetTypeName, renameTopLevel } from './parquet-damage.ts';
import { checkNotEmpty, checkSomeKept, dateWarning, droppedWarning, int64Warning } from './typed-columns.ts';
import type { LoadOptions } from './types.ts';
import { tableFromColumns } from './vectors.ts';
import { Pacer } from './yield.ts';

/**
 * Reads Parquet bytes into a normalised table; PARQUET_INVALID when they are damaged.
 *
 * @example (await loadParquet(bytes, 'cases.parquet')).table.numRows // 1000
 */
export async function loadParquet(bytes: Uint8Array, fileName: string, opts: LoadOptions = {}): Promise<{ table: Table; warnings: Warning[] }> {
  throwIfAborted(opts.signal);
  const file: AsyncBuffer = {
    byteLength: bytes.length,
    slice: (start, end) => bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + (end ?? bytes.length)) as ArrayBuffer,
  };
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw parquetInvalid(fileName, describeParquetDamage(bytes), err);
  }
  try {
    return await readAll(bytes, file, metadata, fileName, opts);
  } catch (err) {
    if (err instanceof EinblickError) throw err;
    throw parquetInvalid(fileName, 'its description of columns and row groups (at the end of the file) is damaged', err);
  }
}

async function readAll(bytes: Uint8Array, file: AsyncBuffer, metadata: FileMetaData, fileName: string, opts: LoadOptions): Promise<{ table: Table; warnings: Warning[] }> {
  const rows = Number(metadata.num_rows);
  const grouped = metadata.row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
  if (!Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(grouped) || metadata.row_groups.some((g) => !(Number(g.num_rows) >= 0))) {
    throw parquetInvalid(fileName, 'its description of row groups is damaged: a row count is missing or negative');
  }
  if (grouped !== rows) throw parquetInvalid(fileName, `it says it has ${rows} rows, but its row groups hold ${grouped}`);
  const top = parquetSchema(metadata).children;
  const { names, warnings } = uniqueNames(top.map((c) => String(c.element.name ?? '')));
  checkNotEmpty(fileName, names.length, rows);
  renameTopLevel(metadata, names, fileName);
  const sinks = new Map<string, ParquetSink>();
  const dropped: DroppedColumn[] = [];
  checkTableSize(fileName, rows, names.length, { limit: opts.maxTableBytes });
  for (const c of top) {
    const kind = c.children.length > 0 ? null : parquetKind(c.element);
    if (kind !== null) sinks.set(c.element.name, new ParquetSink(kind, rows));
    else {
      const type = parquetTypeName(c);
      dropped.push({ name: c.element.name, type });
      warnings.push(droppedWarning(c.element.name, type));
    }
  }
  checkSomeKept(fileName, sinks.size, names.length, 'PARQUET_INVALID');
  const elements = new Map(top.map((c) => [c.element.name, c.element]));
  await readGroups(bytes, file, metadata, { sinks, elements }, fileName, opts);
  const keptNames = [...sinks.keys()];
  const vectors: Vector[] = [];
  for (const [name, sink] of sinks) {
    if (sink.filled !== rows) throw parquetInvalid(fileName, `column "${name}" holds ${sink.filled} of its ${rows} rows (the file is damaged or cut off)`);
    if (sink.unsafe > 0) warnings.push(int64Warning(name, sink.unsafe));
    if (sink.kind === 'date' || sink.kind === 'timestamp') warnings.push(dateWarning(name, sink.kind === 'date'));
    vectors.push(sink.vector(name, warnings));
  }
  return { table: tableFromColumns(keptNames, vectors, rows, droppedMetadata(dropped)), warnings };
}

/** Reads every row group, one column chunk at a time, each after a check of its page headers. */
async function readGroups(
  bytes: Uint8Array,
  file: AsyncBuffer,
  metadata: FileMetaData,
  { sinks, elements }: { sinks: Map<string, ParquetSink>; elements: Map<string, SchemaElement> },
  fileName: string,
  opts: LoadOptions,
): Promise<void> {
  const total = metadata.row_groups.length * sinks.size;
  let done = 0;
  let groupStart = 0;
  const pace = new Pacer();
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    for (const [name, sink] of sinks) {
      throwIfAborted(opts.signal);
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === name)?.meta_data;
      const el = elements.get(name);
      const runs = { optional: el?.repetition_type === 'OPTIONAL', boolean: el?.type === 'BOOLEAN', unpack: unpacker(chunk?.codec ?? 'UNCOMPRESSED') };
      const unsound = chunk ? checkColumnPages(bytes, chunk, Number(group.num_rows), runs) : 'it has no data in one of its row groups';
      if (unsound !== null) throw parquetInvalid(fileName, `column "${name}" is damaged: ${unsound}`);
      // hyparquet calls onChunk from a promise it does not await: an error thrown there would
      // be an unhandled rejection (a crash in Node), so it is kept and thrown after the read
      let failed: unknown = null;
      try {
        await parquetRead({
          file,
          metadata,
          compressors,
          columns: [name],
          rowStart: groupStart,
          rowEnd: groupEnd,
          onChunk: (c) => {
            try {
              if (c.columnName === name) sink.put(c.rowStart, c.columnData, groupStart, groupEnd);
            } catch (err) {
              failed ??= err;
            }
          },
        });
      } catch (err) {
        failed ??= err;
      }
      if (failed instanceof EinblickError) throw failed;
      if (failed !== null) throw parquetInvalid(fileName, describeParquetDamage(null, name, failed), failed);
      opts.onProgress?.({ stage: 'parse', done: ++done, total });
      await pace.tick();
    }
    groupStart = groupEnd;
  }
}
