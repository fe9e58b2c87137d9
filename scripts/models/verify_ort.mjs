// Run prepared models with onnxruntime-web (WebAssembly backend, in Node) and write their outputs.
//
// Usage: node scripts/models/verify_ort.mjs DIR
// DIR holds one folder per case, prepared by ort_check.py: model.onnx (ZipMap removed, since
// onnxruntime-web cannot return sequence/map outputs) and feeds.json
// ({input: {type: 'float32'|'int64'|'string', dims: [...], data: [...]}}, NaN written as null).
// Writes outputs.json ({output: {dims, data}}, int64 as numbers, NaN as null) next to them.
import * as ort from 'onnxruntime-web';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

ort.env.wasm.numThreads = 1;

function toTensor(spec) {
  if (spec.type === 'float32') {
    return new ort.Tensor('float32', Float32Array.from(spec.data, (v) => (v === null ? NaN : v)), spec.dims);
  }
  if (spec.type === 'int64') {
    return new ort.Tensor('int64', BigInt64Array.from(spec.data, (v) => BigInt(v)), spec.dims);
  }
  return new ort.Tensor('string', spec.data, spec.dims);
}

function fromTensor(t) {
  const data = Array.from(t.data, (v) => {
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number' && Number.isNaN(v)) return null;
    return v;
  });
  return { type: t.type, dims: Array.from(t.dims), data };
}

const dir = process.argv[2];
for (const name of readdirSync(dir).sort()) {
  const caseDir = join(dir, name);
  const feedsSpec = JSON.parse(readFileSync(join(caseDir, 'feeds.json'), 'utf8'));
  const session = await ort.InferenceSession.create(join(caseDir, 'model.onnx'));
  const feeds = {};
  for (const [k, spec] of Object.entries(feedsSpec)) feeds[k] = toTensor(spec);
  const result = await session.run(feeds);
  const out = {};
  for (const k of session.outputNames) out[k] = fromTensor(result[k]);
  writeFileSync(join(caseDir, 'outputs.json'), JSON.stringify(out));
  console.log(`${name}: ${session.outputNames.join(', ')}`);
}
