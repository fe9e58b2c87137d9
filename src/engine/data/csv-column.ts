/**
 * One CSV column while its rows arrive.
 *
 * - "pending": only missing values so far (empty cells and tokens such as NA, kept as codes
 *   because a token is a level if the column turns out to be text);
 * - "number": the first real value was a number; tokens and empty cells are missing;
 * - "category": the first real value was text; empty cells are missing, tokens are levels;
 * - "deferred": a number column met a text cell. It cannot rebuild the original texts of its
 *   earlier rows, so the loader reads the file a second time for such columns (rare: only mixed
 *   columns pay for it) after startText().
 *
 * A whole number written with a leading zero ("01067", "007") is a code (postal code, company
 * number, municipality key), not a number: its text is what identifies it, so a column with
 * such a cell is read as text (a model input that wants numbers still gets them, encode.ts).
 */
import { GrowableFloat64, GrowableInt32, Levels } from './levels.ts';
import { isEmptyCell, isMissing, parseNumber, type DecimalMark } from './values.ts';

export type CsvColumnState = 'pending' | 'number' | 'category' | 'deferred';

export class CsvColumn {
  state: CsvColumnState = 'pending';
  /** Rows seen so far. */
  length = 0;
  numbers: GrowableFloat64 | null = null;
  codes: GrowableInt32 | null = new GrowableInt32(16);
  levels: Levels | null = new Levels();

  constructor(
    readonly name: string,
    private readonly decimal: DecimalMark,
    private readonly capacity: number,
  ) {}

  /** Adds the next row's cell. */
  push(raw: string): void {
    const row = this.length++;
    const state = this.state;
    if (state === 'number') {
      if (isMissing(raw)) return this.numbers!.push(NaN);
      const v = parseNumber(raw, this.decimal);
      if (Number.isNaN(v) || isZeroPaddedCode(raw)) return this.defer();
      return this.numbers!.push(v);
    }
    if (state === 'category') return this.codes!.push(isEmptyCell(raw) ? -1 : this.levels!.code(raw, row));
    if (state === 'deferred') return;
    if (isMissing(raw)) return this.codes!.push(isEmptyCell(raw) ? -1 : this.levels!.code(raw, row));
    const v = parseNumber(raw, this.decimal);
    if (Number.isNaN(v) || isZeroPaddedCode(raw)) {
      this.state = 'category';
      this.codes = grown(this.codes!, this.capacity);
      this.codes.push(this.levels!.code(raw, row));
    } else {
      this.numbers = new GrowableFloat64(Math.max(this.capacity, 2 * row));
      this.numbers.data.fill(NaN, 0, row);
      this.numbers.length = row;
      this.numbers.push(v);
      this.state = 'number';
      this.codes = null;
      this.levels = null;
    }
  }

  /** Gives up on numbers: the column is text and is filled on the second pass. */
  private defer(): void {
    this.state = 'deferred';
    this.numbers = null;
  }

  /** Second pass for a deferred column: start over as a category column. */
  startText(): void {
    this.state = 'category';
    this.length = 0;
    this.codes = new GrowableInt32(this.capacity);
    this.levels = new Levels();
  }
}

/** The same codes in a buffer of at least `capacity`. */
function grown(codes: GrowableInt32, capacity: number): GrowableInt32 {
  if (codes.data.length >= capacity) return codes;
  const out = new GrowableInt32(capacity);
  out.data.set(codes.data.subarray(0, codes.length));
  out.length = codes.length;
  return out;
}

/**
 * True for a whole number with a leading zero: "01067", " 007" (not "0", "0.5" or "0,5").
 *
 * @example isZeroPaddedCode('01067') // true
 */
export function isZeroPaddedCode(raw: string): boolean {
  let i = 0;
  while (raw.charCodeAt(i) <= 32 && i < raw.length) i++;
  if (raw.charCodeAt(i) !== 48) return false; // fast exit: most cells do not start with '0'
  return /^\s*0\d+\s*$/.test(raw);
}
