/**
 * Builds small ONNX models in tests (with onnx-proto), so that signature and task detection
 * can be checked on graphs shaped like the exporters' (skl2onnx, onnxmltools) without Python.
 */
import onnxProto from 'onnx-proto';
import { onnx } from '../../../src/engine/model/onnx-proto.ts';

type P = typeof onnxProto.onnx;
type IValueInfo = Parameters<P['ValueInfoProto']['encode']>[0];
type IAttribute = Parameters<P['AttributeProto']['encode']>[0];
type IModel = Parameters<P['ModelProto']['encode']>[0];
type ITensorType = NonNullable<NonNullable<IValueInfo['type']>['tensorType']>;

type Dim = number | null | string;
export type ElemType = 'float16' | 'float' | 'double' | 'int64' | 'int32' | 'string' | 'bool';

const CODES: Record<ElemType, number> = { float16: 10, float: 1, double: 11, int64: 7, int32: 6, string: 8, bool: 9 };

export interface ValueSpec {
  name: string;
  type: ElemType | { zipmap: 'string' | 'int64' } | 'sequence';
  /** undefined: no shape in the file; null entries: unnamed dynamic dims; strings: named dims. */
  shape?: Dim[];
}

export interface NodeSpec {
  op: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  attrs?: Record<string, number | string | number[] | string[] | { floats: number[] } | { ints: number[] } | { f: number }>;
}

export interface ModelSpec {
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
  initializers?: { name: string; dims: number[]; floats?: number[]; int64s?: number[]; doubles?: number[] }[];
  opsets?: Record<string, number>;
  irVersion?: number;
  producer?: string;
}

function valueInfo(v: ValueSpec): IValueInfo {
  if (v.type === 'sequence') return { name: v.name, type: { sequenceType: { elemType: { tensorType: { elemType: 1 } } } } };
  if (typeof v.type === 'object') {
    const keyType = v.type.zipmap === 'string' ? 8 : 7;
    return { name: v.name, type: { sequenceType: { elemType: { mapType: { keyType, valueType: { tensorType: { elemType: 1 } } } } } } };
  }
  const tensorType: ITensorType = { elemType: CODES[v.type] };
  if (v.shape) tensorType.shape = { dim: v.shape.map((d) => (d === null ? {} : typeof d === 'string' ? { dimParam: d } : { dimValue: d })) };
  return { name: v.name, type: { tensorType } };
}

function attribute(name: string, value: NonNullable<NodeSpec['attrs']>[string]): IAttribute {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return Number.isInteger(value) ? { name, type: T.INT, i: value } : { name, type: T.FLOAT, f: value };
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { name, type: T.STRINGS, strings: (value as string[]).map((s) => new TextEncoder().encode(s)) };
  if ('f' in (value as object)) return { name, type: T.FLOAT, f: (value as { f: number }).f };
  if ('floats' in (value as object)) return { name, type: T.FLOATS, floats: (value as { floats: number[] }).floats };
  const ints = Array.isArray(value) ? (value as number[]) : (value as { ints: number[] }).ints;
  return { name, type: T.INTS, ints };
}

/** Encodes a model spec as ONNX bytes. */
export function buildModel(spec: ModelSpec): Uint8Array {
  const opsets = spec.opsets ?? { '': 13, 'ai.onnx.ml': 3 };
  const model: IModel = {
    irVersion: spec.irVersion ?? 8,
    producerName: spec.producer ?? 'einblick-test',
    producerVersion: '1',
    opsetImport: Object.entries(opsets).map(([domain, version]) => ({ domain, version })),
    graph: {
      name: 'g',
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map((t) =>
        t.int64s ? { name: t.name, dims: t.dims, dataType: 7, int64Data: t.int64s } : t.doubles ? { name: t.name, dims: t.dims, dataType: 11, doubleData: t.doubles } : { name: t.name, dims: t.dims, dataType: 1, floatData: t.floats ?? [] },
      ),
      node: spec.nodes.map((n, k) => ({
        name: `n${k}_${n.op}`,
        opType: n.op,
        domain: n.domain ?? (['LinearClassifier', 'ZipMap', 'LabelEncoder', 'TreeEnsembleClassifier', 'TreeEnsembleRegressor', 'Normalizer', 'SVMClassifier'].includes(n.op) ? 'ai.onnx.ml' : ''),
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attrs ?? {}).map(([name, v]) => attribute(name, v)),
      })),
    },
  };
  return onnx.ModelProto.encode(model).finish();
}
