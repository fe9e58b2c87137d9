/**
 * Issue 9 (the bad-input probe): outcome messages that misled.
 * - "check the outcome column: it seems to be empty" when the outcome was fine and the model
 *   returned NaN (an empty feature column): the message now gives the actual cause and counts;
 * - "invalid positive value: 1; column y holds " followed by nothing: the column has no values;
 * - a label column whose name contains "=" could not be named with --label COLUMN=VALUE;
 * - a value that exists only in another case or with spaces: "did you mean Good?".
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { loadTable } from '../../../src/engine/data/load.ts';
import { binaryOutcome, favourableSide, parseLabel } from '../../../src/engine/analyses/outcome.ts';
import { meantValue } from '../../../src/engine/analyses/outcome-value.ts';
import { keepRows } from '../../../src/engine/analyses/rows.ts';
import { runFairness } from '../../../src/engine/analyses/fairness-run.ts';
import { EinblickError, type Warning } from '../../../src/engine/errors.ts';
import type { Predictions } from '../../../src/engine/model/types.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';

const table = (csv: string) => loadTable(new TextEncoder().encode(csv), 'd.csv');

/** The EinblickError a function throws (fails the test when it throws none or another kind). */
function thrown(f: () => unknown): EinblickError {
  try {
    f();
  } catch (e) {
    if (e instanceof EinblickError) return e;
    throw e;
  }
  throw new Error('expected an EinblickError');
}

const predictions = (scores: number[]): Predictions => ({ task: 'classification', output: 'p', positiveIndex: 1, positiveLabel: null, scores: Float64Array.from(scores), precision: 'float64', labels: null });

describe('issue 9: --label COLUMN=VALUE with "=" in the column name', () => {
  const columns = ['score>=0.5', 'a', 'a=b', 'Class'];
  it.each([
    ['score>=0.5=yes', { column: 'score>=0.5', value: 'yes' }],
    ['score>=0.5', { column: 'score>=0.5', value: null }],
    ['a=b', { column: 'a=b', value: null }], // the whole text is a column
    ['a=b=c', { column: 'a=b', value: 'c' }], // the longest prefix that is a column
    ['a=x', { column: 'a', value: 'x' }],
    ['Class=x=y', { column: 'Class', value: 'x=y' }], // a value may contain '='
    [' Class = Good', { column: 'Class', value: 'Good', rawValue: ' Good' }],
    ['Class=', { column: 'Class', value: null }],
    ['Other=1', { column: 'Other', value: '1' }], // no known prefix: the first '=' as before
  ])('%s', (text, expected) => {
    expect(parseLabel(text, columns)).toEqual(expected);
  });

  it('without column names the old rule holds (split at the first "=")', () => {
    expect(parseLabel('score>=0.5=yes')).toEqual({ column: 'score>', value: '0.5=yes' });
    expect(parseLabel('Class=Good')).toEqual({ column: 'Class', value: 'Good' });
    expect(thrown(() => parseLabel('=Good')).code).toBe('INVALID_OPTION');
  });

  it('the fairness run names such a column', async () => {
    const t = await table('y=1?,g\nja,a\nnein,b\nja,b\nnein,a\n');
    const run = runFairness(t.table, t.columns, predictions([0.9, 0.2, 0.7, 0.4]), { label: 'y=1?=ja', favourable: 'ja', protected: ['g'], bootstrap: 0 });
    expect(run.json.label).toEqual({ column: 'y=1?', positive: 'ja' });
  });
});

