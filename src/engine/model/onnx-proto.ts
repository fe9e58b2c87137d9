/**
 * Reading and writing the ONNX protobuf (ModelProto) with the onnx-proto package.
 * Used for graph surgery (ZipMap removal) and for reading tree ensembles and linear weights
 * out of the graph. Never imports onnxruntime.
 */
import onnxProto from 'onnx-proto';
import { EinblickError } from '../errors.ts';

export const onnx = onnxProto.onnx;
export type ModelProto = onnxProto.onnx.ModelProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;

const NOT_ONNX_HINT = 'Choose a model saved in the ONNX format (.onnx), e.g. exported with skl2onnx, onnxmltools or torch.onnx.';

/**
 * Decodes ONNX bytes; throws EMPTY_FILE, NOT_ONNX (no graph, no IR version) or ONNX_TRUNCATED
 * (detail ONNX_DAMAGED: the bytes break off or do not hold together inside the model) with a hint.
 *
 * @example decodeModel(bytes).graph.node.length // 4
 */
export function decodeModel(bytes: Uint8Array, fileName = 'model'): ModelProto {
  if (bytes.length === 0) {
    throw new EinblickError('EMPTY_FILE', `empty model file: ${fileName}`, 'Choose the .onnx file again; this one has no content.', { file: fileName });
  }
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (err) {
    throw damagedModel(fileName, bytes.length, err);
  }
  if (!model.graph) throw notOnnx(fileName, 'it contains no model graph');
  if (!model.graph.node || model.graph.node.length === 0) throw notOnnx(fileName, 'its model graph has no steps (nodes)');
  if (!model.irVersion) throw notOnnx(fileName, 'it states no ONNX format version (IR version)');
  return model;
}

/**
 * ONNX_TRUNCATED with detail ONNX_DAMAGED: the bytes break off or do not hold together inside
 * the model (the protobuf decoder's text only in params.reason).
 *
 * @example damagedModel('m.onnx', 1200, new RangeError('index out of range: 62 + 58 > 63')).params.detail // 'ONNX_DAMAGED'
 */
export function damagedModel(fileName: string, size: number, err: unknown): EinblickError {
  const msg = err instanceof Error ? err.message : String(err);
  return new EinblickError('ONNX_TRUNCATED', `the model file ${fileName} is damaged: inside the model, its content breaks off or does not hold together`, 'The file was probably not copied or downloaded completely, or was changed by a faulty tool. Export or copy the model again and check that its size matches the original.', { file: fileName, bytes: size, detail: 'ONNX_DAMAGED', reason: msg.slice(0, 120) });
}

function notOnnx(fileName: string, why: string): EinblickError {
  return new EinblickError('NOT_ONNX', `${fileName} is not an ONNX model: ${why}`, NOT_ONNX_HINT, { file: fileName });
}

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

/** The attribute of a node by name, or undefined. */
export function attr(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute?.find((a) => a.name === name);
}

export function attrInts(node: NodeProto, name: string): number[] | undefined {
  const a = attr(node, name);
  return a?.ints ? a.ints.map((v) => Number(v)) : undefined;
}

export function attrFloats(node: NodeProto, name: string): number[] | undefined {
  const a = attr(node, name);
  return a?.floats ? Array.from(a.floats) : undefined;
}

export function attrStrings(node: NodeProto, name: string): string[] | undefined {
  const a = attr(node, name);
  return a?.strings ? a.strings.map((s) => new TextDecoder().decode(s)) : undefined;
}

export function attrString(node: NodeProto, name: string): string | undefined {
  const a = attr(node, name);
  return a?.s ? new TextDecoder().decode(a.s) : undefined;
}

export function attrInt(node: NodeProto, name: string): number | undefined {
  const a = attr(node, name);
  return a?.i !== undefined && a.i !== null ? Number(a.i) : undefined;
}

export function attrFloat(node: NodeProto, name: string): number | undefined {
  const a = attr(node, name);
  return a?.f !== undefined && a.f !== null ? a.f : undefined;
}

export function attrTensor(node: NodeProto, name: string): TensorProto | undefined {
  return attr(node, name)?.t ?? undefined;
}

/** Operator name qualified by its domain when it is not the default one: 'ai.onnx.ml.ZipMap'. */
export function opName(node: NodeProto): string {
  const domain = node.domain ?? '';
  return domain === '' || domain === 'ai.onnx' ? String(node.opType) : `${domain}.${node.opType}`;
}
