/**
 * Small read-only views of an ONNX graph for tracing: constants (initializers and Constant
 * nodes) and the element types and shapes of graph inputs.
 */
import { attrTensor, type GraphProto, type NodeProto } from '../onnx-proto.ts';
import { tensorDims, tensorNumbers, tensorStrings } from './tensor.ts';

export interface Constant {
  dims: number[];
  numbers: Float64Array | null;
  strings: string[] | null;
}

/** Element type names by ONNX TensorProto.DataType code. */
export const ELEM: Record<number, string> = {
  1: 'float', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16', 11: 'double',
};

export interface GraphInput {
  name: string;
  elem: string;
  /** Dimensions; null where the file leaves them open. */
  dims: (number | null)[];
}

/** The constants of a graph by tensor name. */
export function graphConstants(graph: GraphProto): Map<string, Constant> {
  const out = new Map<string, Constant>();
  for (const t of graph.initializer ?? []) {
    out.set(String(t.name), { dims: tensorDims(t), numbers: tensorNumbers(t), strings: tensorStrings(t) });
  }
  for (const node of graph.node ?? []) {
    if (node.opType !== 'Constant' || (node.domain ?? '') !== '') continue;
    const t = attrTensor(node, 'value');
    if (t) out.set(String(node.output?.[0]), { dims: tensorDims(t), numbers: tensorNumbers(t), strings: tensorStrings(t) });
  }
  return out;
}

/** Graph inputs that are not initializers, with element type and shape. */
export function graphInputs(graph: GraphProto): GraphInput[] {
  const inits = new Set((graph.initializer ?? []).map((t) => String(t.name)));
  return (graph.input ?? [])
    .filter((i) => !inits.has(String(i.name)))
    .map((i) => {
      const tt = i.type?.tensorType;
      const dims = (tt?.shape?.dim ?? []).map((d) => (d.dimValue !== undefined && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : null));
      return { name: String(i.name), elem: ELEM[tt?.elemType ?? 0] ?? 'unknown', dims };
    });
}

/** Operator name with its domain when that is not the default: 'ai.onnx.ml.Scaler'. */
export function opOf(node: NodeProto): string {
  const d = node.domain ?? '';
  return d === '' || d === 'ai.onnx' ? String(node.opType) : `${d}.${node.opType}`;
}

/** Number of elements per row for a row shape (1 for []). */
export function rowSize(rowShape: number[]): number {
  return rowShape.reduce((p, d) => p * d, 1);
}
