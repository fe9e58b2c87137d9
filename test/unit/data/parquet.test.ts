// Parquet round trips: written with hyparquet-writer here (several codecs, row groups, nulls),
// read by loadTable, compared with the arrays the files were written from.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { errorOf, values } from './helpers.ts';

type Codec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI';
const compressors = { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)), BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b)) };

const n = 23;
const cols = {
  i32: Array.from({ length: n }, (_, i) => (i % 5 === 3 ? null : i * 3 - 20)),
  i64: Array.from({ length: n }, (_, i) => (i % 7 === 1 ? null : BigInt(i) * 1000000007n)),
  f64: Array.from({ length: n }, (_, i) => (i % 4 === 2 ? null : i / 8 - 1.3)),
  f32: Array.from({ length: n }, (_, i) => (i % 6 === 0 ? null : i + 0.5)),
  s: Array.from({ length: n }, (_, i) => (i % 9 === 4 ? null : ['rot', 'grün', 'blau, hell'][i % 3])),
  b: Array.from({ length: n }, (_, i) => (i % 8 === 5 ? null : i % 3 === 0)),
};

function write(codec: Codec, rowGroupSize = 10): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      codec,
      compressors,
      rowGroupSize,
      columnData: [
        { name: 'i32', data: cols.i32, type: 'INT32' },
        { name: 'i64', data: cols.i64, type: 'INT64' },
        { name: 'f64', data: cols.f64, type: 'DOUBLE' },
        { name: 'f32', data: cols.f32, type: 'FLOAT' },
        { name: 's', data: cols.s, type: 'STRING' },
        { name: 'b', data: cols.b, type: 'BOOLEAN' },
      ],
    }),
  );
}

describe('Parquet round trip', () => {
  for (const codec of ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'] as const) {
    it(`${codec}, three row groups, nulls in every column`, async () => {
      const bytes = write(codec);
      const md = parquetMetadata(bytes);
      expect(md.row_groups.length).toBe(3);
      expect(md.row_groups[0].columns[0].meta_data!.codec).toBe(codec);
      const t = await loadTable(bytes, 'cases.dat'); // magic bytes decide, not the name
      expect(t.format).toBe('parquet');
      expect(t.rows).toBe(n);
      expect(t.columns.map((c) => c.kind)).toEqual(['number', 'number', 'number', 'number', 'category', 'boolean']);
      expect(values(t)).toEqual({
        i32: cols.i32,
        i64: cols.i64.map((x) => (x === null ? null : Number(x))),
        f64: cols.f64,
        f32: cols.f32,
        s: cols.s,
        b: cols.b,
      });
      expect(t.columns.map((c) => c.missing)).toEqual(Object.values(cols).map((c) => c.filter((x) => x === null).length));
      expect(t.warnings).toEqual([]);
    });
  }

  it('int64 beyond 2^53 warns; timestamps become ISO text', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: [2n ** 62n, 1n], type: 'INT64' },
          { name: 'when', data: [new Date(Date.UTC(2023, 4, 1, 8)), null], type: 'TIMESTAMP' },
        ],
      }),
    );
    const t = await loadTable(bytes, 'x.parquet');
    expect(values(t)).toEqual({ id: [2 ** 62, 1], when: ['2023-05-01T08:00:00.000Z', null] });
    expect(t.warnings.map((w) => [w.code, w.params?.column])).toEqual([['INT64_PRECISION', 'id'], ['DATE_AS_CATEGORY', 'when']]);
  });

  it('a list column is dropped with a warning', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'l', data: [[1, 2], [3], null] }, { name: 'x', data: [1, 2, 3], type: 'INT32' }] }));
    const t = await loadTable(bytes, 'x.parquet');
    expect(t.columns.map((c) => c.name)).toEqual(['x']);
    expect(values(t).x).toEqual([1, 2, 3]);
    expect(t.warnings.map((w) => [w.code, w.params?.column])).toEqual([['COLUMN_DROPPED', 'l']]);
  });

  it('a file with no rows is EMPTY_FILE', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: new Int32Array(0), type: 'INT32' }] }));
    expect((await errorOf(loadTable(bytes, 'x.parquet'))).code).toBe('EMPTY_FILE');
  });
});

describe('Parquet text columns of mostly numbers (issue 9)', () => {
  it('get MOSTLY_NUMERIC naming the row and the value', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 's', data: ['1', '2', 'abc', null], type: 'STRING' }] }));
    const t = await loadTable(bytes, 'x.parquet');
    expect(t.warnings.map((w) => [w.code, w.params?.values, w.params?.lines])).toEqual([['MOSTLY_NUMERIC', ['abc'], ['3']]]);
  });
});
