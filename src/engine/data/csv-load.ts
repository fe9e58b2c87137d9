/**
 * Loads a CSV into an Arrow table: encoding, dialect, a first pass that builds every column,
 * and a second pass only for columns that turned out to be text after starting as numbers.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { CsvColumn } from './csv-column.ts';
import { detectDialect, sampleRecords, type CsvDialect } from './csv-dialect.ts';
import { LineMap, finishCsvColumn } from './csv-finish.ts';
import { headerNames } from './csv-header.ts';
import { readRecords } from './csv-records.ts';
import { MAX_TABLE_BYTES, maxRows, tooLarge } from './limits.ts';
import { InvalidTextError, decodeSample, encodingFromBom, type TextEncodingGuess } from './text.ts';
import type { LoadOptions } from './types.ts';
import { tableFromColumns } from './vectors.ts';

export interface CsvLoaded {
  table: Table;
  warnings: Warning[];
  csv: { delimiter: string; decimal: '.' | ',' };
}

const SAMPLE_BYTES = 256 * 1024;

/**
 * Parses CSV bytes (any of the dialects csv-dialect.ts detects) into a table.
 *
 * @example (await loadCsv(utf8('a;b\n1,5;x\n'), 'd.csv')).csv // { delimiter: ';', decimal: ',' }
 */
export async function loadCsv(bytes: Uint8Array, fileName: string, opts: LoadOptions = {}): Promise<CsvLoaded> {
  const bom = encodingFromBom(bytes);
  if (bom.encoding === 'utf-8') {
    try {
      if (decodeSample(bytes, bom, SAMPLE_BYTES) !== null) return await loadCsvAs(bytes, fileName, bom, opts, []);
    } catch (err) {
      if (!(err instanceof InvalidTextError)) throw err;
    }
    const warning: Warning = {
      code: 'ENCODING_WINDOWS_1252',
      message: `${fileName} is not UTF-8 text; it was read as Windows-1252 (Western European, as older Excel versions save CSV). Check that umlauts look right.`,
      params: { file: fileName },
    };
    return loadCsvAs(bytes, fileName, { encoding: 'windows-1252', start: bom.start }, opts, [warning]);
  }
  try {
    return await loadCsvAs(bytes, fileName, bom, opts, []);
  } catch (err) {
    if (err instanceof InvalidTextError) throw brokenUtf16(fileName, bom.encoding, bytes.length);
    throw err;
  }
}

/** UNKNOWN_FORMAT for bytes after a UTF-16 byte order mark that are not UTF-16 text. */
function brokenUtf16(fileName: string, encoding: string, length: number): EinblickError {
  const odd = (length - 2) % 2 === 1 ? ' (it has an odd number of bytes)' : ' (it holds a broken character)';
  return new EinblickError(
    'UNKNOWN_FORMAT',
    `${fileName} begins with a ${encoding.toUpperCase()} byte order mark, but the rest is not ${encoding.toUpperCase()} text${odd}`,
    'The file is damaged or was saved with a wrong encoding. Save it again as "CSV UTF-8" (in Excel: "Save as" > "CSV UTF-8 (comma delimited)") and load that file.',
    { file: fileName, encoding },
  );
}

