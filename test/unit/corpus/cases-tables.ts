/**
 * Issue 9 corpus: broken or hostile tables (CSV, Arrow IPC, Parquet), run against the corpus'
 * logistic model logit2.onnx (inputs x1, x2) by fairness (--label hired=1 --protected gender),
 * predict or explain. Every table is a variant of the good table in table-data.ts.
 */
import { Field, Float64, Int32, List, Struct, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { c, type Case } from './case.ts';
import { randomBytes } from './models.ts';
import { BASE_CSV, HEADER, N, baseRows, bytesConcat, csv, utf8, withCell, withColumn, withHeader } from './table-data.ts';

type Cmd = 'fairness' | 'predict' | 'explain';
type More = Omit<Partial<Case>, 'files'> & { cmd?: Cmd; extra?: string[]; args?: string[] };

const COMMAND: Record<Cmd, string[]> = {
  fairness: ['--label', 'hired=1', '--protected', 'gender', '--bootstrap', '0'],
  predict: [],
  explain: ['--rows', '0-4', '--background', '10', '--quiet'],
};

/** A table case: `content` written as $D/<file>, run by `cmd` (default fairness) on logit2.onnx. */
function t(name: string, file: string, content: string | Uint8Array, expect: Case['expect'], more: More = {}): Case {
  const { cmd = 'fairness', extra = [], args, ...rest } = more;
  return c('table', name, [cmd, '--model', '$W/logit2.onnx', '--data', `$D/${file}`, ...(args ?? COMMAND[cmd]), ...extra], expect, { files: { [file]: content }, ...rest });
}

const rows = baseRows();
const lines = BASE_CSV.trimEnd().split('\n');
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);
const utf16le = (s: string) => new Uint8Array(Array.from(s, (ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]).flat());
/** A note that says a column name was repeated. */
const REPEAT = /twice|repeat|more than once|again|duplicate|renamed|doppelt/i;
const GENDER = /\bgender\b/, REGION = /\bregion\b/, HIRED = /\bhired\b/, AGE = /\bage\b/;
/** A note or message that says fewer than two groups were compared. */
const ONE_GROUP = /one group|only one|single group|fewer than two|1 group|nothing (was|to) compare/i;
const args = (...a: string[]) => ['--label', 'hired=1', '--bootstrap', '0', ...a];
/** Line numbers a message may use for data row 5 (counting from 0): row 5 or 6, line 6 or 7. */
const ROW5 = /\b(row|line|zeile)\D{0,12}\b[5-7]\b/i;

// ---- Arrow and Parquet versions of the good table -------------------------------------------
const numbers = (col: string) => rows.map((r) => Number(r[HEADER.indexOf(col)]));
const texts = (col: string) => rows.map((r) => r[HEADER.indexOf(col)]);
function arrowTable(extra: Record<string, Vector> = {}, n = N): Table {
  return new Table({
    x1: vectorFromArray(numbers('x1').slice(0, n), new Float64()),
    x2: vectorFromArray(numbers('x2').slice(0, n), new Float64()),
    hired: vectorFromArray(numbers('hired').slice(0, n), new Int32()),
    gender: vectorFromArray(texts('gender').slice(0, n), new Utf8()),
    region: vectorFromArray(texts('region').slice(0, n), new Utf8()),
    ...extra,
  });
}
const ARROW = tableToIPC(arrowTable(), 'file');
const ARROW_STREAM = tableToIPC(arrowTable(), 'stream');
const tagsList = vectorFromArray(rows.map((_, i) => [i, i + 1]), new List(new Field('item', new Int32(), true)));
const tagsStruct = vectorFromArray(rows.map((_, i) => ({ k: i })), new Struct([new Field('k', new Int32(), true)]));
const ARROW_LIST = tableToIPC(arrowTable({ tags: tagsList }), 'file');
const ARROW_STRUCT = tableToIPC(arrowTable({ info: tagsStruct }), 'file');
const ARROW_EMPTY = tableToIPC(arrowTable({}, 0), 'file');
const ARROW_X1_TEXT = tableToIPC(arrowTable({ x1: vectorFromArray(rows.map((r, i) => (i === 3 ? 'abc' : r[0])), new Utf8()) }), 'file');

