/**
 * Issue 2 (item 7): Arrow columns -> the element types the model is fed, for ranges and row
 * index lists, across chunks, with missing values and conversion errors naming column and rows.
 */
import { Bool, Float64, Int64, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { encodeFeatures, formatNumber, toBigInt64 } from '../../../src/engine/model/encode.ts';
import type { Mapping, TensorElementType } from '../../../src/engine/model/types.ts';
import { rng } from '../../../src/engine/random.ts';

function mapping(columns: string[], types: TensorElementType[], layout: Mapping['layout'] = 'columns'): Mapping {
  return { layout, features: columns, columns, types };
}

function thrown(fn: () => unknown): EinblickError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

const table = new Table({
  x: vectorFromArray([0.1, 2, null, -3.5], new Float64()),
  n: vectorFromArray([1, 2, 3, 40], new Float64()),
  s: vectorFromArray(['a', null, 'c', 'd'], new Utf8()),
  d: vectorFromArray(['u', 'v', 'u', null]),
  b: vectorFromArray([true, false, null, true], new Bool()),
});

describe('element types', () => {
  test('float32 rounds like numpy astype(float32); missing -> NaN with a warning naming rows', () => {
    const fs = encodeFeatures(table, mapping(['x'], ['float32']));
    expect(fs.columns[0]).toEqual({ type: 'float32', data: Float32Array.of(0.1, 2, NaN, -3.5) });
    expect((fs.columns[0].data as Float32Array)[0]).toBe(Math.fround(0.1));
    expect(fs.warnings?.[0].code).toBe('MISSING_AS_NAN');
    expect(fs.warnings?.[0].message).toContain('row 2 (counting from 0)');
  });

  test('float64 keeps the values', () => {
    expect(encodeFeatures(table, mapping(['x'], ['float64'])).columns[0].data).toEqual(Float64Array.of(0.1, 2, NaN, -3.5));
  });

  test('int64 as BigInt64Array, int32 as Int32Array', () => {
    expect(encodeFeatures(table, mapping(['n'], ['int64'])).columns[0].data).toEqual(BigInt64Array.of(1n, 2n, 3n, 40n));
    expect(encodeFeatures(table, mapping(['n'], ['int32'])).columns[0].data).toEqual(Int32Array.of(1, 2, 3, 40));
  });

  test('int64: a missing value -> MISSING_VALUE naming column and row', () => {
    const err = thrown(() => encodeFeatures(table, mapping(['x'], ['int64'])));
    expect(err.code).toBe('MISSING_VALUE');
    expect(err.message).toContain('column x has 1 missing value in row 2 (counting from 0)');
  });

  test('int64: a non-integer -> NOT_INTEGER naming column, row and value', () => {
    const err = thrown(() => encodeFeatures(table, mapping(['x'], ['int64']), { start: 0, end: 2 }));
    expect(err.code).toBe('NOT_INTEGER');
    expect(err.message).toBe('column x has the value 0.1 in row 0 (counting from 0), but the model input expects whole numbers (int64)');
    expect(thrown(() => encodeFeatures(table, mapping(['x'], ['int64']), Int32Array.of(1, 3))).params).toMatchObject({ row: 3, value: -3.5 });
  });

  test('text: Utf8 and Dictionary<Utf8>; missing -> empty text with a warning', () => {
    const fs = encodeFeatures(table, mapping(['s', 'd'], ['string', 'string']));
    expect(fs.columns.map((c) => c.data)).toEqual([['a', '', 'c', 'd'], ['u', 'v', 'u', '']]);
    expect(fs.warnings?.map((w) => w.code)).toEqual(['MISSING_AS_EMPTY_TEXT', 'MISSING_AS_EMPTY_TEXT']);
  });

  test('text with non-ASCII letters and long values is decoded exactly', () => {
    const values = ['Bürgergeld', 'ÄÖÜß', 'x'.repeat(40), 'ja', '', '日本'];
    const t = new Table({ u: vectorFromArray(values, new Utf8()) });
    expect(encodeFeatures(t, mapping(['u'], ['string'])).columns[0].data).toEqual(values);
  });

  test('numbers to a text input: integers without ".0"', () => {
    expect(encodeFeatures(table, mapping(['n', 'x'], ['string', 'string'])).columns.map((c) => c.data)).toEqual([['1', '2', '3', '40'], ['0.1', '2', '', '-3.5']]);
    expect([formatNumber(3), formatNumber(-0), formatNumber(2.5), formatNumber(1e21)]).toEqual(['3', '0', '2.5', '1e+21']);
  });

  test('booleans -> 1/0 for numbers, "True"/"False" for text, bool for bool', () => {
    const fs = encodeFeatures(table, mapping(['b', 'b', 'b'], ['float32', 'string', 'bool']), Int32Array.of(0, 1, 3));
    expect(fs.columns.map((c) => Array.from(c.data as ArrayLike<unknown>))).toEqual([[1, 0, 1], ['True', 'False', 'True'], [1, 0, 1]]);
    expect(thrown(() => encodeFeatures(table, mapping(['b'], ['int64']))).code).toBe('MISSING_VALUE');
  });

  test('text for a numeric input -> TEXT_FOR_NUMBER; an unknown column -> MISSING_COLUMN', () => {
    expect(thrown(() => encodeFeatures(table, mapping(['s'], ['int64']))).message).toBe('column s holds text, but the model feature s expects int64 numbers');
    expect(thrown(() => encodeFeatures(table, mapping(['zz'], ['float32']))).code).toBe('MISSING_COLUMN');
  });

  test('Int64 Arrow columns are read as numbers too', () => {
    const t = new Table({ i: vectorFromArray([5n, -7n], new Int64()) });
    expect(encodeFeatures(t, mapping(['i'], ['float32'])).columns[0].data).toEqual(Float32Array.of(5, -7));
  });
});

test('toBigInt64 equals BigInt() per value: negatives, 2^31 and 2^32 edges, 2^53 and beyond', () => {
  const r = rng(5);
  const edges = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 - 1, 2 ** 32, -(2 ** 32), -(2 ** 32) - 1, 2 ** 53, -(2 ** 53), 2 ** 60, -(2 ** 62)];
  const random = Array.from({ length: 2000 }, () => Math.round((r.next() - 0.5) * 2 ** (1 + r.int(60))));
  const x = Float64Array.from([...edges, ...random]);
  expect(Array.from(toBigInt64(x))).toEqual(Array.from(x, (v) => BigInt(v)));
});

