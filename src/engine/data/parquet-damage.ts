/**
 * Parquet helpers around hyparquet: what is wrong with a file it cannot read (said without the
 * library's internals), a readable type for a dropped column ("list<int32>",
 * "struct<x: int32, y: string>"), and the renaming of top-level columns to unique names in the
 * file's metadata (so that hyparquet, which selects columns by name, reads both of two
 * columns called the same).
 */
import type { FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import { parquetSchema } from 'hyparquet';
import { EinblickError } from '../errors.ts';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1

function hasMagicAt(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && bytes.length >= at + 4 && MAGIC.every((b, i) => bytes[at + i] === b);
}

const CODECS = 'snappy, gzip, brotli, zstd and lz4';

/**
 * What looks wrong, from the file's markers (when `bytes` are given: the metadata could not be
 * read) or from the column and the reader's error (a column chunk could not be read).
 *
 * @example describeParquetDamage(bytes.subarray(0, 100)) // 'it is cut off: a Parquet file ends with ...'
 */
export function describeParquetDamage(bytes: Uint8Array | null, column?: string, err?: unknown): string {
  if (bytes) {
    if (!hasMagicAt(bytes, 0)) return 'it does not begin with the marker "PAR1" that every Parquet file begins with';
    if (bytes.length < 12 || !hasMagicAt(bytes, bytes.length - 4)) {
      return `it is cut off: a Parquet file ends with the marker "PAR1", and this one stops after ${bytes.length} bytes without it`;
    }
    return 'its description of columns and row groups (at the end of the file) is damaged';
  }
  const text = err instanceof Error ? err.message : String(err);
  const codec = /unsupported compression codec: (\w+)/.exec(text);
  if (codec?.[1] === 'undefined') return `the data of column "${column}" cannot be decoded: the description of its compression is damaged`;
  if (codec) return `column "${column}" is compressed with ${codec[1]}, which Einblick cannot read (it reads ${CODECS})`;
  const encoding = /unsupported encoding: (\w+)/.exec(text);
  if (encoding?.[1] === 'undefined') return `the data of column "${column}" cannot be decoded: the description of one of its blocks is damaged`;
  if (encoding) return `column "${column}" is stored with the encoding ${encoding[1]}, which Einblick cannot read`;
  if (/file_path not supported/.test(text)) return `column "${column}" is stored in a separate file, which Einblick cannot read`;
  return `the data of column "${column}" cannot be decoded: a block of it is damaged or cut off`;
}

/**
 * PARQUET_INVALID naming the file and what looks wrong; the library's own text (if any) is
 * kept in params.cause, not in the message.
 *
 * @example throw parquetInvalid('x.parquet', 'it is cut off: ...', err)
 */
export function parquetInvalid(fileName: string, what: string, cause?: unknown): EinblickError {
  const params: Record<string, string> = { file: fileName };
  if (cause !== undefined) params.cause = cause instanceof Error ? cause.message : String(cause);
  const unsupported = /which Einblick cannot read/.test(what);
  return new EinblickError(
    'PARQUET_INVALID',
    `${fileName} is not a valid Parquet file: ${what}`,
    unsupported
      ? `Export it again with plain settings (for example pandas.DataFrame.to_parquet with compression="snappy"), or save the table as CSV.`
      : 'The file may be damaged or cut off (for example by an interrupted download or copy). Export it again (for example with pandas.DataFrame.to_parquet) or save the table as CSV.',
    params,
  );
}

/**
 * Gives the top-level columns the names `names` (unique, from names.ts) in the schema and in
 * every column chunk's path; PARQUET_INVALID when a row group's chunks do not match the schema.
 *
 * @example renameTopLevel(metadata, ['a', 'a.1'], 'x.parquet')
 */
export function renameTopLevel(metadata: FileMetaData, names: readonly string[], fileName: string): void {
  const top = parquetSchema(metadata).children;
  const owner: number[] = [];
  top.forEach((c, i) => {
    c.element.name = names[i];
    for (let k = leaves(c); k > 0; k--) owner.push(i);
  });
  metadata.row_groups.forEach((g, r) => {
    if (g.columns.length !== owner.length) {
      throw parquetInvalid(fileName, `row group ${r + 1} has ${g.columns.length} column blocks, but the file describes ${owner.length} columns`);
    }
    g.columns.forEach((chunk, k) => {
      const path = chunk.meta_data?.path_in_schema;
      if (path && path.length > 0) path[0] = names[owner[k]];
    });
  });
}

function leaves(node: SchemaTree): number {
  return node.children.length === 0 ? 1 : node.children.reduce((n, c) => n + leaves(c), 0);
}

/**
 * A short readable type of a schema node, for the warning about a dropped column.
 *
 * @example parquetTypeName(listNode) // 'list<int32>'
 */
export function parquetTypeName(node: SchemaTree): string {
  const text = typeName(node);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function typeName(node: SchemaTree): string {
  const el = node.element;
  const tag = el.logical_type?.type ?? el.converted_type;
  if (node.children.length === 0) {
    const leaf = leafName(el);
    return el.repetition_type === 'REPEATED' ? `list<${leaf}>` : leaf;
  }
  if (tag === 'LIST' && node.children.length === 1) {
    const item = node.children[0];
    const inner = item.element.repetition_type === 'REPEATED' && item.children.length === 1 ? item.children[0] : item;
    return `list<${item === inner && item.children.length === 0 ? leafName(item.element) : typeName(inner)}>`;
  }
  if ((tag === 'MAP' || tag === 'MAP_KEY_VALUE') && node.children.length === 1) {
    return `map<${node.children[0].children.map(typeName).join(', ')}>`;
  }
  const struct = `struct<${node.children.map((c) => `${c.element.name}: ${typeName(c)}`).join(', ')}>`;
  return el.repetition_type === 'REPEATED' ? `list<${struct}>` : struct;
}

function leafName(el: SchemaElement): string {
  const tag = el.logical_type?.type ?? el.converted_type;
  if (tag === 'STRING' || tag === 'UTF8') return 'string';
  if (tag) return tag.toLowerCase().replace(/_/g, ' ');
  if (el.type === 'BYTE_ARRAY' || el.type === 'FIXED_LEN_BYTE_ARRAY') return 'binary';
  return String(el.type ?? 'group').toLowerCase();
}
