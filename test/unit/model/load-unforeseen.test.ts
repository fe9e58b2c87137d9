/**
 * Issue 9 (item 4): a model file that passes Einblick's own checks but whose runtime session
 * fails for a reason nobody foresaw (an exception that is not an Error, a TypeError inside the
 * runtime, a session that breaks while it is probed) still ends as MODEL_LOAD_FAILED with a
 * sanitized message, never as INTERNAL.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { loadModel } from '../../../src/engine/model/index.ts';
import { createSession, type OrtSession } from '../../../src/engine/model/ort.ts';
import { RUNTIME } from '../../../src/engine/model/runtime-errors.ts';
import { hasRuntimeInternals } from '../../../src/engine/model/runtime-text.ts';
import { buildModel } from './build-model.ts';
import * as S from './synthetic.ts';

vi.mock('../../../src/engine/model/ort.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/engine/model/ort.ts')>();
  return { ...real, createSession: vi.fn(real.createSession) };
});

async function rejected(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

const RAW = "Cannot read properties of undefined (reading 'dims') at /mnt/vss/_work/1/s/onnxruntime/core/session/inference_session.cc:1234 onnxruntime::InferenceSession::Initialize()";

/** A session that exists but breaks as soon as it is used. */
function brokenSession(failure: unknown, inputNames: readonly string[] = ['input']): OrtSession {
  return {
    inputNames,
    outputNames: ['probabilities'],
    run: () => Promise.reject(failure),
    release: () => Promise.resolve(),
  };
}

describe('unforeseen failures while the runtime starts a model (issue 9)', () => {
  afterEach(() => vi.mocked(createSession).mockReset());

  test.each([
    ['a TypeError with a build path', new TypeError(RAW)],
    ['a thrown string', RAW],
    ['a thrown number (a wasm pointer)', 1234567],
    ['a thrown plain object', { code: 7 }],
    ['an INTERNAL EinblickError', new EinblickError('INTERNAL', RAW, 'This is a bug.')],
  ])('%s -> MODEL_LOAD_FAILED, sanitized', async (_name, failure) => {
    vi.mocked(createSession).mockRejectedValueOnce(failure);
    const err = await rejected(loadModel(S.sigmoidNet(), 'm.onnx'));
    expect(err.code).toBe('MODEL_LOAD_FAILED');
    expect(err.message).toBe(`Einblick could not start the model in m.onnx: an unexpected problem occurred while the runtime (${RUNTIME}) prepared it`);
    expect(hasRuntimeInternals(err.message) || hasRuntimeInternals(err.hint) || hasRuntimeInternals(String(err.params.runtime))).toBe(false);
  });

  test('a session whose trial run throws a TypeError (probing an open output width) -> MODEL_LOAD_FAILED', async () => {
    vi.mocked(createSession).mockResolvedValueOnce(brokenSession(new TypeError(RAW)));
    const err = await rejected(loadModel(S.openWidthModel(), 'm.onnx'));
    expect(err.code).toBe('MODEL_LOAD_FAILED');
    expect(err.params.runtime).toBe("Cannot read properties of undefined (reading 'dims') at");
  });

  test('a foreseen error passes unchanged: inputs the runtime lists differently -> UNSUPPORTED_SIGNATURE', async () => {
    vi.mocked(createSession).mockResolvedValueOnce(brokenSession(new Error('unused'), ['other']));
    expect((await rejected(loadModel(S.sigmoidNet(), 'm.onnx'))).code).toBe('UNSUPPORTED_SIGNATURE');
  });

  test('the real runtime still loads models after these failures', async () => {
    const model = await loadModel(S.sigmoidNet(), 'm.onnx');
    expect(model.signature.task).toBe('classification');
    await model.session.release();
  });

  test('an input width of 2^31 - 1 with an open output: no giant trial row is built, the model loads', async () => {
    const bytes = buildModel({
      inputs: [{ name: 'input', type: 'float', shape: [null, 2 ** 31 - 1] }],
      outputs: [{ name: 'y', type: 'float', shape: [null, null] }],
      nodes: [{ op: 'ReduceSum', inputs: ['input'], outputs: ['y'], attrs: { keepdims: 1, axes: [1] } }],
      opsets: { '': 11 },
    });
    const model = await loadModel(bytes, 'm.onnx');
    expect(model.signature.width).toBe(2 ** 31 - 1);
    expect(model.signature.notes.map((n) => n.code)).toEqual([]); // no trial run (it would fill 8 GB with zeros)
    await model.session.release();
  });
});
