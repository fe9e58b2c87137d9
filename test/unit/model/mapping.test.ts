/**
 * Issue 2 (item 7): mapping data columns to model inputs, by name for per-column inputs and by
 * an ordered list for a matrix input, and errors that name the problem and the fix.
 */
import { describe, expect, test } from 'vitest';
import type { ColumnInfo } from '../../../src/engine/data/types.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { mapColumns } from '../../../src/engine/model/mapping.ts';
import { nearNames } from '../../../src/engine/model/names.ts';
import type { InputSpec, ModelSignature } from '../../../src/engine/model/types.ts';
import { columnInfo, csvTable, fixtureText } from './helpers.ts';

function signature(inputs: InputSpec[]): ModelSignature {
  const layout = inputs.length === 1 && inputs[0].shape.length === 2 ? 'matrix' : 'columns';
  return { inputs, outputs: [], layout, width: layout === 'matrix' ? inputs[0].shape[1] : null, task: 'regression', score: null, labelOutput: null, ops: [], opsets: {}, producer: '', irVersion: 8, notes: [] };
}

const col = (name: string, kind: ColumnInfo['kind']): ColumnInfo => ({ name, kind, integer: kind === 'number', missing: 0, distinct: 2, distinctCapped: false, min: null, max: null });

function thrown(fn: () => unknown): EinblickError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

describe('per-column inputs (skl2onnx pipelines)', () => {
  const sig = signature([
    { name: 'Age', type: 'int64', shape: [null, 1] },
    { name: 'Purpose', type: 'string', shape: [null, 1] },
    { name: 'Amount', type: 'float32', shape: [null, 1] },
  ]);

  test('a name that differs only in case is matched, with a note; two such names are not guessed', () => {
    const m = mapColumns(sig, [col('PURPOSE', 'category'), col('age', 'number'), col('Amount', 'number')]);
    expect(m).toMatchObject({ features: ['Age', 'Purpose', 'Amount'], columns: ['age', 'PURPOSE', 'Amount'] });
    expect(m.notes?.filter((n) => n.code === 'COLUMN_BY_CASE').map((n) => n.params)).toEqual([{ input: 'Age', column: 'age' }, { input: 'Purpose', column: 'PURPOSE' }]);
    const e = thrown(() => mapColumns(sig, [col('purpose', 'category'), col('PURPOSE', 'category'), col('Age', 'number'), col('Amount', 'number')]));
    expect(e.code).toBe('MISSING_COLUMN');
  });

  test('matched by name whatever the data order; extra columns ignored', () => {
    const m = mapColumns(sig, [col('Purpose', 'category'), col('Class', 'category'), col('Amount', 'number'), col('Age', 'number')]);
    expect(m).toMatchObject({ layout: 'columns', features: ['Age', 'Purpose', 'Amount'], columns: ['Age', 'Purpose', 'Amount'], types: ['int64', 'string', 'float32'] });
    expect(m.notes).toEqual([]);
  });

  test('--features is not used for per-column inputs, and a note says so', () => {
    const m = mapColumns(sig, [col('Purpose', 'category'), col('Amount', 'number'), col('Age', 'number')], ['Amount']);
    expect(m.features).toEqual(['Age', 'Purpose', 'Amount']);
    expect(m.notes?.map((n) => n.message).join(' ')).toMatch(/--features\) is not used/);
  });

  test('MISSING_COLUMN lists every missing input and near names', () => {
    const err = thrown(() => mapColumns(sig, [col('Agee', 'number'), col('Class', 'category')]));
    expect(err.code).toBe('MISSING_COLUMN');
    expect(err.message).toBe('missing columns: Age, Purpose, Amount (the model needs one data column per input, named like the input)');
    expect(err.hint).toContain('Age: did you mean Agee?');
    expect(err.params.columns).toEqual(['Age', 'Purpose', 'Amount']);
  });

  test('real_german_pipe_rf with the label column dropped and one renamed', () => {
    const { columns } = csvTable(fixtureText('real_german_pipe_rf/data.csv'));
    const renamed = columns.filter((c) => c.name !== 'Housing').map((c) => (c.name === 'Age' ? { ...c, name: 'age_years' } : c));
    const err = thrown(() => mapColumns(signature([{ name: 'Age', type: 'int64', shape: [null, 1] }, { name: 'Housing', type: 'string', shape: [null, 1] }]), renamed));
    expect(err.message).toContain('Age, Housing');
  });

  test('TEXT_FOR_NUMBER names the column and the input type (text where int64 is expected)', () => {
    const err = thrown(() => mapColumns(sig, [col('Age', 'category'), col('Purpose', 'category'), col('Amount', 'number')]));
    expect(err.code).toBe('TEXT_FOR_NUMBER');
    expect(err.message).toBe('text column where the model expects numbers: Age (model input type int64)');
  });

  test('numbers for a string input are allowed, with a note', () => {
    const m = mapColumns(sig, [col('Age', 'number'), col('Purpose', 'number'), col('Amount', 'number')]);
    expect(m.types).toEqual(['int64', 'string', 'float32']);
    expect(m.notes?.map((n) => n.message).join(' ')).toMatch(/Purpose holds numbers; they are given to the text input/);
  });

  test('booleans for numeric inputs become 1/0, with a note', () => {
    const m = mapColumns(sig, [col('Age', 'boolean'), col('Purpose', 'category'), col('Amount', 'number')]);
    expect(m.notes?.map((n) => n.message).join(' ')).toMatch(/Age holds yes\/no values; they are given to the model as 1 \/ 0/);
  });

  test('an input taking several columns next to others is refused', () => {
    const wide = signature([{ name: 'num', type: 'float32', shape: [null, 3] }, { name: 'cat', type: 'string', shape: [null, 1] }]);
    expect(thrown(() => mapColumns(wide, [col('num', 'number'), col('cat', 'category')])).code).toBe('UNSUPPORTED_SIGNATURE');
  });
});

