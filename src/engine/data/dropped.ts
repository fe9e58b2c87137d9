/**
 * Columns of an Arrow or Parquet file that were left out because of their type (lists,
 * structs, maps, binary data, times...), remembered in the loaded table's schema metadata, so
 * that a later reference to one by name ("--label tags", a protected attribute, a model input)
 * says that the column exists but was left out, and why, instead of "missing column".
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type ErrorParams } from '../errors.ts';

/** A column of the file that is not in the loaded table, with its type as the file states it. */
export interface DroppedColumn {
  name: string;
  /** The file's type, e.g. "List<Int32>" (Arrow) or "list<int32>" (Parquet). */
  type: string;
}

/** Schema metadata key of the loaded table that lists the dropped columns (JSON). */
export const DROPPED_KEY = 'einblick.dropped';

/**
 * The schema metadata that records dropped columns (empty when none were dropped).
 *
 * @example droppedMetadata([{ name: 'tags', type: 'List<Utf8>' }]).get('einblick.dropped') // '[{"name":"tags","type":"List<Utf8>"}]'
 */
export function droppedMetadata(dropped: readonly DroppedColumn[]): Map<string, string> {
  return dropped.length === 0 ? new Map() : new Map([[DROPPED_KEY, JSON.stringify(dropped)]]);
}

/**
 * The columns that were left out when the table was loaded ([] for CSV and for other tables).
 *
 * @example droppedColumns(loaded.table) // [{ name: 'tags', type: 'List<Utf8>' }]
 */
export function droppedColumns(table: Table | null | undefined): DroppedColumn[] {
  const text = table?.schema.metadata.get(DROPPED_KEY);
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((d): d is DroppedColumn => typeof d?.name === 'string' && typeof d?.type === 'string') : [];
  } catch {
    return []; // not written by Einblick: no dropped columns to report
  }
}

/**
 * MISSING_COLUMN for names that are not in the table: when the file had one of them but it was
 * dropped, the error says so and names its type (params.detail 'COLUMN_LEFT_OUT'); otherwise
 * it is `otherwise()`, the caller's own error. `what` says how the column was named ("the
 * outcome"; '' for nothing).
 *
 * @example throw missingColumnError('tags', droppedColumns(table), 'the outcome', () => fallback)
 */
export function missingColumnError(names: string | readonly string[], dropped: readonly DroppedColumn[], what: string, otherwise: () => EinblickError): EinblickError {
  const wanted = typeof names === 'string' ? [names] : names;
  const d = dropped.find((x) => wanted.includes(x.name));
  if (!d) return otherwise();
  const name = d.name;
  const params: ErrorParams = { column: name, type: d.type, detail: 'COLUMN_LEFT_OUT' };
  if (what) params.what = what;
  return new EinblickError(
    'MISSING_COLUMN',
    `column "${name}"${what ? ` (named as ${what})` : ''} was left out when the file was read: its type (${d.type}) is not a number, text, category or yes/no`,
    `Choose another column, or store "${name}" as plain numbers, text or yes/no values (one value per cell, no lists or nested records) and load the file again.`,
    params,
  );
}
