/**
 * How a single text cell is read: missing-value tokens, numbers (with '.' or ',' as decimal
 * mark) and booleans. Used for CSV cells; the same rules decide what counts as "numeric" in
 * warnings.
 *
 * Missing: an empty (or all-space) cell is missing in every column. The tokens NA, N/A, NaN,
 * nan, null, NULL, None and #N/A (Excel) are missing in number and boolean columns; in a
 * category column they stay a category of their own, with a warning (German credit data has a
 * real level "None": dropping it would silently change what a model sees). '?' and 'n/a' are
 * not tokens: among numbers they turn the column into a category column with a warning naming
 * the value, so a person sees it.
 */

/** Cell texts that mean "no value" in number and boolean columns (and the empty cell everywhere). */
export const MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A'];
const MISSING = new Set<string>(MISSING_TOKENS);

/** Cell texts read as true / false in a boolean column (English and German spreadsheet exports). */
export const TRUE_TOKENS: readonly string[] = ['true', 'TRUE', 'True', 'wahr', 'WAHR', 'Wahr'];
export const FALSE_TOKENS: readonly string[] = ['false', 'FALSE', 'False', 'falsch', 'FALSCH', 'Falsch'];
const TRUE = new Set<string>(TRUE_TOKENS);
const FALSE = new Set<string>(FALSE_TOKENS);

export type DecimalMark = '.' | ',';

/** True when a character code is a space, tab or other ASCII control/whitespace. */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0;
}

/** Removes surrounding spaces only when there are any (cheap for the common case). */
export function trimCell(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  return isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(n - 1)) ? raw.trim() : raw;
}

/**
 * Whether a cell is a missing-value token (or empty): missing in number and boolean columns.
 *
 * @example isMissing(' NA ') // true
 * @example isMissing('n/a') // false
 */
export function isMissing(raw: string): boolean {
  if (raw.length <= 4 && MISSING.has(raw)) return true;
  const t = trimCell(raw);
  return t !== raw && MISSING.has(t);
}

/**
 * Whether a cell is empty or only spaces: missing in every column.
 *
 * @example isEmptyCell('  ') // true
 */
export function isEmptyCell(raw: string): boolean {
  return raw.length === 0 || trimCell(raw).length === 0;
}

// A number with '.' as decimal mark: 12, -1.5, .5, 1., 1e-3. No thousands separators.
const POINT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// A number with ',' as decimal mark and optional '.' thousands groups: 1,5  1.234,56  -0,25  1.234
const COMMA_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a cell as a finite number, or returns NaN when it is not one. Call isMissing first:
 * this function does not know about missing tokens.
 *
 * @example parseNumber('1.234,5', ',') // 1234.5
 * @example parseNumber('1,5', '.') // NaN
 * @example parseNumber('1e400', '.') // NaN (not finite)
 */
export function parseNumber(raw: string, decimal: DecimalMark): number {
  const t = trimCell(raw);
  let v: number;
  if (decimal === '.') {
    if (!POINT_NUMBER.test(t)) return NaN;
    v = Number(t);
  } else {
    if (!COMMA_NUMBER.test(t)) return NaN;
    let s = t;
    if (s.indexOf('.') >= 0) s = s.replaceAll('.', '');
    if (s.indexOf(',') >= 0) s = s.replace(',', '.');
    v = Number(s);
  }
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Reads a cell as a boolean: true, false, or null when it is not a boolean token.
 *
 * @example parseBoolean('WAHR') // true
 * @example parseBoolean('yes') // null
 */
export function parseBoolean(raw: string): boolean | null {
  const t = trimCell(raw);
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}
