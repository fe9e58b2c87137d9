/**
 * Issue 3 (sampling overhead): output numbers are read from the arrays onnxruntime returns,
 * without another copy. That is only right if those arrays are ours: copied out of the
 * WebAssembly heap, unchanged by dispose() and by the next run. This checks it.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/engine/model/index.ts';
import { buildModel } from './build-model.ts';

describe('onnxruntime output arrays (issue 3)', () => {
  it('stay as they were after dispose and after further runs of the same session', async () => {
    const bytes = buildModel({
      inputs: [{ name: 'x', type: 'float', shape: [null, 2] }],
      outputs: [{ name: 'y', type: 'float', shape: [null] }],
      nodes: [{ op: 'ReduceSum', inputs: ['x'], outputs: ['y'], attrs: { keepdims: 0, axes: [1] } }],
      opsets: { '': 11 },
    });
    const m = await loadModel(bytes, 'sum.onnx');
    const run = (a: number) => m.session.run([{ name: 'x', type: 'float32', data: Float32Array.from({ length: 2000 }, (_, i) => a + i), dims: [1000, 2] }], ['y']);
    const first = (await run(0)).get('y')!;
    const kept = Array.from(first.numbers!);
    expect(kept.slice(0, 3)).toEqual([1, 5, 9]);
    for (let k = 1; k <= 5; k++) await run(1000 * k);
    expect(first.numbers).toBeInstanceOf(Float32Array);
    expect(Array.from(first.numbers!)).toEqual(kept);
  });
});
