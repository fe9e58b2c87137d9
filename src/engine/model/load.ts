/**
 * Loading a model: check the bytes, decode, remove ZipMaps, read the signature, create the
 * runtime session (which also verifies the surgered graph), and fill in output widths the
 * file leaves open.
 */
import { checkOnnxBytes } from './sniff.ts';
import { decodeModel, type ModelProto } from './onnx-proto.ts';
import { createSession, type OrtSession } from './ort.ts';
import { probeOutputShapes } from './probe.ts';
import { readSignature } from './signature.ts';
import type { ModelSignature } from './types.ts';
import { findZipMaps, stripZipMaps } from './zipmap.ts';
import { EinblickError } from '../errors.ts';

/** A model ready to predict. */
export interface LoadedModel {
  fileName: string;
  signature: ModelSignature;
  /** The model as decoded from the file (before ZipMap removal): for reading trees and weights. */
  proto: ModelProto;
  /** The bytes the runtime runs (the file's bytes, or after ZipMap removal). */
  runtimeBytes: Uint8Array;
  session: OrtSession;
}

/**
 * Loads ONNX bytes; throws EMPTY_FILE, NOT_ONNX, ONNX_TRUNCATED, UNSUPPORTED_SIGNATURE or
 * MODEL_LOAD_FAILED with a hint.
 *
 * @example (await loadModel(bytes, 'model.onnx')).signature.task // 'classification'
 */
export async function loadModel(bytes: Uint8Array, fileName: string): Promise<LoadedModel> {
  const topFields = checkOnnxBytes(bytes, fileName);
  const proto = decodeModel(bytes, fileName);
  const zipMaps = findZipMaps(proto);
  const runtimeBytes = zipMaps.length > 0 ? stripZipMaps(bytes, topFields, proto, zipMaps) : bytes;
  const signature = readSignature(proto, zipMaps);
  let session: OrtSession;
  try {
    session = await createSession(runtimeBytes, fileName);
  } catch (err) {
    if (err instanceof EinblickError && zipMaps.length > 0) {
      throw new EinblickError(err.code, `${err.message} (after removing the ZipMap of output ${zipMaps.map((z) => z.output).join(', ')})`, `${err.hint} Or export the classifier without ZipMap (skl2onnx: options={id(model): {"zipmap": False}}).`, err.params);
    }
    throw err;
  }
  try {
    checkInputs(session, signature);
    return { fileName, signature: await probeOutputShapes(session, signature), proto, runtimeBytes, session };
  } catch (err) {
    await session.release();
    throw err;
  }
}

/** The runtime and the graph must agree on the inputs; a mismatch means a graph Einblick misread. */
function checkInputs(session: OrtSession, signature: ModelSignature): void {
  const fromGraph = signature.inputs.map((i) => i.name).sort();
  const fromRuntime = [...session.inputNames].sort();
  if (fromGraph.join('\u0000') !== fromRuntime.join('\u0000')) {
    throw new EinblickError('UNSUPPORTED_SIGNATURE', `the model's inputs are unclear: the graph lists ${fromGraph.join(', ')}, the runtime ${fromRuntime.join(', ')}`, 'Export the model again with a current converter; the inputs should be listed once, without initializers.');
  }
}

/**
 * Releases the runtime session; the model cannot predict afterwards.
 *
 * @example await disposeModel(model) // undefined
 */
export async function disposeModel(model: LoadedModel): Promise<void> {
  await model.session.release();
}
