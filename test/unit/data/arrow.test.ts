// Arrow IPC (file and stream) round trips: written with apache-arrow here, read by loadTable,
// compared with the arrays the tables were built from.
import {
  Bool, DateDay, Decimal, Dictionary, Field, Float16, Float32, Int32, Int64, Int8, List, Struct, Table, TimestampMillisecond, Uint64, Utf8,
  makeData, makeVector, tableToIPC, vectorFromArray, type Vector,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { errorOf, values } from './helpers.ts';

const ints32 = [1, null, -7, 2147483647, 0];
const ints64 = [1n, null, -7n, 9007199254740991n, 0n];
const floats32 = [1.5, null, -0.25, 3.0, NaN];
const strings = ['a', 'b', null, 'a', 'ü ß'];
const dict = ['low', 'high', 'low', null, 'mid'];
const bools = [true, false, null, true, false];

function sample(): Table {
  return new Table({
    i32: vectorFromArray(ints32, new Int32()),
    i64: vectorFromArray(ints64, new Int64()),
    f32: vectorFromArray(floats32, new Float32()),
    s: vectorFromArray(strings, new Utf8()),
    d: vectorFromArray(dict, new Dictionary(new Utf8(), new Int32())),
    b: vectorFromArray(bools, new Bool()),
    i8: vectorFromArray([1, 2, 3, null, 5], new Int8()),
  });
}

describe('Arrow IPC round trip', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`${format} format: every type normalised, nulls kept`, async () => {
      const t = await loadTable(tableToIPC(sample(), format), `x.${format === 'file' ? 'arrow' : 'bin'}`);
      expect(t.format).toBe('arrow');
      expect(t.rows).toBe(5);
      expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
        ['i32', 'number'], ['i64', 'number'], ['f32', 'number'], ['s', 'category'], ['d', 'category'], ['b', 'boolean'], ['i8', 'number'],
      ]);
      expect(values(t)).toEqual({
        i32: ints32,
        i64: ints64.map((x) => (x === null ? null : Number(x))),
        f32: [1.5, null, -0.25, 3, null], // NaN is missing
        s: strings,
        d: dict,
        b: bools,
        i8: [1, 2, 3, null, 5],
      });
      expect(t.columns.map((c) => c.missing)).toEqual([1, 1, 2, 1, 1, 1, 1]);
      expect(t.warnings).toEqual([]);
      // normalised types
      expect(t.table.schema.fields.map((f) => String(f.type))).toEqual([
        'Float64', 'Float64', 'Float64', 'Dictionary<Int32, Utf8>', 'Dictionary<Int32, Utf8>', 'Bool', 'Float64',
      ]);
    });
  }

  it('several record batches with different dictionaries (stream format: replacement dictionaries)', async () => {
    const a = new Table({ g: vectorFromArray(['x', 'y', 'x'], new Dictionary(new Utf8(), new Int32())) });
    const b = new Table({ g: vectorFromArray(['z', null, 'y'], new Dictionary(new Utf8(), new Int32())) });
    const both = a.concat(b);
    expect(both.batches.length).toBe(2);
    const t = await loadTable(tableToIPC(both, 'stream'), 'x.arrow');
    expect(values(t).g).toEqual(['x', 'y', 'x', 'z', null, 'y']);
    expect(t.columns[0]).toMatchObject({ distinct: 3, missing: 1 });
  });

  it('issue 9: a stream cut exactly between two record batches reads with fewer rows and says it has no end marker', async () => {
    const a = new Table({ x: vectorFromArray([1, 2, 3], new Int32()) });
    const both = a.concat(new Table({ x: vectorFromArray([4, 5], new Int32()) }));
    const whole = tableToIPC(both, 'stream');
    const complete = await loadTable(whole, 'x.arrow');
    expect(complete.rows).toBe(5);
    expect(complete.warnings.map((w) => w.code)).not.toContain('ARROW_STREAM_NO_END');
    // the same stream cut after its first batch: schema and batch 1 as the one-batch stream writes them
    const first = tableToIPC(a, 'stream');
    const cut = whole.subarray(0, first.length - 8);
    const t = await loadTable(cut, 'x.arrow');
    expect(t.rows).toBe(3);
    expect(t.warnings).toContainEqual(expect.objectContaining({ code: 'ARROW_STREAM_NO_END', params: { file: 'x.arrow', rows: 3 } }));
  });

  it('a column with only nulls is an all-missing number column, with a warning', async () => {
    const t = await loadTable(tableToIPC(new Table({ s: vectorFromArray([null, null], new Utf8()), x: vectorFromArray([1, 2], new Int32()) })), 'x.arrow');
    expect(values(t).s).toEqual([null, null]);
    expect(t.columns[0]).toMatchObject({ missing: 2, distinct: 0 });
    expect(t.warnings).toEqual([expect.objectContaining({ code: 'EMPTY_COLUMN', params: { column: 's' } })]);
  });

  it('int64 beyond 2^53 is rounded, with a warning', async () => {
    const big = [2n ** 60n + 1n, 5n, -(2n ** 55n)];
    const t = await loadTable(tableToIPC(new Table({ id: vectorFromArray(big, new Int64()), u: vectorFromArray([1n, 2n, 3n], new Uint64()) })), 'x.arrow');
    expect(values(t).id).toEqual([2 ** 60, 5, -(2 ** 55)]);
    expect(values(t).u).toEqual([1, 2, 3]);
    expect(t.warnings).toEqual([expect.objectContaining({ code: 'INT64_PRECISION', params: { column: 'id', count: 2 } })]);
  });

  it('dates and timestamps become ISO 8601 categories, with a warning', async () => {
    const day = Date.UTC(2024, 0, 31);
    const t = await loadTable(
      tableToIPC(new Table({
        d: vectorFromArray([new Date(day), null], new DateDay()),
        ts: vectorFromArray([new Date(day + 3_600_000), new Date(0)], new TimestampMillisecond()),
      })),
      'x.arrow',
    );
    expect(values(t)).toEqual({ d: ['2024-01-31', null], ts: ['2024-01-31T01:00:00.000Z', '1970-01-01T00:00:00.000Z'] });
    expect(t.warnings.map((w) => w.code)).toEqual(['DATE_AS_CATEGORY', 'DATE_AS_CATEGORY']);
  });

  it('decimal and float16 become numbers', async () => {
    // decimal(10, 2): 123.45 and -0.05 as 128-bit little-endian two's complement words
    const dec = makeVector(makeData({ type: new Decimal(2, 10, 128), length: 2, nullCount: 0, data: new Uint32Array([12345, 0, 0, 0, 0xfffffffb, 0xffffffff, 0xffffffff, 0xffffffff]) }));
    const half = makeVector(makeData({ type: new Float16(), length: 2, nullCount: 0, data: new Uint16Array([0x3e00, 0xc000]) })); // 1.5, -2
    const t = await loadTable(tableToIPC(new Table({ dec, half })), 'x.arrow');
    expect(values(t)).toEqual({ dec: [123.45, -0.05], half: [1.5, -2] });
  });

  it('nested columns are dropped with a warning; only nested columns is an error', async () => {
    const list = vectorFromArray([[1, 2], [3]], new List(new Field('item', new Int32(), true)));
    const struct = vectorFromArray([{ x: 1 }, { x: 2 }], new Struct([new Field('x', new Int32(), true)]));
    const keep: Vector = vectorFromArray([1, 2], new Int32());
    const t = await loadTable(tableToIPC(new Table({ list, keep, struct })), 'x.arrow');
    expect(t.columns.map((c) => c.name)).toEqual(['keep']);
    expect(t.warnings.map((w) => [w.code, w.params?.column])).toEqual([['COLUMN_DROPPED', 'list'], ['COLUMN_DROPPED', 'struct']]);
    const e = await errorOf(loadTable(tableToIPC(new Table({ list })), 'x.arrow'));
    expect(e.code).toBe('ARROW_INVALID');
    expect(e.message).toContain('none of the 1 columns');
  });
});

describe('Arrow text columns of mostly numbers (issue 9)', () => {
  it('get MOSTLY_NUMERIC naming the row and the value, as CSV columns do', async () => {
    const x = vectorFromArray(['1.5', '2', 'abc', '4', null], new Utf8());
    const d = vectorFromArray(['1', 'n/a', '3', '4', '5'], new Dictionary(new Utf8(), new Int32()));
    const t = await loadTable(tableToIPC(new Table({ x, d })), 'x.arrow');
    expect(t.warnings.map((w) => [w.code, w.message])).toEqual([
      ['MOSTLY_NUMERIC', 'column "x" looks numeric but row 3 has "abc"; 1 of 4 values are not numbers (decimal mark "."), so it is read as a category column. Fix those cells or leave them empty to use it as a number.'],
      ['MOSTLY_NUMERIC', 'column "d" looks numeric but row 2 has "n/a"; 1 of 5 values are not numbers (decimal mark "."), so it is read as a category column. Fix those cells or leave them empty to use it as a number.'],
    ]);
    expect(t.warnings[0].params).toMatchObject({ column: 'x', values: ['abc'], lines: ['3'], rows: ['2'] });
  });
});
