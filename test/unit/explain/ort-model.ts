/**
 * Test helper: an ONNX model run by onnxruntime-web as a BatchModel over FeatureSets with one
 * column per [N, 1] model input (or one float matrix input), the independent reference for
 * the explainers on synthetic pipelines.
 */
import type { BatchModel } from '../../../src/engine/explain/types.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { ort } from './synthetic.ts';

function tensorOf(fs: FeatureSet, j: number): ort.Tensor {
  const c = fs.columns[j];
  const dims = [fs.rows, 1];
  switch (c.type) {
    case 'float32': return new ort.Tensor('float32', c.data, dims);
    case 'int64': return new ort.Tensor('int64', c.data, dims);
    case 'string': return new ort.Tensor('string', c.data, dims);
    default: throw new Error(`unsupported column type ${c.type}`);
  }
}

/**
 * Output `output` column `index` of the model, per row, transformed by `g`.
 * layout 'matrix': all FeatureSet columns (float32) form the input `matrixInput`.
 */
export async function ortModel(bytes: Uint8Array, output: string, index: number, layout: { matrixInput?: string } = {}, g: (p: number) => number = (p) => p): Promise<BatchModel & { release(): Promise<void> }> {
  const session = await ort.InferenceSession.create(bytes);
  const model = async (fs: FeatureSet): Promise<Float64Array> => {
    const feeds: Record<string, ort.Tensor> = {};
    if (layout.matrixInput) {
      const nf = fs.columns.length;
      const m = new Float32Array(fs.rows * nf);
      fs.columns.forEach((c, j) => { for (let r = 0; r < fs.rows; r++) m[r * nf + j] = Number(c.data[r]); });
      feeds[layout.matrixInput] = new ort.Tensor('float32', m, [fs.rows, nf]);
    } else {
      fs.names.forEach((name, j) => { feeds[name] = tensorOf(fs, j); });
    }
    const out = (await session.run(feeds))[output];
    const width = out.data.length / fs.rows;
    return Float64Array.from({ length: fs.rows }, (_, r) => g(Number(out.data[r * width + index])));
  };
  return Object.assign(model, { release: () => session.release() });
}
