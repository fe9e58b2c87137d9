/**
 * Loading a model: check the bytes, decode, remove ZipMaps, read the signature, create the
 * runtime session (which also verifies the surgered graph), and fill in output widths the
 * file leaves open.
 */
import { checkOnnxBytes } from './sniff.ts';
import { damagedModel, decodeModel, type ModelProto } from './onnx-proto.ts';
import { createSession, type OrtSession } from './ort.ts';
import { probeOutputShapes } from './probe.ts';
import { readSignature } from './signature.ts';
import type { ModelSignature } from './types.ts';
import { findZipMaps, stripZipMaps, type ZipMapInfo } from './zipmap.ts';
import { findExternalTensor, modelFacts } from './graph-facts.ts';
import { externalData, loadFailure, RUNTIME } from './runtime-errors.ts';
import { sanitizeRuntimeText } from './runtime-text.ts';
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

/** A model file read up to its signature, without the runtime. */
export interface ModelFile {
  fileName: string;
  proto: ModelProto;
  /** The bytes the runtime runs (the file's bytes, or after ZipMap removal). */
  runtimeBytes: Uint8Array;
  zipMaps: ZipMapInfo[];
  signature: ModelSignature;
}

/**
 * Checks, decodes and reads a model file without starting the runtime; throws EMPTY_FILE,
 * NOT_ONNX, ONNX_TRUNCATED, UNSUPPORTED_SIGNATURE or MODEL_LOAD_FAILED (external data,
 * ZipMap surgery) with a hint.
 *
 * @example readModelFile(bytes, 'model.onnx').signature.layout // 'matrix'
 */
export function readModelFile(bytes: Uint8Array, fileName: string): ModelFile {
  const topFields = checkOnnxBytes(bytes, fileName);
  const proto = decodeModel(bytes, fileName);
  const external = findExternalTensor(proto);
  if (external) {
    const r = externalData(fileName, external.tensor, external.location);
    throw new EinblickError('MODEL_LOAD_FAILED', r.message, r.hint, { file: fileName, detail: r.detail, ...r.params });
  }
  const zipMaps = findZipMaps(proto);
  let runtimeBytes = bytes;
  try {
    if (zipMaps.length > 0) runtimeBytes = stripZipMaps(bytes, topFields, proto, zipMaps);
  } catch (err) {
    // the surgery decodes single nodes again: a damaged one that the whole-model decoder let pass
    if (err instanceof EinblickError) throw err;
    throw damagedModel(fileName, bytes.length, err);
  }
  return { fileName, proto, runtimeBytes, zipMaps, signature: readSignature(proto, zipMaps) };
}

/**
 * Loads ONNX bytes; throws EMPTY_FILE, NOT_ONNX, ONNX_TRUNCATED, UNSUPPORTED_SIGNATURE or
 * MODEL_LOAD_FAILED with a hint, never INTERNAL: whatever else goes wrong while the runtime
 * starts the model ends as MODEL_LOAD_FAILED with a sanitized message.
 *
 * @example (await loadModel(bytes, 'model.onnx')).signature.task // 'classification'
 */
export async function loadModel(bytes: Uint8Array, fileName: string): Promise<LoadedModel> {
  const file = readModelFile(bytes, fileName);
  try {
    return await startModel(file);
  } catch (err) {
    throw asLoadError(err, fileName);
  }
}

async function startModel({ fileName, proto, runtimeBytes, zipMaps, signature }: ModelFile): Promise<LoadedModel> {
  let session: OrtSession;
  try {
    session = await createSession(runtimeBytes, fileName, (raw) => loadFailure(raw, fileName, modelFacts(proto)));
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

/** An error Einblick did not foresee while starting a model: MODEL_LOAD_FAILED, sanitized, instead of INTERNAL. */
function asLoadError(err: unknown, fileName: string): EinblickError {
  if (err instanceof EinblickError && err.code !== 'INTERNAL') return err;
  const raw = err instanceof Error ? err.message : String(err);
  return new EinblickError('MODEL_LOAD_FAILED', `Einblick could not start the model in ${fileName}: an unexpected problem occurred while the runtime (${RUNTIME}) prepared it`, 'Export the model again with a current converter. If it works in other tools, please report this to Einblick\'s developers together with the model file.', { file: fileName, runtime: sanitizeRuntimeText(raw) });
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
