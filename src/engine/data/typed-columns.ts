/**
 * Shared checks for formats that carry their own column types (Arrow IPC, Parquet): empty
 * tables, dropped columns, int64 and date warnings (names: names.ts).
 */
import { EinblickError, type ErrorCode, type Warning } from '../errors.ts';

/** Throws EMPTY_FILE when there are no columns or no rows. */
export function checkNotEmpty(fileName: string, columns: number, rows: number): void {
  if (columns === 0) {
    throw new EinblickError('EMPTY_FILE', `${fileName} has no columns`, 'Choose a file that contains a table with columns and rows.', { file: fileName });
  }
  if (rows === 0) {
    throw new EinblickError('EMPTY_FILE', `${fileName} has ${columns} column${columns === 1 ? '' : 's'} but no rows`, 'Export the table again with its rows, or choose the file that holds the data.', {
      file: fileName,
      columns,
    });
  }
}

/** The warning for a column whose type Einblick cannot use. */
export function droppedWarning(name: string, type: string): Warning {
  return {
    code: 'COLUMN_DROPPED',
    message: `column "${name}" was left out: its type (${type}) is not a number, text, category or yes/no value`,
    params: { column: name, type },
  };
}

/** Throws `code` when every column was dropped. */
export function checkSomeKept(fileName: string, kept: number, total: number, code: ErrorCode): void {
  if (kept === 0) {
    throw new EinblickError(code, `none of the ${total} columns of ${fileName} has a type Einblick can use (numbers, text, categories, yes/no)`, 'Export the table with plain columns: numbers, text or booleans; no lists, structs or binary data.', {
      file: fileName,
    });
  }
}

/** The warning for int64 values that float64 cannot hold exactly. */
export function int64Warning(name: string, count: number): Warning {
  return {
    code: 'INT64_PRECISION',
    message: `column "${name}" has ${count} whole number${count === 1 ? '' : 's'} beyond 2^53 (9007199254740992); they are rounded to the nearest representable number`,
    params: { column: name, count },
  };
}

/** The warning for a date or timestamp column read as ISO 8601 text categories. */
export function dateWarning(name: string, dateOnly: boolean): Warning {
  return {
    code: 'DATE_AS_CATEGORY',
    message: `column "${name}" holds ${dateOnly ? 'dates' : 'date-times'}; they are read as text categories (ISO 8601, e.g. ${dateOnly ? '2024-01-31' : '2024-01-31T12:00:00.000Z'})`,
    params: { column: name },
  };
}
