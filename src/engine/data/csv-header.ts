/**
 * Checks the header line of a CSV and turns it into column names.
 *
 * - Names are trimmed of surrounding spaces.
 * - A header whose cells are all empty or all numbers is not a header: CSV_NO_HEADER.
 * - Some empty names (e.g. the unnamed index column pandas writes) become "column_<position>"
 *   with a warning.
 * - The same name twice: CSV_DUPLICATE_COLUMN, naming both positions.
 */
import { EinblickError, type Warning } from '../errors.ts';
import { isMissing, parseNumber } from './values.ts';

const HINT_NO_HEADER =
  'The first line of a CSV file must hold the column names (for example "Age;Income;Decision"). Add such a line above the data and load the file again.';

/**
 * Column names from the header cells; throws CSV_NO_HEADER or CSV_DUPLICATE_COLUMN.
 *
 * @example headerNames(['', 'Age ', 'Class'], warnings) // ['column_1', 'Age', 'Class'] and one warning
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
  const unnamed: number[] = [];
  for (let i = 0; i < names.length; i++) {
    if (names[i] === '') {
      names[i] = `column_${i + 1}`;
      unnamed.push(i + 1);
    }
  }
  if (unnamed.length > 0) {
    warnings.push({
      code: 'UNNAMED_COLUMN',
      message: `column${unnamed.length > 1 ? 's' : ''} ${unnamed.join(', ')} had no name in the header and ${unnamed.length > 1 ? 'were' : 'was'} named ${unnamed.map((p) => `column_${p}`).join(', ')}`,
      params: { positions: unnamed.map(String) },
    });
  }
  checkDuplicates(names);
  return names;
}

/** Throws CSV_DUPLICATE_COLUMN for the first name that occurs twice. */
function checkDuplicates(names: readonly string[]): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const first = seen.get(names[i]);
    if (first !== undefined) {
      throw new EinblickError(
        'CSV_DUPLICATE_COLUMN',
        `the column name "${names[i]}" appears twice in the header (columns ${first + 1} and ${i + 1})`,
        'Give every column its own name in the first line of the file (for example "Income_2023" and "Income_2024") and load it again.',
        { column: names[i], positions: [String(first + 1), String(i + 1)] },
      );
    }
    seen.set(names[i], i);
  }
}