describe('row selection across chunks', () => {
  // a table of 3 record batches (chunks), with nulls, checked against a plain array reference
  const random = rng(7);
  const values: (number | null)[] = Array.from({ length: 250 }, () => (random.next() < 0.1 ? null : Math.round(random.next() * 1000) / 10));
  const texts: (string | null)[] = values.map((v, i) => (v === null ? null : `t${i % 7}`));
  const chunked = (slices: Vector[]) => slices.reduce((acc, v) => acc.concat(v));
  const v = chunked([0, 1, 2].map((k) => vectorFromArray(values.slice([0, 100, 101][k], [100, 101, 250][k]), new Float64())));
  const s = chunked([0, 1, 2].map((k) => vectorFromArray(texts.slice([0, 100, 101][k], [100, 101, 250][k]))));
  const t = new Table({ v, s });

  test('the test table really has 3 chunks', () => {
    expect(t.getChild('v')!.data.length).toBe(3);
    expect(t.getChild('s')!.data.length).toBe(3);
  });

  test.each([
    ['range within a chunk', { start: 5, end: 20 }],
    ['range across all chunks', { start: 50, end: 240 }],
    ['everything', { start: 0, end: 250 }],
    ['empty range', { start: 10, end: 10 }],
  ])('%s', (_, rows) => {
    const fs = encodeFeatures(t, mapping(['v', 's'], ['float64', 'string']), rows);
    const expectedV = values.slice(rows.start, rows.end).map((x) => x ?? NaN);
    expect(Array.from(fs.columns[0].data as Float64Array)).toEqual(expectedV);
    expect(fs.columns[1].data).toEqual(texts.slice(rows.start, rows.end).map((x) => x ?? ''));
    expect(fs.rows).toBe(rows.end - rows.start);
  });

  test('row indices in any order, repeated', () => {
    const idx = Int32Array.from([249, 0, 100, 100, 101, 7, 150, 99]);
    const fs = encodeFeatures(t, mapping(['v', 's'], ['float64', 'string']), idx);
    expect(Array.from(fs.columns[0].data as Float64Array)).toEqual(Array.from(idx, (i) => values[i] ?? NaN));
    expect(fs.columns[1].data).toEqual(Array.from(idx, (i) => texts[i] ?? ''));
  });

  test('rows out of range are refused', () => {
    expect(thrown(() => encodeFeatures(t, mapping(['v'], ['float64']), Int32Array.of(250))).message).toBe('invalid row: 250; the data has 250 rows (0 to 249)');
    expect(thrown(() => encodeFeatures(t, mapping(['v'], ['float64']), { start: 3, end: 251 })).code).toBe('INVALID_OPTION');
  });

  test('sliced tables (non-zero offsets) read the right values and nulls', () => {
    const sliced = t.slice(95, 180);
    const fs = encodeFeatures(sliced, mapping(['v', 's'], ['float64', 'string']), Int32Array.of(0, 5, 6, 84));
    expect(Array.from(fs.columns[0].data as Float64Array)).toEqual([95, 100, 101, 179].map((i) => values[i] ?? NaN));
    expect(fs.columns[1].data).toEqual([95, 100, 101, 179].map((i) => texts[i] ?? ''));
  });
});
