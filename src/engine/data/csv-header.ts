/**
 * Checks the header line of a CSV and turns it into column names.
 *
 * - Names are trimmed of surrounding spaces.
 * - A header whose cells are all empty or all numbers is not a header: CSV_NO_HEADER.
 * - Some empty names (e.g. the unnamed index column pandas writes) become "column_<position>",
 *   and a repeated name gets ".1", ".2", ... (names.ts), each with a warning.
 */
import { EinblickError, type Warning } from '../errors.ts';
import { uniqueNames } from './names.ts';
import { isMissing, parseNumber } from './values.ts';

const HINT_NO_HEADER =
  'The first line of a CSV file must hold the column names (for example "Age;Income;Decision"). Add such a line above the data and load the file again.';

/**
 * Column names from the header cells; throws CSV_NO_HEADER.
 *
 * @example headerNames(['', 'Age ', 'Class', 'Age'], warnings) // ['column_1', 'Age', 'Class', 'Age.1'] and two warnings
 */
export function headerNames(cells: readonly string[], warnings: Warning[]): string[] {
  const names = cells.map((c) => c.trim());
  if (names.every((n) => n === '')) {
    throw new EinblickError('CSV_NO_HEADER', 'the first line has no column names', HINT_NO_HEADER);
  }
  if (names.length > 1 && names.every((n) => !isMissing(n) && !Number.isNaN(parseNumber(n, '.')))) {
    throw new EinblickError(
      'CSV_NO_HEADER',
      `the first line holds numbers (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}), not column names`,
      HINT_NO_HEADER,
      { first: names.slice(0, 3) },
    );
  }
  const unique = uniqueNames(names);
  warnings.push(...unique.warnings);
  return unique.names;
}