async function loadCsvAs(
  bytes: Uint8Array,
  fileName: string,
  enc: TextEncodingGuess,
  opts: LoadOptions,
  warnings: Warning[],
): Promise<CsvLoaded> {
  const sample = decodeSample(bytes, enc, SAMPLE_BYTES);
  if (sample === null) throw new InvalidTextError(enc.encoding);
  if (sample.complete && sample.text.trim() === '') throw blankFile(fileName, bytes.length - enc.start, enc);
  // Excel's "sep=;" first line names the separator
  const sep = /^sep=([^\r\n])\r?(?:\n|$)/.exec(sample.text);
  const text = sep ? sample.text.slice(sep[0].length) : sample.text;
  const dialect = detectDialect(text, sample.complete, fileName, { delimiter: opts.delimiter ?? sep?.[1], decimal: opts.decimal });
  const estimate = estimateRows(bytes.length - enc.start, Math.min(bytes.length - enc.start, SAMPLE_BYTES), sample.text, dialect);
  const limit = opts.maxTableBytes ?? MAX_TABLE_BYTES;
  const width = sampleRecords(text, sample.complete, dialect.newline, dialect.delimiter)[0]?.length ?? 1;
  // refused before reading when even a generous estimate does not fit; else counted while reading
  if (estimate > 2 * maxRows(width, limit)) throw tooLarge(fileName, estimate, width, limit, true);
  const capacity = Math.min(estimate, maxRows(width, limit), 1 << 27);
  const reader = { ...dialect, encoding: enc.encoding, start: enc.start, signal: opts.signal, onProgress: opts.onProgress, skip: sep ? 1 : 0 };
  const lines = new LineMap();
  const bound = { limit, estimate };
  const columns = await firstPass(bytes, fileName, reader, capacity, lines, warnings, bound);
  const rows = columns[0].length;
  if (rows === 0) throw headerOnly(fileName, columns.length);
  const deferred = columns.map((c, j) => (c.state === 'deferred' ? j : -1)).filter((j) => j >= 0);
  if (deferred.length > 0) await textPass(bytes, reader, columns, deferred);
  const vectors = columns.map((c) => finishCsvColumn(c, rows, dialect.decimal, lines, warnings));
  if (dialect.delimiter === ';' && dialect.decimal === ',' && opts.decimal === undefined && !/\d,\d/.test(text)) {
    // no "1,5" anywhere in the sample: the decimal comma was chosen for cells like "1.500"
    warnings.push({ code: 'THOUSANDS_POINT', message: `${fileName}: numbers such as "1.500" were read as 1500 (the point as a thousands separator, as German spreadsheets write it). If they are decimals (1.5), the file needs another decimal mark.`, params: { file: fileName } });
  }
  const table = tableFromColumns(columns.map((c) => c.name), vectors, rows);
  return { table, warnings, csv: { delimiter: dialect.delimiter, decimal: dialect.decimal } };
}

type ReaderOptions = Parameters<typeof readRecords>[1] & CsvDialect & { skip: number };

/**
 * Walks the records: the "sep=" line and blank lines before the header are skipped; the first
 * other record is the header. Blank lines among the data are skipped in files with several
 * columns (they cannot be a row) but are empty cells in a one-column file, except at the end.
 */
async function eachRow(
  bytes: Uint8Array,
  reader: ReaderOptions,
  stage: string,
  lines: LineMap,
  onHeader: (cells: string[]) => number,
  onRow: (cells: string[], line: number) => void,
): Promise<boolean> {
  let columns = -1;
  let line = 0;
  let rows = 0;
  let blanks = 0;
  for await (const batch of readRecords(bytes, { ...reader, stage })) {
    for (const r of batch) {
      if (++line <= reader.skip) {
        lines.headerLine = line + 1;
        continue;
      }
      const blank = r.length === 1 && (r[0] === '' || r[0].trim() === '');
      if (columns < 0) {
        if (blank) lines.headerLine = line + 1;
        else columns = onHeader(r);
        continue;
      }
      if (blank) {
        if (columns === 1) blanks++;
        else lines.blanks.push(rows);
        continue;
      }
      for (; blanks > 0; blanks--, rows++) onRow([''], line - blanks);
      onRow(r, line);
      rows++;
    }
  }
  return columns >= 0;
}

