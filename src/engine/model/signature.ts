/**
 * The model's signature read from the ONNX graph: inputs (without initializers), outputs with
 * their roles and class labels (ZipMap outputs as the probability tensors they become),
 * layout, operators, opsets, producer, and the detected task.
 */
import { EinblickError, type Warning } from '../errors.ts';
import { opName, type ModelProto } from './onnx-proto.ts';
import { roleByName, traceOutput } from './roles.ts';
import { detectTask } from './task.ts';
import type { InputSpec, ModelSignature, OutputElementType, OutputSpec, TensorElementType } from './types.ts';
import type { ZipMapInfo } from './zipmap.ts';

type ValueInfo = NonNullable<NonNullable<ModelProto['graph']>['input']>[number];
type TypeProto = NonNullable<ValueInfo['type']>;

const ELEMENT_TYPES: Record<number, TensorElementType> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16', 11: 'float64',
};

/**
 * ONNX element type number -> Einblick's name, or undefined for types Einblick does not handle.
 *
 * @example elementType(7) // 'int64'
 */
export function elementType(code: number | null | undefined): TensorElementType | undefined {
  return code === null || code === undefined ? undefined : ELEMENT_TYPES[code];
}

/**
 * Reads the signature. `zipMaps` are the ZipMaps that were (or will be) removed.
 *
 * @example readSignature(model, []).inputs // [{ name: 'input', type: 'float32', shape: [null, 13] }]
 */
export function readSignature(model: ModelProto, zipMaps: ZipMapInfo[]): ModelSignature {
  const graph = model.graph ?? {};
  const initializers = new Set((graph.initializer ?? []).map((t) => String(t.name)));
  const notes: Warning[] = [];
  const inputs = (graph.input ?? []).filter((i) => !initializers.has(String(i.name))).map(readInput);
  if (inputs.length === 0) {
    throw new EinblickError('UNSUPPORTED_SIGNATURE', 'the model takes no inputs: its result does not depend on the data, so there is nothing to explain or compare', 'Check that this is the right model file; a model Einblick can examine reads the columns of a table.', { detail: 'NO_INPUTS' });
  }
  const outputs: OutputSpec[] = [];
  for (const info of graph.output ?? []) {
    const out = readOutput(model, info, zipMaps, notes);
    if (out) outputs.push(out);
  }
  for (const z of zipMaps) notes.push({ code: 'ZIPMAP_REMOVED', message: `ZipMap removed: output ${z.output} is read as the probability tensor [N, ${z.classLabels.length}] that fed it (classes ${z.classLabels.map(String).join(', ')}).`, params: { output: z.output, classes: z.classLabels.map(String) } });
  const layout = inputs.length === 1 && inputs[0].shape.length === 2 ? 'matrix' : 'columns';
  const width = layout === 'matrix' ? inputs[0].shape[1] : null;
  const choice = detectTask(outputs);
  const signature: ModelSignature = {
    inputs, outputs, layout, width,
    task: choice.task, score: choice.score, labelOutput: choice.labelOutput,
    ops: [...new Set((graph.node ?? []).map(opName))],
    opsets: Object.fromEntries((model.opsetImport ?? []).map((o) => [o.domain || 'ai.onnx', Number(o.version)])),
    producer: `${model.producerName ?? ''} ${model.producerVersion ?? ''}`.trim(),
    irVersion: Number(model.irVersion),
    notes,
  };
  if (choice.ambiguity) signature.ambiguity = choice.ambiguity;
  return signature;
}

function readInput(info: ValueInfo): InputSpec {
  const name = String(info.name);
  const tensor = info.type?.tensorType;
  const type = elementType(tensor?.elemType);
  if (!tensor || !type || type === 'uint8' || type === 'int8' || type === 'float16') {
    const what = tensor ? `tensor of element type ${type ?? `#${tensor.elemType}`}` : describeType(info.type);
    throw new EinblickError('UNSUPPORTED_SIGNATURE', `model input ${name} is a ${what}; Einblick feeds float, double, int64, int32, string and bool tensors`, 'Export the model with float, int64 or string inputs (e.g. skl2onnx FloatTensorType, Int64TensorType, StringTensorType).', { input: name });
  }
  return { name, type, shape: readShape(info.type ?? {}) ?? [null, null] };
}

function readOutput(model: ModelProto, info: ValueInfo, zipMaps: ZipMapInfo[], notes: Warning[]): OutputSpec | null {
  const name = String(info.name);
  const zip = zipMaps.find((z) => z.output === name);
  if (zip) {
    const traced = traceOutput(model, name);
    const classLabels = zip.classLabels.length > 0 ? zip.classLabels : traced?.classLabels;
    return { name, type: 'float32', shape: [null, classLabels?.length ?? null], role: 'probabilities', classLabels, fromZipMap: true };
  }
  const tensor = info.type?.tensorType;
  if (!tensor) {
    const type: OutputElementType = info.type?.mapType ? 'map' : 'sequence';
    notes.push({ code: 'OUTPUT_IGNORED', message: `Output ${name} is a ${type}, which the runtime cannot return; it is ignored.`, params: { output: name } });
    return { name, type, shape: [], role: 'unknown' };
  }
  const type = elementType(tensor.elemType);
  if (!type) {
    notes.push({ code: 'OUTPUT_IGNORED', message: `Output ${name} has element type #${tensor.elemType}, which Einblick does not read; it is ignored.`, params: { output: name } });
    return null;
  }
  const shape = readShape(info.type ?? {}) ?? [null, null];
  const traced = traceOutput(model, name);
  const isNumber = type === 'float32' || type === 'float64';
  const role = traced && (traced.role === 'label' || isNumber) ? traced.role : roleByName(name, type);
  const out: OutputSpec = { name, type, shape, role };
  if (role === 'probabilities' && traced?.classLabels) out.classLabels = traced.classLabels;
  if (role === 'probabilities' && (traced?.source === 'Sigmoid' || traced?.source === 'Softmax') && !/prob/i.test(name)) {
    notes.push({ code: 'OUTPUT_PROBABILITIES', message: `Output ${name} comes from a ${traced.source}: it is read as class probabilities.`, params: { output: name, source: traced.source } });
  }
  if (traced?.role === 'probabilities' && traced.postTransform === 'NONE' && traced.source !== 'ai.onnx.ml.TreeEnsembleClassifier') {
    notes.push({ code: 'OUTPUT_DECISION_SCORES', message: `Output ${name} comes from a ${traced.source} without post transform: its values are decision scores, not probabilities.`, params: { output: name, source: traced.source } });
  }
  return out;
}

/** Dimensions with null for dynamic ones; undefined when the file gives no shape at all. */
function readShape(type: TypeProto): (number | null)[] | undefined {
  const dims = type.tensorType?.shape?.dim;
  if (!type.tensorType?.shape || !dims) return undefined;
  return dims.map((d) => {
    if (d.dimValue === null || d.dimValue === undefined) return null;
    const v = Number(d.dimValue);
    return v > 0 && Number.isFinite(v) ? v : null;
  });
}

function describeType(type: TypeProto | null | undefined): string {
  if (type?.sequenceType) return 'sequence';
  if (type?.mapType) return 'map';
  return 'value of unknown type';
}
