/**
 * What to say when the positive or favourable value of an outcome is not one of the column's
 * values (issue 9): the column may hold no value at all, or the value may differ only in case or
 * surrounding spaces from one it does hold.
 */
import { EinblickError } from '../errors.ts';

/**
 * The value of `levels` that `value` was likely meant to be: the same letters in another case,
 * or with spaces around it ('good' or ' Good' for 'Good'); null when there is none or several.
 *
 * @example meantValue('good', ['Bad', 'Good']) // 'Good'
 */
export function meantValue(value: string, levels: string[]): string | null {
  const key = (x: string) => x.trim().toLowerCase();
  const hits = levels.filter((l) => l !== value && key(l) === key(value));
  return hits.length === 1 ? hits[0] : null;
}

const quoted = (xs: string[]) => xs.map((x) => (x.trim() === x && x !== '' ? x : `"${x}"`)).join(', ');

/**
 * The error for a positive or favourable value the outcome column does not hold: the column may
 * have no values at all (every cell empty or a missing-value mark), or the value may be spelt
 * differently ("did you mean Good?").
 *
 * @example notAValue('positive', 'Class', 'good', ['Bad', 'Good'], []).message
 *   // 'invalid positive value: good; column Class holds Bad, Good; did you mean Good?'
 */
export function notAValue(what: 'positive' | 'favourable', column: string, value: string, levels: string[], marks: string[]): EinblickError {
  if (levels.length === 0) {
    const only = marks.length ? `; every cell is empty or a missing-value mark (${quoted(marks)})` : '; every cell is empty or marks a missing value';
    return new EinblickError('MISSING_VALUE', `column ${column} has no values${only}`, 'Choose the column that holds the true outcome, or fill in its values.', { column, detail: 'OUTCOME_NO_VALUES', marks });
  }
  const meant = meantValue(value, levels);
  if (meant !== null) {
    const spaced = meant.trim() !== meant;
    const example = what === 'positive' ? (spaced ? `--label "${column}=${meant}"` : `--label ${column}=${meant}`) : spaced ? `--favourable "${meant}"` : `--favourable ${meant}`;
    return new EinblickError('INVALID_OPTION', `invalid ${what} value: ${quoted([value])}; column ${column} holds ${quoted(levels)}; did you mean ${quoted([meant])}?`,
      `Write the value exactly as in the data, with the same capitals and spaces: ${example}.`,
      { column, value, values: levels, meant, detail: 'OUTCOME_VALUE_SPELLING' });
  }
  return new EinblickError('INVALID_OPTION', `invalid ${what} value: ${quoted([value])}; column ${column} holds ${quoted(levels)}`,
    what === 'positive' ? 'Choose one of the values listed (the spelling must match exactly).' : 'Name the value of the outcome column that is good for the person concerned.',
    { column, value, values: levels });
}
