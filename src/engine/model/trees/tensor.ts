/**
 * Numbers out of ONNX TensorProtos (initializers, Constant nodes, *_as_tensor attributes).
 */
import type { TensorProto } from '../onnx-proto.ts';

/** ONNX TensorProto.DataType codes that Einblick reads. */
const FLOAT = 1, UINT8 = 2, INT8 = 3, INT32 = 6, INT64 = 7, STRING = 8, BOOL = 9, DOUBLE = 11;

/** The shape of a tensor as plain numbers. */
export function tensorDims(t: TensorProto): number[] {
  return (t.dims ?? []).map((d) => Number(d));
}

/** 'float' for float32 tensors, 'double' for float64, null for others. */
export function tensorPrecision(t: TensorProto): 'float' | 'double' | null {
  return t.dataType === FLOAT ? 'float' : t.dataType === DOUBLE ? 'double' : null;
}

function rawView(t: TensorProto): DataView | null {
  const raw = t.rawData;
  if (!raw || raw.length === 0) return null;
  const copy = new Uint8Array(raw.length);
  copy.set(raw);
  return new DataView(copy.buffer);
}

/**
 * The values of a numeric tensor as float64 numbers (float32 values are exact), row-major.
 * Returns null for string tensors or types Einblick does not read.
 *
 * @example tensorNumbers(initializer).length // 12
 */
export function tensorNumbers(t: TensorProto): Float64Array | null {
  const view = rawView(t);
  const type = t.dataType ?? 0;
  if (view) {
    const n = view.byteLength;
    switch (type) {
      case FLOAT: return Float64Array.from({ length: n / 4 }, (_, i) => view.getFloat32(4 * i, true));
      case DOUBLE: return Float64Array.from({ length: n / 8 }, (_, i) => view.getFloat64(8 * i, true));
      case INT64: return Float64Array.from({ length: n / 8 }, (_, i) => Number(view.getBigInt64(8 * i, true)));
      case INT32: return Float64Array.from({ length: n / 4 }, (_, i) => view.getInt32(4 * i, true));
      case UINT8: case BOOL: return Float64Array.from({ length: n }, (_, i) => view.getUint8(i));
      case INT8: return Float64Array.from({ length: n }, (_, i) => view.getInt8(i));
      default: return null;
    }
  }
  switch (type) {
    case FLOAT: return Float64Array.from(t.floatData ?? []);
    case DOUBLE: return Float64Array.from(t.doubleData ?? []);
    case INT64: return Float64Array.from((t.int64Data ?? []).map((v) => Number(v)));
    case INT32: case UINT8: case INT8: case BOOL: return Float64Array.from(t.int32Data ?? []);
    default: return null;
  }
}

/** The values of a string tensor, or null for other types. */
export function tensorStrings(t: TensorProto): string[] | null {
  if (t.dataType !== STRING) return null;
  return (t.stringData ?? []).map((s) => new TextDecoder().decode(s));
}
