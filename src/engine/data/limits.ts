/**
 * How large a table the loader builds before it refuses with TOO_LARGE: a bound on the loaded
 * table's memory (8 bytes a cell, what a number column takes), checked as early as the format
 * allows (Parquet: from the file's metadata; Arrow: from the record batches' row counts; CSV:
 * estimated from the first 256 KiB, then counted while the rows arrive), so that a file too
 * large for the machine ends in a clear message instead of an out-of-memory crash of the page
 * or of Node.
 */
import { EinblickError } from '../errors.ts';

/**
 * Default bound: 2 GiB of table (268 million cells, e.g. 10 million rows of 26 columns). A
 * browser tab holds the file's bytes too, and typed arrays in V8 stop at 4 GiB each.
 */
export const MAX_TABLE_BYTES = 2 ** 31;

/** Bytes a cell takes in the loaded table (a Float64 number; categories and booleans take less). */
export const CELL_BYTES = 8;

/**
 * The most rows a table of `columns` columns may have.
 *
 * @example maxRows(4, 2 ** 31) // 67108864
 */
export function maxRows(columns: number, limit = MAX_TABLE_BYTES): number {
  return Math.floor(limit / (CELL_BYTES * Math.max(1, columns)));
}

/**
 * Throws TOO_LARGE when `rows` x `columns` cells exceed the bound; `estimated` says the row
 * count is an estimate (a CSV's size divided by its first lines' length).
 *
 * @example checkTableSize('big.csv', 4e8, 12, { estimated: true }) // throws TOO_LARGE
 */
export function checkTableSize(fileName: string, rows: number, columns: number, o: { limit?: number; estimated?: boolean } = {}): void {
  const limit = o.limit ?? MAX_TABLE_BYTES;
  if (rows <= maxRows(columns, limit)) return;
  throw tooLarge(fileName, rows, columns, limit, o.estimated ?? false);
}

/**
 * The TOO_LARGE error for a table of `rows` x `columns` cells (rows possibly estimated), with
 * detail TABLE_MEMORY.
 *
 * @example tooLarge('big.csv', 4e8, 12, MAX_TABLE_BYTES, true).message // 'big.csv has about 400,000,000 rows of 12 columns: ...'
 */
export function tooLarge(fileName: string, rows: number, columns: number, limit: number, estimated: boolean): EinblickError {
  const need = rows * columns * CELL_BYTES;
  const about = estimated ? 'about ' : '';
  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  return new EinblickError(
    'TOO_LARGE',
    `${fileName} has ${about}${fmt(rows)} rows of ${fmt(columns)} column${columns === 1 ? '' : 's'}: ${about}${size(need)} as a table, more than the ${size(limit)} Einblick holds in memory`,
    `Load a sample of the rows (for example every 10th row) or only the columns the analysis needs: at most ${fmt(maxRows(columns, limit))} rows of ${fmt(columns)} column${columns === 1 ? '' : 's'} fit.`,
    { file: fileName, rows: Math.round(rows), columns, bytes: need, limit, maxRows: maxRows(columns, limit), estimated: estimated ? 'yes' : 'no', detail: 'TABLE_MEMORY' },
  );
}

/** Bytes in GiB (one decimal), MiB, KiB or bytes. */
function size(bytes: number): string {
  const units: [number, string][] = [[2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  for (const [unit, name] of units) if (bytes >= unit) return `${(bytes / unit).toLocaleString('en-GB', { maximumFractionDigits: unit === 2 ** 30 ? 1 : 0 })} ${name}`;
  return `${bytes} bytes`;
}
