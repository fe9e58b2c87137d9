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

/**
 * Decodes ONNX bytes; throws NOT_ONNX or ONNX_TRUNCATED with a hint.
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
    const msg = err instanceof Error ? err.message : String(err);
    if (/index out of range|premature end|truncated/i.test(msg)) {
      throw new EinblickError('ONNX_TRUNCATED', `the model file ${fileName} is incomplete (cut off after ${bytes.length} bytes)`, 'The file was probably not copied or downloaded completely. Export or copy the model again.', { file: fileName, bytes: bytes.length });
    }
    throw new EinblickError('NOT_ONNX', `${fileName} is not an ONNX model (${msg})`, 'Choose a model saved in the ONNX format (.onnx), e.g. exported with skl2onnx, onnxmltools or torch.onnx.', { file: fileName });
  }
  if (!model.graph || !model.graph.node || model.graph.node.length === 0 || !model.irVersion) {
    throw new EinblickError('NOT_ONNX', `${fileName} is not an ONNX model (no graph found)`, 'Choose a model saved in the ONNX format (.onnx), e.g. exported with skl2onnx, onnxmltools or torch.onnx.', { file: fileName });
  }
  return model;
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
