/**
 * What is wrong with an Arrow IPC file that apache-arrow cannot read, said without the
 * library's internals; and a check that each column's buffers hold as many values as its
 * row count says (a damaged length would otherwise read past the data as missing values or
 * make the loader allocate gigabytes for a file of a few bytes).
 */
import { DataType, type Data, type Vector } from 'apache-arrow';
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

/** Values per row in `d.values` for the fixed-width types Einblick reads; null for others. */
function valuesPerRow(d: Data): number | null {
  const t = d.type;
  if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t) || DataType.isDate(t) || DataType.isTimestamp(t)) return d.stride;
  if (DataType.isDictionary(t)) return 1;
  return null;
}

/**
 * Throws ARROW_INVALID when a column's length differs from the table's `rows`, or its buffers
 * are shorter than its row count says.
 *
 * @example checkArrowColumn('x.arrow', 'age', table.getChild('age')!, table.numRows) // passes for a sound column
 */
export function checkArrowColumn(fileName: string, name: string, v: Vector, rows: number): void {
  if (v.length !== rows) {
    throw new EinblickError('ARROW_INVALID', `${fileName} is not a valid Arrow IPC file: column "${name}" has ${v.length} rows, the table ${rows} (the file is damaged)`, 'Export the file again from the program that made it, or save the table as CSV or Parquet.', { file: fileName, column: name });
  }
  for (const d of v.data) {
    const end = d.offset + d.length;
    const short = (what: string) =>
      new EinblickError(
        'ARROW_INVALID',
        `${fileName} is not a valid Arrow IPC file: column "${name}" says it has ${d.length} rows in a block, but its ${what} ${what.endsWith('s') ? 'are' : 'is'} shorter (the file is damaged or cut off)`,
        'Export the file again from the program that made it, or save the table as CSV or Parquet.',
        { file: fileName, column: name },
      );
    if (d.nullCount > 0 && d.nullBitmap && d.nullBitmap.length > 0 && d.nullBitmap.length * 8 < end) throw short('list of missing values');
    if (DataType.isNull(d.type) || d.length === 0) continue;
    const per = valuesPerRow(d);
    const values = d.values as ArrayLike<unknown> | undefined;
    if (per !== null && (!values || values.length < end * per)) throw short('values');
    if (DataType.isBool(d.type) && (!values || values.length * 8 < end)) throw short('values');
    if (DataType.isUtf8(d.type) || DataType.isLargeUtf8(d.type)) {
      const offsets = d.valueOffsets as ArrayLike<number | bigint> | undefined;
      if (!offsets || offsets.length < end + 1 || Number(offsets[end]) > (values?.length ?? 0) || Number(offsets[d.offset]) < 0) throw short('texts');
    }
  }
}