/** Renames every 'dupB' in the bytes to 'dupA' (same length): two columns with one name, which the writers refuse to write. */
function duplicateNames(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes);
  for (let i = b.indexOf('dupB'); i >= 0; i = b.indexOf('dupB', i + 1)) b[i + 3] = 0x41;
  return new Uint8Array(b);
}
const ARROW_DUP = duplicateNames(tableToIPC(arrowTable({ dupA: vectorFromArray(texts('region'), new Utf8()), dupB: vectorFromArray(texts('gender'), new Utf8()) }), 'file'));

const pqColumns = (n = N) => [
  { name: 'x1', data: numbers('x1').slice(0, n), type: 'DOUBLE' as const },
  { name: 'x2', data: numbers('x2').slice(0, n), type: 'DOUBLE' as const },
  { name: 'hired', data: numbers('hired').slice(0, n), type: 'INT32' as const },
  { name: 'gender', data: texts('gender').slice(0, n), type: 'STRING' as const },
  { name: 'region', data: texts('region').slice(0, n), type: 'STRING' as const },
];
type PqColumns = Parameters<typeof parquetWriteBuffer>[0]['columnData'];
/** With an explicit schema, the columns must not state their types. */
const pq = (columnData: PqColumns, schema?: Parameters<typeof parquetWriteBuffer>[0]['schema']) =>
  new Uint8Array(parquetWriteBuffer(schema ? { columnData: columnData.map(({ name, data }) => ({ name, data })), schema } : { columnData }));
