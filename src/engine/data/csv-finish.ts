/**
 * Turns the CSV columns into Arrow vectors once all rows are read, and collects warnings about
 * category columns whose values are mostly numbers
 * ("column Amount looks numeric but line 18 has 'n/a'") or hold missing-value marks such as
 * "NA" as a category. A category column whose values are all boolean words (true/false,
 * TRUE/FALSE, wahr/falsch, ...) or missing-value marks becomes a boolean column.
 */
import type { Vector } from 'apache-arrow';
import type { Warning } from '../errors.ts';
import type { CsvColumn } from './csv-column.ts';
import { BOOL_MISSING, booleanVector, categoryVector, numberVector } from './vectors.ts';
import { warnMostlyNumeric } from './mostly-numeric.ts';
import { isMissing, parseBoolean, type DecimalMark } from './values.ts';

/**
 * Maps 0-based data rows to "line" numbers as a person counts them: the header is line 1,
 * blank lines count, a record with a quoted line break counts once (as in a spreadsheet).
 */
export class LineMap {
  /** Data-row index before which each skipped blank line stood, ascending. */
  readonly blanks: number[] = [];
  /** Line of the header (blank lines may stand above it). */
  headerLine = 1;

  /** @example new LineMap().line(0) // 2 */
  line(row: number): number {
    let lo = 0;
    let hi = this.blanks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.blanks[mid] <= row) lo = mid + 1;
      else hi = mid;
    }
    return row + this.headerLine + 1 + lo;
  }
}

/** The Arrow vector for a finished column; pushes warnings about it. */
export function finishCsvColumn(col: CsvColumn, rows: number, decimal: DecimalMark, lines: LineMap, warnings: Warning[]): Vector {
  if (col.state === 'number') return numberVector(col.numbers!.finish());
  if (col.state === 'category') {
    const codes = col.codes!.finish();
    const { values, firstRow } = col.levels!;
    const tokens = values.map((l) => isMissing(l));
    const bools = values.map((l, k) => (tokens[k] ? null : parseBoolean(l)));
    if (bools.every((b, k) => b !== null || tokens[k]) && bools.some((b) => b !== null)) {
      return booleanVector(boolCodes(codes, bools));
    }
    warnMostlyNumeric(col.name, codes, { values, firstRow, tokens }, { decimal, where: (row) => `line ${lines.line(row)}`, place: (row) => lines.line(row) }, warnings);
    warnTokens(col.name, values, tokens, warnings);
    return categoryVector(codes, values);
  }
  // no value at all: an all-missing number column (load.ts warns about it)
  return numberVector(new Float64Array(rows).fill(NaN));
}

/** Boolean codes; levels that are missing tokens (null) become missing. */
function boolCodes(codes: Int32Array, bools: readonly (boolean | null)[]): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const b = codes[i] < 0 ? null : bools[codes[i]];
    out[i] = b === null ? BOOL_MISSING : b ? 1 : 0;
  }
  return out;
}

/** Category levels that look like missing-value marks are kept, but said so. */
function warnTokens(name: string, levels: readonly string[], tokens: readonly boolean[], warnings: Warning[]): void {
  const found = levels.filter((_, k) => tokens[k]);
  if (found.length === 0) return;
  warnings.push({
    code: 'MISSING_TOKEN_AS_CATEGORY',
    message: `column "${name}" holds text, and its value${found.length > 1 ? 's' : ''} ${found.map((f) => `"${f}"`).join(', ')} ${found.length > 1 ? 'are' : 'is'} kept as a category of its own. If ${found.length > 1 ? 'they mean' : 'it means'} "no value", leave those cells empty.`,
    params: { column: name, values: found },
  });
}
