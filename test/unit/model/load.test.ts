/**
 * Issue 2 (item 5): bad model files get a specific message (not ONNX, truncated, empty), ZipMap
 * surgery keeps every byte it does not change, and the runtime facade's options are validated.
 */
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { loadModel } from '../../../src/engine/model/index.ts';
import { decodeModel } from '../../../src/engine/model/onnx-proto.ts';
import { configureOrt, normaliseDims } from '../../../src/engine/model/ort.ts';
import { checkOnnxBytes } from '../../../src/engine/model/sniff.ts';
import { concatBytes, encodeVarint, lengthField, scanFields } from '../../../src/engine/model/wire.ts';
import { findZipMaps, stripZipMaps } from '../../../src/engine/model/zipmap.ts';
import { rng } from '../../../src/engine/random.ts';
import { fixtureBytes } from './helpers.ts';

async function rejected(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

describe('bad model files', () => {
  test('a CSV file -> NOT_ONNX, naming the file', async () => {
    const err = await rejected(loadModel(fixtureBytes('hmda_gbm/data.csv'), 'data.csv'));
    expect(err.code).toBe('NOT_ONNX');
    expect(err.message).toBe('data.csv is not an ONNX model: it is a text file, e.g. CSV or JSON');
    expect(err.hint).toMatch(/ONNX format/);
  });

  test('the first 1000 bytes of a model -> ONNX_TRUNCATED', async () => {
    const err = await rejected(loadModel(fixtureBytes('real_german_pipe_rf/model.onnx').subarray(0, 1000), 'model.onnx'));
    expect(err.code).toBe('ONNX_TRUNCATED');
    expect(err.message).toBe('the model file model.onnx is incomplete: it ends after 1000 bytes, inside the model');
    expect(err.hint).toMatch(/copied or downloaded completely/);
  });

  test.each(['hmda_gbm', 'real_german_pipe_rf', 'german_credit_logreg'])('%s cut at 20 random points -> always ONNX_TRUNCATED', (name) => {
    const bytes = fixtureBytes(`${name}/model.onnx`);
    const r = rng(11);
    for (let k = 0; k < 20; k++) {
      const cut = 2 + r.int(bytes.length - 3);
      let code = 'none';
      try {
        checkOnnxBytes(bytes.subarray(0, cut), 'm.onnx');
      } catch (err) {
        code = (err as EinblickError).code;
      }
      expect(`${cut}: ${code}`).toBe(`${cut}: ONNX_TRUNCATED`);
    }
  });

  test('random binary bytes, a PNG header and JSON -> NOT_ONNX; empty -> EMPTY_FILE', async () => {
    const r = rng(3);
    const noise = Uint8Array.from({ length: 4096 }, () => r.int(256));
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    for (const bytes of [noise, png, new TextEncoder().encode('{"model": 1}')]) {
      expect((await rejected(loadModel(bytes, 'x.onnx'))).code).toBe('NOT_ONNX');
    }
    expect((await rejected(loadModel(new Uint8Array(0), 'x.onnx'))).code).toBe('EMPTY_FILE');
  });

  test('a protobuf without a graph -> NOT_ONNX', async () => {
    const bytes = concatBytes([Uint8Array.of(0x08, 0x08), lengthField(2, new TextEncoder().encode('someone'))]);
    const err = await rejected(loadModel(bytes, 'x.onnx'));
    expect(err.code).toBe('NOT_ONNX');
    expect(err.message).toContain('contains no model graph');
  });

  test('a complete model passes the byte check', () => {
    expect(checkOnnxBytes(fixtureBytes('hmda_gbm/model.onnx'), 'm').map((f) => f.field)).toContain(7);
  });
});

describe('ZipMap surgery on bytes', () => {
  test('fields the decoder does not know survive byte for byte, at top level and in the graph', () => {
    const original = fixtureBytes('real_german_pipe_rf/model.onnx');
    const fields = scanFields(original);
    const graph = fields.find((f) => f.field === 7)!;
    const unknownInGraph = lengthField(99, new TextEncoder().encode('graph-extension'));
    const unknownTop = concatBytes([encodeVarint(97 * 8), encodeVarint(12345)]);
    const newGraph = concatBytes([original.subarray(graph.valueStart, graph.end), unknownInGraph]);
    const withUnknown = concatBytes([...fields.map((f) => (f === graph ? lengthField(7, newGraph) : original.subarray(f.start, f.end))), unknownTop]);
    const model = decodeModel(withUnknown);
    const zipMaps = findZipMaps(model);
    expect(zipMaps).toEqual([{ output: 'output_probability', input: 'probabilities', classLabels: ['Bad', 'Good'] }]);
    const out = stripZipMaps(withUnknown, scanFields(withUnknown), model, zipMaps);
    const outFields = scanFields(out);
    expect(outFields.at(-1)).toMatchObject({ field: 97, wire: 0 });
    const outGraph = outFields.find((f) => f.field === 7)!;
    const graphFields = scanFields(out, outGraph.valueStart, outGraph.end);
    const last = graphFields.at(-1)!;
    expect(Buffer.from(out.subarray(last.start, last.end)).equals(Buffer.from(unknownInGraph))).toBe(true);
    // every graph field but two (the ZipMap node -> Identity, its output's type) is the same bytes as before
    const inGraph = scanFields(withUnknown).find((f) => f.field === 7)!;
    const beforeFields = scanFields(withUnknown, inGraph.valueStart, inGraph.end);
    expect(graphFields.length).toBe(beforeFields.length);
    const changed = graphFields.filter((f, k) => !Buffer.from(out.subarray(f.start, f.end)).equals(Buffer.from(withUnknown.subarray(beforeFields[k].start, beforeFields[k].end))));
    expect(changed.map((f) => f.field)).toEqual([1, 12]);
    const decoded = decodeModel(out);
    expect(decoded.graph!.output!.find((o) => o.name === 'output_probability')!.type!.tensorType!.elemType).toBe(1);
  });
});

describe('runtime options', () => {
  test('unknown execution providers are refused with the allowed list', () => {
    expect(() => configureOrt({ executionProviders: ['webgpu'] })).toThrow('invalid execution provider: webgpu; expected one of wasm');
    expect(() => configureOrt({ numThreads: 0 })).toThrow('invalid numThreads: 0; expected a whole number from 1 to 64');
  });

  test('after the first session the settings cannot change', async () => {
    await loadModel(fixtureBytes('hmda_logreg/model.onnx'), 'm.onnx');
    expect(() => configureOrt({ numThreads: 1 })).not.toThrow();
    expect(() => configureOrt({ numThreads: 2 })).toThrow(/already running/);
  });

  test('dynamic dimensions of the web runtime metadata read as null', () => {
    expect(normaliseDims([4294967295, 1])).toEqual([null, 1]);
    expect(normaliseDims(['N', 13])).toEqual([null, 13]);
  });
});
