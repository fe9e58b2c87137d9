/**
 * Issue 9 (found by the bad-input corpus): onnxruntime-web keeps its last error in one place, so
 * a model loading while another loads or runs could be refused with the other model's error
 * ("No Op registered for FancySigmoid" for a model that has no such operator). Every runtime call
 * now queues; concurrent loads and runs each get their own result.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from './build-model.ts';
import { sigmoidNet } from './synthetic.ts';
import { loadModel, predict, encodeFeatures, mapColumns } from '../../../src/engine/model/index.ts';
import { csvTable } from './helpers.ts';

const unknownOp = () => buildModel({
  inputs: [{ name: 'input', type: 'float', shape: [null, 2] }],
  outputs: [{ name: 'output', type: 'float', shape: [null, 2] }],
  nodes: [{ op: 'FancySigmoid', inputs: ['input'], outputs: ['output'] }],
});

describe('issue 9: concurrent runtime calls keep their own errors', () => {
  it('good and bad models loaded and run at the same time', async () => {
    const { table, columns } = csvTable('a,b\n1,2\n0.5,-1\n');
    const jobs = Array.from({ length: 6 }, (_, i) => i % 2 === 0
      ? loadModel(unknownOp(), `bad${i}.onnx`).then(() => 'loaded', (e: { code: string; message: string }) => `${e.code}: ${e.message}`)
      : loadModel(sigmoidNet(), `good${i}.onnx`).then(async (m) => {
        const f = encodeFeatures(table, mapColumns(m.signature, columns, ['a', 'b']));
        const p = await predict(m, f);
        return `scores ${Array.from(p.scores, (v) => v.toFixed(4)).join(' ')}`;
      }, (e: { message: string }) => `failed: ${e.message}`));
    const results = await Promise.all(jobs);
    results.forEach((r, i) => {
      if (i % 2 === 0) expect(r, `job ${i}`).toMatch(/^MODEL_LOAD_FAILED: .*FancySigmoid/);
      else expect(r, `job ${i}`).toBe(`scores ${[1 / (1 + Math.exp(1)), 1 / (1 + Math.exp(-1.5))].map((v) => v.toFixed(4)).join(' ')}`);
    });
  });
});
