/**
 * Reads CSV records in chunks: a slice of bytes is decoded with a streaming TextDecoder and
 * tokenised by papaparse's Parser (quotes, escaped quotes, embedded line breaks); the
 * incomplete last record of a slice is carried over to the next one. Between slices it reports
 * progress and checks the AbortSignal, and yields to the event loop every 50 ms, so a cancel in
 * a Web Worker takes effect within about 50 ms.
 */
import Papa from 'papaparse';
import { EinblickError, throwIfAborted, type ProgressFn } from '../errors.ts';
import { InvalidTextError } from './text.ts';
import { Pacer } from './yield.ts';

export interface RecordReaderOptions {
  delimiter: string;
  /** '\n' also ends CRLF lines: a '\r' left at the end of a record is removed. */
  newline: '\n' | '\r';
  /** TextDecoder label: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  /** Byte offset where the text starts (after a byte order mark). */
  start: number;
  /** Bytes per slice (default 512 KiB: smaller slices keep fewer short-lived strings alive). */
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  stage?: string;
}

/** A carried-over partial record longer than this means an unclosed quote, not a real cell. */
const MAX_CARRY_CHARS = 32 * 1024 * 1024;

/**
 * Yields batches of records (arrays of cell texts), in file order, including blank lines as
 * [''] records. Throws CSV_RAGGED for a quote that is never closed and InvalidTextError when
 * the bytes are not valid in `encoding`.
 *
 * @example for await (const rows of readRecords(bytes, { delimiter: ',', newline: '\n', encoding: 'utf-8', start: 0 })) ...
 */
export async function* readRecords(bytes: Uint8Array, o: RecordReaderOptions): AsyncGenerator<string[][]> {
  const chunkBytes = o.chunkBytes ?? 512 * 1024;
  const pace = new Pacer();
  const decoder = new TextDecoder(o.encoding, { fatal: true });
  const parser = new Papa.Parser({ delimiter: o.delimiter, newline: o.newline, quoteChar: '"' });
  let carry = '';
  let records = 0;
  let slice = chunkBytes;
  for (let pos = o.start; pos < bytes.length || pos === o.start; ) {
    throwIfAborted(o.signal);
    const end = Math.min(bytes.length, pos + slice);
    const last = end === bytes.length;
    const text = carry + decode(decoder, bytes.subarray(pos, end), !last, o.encoding);
    const res = parser.parse(text, 0, !last) as { data: string[][]; errors: { code: string }[]; meta: { cursor: number } };
    if (last && res.errors.some((e) => e.code === 'MissingQuotes')) throw unclosedQuote(records + res.data.length);
    carry = last ? '' : text.substring(res.meta.cursor);
    if (carry.length > MAX_CARRY_CHARS) throw tooLong(records + res.data.length + 1);
    // a record longer than a slice: read bigger slices, so the carry is not re-scanned for ever
    slice = carry.length > slice / 2 ? slice * 2 : chunkBytes;
    if (o.newline === '\n') stripCarriageReturns(res.data);
    records += res.data.length;
    pos = end;
    if (res.data.length > 0) yield res.data;
    o.onProgress?.({ stage: o.stage ?? 'parse', done: pos, total: bytes.length });
    if (last) break;
    await pace.tick();
  }
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean, encoding: string): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (err) {
    if (err instanceof TypeError) throw new InvalidTextError(encoding);
    throw err;
  }
}

function stripCarriageReturns(rows: string[][]): void {
  for (const row of rows) {
    const k = row.length - 1;
    const cell = row[k];
    if (cell.length > 0 && cell.charCodeAt(cell.length - 1) === 13) row[k] = cell.slice(0, -1);
  }
}

function tooLong(line: number): EinblickError {
  return new EinblickError(
    'CSV_RAGGED',
    `line ${line} is longer than 32 MB: it starts a quoted value (") that is never closed, or the file has no line breaks`,
    'Check the quotes on that line: a value that starts with " must end with ", and a " inside a value must be written twice (""). A CSV file needs one line per case.',
    { line },
  );
}

function unclosedQuote(line: number): EinblickError {
  return new EinblickError(
    'CSV_RAGGED',
    `line ${line} starts a quoted value (") that is never closed`,
    'Check the quotes on that line: a value that starts with " must end with ", and a " inside a value must be written twice ("").',
    { line },
  );
}
