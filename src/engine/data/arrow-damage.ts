/**
 * What is wrong with an Arrow IPC file that apache-arrow cannot read, said without the
 * library's internals; and a check that each column's buffers hold as many values as its
 * row count says (a damaged length would otherwise read past the data as missing values or
 * make the loader allocate gigabytes for a file of a few bytes).
 */
import { DataType, Message, MessageHeader, type Data, type Vector } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import { EinblickError } from '../errors.ts';

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1

/** What looks wrong; `cut` when the file format's end marker is missing. */
export interface ArrowDamage {
  what: string;
  cut: boolean;
}

function hasMagicAt(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || bytes.length < at + MAGIC.length) return false;
  return MAGIC.every((b, i) => bytes[at + i] === b);
}

/**
 * True when the bytes begin with "ARROW1" (the file format, with an index at its end).
 *
 * @example isFileFormat(tableToIPC(t, 'file')) // true; for 'stream' false
 */
export function isFileFormat(bytes: Uint8Array): boolean {
  return hasMagicAt(bytes, 0);
}

/**
 * A plain description of what looks wrong with Arrow bytes, from their markers alone.
 *
 * @example describeArrowDamage(fileBytes.subarray(0, 100)) // { cut: true, what: 'it is cut off: ...' }
 */
export function describeArrowDamage(bytes: Uint8Array): ArrowDamage {
  if (hasMagicAt(bytes, 0)) {
    if (bytes.length < 12 || !hasMagicAt(bytes, bytes.length - MAGIC.length)) {
      return { cut: true, what: `it is cut off: an Arrow file ends with the marker "ARROW1", and this one stops after ${bytes.length} bytes without it` };
    }
    return { cut: false, what: 'its contents are damaged: the description of its columns or its blocks of data cannot be decoded' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) {
    return { cut: false, what: 'it is an Arrow stream that is damaged or cut off: the description of its columns or its blocks of data cannot be decoded' };
  }
  return { cut: false, what: 'it does not begin like an Arrow file (with "ARROW1") or an Arrow stream, and cannot be decoded as one' };
}

/**
 * ARROW_INVALID naming the file and what looks wrong; the library's own text (if any) is kept
 * in params.cause, not in the message.
 *
 * @example throw arrowInvalid('x.arrow', describeArrowDamage(bytes), err)
 */
export function arrowInvalid(fileName: string, damage: ArrowDamage, cause?: unknown): EinblickError {
  const params: Record<string, string> = { file: fileName };
  if (cause !== undefined) params.cause = cause instanceof Error ? cause.message : String(cause);
  return new EinblickError(
    'ARROW_INVALID',
    `${fileName} is not a valid Arrow IPC file: ${damage.what}`,
    'The file may be damaged or cut off (for example by an interrupted download or copy). Export it again (for example with pyarrow.feather.write_feather or pandas.DataFrame.to_feather) or save the table as CSV or Parquet.',
    params,
  );
}

/** The header type of the IPC message at `offset`, or null when there is none. */
function messageType(bytes: Uint8Array, offset: number): MessageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset + 8 > bytes.length) return null;
  const first = view.getInt32(offset, true);
  const len = first === -1 ? view.getInt32(offset + 4, true) : first;
  const start = offset + (first === -1 ? 8 : 4);
  if (len <= 0 || start + len > bytes.length) return null;
  try {
    return Message.decode(bytes.subarray(start, start + len)).headerType;
  } catch {
    return null; // not a message: the caller reports the index as damaged
  }
}

/**
 * For the Arrow file format: null when every block the footer (the file's index) lists is a
 * message of its kind, else what is wrong. apache-arrow loops for ever on a record-batch block
 * that points at a schema or dictionary message, so this runs before it reads the file.
 *
 * @example checkFileIndex(tableToIPC(t, 'file')) // null
 */
export function checkFileIndex(bytes: Uint8Array): string | null {
  const damaged = 'its index (the footer at the end of the file) is damaged: it points to data blocks that are not there';
  const end = bytes.length - 10; // footer length (int32) and "ARROW1"
  if (end < 8) return damaged;
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(end, true);
  if (len <= 0 || end - len < 8) return damaged;
  let footer: Footer;
  try {
    footer = Footer.decode(bytes.subarray(end - len, end));
  } catch {
    return damaged; // the footer is not a flatbuffer
  }
  for (const b of footer.recordBatches()) if (messageType(bytes, b.offset) !== MessageHeader.RecordBatch) return damaged;
  for (const b of footer.dictionaryBatches()) if (messageType(bytes, b.offset) !== MessageHeader.DictionaryBatch) return damaged;
  return null;
}

/** Values per row in `d.values` for the fixed-width types Einblick reads; null for others. */
function valuesPerRow(d: Data): number | null {
  const t = d.type;
  if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t) || DataType.isDate(t) || DataType.isTimestamp(t)) return d.stride;
  if (DataType.isDictionary(t)) return 1;
  return null;
}

/**
 * Throws ARROW_INVALID when a column's length differs from the table's `rows`, or its buffers
 * (or those of its dictionary) are shorter than its row count says.
 *
 * @example checkArrowColumn('x.arrow', 'age', table.getChild('age')!, table.numRows) // passes for a sound column
 */
export function checkArrowColumn(fileName: string, name: string, v: Vector, rows: number): void {
  if (v.length !== rows) {
    throw new EinblickError('ARROW_INVALID', `${fileName} is not a valid Arrow IPC file: column "${name}" has ${v.length} rows, the table ${rows} (the file is damaged)`, HINT, { file: fileName, column: name });
  }
  for (const d of v.data) {
    const what = shortPart(d) ?? (d.dictionary ? d.dictionary.data.map(shortPart).find((x) => x !== null) : null);
    if (what) {
      throw new EinblickError(
        'ARROW_INVALID',
        `${fileName} is not a valid Arrow IPC file: column "${name}" says it has ${d.length} rows in a block, but its ${what} shorter (the file is damaged or cut off)`,
        HINT,
        { file: fileName, column: name },
      );
    }
  }
}

const HINT = 'Export the file again from the program that made it, or save the table as CSV or Parquet.';

/** Which part of one block of data is shorter than its length says ("values are"), or null. */
function shortPart(d: Data): string | null {
  const end = d.offset + d.length;
  if (!(end >= 0)) return 'length is';
  if (d.nullCount > 0 && d.nullBitmap && d.nullBitmap.length > 0 && d.nullBitmap.length * 8 < end) return 'list of missing values is';
  if (DataType.isNull(d.type) || d.length === 0) return null;
  const per = valuesPerRow(d);
  const values = d.values as ArrayLike<unknown> | undefined;
  if (per !== null && (!values || values.length < end * per)) return 'values are';
  if (DataType.isBool(d.type) && (!values || values.length * 8 < end)) return 'values are';
  if (DataType.isUtf8(d.type) || DataType.isLargeUtf8(d.type)) {
    const offsets = d.valueOffsets as ArrayLike<number | bigint> | undefined;
    if (!offsets || offsets.length < end + 1 || Number(offsets[end]) > (values?.length ?? 0) || Number(offsets[d.offset]) < 0) return 'texts are';
  }
  return null;
}
