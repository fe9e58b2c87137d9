import type { Table } from 'apache-arrow';
import type { ProgressFn, Warning } from '../errors.ts';
import type { DroppedColumn } from './dropped.ts';

/** What a column holds, as a person would say it. */
export type ColumnKind = 'number' | 'category' | 'boolean';

/** One column of a loaded table: its name, inferred kind, missing values and a few facts. */
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** For numbers: true when every present value is a whole number. */
  integer: boolean;
  /**
   * For categories: true when every present value is a whole number written in digits, such as
   * zero-padded codes ("01067"): a model input that wants numbers can take them. Absent otherwise.
   */
  digits?: boolean;
  /** Count of missing values (empty cells, NA, null, NaN). */
  missing: number;
  /** Distinct present values, counted up to 1000 (then `distinctCapped` is true). */
  distinct: number;
  distinctCapped: boolean;
  /** For numbers: smallest and largest present value; null when there is none. */
  min: number | null;
  max: number | null;
}

export type DataFormat = 'csv' | 'arrow' | 'parquet';

/** The result of loading a data file: an Apache Arrow table plus what we learned about it. */
export interface LoadedTable {
  table: Table;
  format: DataFormat;
  fileName: string;
  rows: number;
  columns: ColumnInfo[];
  /** CSV only: the separator and decimal mark that were detected. */
  csv?: { delimiter: string; decimal: '.' | ',' };
  /** Arrow / Parquet columns left out because of their type (also in the table's schema metadata, dropped.ts). */
  dropped: DroppedColumn[];
  warnings: Warning[];
}

export interface LoadOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** Force a CSV separator instead of detecting it. */
  delimiter?: string;
  /** Force the decimal mark instead of detecting it. */
  decimal?: '.' | ',';
  /** Largest table to build, in bytes at 8 a cell (default MAX_TABLE_BYTES, limits.ts); beyond it TOO_LARGE. */
  maxTableBytes?: number;
}
