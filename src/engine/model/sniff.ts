/**
 * Tells a file that is not ONNX from an ONNX file that was cut off, before decoding it,
 * so that the person gets the right advice ("choose the .onnx file" vs "copy it again").
 */
import { EinblickError } from '../errors.ts';
import { damagedModel } from './onnx-proto.ts';
import { scanFields, WireError, type WireField } from './wire.ts';

/** ModelProto's fields and their wire types (0 varint, 2 length-delimited). */
const MODEL_FIELDS: Record<number, number> = {
  1: 0, // ir_version
  2: 2, // producer_name
  3: 2, // producer_version
  4: 2, // domain
  5: 0, // model_version
  6: 2, // doc_string
  7: 2, // graph
  8: 2, // opset_import
  14: 2, // metadata_props
  20: 2, // training_info
  25: 2, // functions
  26: 2, // configuration
};

const NOT_ONNX_HINT = 'Choose a model saved in the ONNX format (.onnx), e.g. exported with skl2onnx, onnxmltools, tf2onnx or torch.onnx.';
const TRUNCATED_HINT = 'The file was probably not copied or downloaded completely. Export or copy the model again and check that its size matches the original.';

/**
 * Throws EMPTY_FILE, NOT_ONNX or ONNX_TRUNCATED (cut off; or with detail ONNX_DAMAGED when a
 * file that starts like a model breaks later) unless the bytes look like a complete ONNX
 * ModelProto with a graph. Returns the top-level fields.
 *
 * @example checkOnnxBytes(new TextEncoder().encode('a,b\n1,2\n'), 'data.csv') // throws NOT_ONNX
 */
export function checkOnnxBytes(bytes: Uint8Array, fileName: string): WireField[] {
  if (bytes.length === 0) {
    throw new EinblickError('EMPTY_FILE', `empty model file: ${fileName}`, 'Choose the .onnx file again; this one has no content.', { file: fileName });
  }
  if (looksLikeText(bytes)) {
    throw notOnnx(fileName, 'it is a text file, e.g. CSV or JSON');
  }
  let fields: WireField[];
  try {
    fields = scanFields(bytes);
  } catch (err) {
    if (!(err instanceof WireError)) throw err;
    const before = safePrefix(bytes, err.offset);
    if (err.kind === 'truncated' && before.length > 0 && before.every(knownField)) {
      throw new EinblickError('ONNX_TRUNCATED', `the model file ${fileName} is incomplete: it ends after ${bytes.length} bytes, inside the model`, TRUNCATED_HINT, { file: fileName, bytes: bytes.length });
    }
    if (startsLikeOnnx(before)) throw damagedModel(fileName, bytes.length, err);
    throw notOnnx(fileName, 'its bytes are not an ONNX (protobuf) model');
  }
  const bad = fields.findIndex((f) => MODEL_FIELDS[f.field] !== undefined && !knownField(f));
  if (!knownField(fields[0]) || bad >= 0) {
    if (startsLikeOnnx(bad >= 0 ? fields.slice(0, bad) : [])) throw damagedModel(fileName, bytes.length, new Error(`field ${fields[bad].field} has wire type ${fields[bad].wire}`));
    throw notOnnx(fileName, 'its bytes are not an ONNX (protobuf) model');
  }
  if (!fields.some((f) => f.field === 7)) {
    if (startsLikeOnnx(fields) && fields.some((f) => MODEL_FIELDS[f.field] === undefined)) throw damagedModel(fileName, bytes.length, new Error('no graph field'));
    throw notOnnx(fileName, 'it contains no model graph');
  }
  return fields;
}

/**
 * True when the fields begin as every exporter writes a model (ir_version first, then another
 * ONNX field): a file that breaks after such a start is a damaged model, not some other file.
 */
function startsLikeOnnx(fields: WireField[]): boolean {
  return fields.length >= 2 && fields[0].field === 1 && fields[0].wire === 0 && knownField(fields[1]);
}

function knownField(f: WireField): boolean {
  return MODEL_FIELDS[f.field] === f.wire;
}

/** The fields that were complete before the walk failed at `offset`. */
function safePrefix(bytes: Uint8Array, offset: number): WireField[] {
  try {
    return scanFields(bytes, 0, offset);
  } catch (err) {
    if (err instanceof WireError) return [];
    throw err;
  }
}

/** True when the first bytes are printable text (ONNX starts with a binary tag byte 0x08). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    const printable = b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127);
    if (!printable) return false;
  }
  return true;
}

function notOnnx(fileName: string, why: string): EinblickError {
  return new EinblickError('NOT_ONNX', `${fileName} is not an ONNX model: ${why}`, NOT_ONNX_HINT, { file: fileName });
}
