/**
 * Issue 2: models exported with a fixed first dimension (torch.onnx.export without dynamic_axes)
 * are fed exactly that many rows per run, or refused with FIXED_BATCH and a hint.
 */
import { describe, expect, it } from 'vitest';
import { Float64, Table, vectorFromArray } from 'apache-arrow';
import { encodeFeatures, loadModel, predict, type LoadedModel } from '../../../src/engine/model/index.ts';
import type { Mapping } from '../../../src/engine/model/types.ts';
import { buildModel } from './build-model.ts';

function sumOfRows(batch: number): Uint8Array {
  return buildModel({
    inputs: [{ name: 'x', type: 'float', shape: [batch, 2] }],
    outputs: [{ name: 'y', type: 'float', shape: [batch] }],
    nodes: [{ op: 'ReduceSum', inputs: ['x'], outputs: ['y'], attrs: { keepdims: 0, axes: [1] } }],
    opsets: { '': 11 },
  });
}

const table = (n: number) => new Table({
  a: vectorFromArray(Array.from({ length: n }, (_, i) => i), new Float64()),
  b: vectorFromArray(Array.from({ length: n }, (_, i) => 10 * i), new Float64()),
});
const mapping: Mapping = { layout: 'matrix', features: ['a', 'b'], columns: ['a', 'b'], types: ['float32', 'float32'] };
const run = (m: LoadedModel, n: number) => predict(m, encodeFeatures(table(n), mapping), { output: 'y', batchSize: 4 });

describe('fixed batch dimension (issue 2)', () => {
  it('a model that takes one row at a time gets one row at a time', async () => {
    const p = await run(await loadModel(sumOfRows(1), 'one.onnx'), 7);
    expect(Array.from(p.scores)).toEqual([0, 11, 22, 33, 44, 55, 66]);
  });

  it('a fixed batch of 3: rows in threes when they divide, else FIXED_BATCH with the fix', async () => {
    const m = await loadModel(sumOfRows(3), 'three.onnx');
    expect(Array.from((await run(m, 6)).scores)).toEqual([0, 11, 22, 33, 44, 55]);
    const err = await run(m, 7).catch((e) => e);
    expect(err.code).toBe('FIXED_BATCH');
    expect(err.hint).toMatch(/dynamic_axes/);
  });
});