describe('issue 9: the positive and favourable values', () => {
  it('a column with no values says so (not "holds " and nothing)', async () => {
    const t = await table('y,g\n,a\n,b\n,a\n');
    const e = thrown(() => binaryOutcome(t.table, { column: 'y', value: '1' }, null));
    expect(e.message).toBe('column y has no values; every cell is empty or marks a missing value');
    expect(e.code).toBe('MISSING_VALUE');
    expect(errorDetail(e.toInfo(), 'de')?.text).toBe('Die Ergebnisspalte „y“ enthält keine Werte (alle Zellen sind leer oder als fehlend markiert).');
    // without a value given, too (it used to ask "which value ... Its values are " and nothing)
    expect(thrown(() => binaryOutcome(t.table, { column: 'y', value: null }, null)).message).toBe('column y has no values; every cell is empty or marks a missing value');
  });

  it('a column with only missing-value marks names them', () => {
    // (the CSV reader already reads a column of nothing but marks as empty; an Arrow file keeps them)
    const t = tableFromArrays({ y: ['NA', '#N/A', 'NA'], g: ['a', 'b', 'a'] });
    const e = thrown(() => binaryOutcome(t, { column: 'y', value: '1' }, null));
    expect(e.message).toBe('column y has no values; every cell is empty or a missing-value mark (#N/A, NA)');
    expect(errorDetail(e.toInfo(), 'en')?.text).toBe('The outcome column "y" holds no values (only empty cells and marks for "no value" such as "#N/A", "NA").');
  });

  it('another case or spaces: "did you mean"', async () => {
    const t = await table('y,g\nGood,a\nBad,b\nGood,a\n');
    const e = thrown(() => binaryOutcome(t.table, { column: 'y', value: 'good' }, null));
    expect(e.message).toBe('invalid positive value: good; column y holds Bad, Good; did you mean Good?');
    expect(e.hint).toContain('--label y=Good');
    expect(errorDetail(e.toInfo(), 'de')?.text).toBe('Den Wert „good“ gibt es in der Spalte „y“ nicht; meinten Sie „Good“?');
    const o = binaryOutcome(t.table, { column: 'y', value: 'Good' }, null);
    expect(thrown(() => favourableSide(o, 'bad')).message).toBe('invalid favourable value: bad; column y holds Bad, Good; did you mean Bad?');
    // no near value: the old message, without a guess
    expect(thrown(() => binaryOutcome(t.table, { column: 'y', value: 'Gut' }, null)).message).toBe('invalid positive value: Gut; column y holds Bad, Good');
  });

  it('a value with spaces in the data: the hint quotes it, and the value typed with its spaces is taken', async () => {
    const t = await table('y,g\n" Good",a\n" Bad",b\n" Good",a\n');
    const e = thrown(() => binaryOutcome(t.table, parseLabel('y=Good', ['y', 'g']), null));
    expect(e.message).toBe('invalid positive value: Good; column y holds " Bad", " Good"; did you mean " Good"?');
    expect(e.hint).toContain('--label "y= Good"');
    expect(binaryOutcome(t.table, parseLabel('y= Good', ['y', 'g']), null).positive).toBe(' Good');
  });

  it('meantValue: one value in another case or with spaces, else none', () => {
    expect(meantValue('good', ['Bad', 'Good'])).toBe('Good');
    expect(meantValue('Good ', ['Bad', 'Good'])).toBe('Good');
    expect(meantValue('good', ['GOOD', 'Good'])).toBeNull(); // two candidates: no guess
    expect(meantValue('Gut', ['Bad', 'Good'])).toBeNull();
  });
});

describe('issue 9: no row with both a score and an outcome says why', () => {
  it('the model returned NaN for every row: counts, the empty model input, and no blame on the outcome', () => {
    const warnings: Warning[] = [];
    const e = thrown(() => keepRows(Float64Array.of(NaN, NaN, NaN), () => true, warnings, 'Class', ['Duration']));
    expect(e.message).toBe('no row has both a score and an outcome: 3 of 3 rows lack a score because the model gave no number for them (NaN) (the model input column Duration is empty)');
    expect(e.hint).toContain('Fill in column Duration');
    expect(e.hint).not.toMatch(/outcome column/);
    expect(e.code).toBe('MISSING_VALUE');
    expect(errorDetail(e.toInfo(), 'de')?.text).toBe('Kein Fall hat zugleich einen Wert des Modells und ein tatsächliches Ergebnis. 3 von 3 Fällen fehlt der Wert des Modells (es lieferte NaN); die Modelleingabe „Duration“ ist leer.');
  });

  it('NaN without an empty column, and an empty outcome, and both mixed', () => {
    expect(thrown(() => keepRows(Float64Array.of(NaN, NaN), () => true, [], 'y')).hint).toMatch(/model inputs/);
    const noOutcome = thrown(() => keepRows(Float64Array.of(0.1, 0.2), () => false, [], 'y'));
    expect(noOutcome.message).toBe('no row has both a score and an outcome: 2 of 2 rows lack an outcome in column y');
    expect(noOutcome.hint).toBe('Check the outcome column y: no row has a value in it.');
    const mixed = thrown(() => keepRows(Float64Array.of(NaN, 0.2), (i) => i === 0, [], 'y'));
    expect(mixed.message).toBe('no row has both a score and an outcome: 1 of 2 rows lack a score because the model gave no number for them (NaN); 1 of 2 rows lack an outcome in column y');
  });

  it('the fairness run names the empty feature column it was given', async () => {
    const t = await table('x,y,g\n,1,a\n,0,b\n,1,a\n');
    const e = thrown(() => runFairness(t.table, t.columns, predictions([NaN, NaN, NaN]), { label: 'y=1', protected: ['g'], bootstrap: 0 }, { features: ['x'] }));
    expect(e.message).toContain('(the model input column x is empty)');
  });
});