/** Reads every record once: header, ragged check, all columns. */
async function firstPass(
  bytes: Uint8Array,
  fileName: string,
  reader: ReaderOptions,
  capacity: number,
  lines: LineMap,
  warnings: Warning[],
  bound: { limit: number; estimate: number },
): Promise<CsvColumn[]> {
  let columns: CsvColumn[] = [];
  let most = 0;
  let rows = 0;
  const onHeader = (cells: string[]): number => {
    columns = headerNames(cells, warnings).map((n) => new CsvColumn(n, reader.decimal, capacity));
    most = maxRows(columns.length, bound.limit);
    return columns.length;
  };
  const onRow = (r: string[], line: number): void => {
    if (r.length !== columns.length) throw ragged(line, r.length, columns.length, reader.delimiter);
    if (++rows > most) throw tooLarge(fileName, Math.max(rows, bound.estimate), columns.length, bound.limit, true);
    for (let j = 0; j < columns.length; j++) columns[j].push(r[j]);
  };
  if (!(await eachRow(bytes, reader, 'parse', lines, onHeader, onRow))) throw noHeader(fileName, reader.skip > 0);
  return columns;
}

/** Reads the file again for columns that must keep their original texts. */
async function textPass(bytes: Uint8Array, reader: ReaderOptions, columns: CsvColumn[], deferred: number[]): Promise<void> {
  for (const j of deferred) columns[j].startText();
  const onRow = (r: string[]): void => {
    for (const j of deferred) columns[j].push(r[j]);
  };
  await eachRow(bytes, reader, 'parse-text', new LineMap(), () => columns.length, onRow);
}

/** Rows expected from the sample's bytes per line, with 5% headroom (only a first size). */
function estimateRows(textBytes: number, sampleBytes: number, sample: string, d: CsvDialect): number {
  let lines = 0;
  for (let i = sample.indexOf(d.newline); i >= 0; i = sample.indexOf(d.newline, i + 1)) lines++;
  const perLine = Math.max(1, sampleBytes / Math.max(1, lines));
  return Math.ceil((textBytes / perLine) * 1.05) + 16;
}

const SEPARATOR_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

function ragged(line: number, fields: number, expected: number, delimiter: string): EinblickError {
  const sep = SEPARATOR_NAMES[delimiter] ?? JSON.stringify(delimiter);
  return new EinblickError(
    'CSV_RAGGED',
    `line ${line} has ${fields} field${fields === 1 ? '' : 's'}, the header has ${expected} (separator: ${sep})`,
    `Every line needs exactly one value per column. Check line ${line}: a value that contains the separator (${sep}) must be put in double quotes, and a missing value must still be there as an empty field.`,
    { line, fields, expected, delimiter, detail: 'CSV_FIELD_COUNT' },
  );
}

/** EMPTY_FILE for text whose every line is blank (or an empty quoted value), after a "sep=" line or not. */
function noHeader(fileName: string, sep: boolean): EinblickError {
  const what = sep ? 'holds only the line "sep=..." that names the separator, and no header or data' : 'has no header and no data: every line is blank or holds only empty values';
  return new EinblickError('EMPTY_FILE', `${fileName} ${what}`, 'Choose a file that contains a table: a header line with column names and one line per case.', {
    file: fileName,
  });
}

/** EMPTY_FILE for a file that has bytes but no text: only a byte order mark, or only blank lines. */
function blankFile(fileName: string, textBytes: number, enc: TextEncodingGuess): EinblickError {
  const what = textBytes === 0 ? `holds only a ${enc.encoding.toUpperCase()} byte order mark (BOM) and no text` : 'holds only blank lines or spaces, no header and no data';
  return new EinblickError('EMPTY_FILE', `${fileName} ${what}`, 'Choose a file that contains a table: a header line with column names and one line per case. If the file should have data, export it again.', {
    file: fileName,
  });
}

function headerOnly(fileName: string, columns: number): EinblickError {
  return new EinblickError(
    'EMPTY_FILE',
    `${fileName} has a header (${columns} column${columns === 1 ? '' : 's'}) but no data rows`,
    'Export the table again with its rows, or choose the file that holds the data.',
    { file: fileName, columns },
  );
}