const PARQUET = pq(pqColumns());
const PQ_BASE_SCHEMA = [
  { name: 'x1', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  { name: 'x2', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  { name: 'hired', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'gender', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'region', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
] as const;
const PARQUET_LIST = pq([...pqColumns(), { name: 'tags', data: rows.map((_, i) => [i, i + 1]) } as never], [
  { name: 'root', num_children: 6 }, ...PQ_BASE_SCHEMA,
  { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 }, { name: 'list', repetition_type: 'REPEATED', num_children: 1 }, { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
] as never);
const PARQUET_STRUCT = pq([...pqColumns(), { name: 'info', data: rows.map((_, i) => ({ k: i })) } as never], [
  { name: 'root', num_children: 6 }, ...PQ_BASE_SCHEMA, { name: 'info', repetition_type: 'OPTIONAL', num_children: 1 }, { name: 'k', type: 'INT32', repetition_type: 'OPTIONAL' },
] as never);
const PARQUET_EMPTY = pq(pqColumns(0));
const PARQUET_DUP = duplicateNames(pq([...pqColumns(), { name: 'dupA', data: texts('region'), type: 'STRING' }, { name: 'dupB', data: texts('gender'), type: 'STRING' }]));
const PARQUET_JSON_LIST = pq([...pqColumns(), { name: 'tags', data: rows.map((_, i) => [i]) } as never]);
/** The 4-byte footer length (before the closing PAR1) set to 2^31 - 1. */
function hugeFooter(b: Uint8Array): Uint8Array {
  const out = b.slice();
  new DataView(out.buffer).setInt32(out.length - 8, 0x7fffffff, true);
  return out;
}
const half = (b: Uint8Array) => b.slice(0, Math.floor(b.length / 2));

// ---- the cases ------------------------------------------------------------------------------
const NO_ROWS = /no (data )?rows|only a header|header but no|0 rows|empty/i;
const header = (...names: string[]) => withHeader(names);

export const tableCases: Case[] = [
  // files without a table
  t('csv-empty', 'data.csv', '', 'bad-input', { words: ['data.csv'] }),
  t('csv-newlines-only', 'data.csv', '\n\n\n\n', 'bad-input', { words: ['data.csv'] }),
  t('csv-spaces-only', 'data.csv', '   \n  \t \n', 'bad-input', { words: ['data.csv'] }),
  t('csv-bom-only', 'data.csv', new Uint8Array([0xef, 0xbb, 0xbf]), 'bad-input', { words: ['data.csv'] }),
  t('csv-bom-newline', 'data.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), 'bad-input', { words: ['data.csv'] }),
  t('csv-header-only', 'data.csv', HEADER.join(',') + '\n', 'bad-input', { words: [NO_ROWS] }),
  t('csv-header-only-no-newline', 'data.csv', HEADER.join(','), 'bad-input', { words: [NO_ROWS] }),
  t('csv-header-only-crlf', 'data.csv', HEADER.join(',') + '\r\n\r\n', 'bad-input', { words: [NO_ROWS] }),
  t('csv-random-bytes', 'data.csv', randomBytes(4096, 11), 'bad-input', { words: ['data.csv'] }),
  t('csv-nul-everywhere', 'data.csv', new Uint8Array(2048), 'bad-input', { words: ['data.csv'] }),
  t('csv-json-content', 'data.csv', JSON.stringify(rows.map((r) => Object.fromEntries(HEADER.map((h, j) => [h, r[j]])))), 'bad-input', { words: [/data\.csv|x1|JSON|quot/] }),
  t('csv-html-content', 'data.csv', '<html><body><table><tr><td>x1</td></tr></table></body></html>\n', 'bad-input', { words: [/data\.csv|x1/] }),
  t('csv-xlsx-bytes', 'data.xlsx', bytesConcat('PK\x03\x04', randomBytes(500, 12)), 'bad-input', { words: ['data.xlsx'] }),
  t('csv-one-column', 'data.csv', 'x1\n1\n2\n3\n', 'bad-input', { words: ['x2'] }),
  // ragged rows and quotes
  t('csv-ragged-extra-cell', 'data.csv', lines.map((l, i) => (i === 6 ? l + ',extra' : l)).join('\n') + '\n', 'bad-input', { words: [ROW5] }),
  t('csv-ragged-missing-cell', 'data.csv', lines.map((l, i) => (i === 6 ? l.split(',').slice(0, 5).join(',') : l)).join('\n') + '\n', ['ok', 'bad-input'], { words: [ROW5], note: [ROW5] }),
  t('csv-ragged-every-row', 'data.csv', lines.map((l, i) => (i === 0 ? l : l + ',1')).join('\n') + '\n', ['ok', 'bad-input'], { words: [/column|header|cells|fields/i], note: [/column|header|cells|fields/i] }),
  t('csv-ragged-header-longer', 'data.csv', lines.map((l, i) => (i === 0 ? l + ',extra,more' : l)).join('\n') + '\n', ['ok', 'bad-input'], { words: [/extra|column|header/i] }),
  t('csv-unbalanced-quote', 'data.csv', lines.map((l, i) => (i === 6 ? l.replace(',north', ',"north').replace(',south', ',"south').replace(',west', ',"west') : l)).join('\n') + '\n', 'bad-input', { words: [/quot/i, ROW5] }),
  t('csv-quote-at-end', 'data.csv', BASE_CSV + '"', ['ok', 'bad-input'], { words: [/quot/i] }),
  t('csv-quoted-newlines', 'data.csv', csv(HEADER, rows.map((r, i) => (i % 2 ? r : r.map((v, j) => (j === 4 ? `"${v}\nzwei"` : v))))), 'ok'),
  t('csv-quoted-commas', 'data.csv', csv(HEADER, rows.map((r) => r.map((v, j) => (j === 4 ? `"${v}, ${v}"` : v)))), 'ok'),
  t('csv-quoted-numbers', 'data.csv', csv(HEADER, rows.map((r) => r.map((v, j) => (j < 2 ? `"${v}"` : v)))), 'ok'),
  t('csv-nul-in-cell', 'data.csv', withCell(3, 'region', 'no\u0000rth'), ['ok', 'bad-input'], { words: [/data\.csv|\bregion\b/] }),
  // repeated and odd header names
  t('csv-repeated-header', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'region', 'region'), 'ok', { note: [REGION, REPEAT] }),
  t('csv-repeated-header-three-times', 'data.csv', csv([...HEADER, 'age', 'age'], rows.map((r) => [...r, '1', '2'])), 'ok', { note: [AGE, REPEAT] }),
  t('csv-repeated-header-outcome', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'region', 'hired'), 'ok', { note: [HIRED, REPEAT] }),
  t('csv-repeated-header-protected', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'gender', 'age'), 'ok', { note: [GENDER, REPEAT] }),
  t('csv-repeated-header-input', 'data.csv', header('x1', 'x1', 'hired', 'gender', 'region', 'age'), 'bad-input', { words: ['x2'] }),
  t('csv-repeated-header-predict', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'region', 'region'), 'ok', { cmd: 'predict', note: [REGION, REPEAT] }),
  t('csv-header-names-differ-in-case', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'Region', 'region'), 'ok'),
  t('csv-empty-header-name', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'region', ''), 'ok'),
  t('csv-two-empty-header-names', 'data.csv', csv([...HEADER, '', ''], rows.map((r) => [...r, '1', '2'])), 'ok'),
  t('csv-all-header-names-empty', 'data.csv', header('', '', '', '', '', ''), 'bad-input', { words: [/header|name|x1/i] }),
  t('csv-header-spaces', 'data.csv', header(' x1', 'x2 ', ' hired ', 'gender', 'region', 'age'), ['ok', 'bad-input'], { words: ['x1'] }),
  t('csv-no-header', 'data.csv', lines.slice(1).join('\n') + '\n', 'bad-input', { words: ['x1'] }),
  t('csv-numeric-header', 'data.csv', header('1', '2', '3', '4', '5', '6'), 'bad-input', { words: [/x1|column names|header/i] }),
  t('csv-unicode-header', 'data.csv', header('x1', 'x2', 'hired', 'Geschlecht ♀/♂', 'region', 'age'), 'ok', { args: args('--protected', 'Geschlecht ♀/♂') }),
  t('csv-long-header-name', 'data.csv', header('x1', 'x2', 'hired', 'gender', 'r'.repeat(20000), 'age'), 'ok'),
  t('csv-plus-in-column-name', 'data.csv', header('x1', 'x2', 'hired', 'gender+region', 'region', 'age'), 'ok', { args: args('--protected', 'gender+region') }),
  t('csv-label-name-with-equals', 'data.csv', header('x1', 'x2', 'hired=yes', 'gender', 'region', 'age'), 'ok', { args: ['--label', 'hired=yes=1', '--protected', 'gender', '--bootstrap', '0'] }),
  t('csv-label-name-with-equals-no-value', 'data.csv', header('x1', 'x2', 'hired=yes', 'gender', 'region', 'age'), 'ok', { args: ['--label', 'hired=yes', '--protected', 'gender', '--bootstrap', '0'] }),
  t('csv-protected-name-with-equals', 'data.csv', header('x1', 'x2', 'hired', 'gender=f', 'region', 'age'), 'ok', { args: args('--protected', 'gender=f') }),
  // dialects, encodings and line ends
  t('csv-semicolon-decimal-comma', 'data.csv', csv(HEADER, rows.map((r) => r.map((v) => v.replace('.', ','))), ';'), 'ok'),
  t('csv-semicolon-dot', 'data.csv', csv(HEADER, rows, ';'), 'ok'),
  t('csv-tab', 'data.tsv', csv(HEADER, rows, '\t'), 'ok'),
  t('csv-pipe', 'data.csv', csv(HEADER, rows, '|'), 'ok'),
  t('csv-crlf', 'data.csv', csv(HEADER, rows, ',', '\r\n'), 'ok'),
  t('csv-cr-only', 'data.csv', csv(HEADER, rows, ',', '\r'), ['ok', 'bad-input'], { words: [/line/i] }),
  t('csv-trailing-blank-lines', 'data.csv', BASE_CSV + '\n\n\n', 'ok'),
  t('csv-blank-lines-inside', 'data.csv', lines.map((l, i) => (i === 10 ? l + '\n' : l)).join('\n') + '\n', 'ok'),
  t('csv-no-final-newline', 'data.csv', BASE_CSV.trimEnd(), 'ok'),
  t('csv-utf8-bom', 'data.csv', bytesConcat(new Uint8Array([0xef, 0xbb, 0xbf]), BASE_CSV), 'ok'),
  t('csv-latin1', 'data.csv', latin1(withColumn('region', (i, v) => (i % 4 ? v : 'Süd'))), 'ok'),
  t('csv-utf16le-bom', 'data.csv', bytesConcat(new Uint8Array([0xff, 0xfe]), utf16le(BASE_CSV)), ['ok', 'bad-input'], { words: [/UTF-16|encoding|text/i] }),
  t('csv-txt-extension', 'data.txt', BASE_CSV, 'ok'),
  t('csv-no-extension', 'data', BASE_CSV, 'ok'),
  t('csv-dat-extension', 'data.dat', BASE_CSV, ['ok', 'bad-input'], { words: ['data.dat'] }),
  t('csv-arrow-extension', 'data.arrow', BASE_CSV, ['ok', 'bad-input'], { words: ['data.arrow'] }),
  t('csv-parquet-extension', 'data.parquet', BASE_CSV, ['ok', 'bad-input'], { words: ['data.parquet'] }),
  // cells the model cannot take
  t('csv-input-column-all-empty', 'data.csv', withColumn('x2', () => ''), 'bad-input', { words: ['x2'], absent: [/outcome column/i] }),
  t('csv-input-column-all-na', 'data.csv', withColumn('x2', () => 'NA'), 'bad-input', { words: ['x2'], absent: [/outcome column/i] }),
  t('csv-unused-column-all-empty', 'data.csv', withColumn('age', () => ''), 'ok'),
  t('csv-text-in-input', 'data.csv', withCell(3, 'x1', 'abc'), 'bad-input', { words: ['x1', 'abc'] }),
  t('csv-text-in-input-predict', 'data.csv', withCell(3, 'x1', 'abc'), 'bad-input', { cmd: 'predict', words: ['x1', 'abc'] }),
  t('csv-text-in-input-explain', 'data.csv', withCell(3, 'x1', 'abc'), 'bad-input', { cmd: 'explain', words: ['x1', 'abc'] }),
  t('csv-input-all-text', 'data.csv', withColumn('x1', (i) => (i % 2 ? 'high' : 'low')), 'bad-input', { words: ['x1'] }),
  t('csv-input-percent', 'data.csv', withColumn('x1', (i, v) => `${v}%`), 'bad-input', { words: ['x1'] }),
  t('csv-input-currency', 'data.csv', withColumn('x1', (i, v) => `€${v}`), 'bad-input', { words: ['x1'] }),
  t('csv-input-boolean-words', 'data.csv', withColumn('x1', (i) => (i % 2 ? 'true' : 'false')), ['ok', 'bad-input'], { words: ['x1'] }),
  t('csv-input-hex', 'data.csv', withCell(3, 'x1', '0x10'), ['ok', 'bad-input'], { words: ['x1'] }),
  t('csv-input-infinity', 'data.csv', withCell(3, 'x1', 'Infinity'), ['ok', 'bad-input'], { words: ['x1'], note: ['x1'] }),
  t('csv-input-1e400', 'data.csv', withCell(3, 'x1', '1e400'), ['ok', 'bad-input'], { words: ['x1'], note: ['x1'] }),
  t('csv-input-signs', 'data.csv', withColumn('x1', (i, v) => (i % 3 === 0 ? `+${v.replace('-', '')}` : i % 3 === 1 ? v.replace('0.', '.') : v)), 'ok'),
  t('csv-input-thousands', 'data.csv', csv(HEADER, rows.map((r, i) => r.map((v, j) => (j === 0 && i === 2 ? '"1,234.5"' : v)))), ['ok', 'bad-input'], { words: ['x1'] }),
  t('csv-input-huge-number', 'data.csv', withCell(3, 'x1', '1e300'), ['ok', 'bad-input'], { words: ['x1'] }),
  t('csv-nan-cells-fairness', 'data.csv', withCell([2, 5], 'x1', ''), ['ok', 'bad-input'], { words: ['x1'], note: ['x1'] }),
  t('csv-nan-token-fairness', 'data.csv', withCell([2, 5], 'x1', 'NaN'), ['ok', 'bad-input'], { words: ['x1'], note: ['x1'] }),
  t('csv-na-token-fairness', 'data.csv', withCell([2, 5], 'x1', 'NA'), ['ok', 'bad-input'], { words: ['x1'], note: ['x1'] }),
  t('csv-nan-cells-predict', 'data.csv', withCell([2, 5], 'x1', ''), 'ok', { cmd: 'predict', note: ['x1'] }),
  t('csv-nan-cells-explain', 'data.csv', withCell([1, 2], 'x1', ''), ['ok', 'bad-input'], { cmd: 'explain', words: ['x1', /\b[1-3]\b/], note: ['x1'] }),
  t('csv-nan-cells-explain-background', 'data.csv', withCell([20, 30, 40], 'x2', ''), ['ok', 'bad-input'], { cmd: 'explain', words: ['x2'], note: ['x2'] }),
  t('csv-input-all-empty-explain', 'data.csv', withColumn('x2', () => ''), 'bad-input', { cmd: 'explain', words: ['x2'] }),
  t('csv-input-all-empty-predict', 'data.csv', withColumn('x2', () => ''), ['ok', 'bad-input'], { cmd: 'predict', words: ['x2'], note: ['x2'] }),
  // outcome and protected columns
  t('csv-outcome-na-cells', 'data.csv', withCell([1, 4], 'hired', 'NA'), ['ok', 'bad-input'], { words: [HIRED], note: [HIRED, /missing|no value|left out|empty|NA/i] }),
  t('csv-outcome-empty-cells', 'data.csv', withCell([1, 4], 'hired', ''), ['ok', 'bad-input'], { words: [HIRED], note: [HIRED, /missing|no value|left out|empty/i] }),
  t('csv-outcome-all-empty', 'data.csv', withColumn('hired', () => ''), ['usage', 'bad-input'], { words: [HIRED, /empty|no values?\b/i] }),
  t('csv-outcome-one-value', 'data.csv', withColumn('hired', () => '1'), ['ok', 'bad-input'], { words: [HIRED], note: [HIRED, /only|one value|all|every/i] }),
  t('csv-outcome-one-value-negative', 'data.csv', withColumn('hired', () => '0'), ['ok', 'usage', 'bad-input'], { words: [HIRED, '1'], note: [HIRED, /only|one value|all|every|never/i] }),
  t('csv-outcome-three-values', 'data.csv', withColumn('hired', (i) => String(i % 3)), 'ok'),
  t('csv-outcome-three-values-no-value', 'data.csv', withColumn('hired', (i) => String(i % 3)), ['usage', 'bad-input'], { args: ['--label', 'hired', '--protected', 'gender', '--bootstrap', '0'], words: [HIRED] }),
  t('csv-outcome-yes-no', 'data.csv', withColumn('hired', (i, v) => (v === '1' ? 'Yes' : 'No')), 'ok', { args: ['--label', 'hired=Yes', '--protected', 'gender', '--bootstrap', '0'] }),
  t('csv-outcome-value-not-there', 'data.csv', withColumn('hired', (i, v) => (v === '1' ? 'Yes' : 'No')), ['usage', 'bad-input'], { words: [HIRED, '1', 'Yes'] }),
  t('csv-outcome-fractions', 'data.csv', withColumn('hired', (i) => (i / N).toFixed(3)), ['usage', 'bad-input'], { words: [HIRED] }),
  t('csv-protected-one-group', 'data.csv', withColumn('gender', () => 'f'), ['ok', 'bad-input'], { words: [GENDER], note: [GENDER, ONE_GROUP] }),
  t('csv-protected-all-empty', 'data.csv', withColumn('gender', () => ''), ['ok', 'bad-input'], { words: [GENDER], note: [GENDER, ONE_GROUP] }),
  t('csv-protected-one-group-and-missing', 'data.csv', withColumn('gender', (i) => (i % 5 ? 'f' : '')), ['ok', 'bad-input'], { words: [GENDER], note: [GENDER, ONE_GROUP] }),
  t('csv-protected-unique-per-row', 'data.csv', withColumn('gender', (i) => `id${i}`), ['ok', 'bad-input'], { words: [GENDER], note: [GENDER] }),
  t('csv-protected-numeric', 'data.csv', withColumn('gender', (i) => String(20 + i)), ['ok', 'bad-input'], { words: [GENDER, /bins/], note: [GENDER] }),
  t('csv-intersection-one-group', 'data.csv', withColumn('region', () => 'north'), ['ok', 'bad-input'], { args: args('--protected', 'gender,region', '--intersect', 'gender+region'), words: [REGION], note: [REGION, ONE_GROUP] }),
  t('csv-one-row', 'data.csv', lines.slice(0, 2).join('\n') + '\n', ['ok', 'usage', 'bad-input'], { words: [/row|hired/i], note: [/row|small|one group/i] }),
  t('csv-two-rows', 'data.csv', lines.slice(0, 3).join('\n') + '\n', ['ok', 'bad-input'], { words: [/row/i] }),
  // content a report must survive
  t('csv-formula-cells', 'data.csv', withColumn('region', (i) => (i % 2 ? '=HYPERLINK("http://x")' : '+cmd|calc')), 'ok', { args: args('--protected', 'region') }),
  t('csv-html-cells', 'data.csv', csv(HEADER, rows.map((r, i) => r.map((v, j) => (j === 3 ? (i % 2 ? '"<script>alert(1)</script>"' : '"<b>f</b>"') : v)))), 'ok'),
  t('csv-long-cell', 'data.csv', withCell(3, 'region', 'x'.repeat(1 << 20)), 'ok'),
  t('csv-many-columns', 'data.csv', csv([...HEADER, ...Array.from({ length: 3000 }, (_, j) => `c${j}`)], rows.map((r) => [...r, ...Array.from({ length: 3000 }, (_, j) => String(j % 7))])), 'ok'),
  t('csv-many-rows', 'data.csv', csv(HEADER, Array.from({ length: 40 }, () => rows).flat()), 'ok'),
  // Arrow IPC
  t('arrow-good', 'data.arrow', ARROW, 'ok'),
  t('arrow-stream', 'data.arrows', ARROW_STREAM, 'ok'),
  t('arrow-truncated-half', 'data.arrow', half(ARROW), 'bad-input', { words: ['data.arrow'] }),
  t('arrow-truncated-end', 'data.arrow', ARROW.slice(0, ARROW.length - 10), 'bad-input', { words: ['data.arrow'] }),
  t('arrow-stream-truncated', 'data.arrows', half(ARROW_STREAM), 'bad-input', { words: ['data.arrows'] }),
  t('arrow-magic-only', 'data.arrow', utf8('ARROW1\0\0ARROW1'), 'bad-input', { words: ['data.arrow'] }),
  t('arrow-magic-random-body', 'data.arrow', bytesConcat('ARROW1\0\0', randomBytes(2000, 13), 'ARROW1'), 'bad-input', { words: ['data.arrow'] }),
  t('arrow-zero-rows', 'data.arrow', ARROW_EMPTY, 'bad-input', { words: [NO_ROWS] }),
  t('arrow-list-column-unused', 'data.arrow', ARROW_LIST, 'ok', { note: ['tags'] }),
  t('arrow-list-column-protected', 'data.arrow', ARROW_LIST, 'bad-input', { args: args('--protected', 'tags'), words: ['tags', /list|type|left out/i] }),
  t('arrow-struct-column-unused', 'data.arrow', ARROW_STRUCT, 'ok', { note: ['info'] }),
  t('arrow-struct-column-protected', 'data.arrow', ARROW_STRUCT, 'bad-input', { args: args('--protected', 'info'), words: ['info', /struct|type|left out/i] }),
  t('arrow-repeated-field-names', 'data.arrow', ARROW_DUP, 'ok', { note: ['dupA', REPEAT] }),
  t('arrow-text-in-input', 'data.arrow', ARROW_X1_TEXT, 'bad-input', { words: ['x1', 'abc'] }),
  t('arrow-bytes-named-csv', 'data.csv', ARROW, ['ok', 'bad-input'], { words: ['data.csv'] }),
  // Parquet
  t('parquet-good', 'data.parquet', PARQUET, 'ok'),
  t('parquet-truncated-half', 'data.parquet', half(PARQUET), 'bad-input', { words: ['data.parquet'] }),
  t('parquet-truncated-end', 'data.parquet', PARQUET.slice(0, PARQUET.length - 3), 'bad-input', { words: ['data.parquet'] }),
  t('parquet-magic-only', 'data.parquet', utf8('PAR1PAR1'), 'bad-input', { words: ['data.parquet'] }),
  t('parquet-random-body', 'data.parquet', bytesConcat('PAR1', randomBytes(3000, 14), 'PAR1'), 'bad-input', { words: ['data.parquet'] }),
  t('parquet-huge-footer-length', 'data.parquet', hugeFooter(PARQUET), 'bad-input', { words: ['data.parquet'] }),
  t('parquet-zero-rows', 'data.parquet', PARQUET_EMPTY, 'bad-input', { words: [NO_ROWS] }),
  t('parquet-list-column-unused', 'data.parquet', PARQUET_LIST, 'ok', { note: ['tags'] }),
  t('parquet-list-column-protected', 'data.parquet', PARQUET_LIST, 'bad-input', { args: args('--protected', 'tags'), words: ['tags', /list|type|left out/i] }),
  t('parquet-struct-column-unused', 'data.parquet', PARQUET_STRUCT, 'ok', { note: ['info'] }),
  t('parquet-struct-column-protected', 'data.parquet', PARQUET_STRUCT, 'bad-input', { args: args('--protected', 'info'), words: ['info', /struct|group|type|left out/i] }),
  t('parquet-json-list-protected', 'data.parquet', PARQUET_JSON_LIST, ['ok', 'bad-input'], { args: args('--protected', 'tags'), words: ['tags'] }),
  t('parquet-repeated-field-names', 'data.parquet', PARQUET_DUP, 'ok', { note: ['dupA', REPEAT] }),
  t('parquet-bytes-named-csv', 'data.csv', PARQUET, ['ok', 'bad-input'], { words: ['data.csv'] }),
];
