/**
 * The warning MOSTLY_NUMERIC for a text column whose values are mostly numbers ("column Amount
 * looks numeric but line 18 has 'n/a'"), for every format: CSV names lines as a person counts
 * them, Arrow and Parquet name rows. It is the evidence a later TEXT_FOR_NUMBER error quotes.
 */
import type { Warning } from '../errors.ts';
import { parseNumber, type DecimalMark } from './values.ts';

/** How many first offending values a warning names. */
const SHOW = 3;

export interface Levels {
  values: readonly string[];
  /** 0-based data row where each value first appears. */
  firstRow: readonly number[];
  /** Values that are missing-value marks (NA, null...): they count neither way. */
  tokens: readonly boolean[];
}

export interface Places {
  decimal: DecimalMark;
  /** How a row is named in the message: 'line 18' (CSV), 'row 17' (Arrow, Parquet). */
  where: (row: number) => string;
  /** The number in params.lines for a row. */
  place: (row: number) => number;
}

/**
 * Pushes MOSTLY_NUMERIC when more of the column's values are numbers than text.
 *
 * @example warnMostlyNumeric('x1', codes, levels, { decimal: '.', where: (r) => `row ${r + 1}`, place: (r) => r + 1 }, warnings)
 */
export function warnMostlyNumeric(name: string, codes: Int32Array, levels: Levels, at: Places, warnings: Warning[]): void {
  const { values, firstRow, tokens } = levels;
  const counts = new Float64Array(values.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  // levels that would be missing in a number column count neither way
  const text = values.map((l, k) => !tokens[k] && Number.isNaN(parseNumber(l, at.decimal)));
  let nNumeric = 0;
  let nText = 0;
  for (let k = 0; k < values.length; k++) {
    if (text[k]) nText += counts[k];
    else if (!tokens[k]) nNumeric += counts[k];
  }
  if (nNumeric <= nText) return;
  const bad: number[] = [];
  for (let k = 0; k < values.length && bad.length < SHOW; k++) if (text[k]) bad.push(k);
  const where = bad.map((k) => `${at.where(firstRow[k])} has "${values[k]}"`).join(', ');
  warnings.push({
    code: 'MOSTLY_NUMERIC',
    message: `column "${name}" looks numeric but ${where}; ${nText} of ${nNumeric + nText} values are not numbers (decimal mark "${at.decimal}"), so it is read as a category column. Fix those cells or leave them empty to use it as a number.`,
    params: {
      column: name,
      values: bad.map((k) => values[k]),
      lines: bad.map((k) => String(at.place(firstRow[k]))),
      rows: bad.map((k) => String(firstRow[k])),
      text: nText,
      total: nNumeric + nText,
    },
  });
}

/** For Arrow and Parquet: rows counted from 1, decimal point. */
export const ROWS: Places = { decimal: '.', where: (row) => `row ${row + 1}`, place: (row) => row + 1 };