describe('matrix input', () => {
  const sig = signature([{ name: 'input', type: 'float32', shape: [null, 3] }]);
  const columns = [col('a', 'number'), col('b', 'number'), col('c', 'boolean')];

  test('defaults to all data columns in file order when their count equals the width', () => {
    expect(mapColumns(sig, columns)).toMatchObject({ layout: 'matrix', features: ['a', 'b', 'c'], columns: ['a', 'b', 'c'], types: ['float32', 'float32', 'float32'] });
  });

  test('--features in the given order', () => {
    expect(mapColumns(sig, [...columns, col('d', 'number')], ['c', 'a', 'd']).features).toEqual(['c', 'a', 'd']);
  });

  test('WRONG_WIDTH names both numbers, with and without --features', () => {
    const err = thrown(() => mapColumns(sig, [...columns, col('d', 'number')]));
    expect(err.code).toBe('WRONG_WIDTH');
    expect(err.message).toBe('the model input input takes 3 features, but the data has 4 columns');
    expect(err.hint).toContain('--features');
    const err2 = thrown(() => mapColumns(sig, columns, ['a', 'b']));
    expect(err2.code).toBe('WRONG_WIDTH');
    expect(err2.message).toBe('the model input input takes 3 features, but 2 columns were named');
    expect(err2.params).toMatchObject({ expected: 3, actual: 2 });
  });

  test('UNKNOWN_FEATURE lists the unknown names with near matches', () => {
    const err = thrown(() => mapColumns(sig, columns, ['a', 'B', 'zz']));
    expect(err.code).toBe('UNKNOWN_FEATURE');
    expect(err.message).toBe('unknown feature columns: B, zz; the data has no such column');
    expect(err.hint).toContain('B: did you mean b?');
  });

  test('text columns in the matrix: TEXT_FOR_NUMBER with a hint to pass --features', () => {
    const err = thrown(() => mapColumns(sig, [col('a', 'number'), col('b', 'category'), col('c', 'number')]));
    expect(err.code).toBe('TEXT_FOR_NUMBER');
    expect(err.message).toContain('b (model input type float32)');
    expect(err.hint).toContain('--features');
  });

  test('fixture: data.csv (raw text columns) does not fit the 13-wide hmda matrix, features.csv does', () => {
    const hmda = signature([{ name: 'input', type: 'float32', shape: [null, 13] }]);
    const data = csvTable(fixtureText('hmda_gbm/data.csv')).columns;
    expect(thrown(() => mapColumns(hmda, data)).code).toBe('WRONG_WIDTH');
    const numeric = data.filter((c) => c.kind === 'number').map((c) => c.name);
    expect(thrown(() => mapColumns(hmda, data, [...numeric, 'phist', 'selfemp', 'insurance', 'condomin', 'afam', 'single', 'hschool'].slice(0, 13))).code).toBe('TEXT_FOR_NUMBER');
    const features = csvTable(fixtureText('hmda_gbm/features.csv')).columns;
    expect(mapColumns(hmda, features).features[6]).toBe('phist=yes');
  });

  test('a width-1 input takes the data column of its own name', () => {
    const one = signature([{ name: 'Age', type: 'float32', shape: [null, 1] }]);
    expect(mapColumns(one, [col('x', 'number'), col('Age', 'number')]).features).toEqual(['Age']);
  });
});

describe('nearNames', () => {
  test('case, spelling, containment and typos; unrelated names are not suggested', () => {
    expect(nearNames('Age', ['age', 'AGE_GROUP', 'Amount'])).toEqual(['age', 'AGE_GROUP']);
    expect(nearNames('credit_amount', ['Credit Amount', 'duration'])).toEqual(['Credit Amount']);
    expect(nearNames('Purpse', ['Purpose', 'Property'])).toEqual(['Purpose']);
    expect(nearNames('Job', ['Housing', 'Telephone'])).toEqual([]);
  });
});

test('columnInfo helper infers kinds as the data layer does', () => {
  expect(columnInfo('x', ['1', '2', '']).kind).toBe('number');
  expect(columnInfo('x', ['a', '2']).kind).toBe('category');
});
