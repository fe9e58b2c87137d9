/**
 * Checks of the plain-array inputs: equal lengths, finite scores, 0/1 labels. Each failure is
 * an EinblickError naming the bad value and the first row where it occurs.
 */
import { EinblickError } from '../errors.ts';

/**
 * Throws unless every score is a finite number.
 *
 * @example checkFinite(Float64Array.of(0.1, NaN), 'scores') // throws "missing value in scores: row 1"
 */
export function checkFinite(values: Float64Array, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EinblickError(
        'MISSING_VALUE',
        `missing value in ${what}: row ${i} is ${values[i]}`,
        `Every row needs a finite ${what === 'scores' ? 'score' : 'value'}; remove or fill in rows without one.`,
        { row: i, column: what },
      );
    }
  }
}

/**
 * Throws unless `len` equals the number of scores.
 *
 * @example checkLength(999, 1000, 'yTrue') // throws "invalid yTrue: 999 rows; expected 1000, one per score"
 */
export function checkLength(len: number, n: number, what: string): void {
  if (len !== n) {
    throw new EinblickError(
      'INVALID_OPTION',
      `invalid ${what}: ${len} rows; expected ${n}, one per score`,
      'The outcome, labels and group columns must have one value per scored row.',
      { option: what },
    );
  }
}

/**
 * Throws unless every label is 0 or 1.
 *
 * @example checkBinary(Uint8Array.of(0, 2)) // throws "invalid yTrue: row 1 is 2; expected 0 or 1"
 */
export function checkBinary(y: Uint8Array): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) {
      throw new EinblickError(
        'INVALID_OPTION',
        `invalid yTrue: row ${i} is ${y[i]}; expected 0 or 1`,
        'Encode the outcome as 1 for the positive class and 0 for every other value.',
        { row: i },
      );
    }
  }
}

/**
 * Throws when there are no rows.
 *
 * @example checkNonEmpty(0) // throws "invalid scores: 0 rows; expected at least 1"
 */
export function checkNonEmpty(n: number): void {
  if (n === 0) {
    throw new EinblickError('INVALID_OPTION', 'invalid scores: 0 rows; expected at least 1', 'There are no rows to analyse; check the data file and the chosen subset.', { option: 'scores' });
  }
}
