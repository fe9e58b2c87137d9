/**
 * Issue 3 (sampling and predict overhead in Chromium): rows that come packed row-major are fed
 * as they are, and the packing buffer of a batched run is reused. Both must feed exactly what
 * packing fresh columns feeds: same tensors, same scores.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { buildFeeds, packRows, type PackScratch } from '../../../src/engine/model/feeds.ts';
import { disposeModel, evaluate, loadModel, type LoadedModel } from '../../../src/engine/model/index.ts';
import { packedFeatureSet, packedRows, unpackColumns } from '../../../src/engine/model/packed.ts';
import type { FeatureColumn, FeatureSet, InputSpec } from '../../../src/engine/model/types.ts';
import { rng } from '../../../src/engine/random.ts';
import { fixtureBytes } from './helpers.ts';

/** Row-major packing written out by hand, as the independent reference. */
function byHand(columns: FeatureColumn[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) for (const c of columns) out.push(Number(c.data[i]));
  return out;
}

function floats(rows: number, cols: number, seed: number): FeatureSet {
  const r = rng(seed);
  const columns = Array.from({ length: cols }, () => ({ type: 'float32' as const, data: Float32Array.from({ length: rows }, () => Math.fround((r.next() - 0.5) * 100)) }));
  return { names: Array.from({ length: cols }, (_, j) => `x${j}`), columns, rows };
}

const MATRIX: InputSpec[] = [{ name: 'input', type: 'float32', shape: [null, 3] }];

describe('packed rows and the reused packing buffer (issue 3)', () => {
  test('packedFeatureSet unpacks its columns; wrong sizes are refused', () => {
    const fs = packedFeatureSet(['a', 'b', 'c'], Float32Array.of(1, 2, 3, 4, 5, 6), 2);
    expect(fs.columns.map((c) => Array.from(c.data as Float32Array))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(Array.from(unpackColumns(Float32Array.of(1, 2, 3, 4), 2, 2)[1].data as Float32Array)).toEqual([2, 4]);
    expect(() => packedFeatureSet(['a', 'b'], new Float32Array(5), 2)).toThrow(EinblickError);
  });

  test('buildFeeds feeds packed rows as a view, equal to packing their columns, for any range', () => {
    const plain = floats(10, 3, 1);
    const packed = packedFeatureSet(plain.names, Float32Array.from(byHand(plain.columns, 0, 10)), 10);
    for (const [s, e] of [[0, 10], [3, 7], [9, 10]]) {
      const [a] = buildFeeds(MATRIX, 'matrix', packed, s, e);
      const [b] = buildFeeds(MATRIX, 'matrix', plain, s, e);
      expect(a.dims).toEqual([e - s, 3]);
      expect(Array.from(a.data as Float32Array)).toEqual(byHand(plain.columns, s, e));
      expect(Array.from(a.data as Float32Array)).toEqual(Array.from(b.data as Float32Array));
      expect((a.data as Float32Array).buffer).toBe(packedRows(packed)!.data.buffer); // no copy
    }
  });

  test('packed rows for a float64 input fall back to the columns and their type check', () => {
    const packed = packedFeatureSet(['a'], Float32Array.of(1, 2), 2);
    expect(() => buildFeeds([{ name: 'input', type: 'float64', shape: [null, 1] }], 'matrix', packed, 0, 2)).toThrow(/holds float32 values/);
  });

  test('packRows into a scratch: same values as fresh packing, one buffer while it fits', () => {
    const fs = floats(50, 3, 2), scratch: PackScratch = { data: null };
    const first = packRows(fs.columns, 'float32', 0, 40, scratch) as Float32Array;
    expect(Array.from(first)).toEqual(byHand(fs.columns, 0, 40));
    const buffer = scratch.data;
    const second = packRows(fs.columns, 'float32', 40, 50, scratch) as Float32Array; // a smaller last batch
    expect(Array.from(second)).toEqual(byHand(fs.columns, 40, 50));
    expect(second.length).toBe(30);
    expect(scratch.data).toBe(buffer);
    expect(Array.from(packRows(fs.columns, 'float32', 0, 50, scratch) as Float32Array)).toEqual(byHand(fs.columns, 0, 50)); // grows
    const ints: FeatureColumn[] = [{ type: 'int32', data: Int32Array.of(1, 2) }, { type: 'int32', data: Int32Array.of(3, 4) }];
    expect(Array.from(packRows(ints, 'int32', 0, 2, scratch) as Int32Array)).toEqual([1, 3, 2, 4]);
    expect(scratch.data).toBeInstanceOf(Int32Array);
    const text: FeatureColumn[] = [{ type: 'string', data: ['a', 'b'] }, { type: 'string', data: ['c', 'd'] }];
    expect(packRows(text, 'string', 0, 2, scratch)).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('german_credit_gbm: packed rows give the scores of plain columns', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadModel(fixtureBytes('german_credit_gbm/model.onnx'), 'model.onnx');
  });
  afterAll(() => disposeModel(model));

  test('same probabilities for every batch size, and WRONG_WIDTH for packed rows of another width', async () => {
    const plain = floats(300, 20, 3);
    const packed = packedFeatureSet(plain.names, Float32Array.from(byHand(plain.columns, 0, 300)), 300);
    const expected = Array.from(await evaluate(model, plain, { batchSize: 300 }));
    for (const batchSize of [300, 64, 7]) expect(Array.from(await evaluate(model, packed, { batchSize }))).toEqual(expected);
    const narrow = packedFeatureSet(plain.names.slice(0, 19), new Float32Array(19 * 4), 4);
    await expect(evaluate(model, narrow)).rejects.toMatchObject({ code: 'WRONG_WIDTH' });
  });
});
