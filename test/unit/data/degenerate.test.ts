// issue 9: empty and degenerate inputs end in a message that says what the file holds, or in a
// loaded table whose emptiness is said (EMPTY_COLUMN), in every format.
import { Int32, Schema, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { errorOf, utf8, values } from './helpers.ts';

describe('degenerate CSV files (issue 9)', () => {
  it.each([
    ['only a header', 'a;b;c\n', 'x.csv has a header (3 columns) but no data rows'],
    ['only a header, no line break', 'a,b', 'x.csv has a header (2 columns) but no data rows'],
    ['a single word', 'hello', 'x.csv has a header (1 column) but no data rows'],
    ['only blank lines', '\n\n  \n', 'x.csv holds only blank lines or spaces, no header and no data'],
    ['only \\r line ends', '\r\r\r', 'x.csv holds only blank lines or spaces, no header and no data'],
    ['only a tab', '\t\n', 'x.csv holds only blank lines or spaces, no header and no data'],
    ['only empty quoted values', '""\n""\n', 'x.csv has no header and no data: every line is blank or holds only empty values'],
    ['only the sep= line', 'sep=;\n', 'x.csv holds only the line "sep=..." that names the separator, and no header or data'],
    ['a byte order mark only', '\uFEFF', 'x.csv holds only a UTF-8 byte order mark (BOM) and no text'],
  ])('%s', async (_, text, message) => {
    const e = await errorOf(loadTable(utf8(text), 'x.csv'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toBe(message);
    expect(e.hint.length).toBeGreaterThan(40);
  });

  it('separators but no names: CSV_NO_HEADER', async () => {
    expect((await errorOf(loadTable(utf8(',,,\n,,,\n'), 'x.csv'))).code).toBe('CSV_NO_HEADER');
  });

  it('a single column without any separator loads (a German amount column keeps its decimal comma)', async () => {
    const t = await loadTable(utf8('Betrag\n1,5\n2\n'), 'x.csv');
    expect(values(t)).toEqual({ Betrag: [1.5, 2] });
    expect(t.csv).toEqual({ delimiter: ';', decimal: ',' });
  });

  it('a header and one row of empty cells loads, and each empty column is said', async () => {
    const t = await loadTable(utf8('a,b\n,\n'), 'x.csv');
    expect(t.rows).toBe(1);
    expect(t.warnings.map((w) => [w.code, w.params?.column])).toEqual([['EMPTY_COLUMN', 'a'], ['EMPTY_COLUMN', 'b']]);
  });
});

describe('degenerate Arrow and Parquet files (issue 9)', () => {
  it.each(['x.parquet', 'x.arrow', 'x.csv'])('0 bytes (%s): the hint fits every format', async (name) => {
    const e = await errorOf(loadTable(new Uint8Array(0), name));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toBe(`${name} is empty (0 bytes)`);
    expect(e.hint).not.toContain('header line');
  });

  it.each(['file', 'stream'] as const)('an Arrow %s without columns is EMPTY_FILE, not "damaged"', async (format) => {
    const e = await errorOf(loadTable(tableToIPC(new Table(new Schema([])), format), 'x.arrow'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toBe('x.arrow has no columns');
  });

  it('an Arrow file and a Parquet file with 0 rows say so', async () => {
    const arrow = tableToIPC(new Table({ a: vectorFromArray([], new Int32()) }));
    expect((await errorOf(loadTable(arrow, 'x.arrow'))).message).toBe('x.arrow has 1 column but no rows');
    const pq = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'a', data: new Int32Array(0), type: 'INT32' }, { name: 'b', data: new Int32Array(0), type: 'INT32' }] }));
    const e = await errorOf(loadTable(pq, 'x.parquet'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toBe('x.parquet has 2 columns but no rows');
  });

  it('a Parquet file without columns', async () => {
    const e = await errorOf(loadTable(new Uint8Array(parquetWriteBuffer({ columnData: [] })), 'x.parquet'));
    expect(e.message).toBe('x.parquet has no columns');
  });
});
