/**
 * Loads Parquet with hyparquet (every codec through hyparquet-compressors: snappy, gzip,
 * brotli, zstd, lz4), one row group and one column at a time, so that progress is reported
 * and a cancel is seen between column chunks.
 */
import type { Table, Vector } from 'apache-arrow';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { EinblickError, throwIfAborted, type Warning } from '../errors.ts';
import { ParquetSink, parquetKind } from './parquet-columns.ts';
import { checkNotEmpty, checkSomeKept, checkUniqueNames, dateWarning, droppedWarning, int64Warning } from './typed-columns.ts';
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
  try {
    return await readAll(file, fileName, opts);
  } catch (err) {
    if (err instanceof EinblickError) throw err;
    throw invalid(fileName, err);
  }
}

async function readAll(file: AsyncBuffer, fileName: string, opts: LoadOptions): Promise<{ table: Table; warnings: Warning[] }> {
  const metadata = await parquetMetadataAsync(file);
  const rows = Number(metadata.num_rows);
  const top = parquetSchema(metadata).children;
  const names = top.map((c) => c.element.name);
  checkNotEmpty(fileName, names.length, rows);
  checkUniqueNames(names, 'PARQUET_INVALID');
  const warnings: Warning[] = [];
  const sinks = new Map<string, ParquetSink>();
  for (const c of top) {
    const kind = c.children.length > 0 ? null : parquetKind(c.element);
    if (kind === null) warnings.push(droppedWarning(c.element.name, schemaTypeName(c.element)));
    else sinks.set(c.element.name, new ParquetSink(kind, rows));
  }
  checkSomeKept(fileName, sinks.size, names.length, 'PARQUET_INVALID');
  await readGroups(file, metadata, sinks, opts);
  const keptNames = [...sinks.keys()];
  const vectors: Vector[] = [];
  for (const [name, sink] of sinks) {
    if (sink.filled !== rows) throw invalid(fileName, new Error(`column "${name}": ${sink.filled} of ${rows} rows could be read`));
    if (sink.unsafe > 0) warnings.push(int64Warning(name, sink.unsafe));
    if (sink.kind === 'date' || sink.kind === 'timestamp') warnings.push(dateWarning(name, sink.kind === 'date'));
    vectors.push(sink.vector());
  }
  return { table: tableFromColumns(keptNames, vectors, rows), warnings };
}

/** Reads every row group, one column chunk at a time. */
async function readGroups(file: AsyncBuffer, metadata: FileMetaData, sinks: Map<string, ParquetSink>, opts: LoadOptions): Promise<void> {
  const total = metadata.row_groups.length * sinks.size;
  let done = 0;
  let groupStart = 0;
  const pace = new Pacer();
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    for (const [name, sink] of sinks) {
      throwIfAborted(opts.signal);
      await parquetRead({
        file,
        metadata,
        compressors,
        columns: [name],
        rowStart: groupStart,
        rowEnd: groupEnd,
        onChunk: (c) => {
          if (c.columnName === name) sink.put(c.rowStart, c.columnData, groupStart, groupEnd);
        },
      });
      opts.onProgress?.({ stage: 'parse', done: ++done, total });
      await pace.tick();
    }
    groupStart = groupEnd;
  }
}

function schemaTypeName(el: { type?: string; converted_type?: string; logical_type?: { type: string } }): string {
  return [el.logical_type?.type ?? el.converted_type, el.type].filter(Boolean).join(' ') || 'group';
}

function invalid(fileName: string, err: unknown): EinblickError {
  const detail = err instanceof Error ? err.message : String(err);
  return new EinblickError(
    'PARQUET_INVALID',
    `${fileName} is not a valid Parquet file: ${detail}`,
    'The file may be damaged or cut off. Export it again (for example with pandas.DataFrame.to_parquet) or save the table as CSV.',
    { file: fileName, detail },
  );
}
