// issue 9: reading is bounded. A table larger than the loader holds (LoadOptions.maxTableBytes,
// default 2 GiB at 8 bytes a cell) is refused with TOO_LARGE, early and with the numbers,
// instead of an out-of-memory crash; in every format.
import { Int32, Null, Table, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { MAX_TABLE_BYTES, maxRows } from '../../../src/engine/data/limits.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';
import { errorOf, utf8 } from './helpers.ts';

const csv = (rows: number) => utf8('x\n' + Array.from({ length: rows }, (_, i) => String(i % 10)).join('\n') + '\n');

describe('TOO_LARGE (issue 9)', () => {
  it('a CSV whose size alone is too large is refused before it is read, with an estimate', async () => {
    let parsed = 0;
    const e = await errorOf(loadTable(csv(100_000), 'big.csv', { maxTableBytes: 8 * 1000, onProgress: (p) => (parsed = p.done) }));
    expect(e.code).toBe('TOO_LARGE');
    expect(parsed).toBe(0);
    expect(e.message).toMatch(/^big\.csv has about 10\d,\d{3} rows of 1 column: about 8\d\d KiB as a table, more than the 8 KiB Einblick holds in memory$/);
    expect(e.params).toMatchObject({ file: 'big.csv', columns: 1, maxRows: 1000, estimated: 'yes', detail: 'TABLE_MEMORY' });
    expect(e.hint).toContain('at most 1,000 rows of 1 column fit');
  });

  it('a CSV that turns out too large while it is read is stopped at the limit', async () => {
    // 100 rows; the estimate (about 121) passes the early check for 70 rows, the count does not
    const e = await errorOf(loadTable(csv(100), 'x.csv', { maxTableBytes: 8 * 70 }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.params.maxRows).toBe(70);
    expect((await loadTable(csv(70), 'x.csv', { maxTableBytes: 8 * 70 })).rows).toBe(70);
  });

  it('Parquet is refused from its metadata, Arrow from its row count', async () => {
    const pq = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'a', data: new Int32Array(1000), type: 'INT32' }, { name: 'b', data: new Int32Array(1000), type: 'INT32' }] }));
    const e = await errorOf(loadTable(pq, 'x.parquet', { maxTableBytes: 8 * 2 * 999 }));
    expect(e.message).toBe('x.parquet has 1,000 rows of 2 columns: 16 KiB as a table, more than the 16 KiB Einblick holds in memory');
    expect(e.params).toMatchObject({ rows: 1000, columns: 2, maxRows: 999, estimated: 'no' });
    expect((await loadTable(pq, 'x.parquet', { maxTableBytes: 8 * 2 * 1000 })).rows).toBe(1000);
    const arrow = tableToIPC(new Table({ a: vectorFromArray(Array.from({ length: 1000 }, () => 0), new Int32()) }));
    expect((await errorOf(loadTable(arrow, 'x.arrow', { maxTableBytes: 8 * 999 }))).code).toBe('TOO_LARGE');
  });

  it('a small Arrow file that unpacks to a huge table (300 million rows of nulls) is refused with the default limit', async () => {
    const rows = 300_000_000;
    expect(rows).toBeGreaterThan(maxRows(1, MAX_TABLE_BYTES));
    const bytes = tableToIPC(new Table({ n: makeVector(makeData({ type: new Null(), length: rows })) }));
    expect(bytes.length).toBeLessThan(1000);
    const t0 = performance.now();
    const e = await errorOf(loadTable(bytes, 'nulls.arrow'));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe('nulls.arrow has 300,000,000 rows of 1 column: 2.2 GiB as a table, more than the 2 GiB Einblick holds in memory');
    const de = errorDetail(e.toInfo(), 'de')!;
    expect(de.text).toBe('nulls.arrow hat 300.000.000 Zeilen mit 1 Spalte; als Tabelle bräuchte das 2,2 GiB Arbeitsspeicher, mehr als die 2 GiB, die Einblick dafür vorsieht.');
    expect(de.hint).toContain('höchstens 268.435.456 Zeilen');
  });
});
