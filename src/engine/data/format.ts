/**
 * Which reader a file needs. Magic bytes first (Arrow IPC file "ARROW1", Arrow IPC stream
 * 0xFFFFFFFF + a schema message, Parquet "PAR1"), then the file name's extension, else text
 * is read as CSV. Binary files that are none of these (Excel, ZIP, gzip, ONNX, ...) get
 * UNKNOWN_FORMAT with a hint instead of being parsed as garbage text.
 */
import { Message, MessageHeader } from 'apache-arrow';
import { EinblickError } from '../errors.ts';
import { isSoundMessage } from './arrow-verify.ts';
import type { DataFormat } from './types.ts';

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** True when the bytes begin with an Arrow IPC stream: continuation marker and a schema message. */
export function isArrowStream(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0xff, 0xff, 0xff, 0xff]) || bytes.length < 8) return false;
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(4, true);
  if (len <= 0 || 8 + len > bytes.length) return false;
  const meta = bytes.subarray(8, 8 + len);
  // a damaged length in the message would make apache-arrow allocate without bound
  if (!isSoundMessage(meta)) return false;
  try {
    return Message.decode(meta).headerType === MessageHeader.Schema;
  } catch {
    return false; // not a flatbuffer message, so not an Arrow stream; other formats are tried next
  }
}

/** Known binary formats that people may drop by mistake, with what to do instead. */
const OTHER_BINARY: { magic: number[]; what: string; hint: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook is one)', hint: 'In Excel use "Save as" > "CSV UTF-8 (comma delimited)" and load the CSV file; unpack other archives first.' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook', hint: 'In Excel use "Save as" > "CSV UTF-8 (comma delimited)" and load the CSV file.' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file', hint: 'Unpack it first (for example with 7-Zip) and load the file inside.' },
  { magic: [0x46, 0x45, 0x41, 0x31], what: 'a Feather version 1 file', hint: 'Save it again as Feather version 2 / Arrow IPC (for example with pyarrow.feather.write_feather) or as Parquet.' },
];

/** Formats people may drop by mistake that are recognised by their name alone. */
const OTHER_EXTENSIONS: Record<string, string> = {
  json: 'a JSON file',
  jsonl: 'a JSON lines file',
  ndjson: 'a JSON lines file',
  xlsx: 'an Excel workbook',
  xls: 'an Excel workbook',
  ods: 'a spreadsheet (OpenDocument)',
  rds: 'an R data file',
  rdata: 'an R data file',
  sav: 'an SPSS data file',
  dta: 'a Stata data file',
  sas7bdat: 'a SAS data file',
  onnx: 'an ONNX model, not a data table',
};

/**
 * The data format of a file, or UNKNOWN_FORMAT for binary files that are not Arrow or Parquet.
 *
 * @example detectFormat(new TextEncoder().encode('a,b\n1,2\n'), 'x.txt') // 'csv'
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DataFormat {
  if (startsWith(bytes, ARROW_MAGIC) || isArrowStream(bytes)) return 'arrow';
  if (startsWith(bytes, PARQUET_MAGIC)) return 'parquet';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc' || ext === 'arrows') return 'arrow';
  if (ext === 'parquet' || ext === 'parq' || ext === 'pq') return 'parquet';
  const other = OTHER_EXTENSIONS[ext];
  if (other) throw unknown(fileName, `it is ${other}`, 'Export the table as CSV (UTF-8), Parquet or Arrow/Feather and load that file.');
  for (const b of OTHER_BINARY) {
    if (startsWith(bytes, b.magic)) throw unknown(fileName, `it is ${b.what}`, b.hint);
  }
  if (looksBinary(bytes)) {
    throw unknown(
      fileName,
      'it is not text and not an Arrow or Parquet file',
      'Einblick reads tables as CSV (text), Apache Arrow IPC / Feather v2, or Parquet. Export the table in one of these formats.',
    );
  }
  return 'csv';
}

/** NUL bytes or many control characters in the first 64 KiB (UTF-16 text has a byte order mark). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n / 100;
}

function unknown(fileName: string, why: string, hint: string): EinblickError {
  return new EinblickError('UNKNOWN_FORMAT', `${fileName} cannot be read as a table: ${why}`, hint, { file: fileName });
}
