/**
 * Issue 2: codes with leading zeros (postal codes, company numbers, municipality keys) keep their
 * text. "01067" read as the number 1067 would be an unknown category for a model trained on the
 * text "01067", which scores it silently as something else.
 */
import { describe, expect, it } from 'vitest';
import { isZeroPaddedCode } from '../../../src/engine/data/csv-column.ts';
import { encodeFeatures, loadModel, mapColumns, predict } from '../../../src/engine/model/index.ts';
import { wholeNumberTexts } from '../../../src/engine/model/encode.ts';
import { loadText, values } from '../data/helpers.ts';
import { buildModel } from './build-model.ts';

const CSV = 'plz;n;anteil\n01067;3;0,5\n10115;007;0\n;12;1,25\n';

/** A LabelEncoder from text codes to numbers, as a one-input-per-column model sees the codes. */
function codeModel(type: 'string' | 'float'): Uint8Array {
  const keys = ['01067', '10115'];
  return buildModel({
    inputs: [{ name: 'plz', type, shape: [null, 1] }],
    outputs: [{ name: 'y', type: 'float', shape: [null, 1] }],
    nodes: type === 'string'
      ? [{ op: 'LabelEncoder', inputs: ['plz'], outputs: ['y'], attrs: { keys_strings: keys, values_floats: { floats: [1, 2] }, default_float: { f: -1 } } }]
      : [{ op: 'Identity', inputs: ['plz'], outputs: ['y'] }],
    opsets: { '': 13, 'ai.onnx.ml': 2 },
  });
}

describe('zero-padded codes (issue 2)', () => {
  it('recognises a whole number with a leading zero, and nothing else', () => {
    expect(['01067', '007', ' 0123 ', '00'].map(isZeroPaddedCode)).toEqual([true, true, true, true]);
    expect(['0', '0.5', '0,5', '10', '-01', '0e5', '1067', ''].map(isZeroPaddedCode)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('a CSV column with such a cell is read as text, first cell or later cell; decimals stay numbers', async () => {
    const t = await loadText(CSV, 'd.csv');
    const v = values(t);
    expect(v.plz).toEqual(['01067', '10115', null]);
    expect(v.n).toEqual(['3', '007', '12']);
    expect(v.anteil).toEqual([0.5, 0, 1.25]);
  });

  it('a text input gets the code as written; a number input gets its number', async () => {
    const t = await loadText(CSV, 'd.csv');
    const text = await loadModel(codeModel('string'), 'm.onnx');
    const p = await predict(text, encodeFeatures(t.table, mapColumns(text.signature, t.columns)), { output: 'y' });
    expect(Array.from(p.scores)).toEqual([1, 2, -1]);
    const num = await loadModel(codeModel('float'), 'n.onnx');
    const q = await predict(num, encodeFeatures(t.table, mapColumns(num.signature, t.columns)), { output: 'y' });
    expect(Array.from(q.scores)).toEqual([1067, 10115, NaN]);
  });

  it('wholeNumberTexts takes digits only', () => {
    expect(Array.from(wholeNumberTexts(['01067', null, '+5'])!)).toEqual([1067, NaN, 5]);
    expect(wholeNumberTexts(['01067', '1.5'])).toBeNull();
    expect(wholeNumberTexts(['abc'])).toBeNull();
  });
});
