/**
 * Issue 9: an error without a detail text is shown on the German page with its German title and
 * hint; the values the English message named (file, column, line, ...) stay visible in German.
 * The details added for the page (NOT_PROBABILITY, CSV_RAGGED, WRONG_WIDTH, a reserved group
 * name) name their values in both languages.
 */
import { describe, expect, it } from 'vitest';
import { errorSubject } from '../../../src/ui/error-subject.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';
import { notProbability } from '../../../src/engine/model/predict.ts';
import { toErrorInfo, type ErrorInfo } from '../../../src/engine/errors.ts';

describe('issue 9: what an error concerns, in the page language', () => {
  it('names file, columns and line with the language\'s quotes, in a fixed order', () => {
    expect(errorSubject({ column: 'Age', file: 'data.csv' }, 'de')).toBe('Datei „data.csv“ · Spalte „Age“');
    expect(errorSubject({ column: 'Age', file: 'data.csv' }, 'en')).toBe('file "data.csv" · column "Age"');
    expect(errorSubject({ columns: ['a', 'b'], line: 1234 }, 'de')).toBe('Spalten „a“, „b“ · Zeile 1.234 der Datei');
    expect(errorSubject({ attribute: 'sex', output: 'probabilities', input: 'x' }, 'de')).toBe('Gruppenspalte „sex“ · Modelleingabe „x“ · Ausgabe „probabilities“');
  });

  it('says nothing when the params name nothing it knows (or are empty)', () => {
    expect(errorSubject(undefined, 'de')).toBeNull();
    expect(errorSubject({}, 'de')).toBeNull();
    expect(errorSubject({ option: 'topK', columns: [], file: '' }, 'de')).toBeNull();
    // a deliberately wrong expectation would fail: the option key is not shown
    expect(errorSubject({ option: 'topK', column: 'x' }, 'en')).not.toContain('topK');
  });
});

describe('issue 9: details added for the page name their values', () => {
  const info = (e: unknown): ErrorInfo => toErrorInfo(e);

  it('NOT_PROBABILITY: output, column, row and value; for an explanation without a row', () => {
    const de = errorDetail(info(notProbability('probabilities', 1, -1.39, 0)), 'de')!;
    expect(de.text).toContain('Die Ausgabe „probabilities“ (Spalte 1) enthält Werte außerhalb von 0 bis 1 (Zeile 0, gezählt ab 0: -1,39)');
    expect(de.hint).toContain('Wahrscheinlichkeiten');
    const en = errorDetail(info(notProbability('score', null, 3, null)), 'en')!;
    expect(en.text).toBe('The output "score" holds values outside 0 to 1 (3 for a case computed for the explanation). So it is a score, not a probability; Einblick cannot evaluate it as a probability.');
  });

  it('CSV_FIELD_COUNT, MATRIX_WIDTH_*, GROUP_MISSING_NAME', () => {
    const csv: ErrorInfo = { code: 'CSV_RAGGED', message: 'm', hint: 'h', params: { detail: 'CSV_FIELD_COUNT', line: 3, fields: 1, expected: 3, delimiter: ';' } };
    expect(errorDetail(csv, 'de')!.text).toBe('Zeile 3 der Datei hat 1 Feld, die Kopfzeile aber 3 Spalten (Trennzeichen Semikolon).');
    expect(errorDetail(csv, 'en')!.text).toBe('Line 3 of the file has 1 field, but the header has 3 columns (separator semicolon).');
    const width: ErrorInfo = { code: 'WRONG_WIDTH', message: 'm', hint: 'h', params: { detail: 'MATRIX_WIDTH_CHOSEN', input: 'input', expected: 20, actual: 3 } };
    expect(errorDetail(width, 'de')!.text).toBe('Das Modell nimmt über seine Eingabe „input“ genau 20 Spalten; gewählt sind 3.');
    const group: ErrorInfo = { code: 'INVALID_OPTION', message: 'm', hint: 'h', params: { detail: 'GROUP_MISSING_NAME', attribute: 'region', value: '(missing)' } };
    expect(errorDetail(group, 'de')!.text).toContain('In der Gruppenspalte „region“ steht der Wert „(missing)“');
  });
});
