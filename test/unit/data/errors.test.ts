// Bad input gets a specific error code with a message naming the problem and a hint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { errorOf, loadText, utf8 } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../fixtures');

function arrowBytes(format: 'file' | 'stream'): Uint8Array {
  return tableToIPC(tableFromArrays({ a: Float64Array.from({ length: 500 }, (_, i) => i), b: Array.from({ length: 500 }, (_, i) => `s${i}`) }), format);
}

function parquetBytes(): Uint8Array {
  const n = 500;
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'a', data: Float64Array.from({ length: n }, (_, i) => i), type: 'DOUBLE' },
        { name: 'b', data: Array.from({ length: n }, (_, i) => `s${i}`), type: 'STRING' },
      ],
    }),
  );
}

describe('EMPTY_FILE', () => {
  it.each([
    ['0 bytes', new Uint8Array(0), 'empty'],
    ['only blank lines (issue 9: said so, not just "empty")', utf8('\n \n\r\n'), 'holds only blank lines or spaces'],
    ['only a byte order mark (issue 9)', Uint8Array.of(0xef, 0xbb, 0xbf), 'holds only a UTF-8 byte order mark (BOM) and no text'],
    ['only a UTF-16 byte order mark (issue 9)', Uint8Array.of(0xff, 0xfe), 'holds only a UTF-16LE byte order mark (BOM)'],
    ['a header without rows', utf8('a;b;c\n'), 'has a header (3 columns) but no data rows'],
    ['a header and blank lines', utf8('a,b\n\n\n'), 'no data rows'],
  ])('%s', async (_, bytes, text) => {
    const e = await errorOf(loadTable(bytes, 'x.csv'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toContain(text);
    expect(e.hint.length).toBeGreaterThan(20);
  });

  it('an Arrow table with no rows', async () => {
    const e = await errorOf(loadTable(tableToIPC(tableFromArrays({ a: new Float64Array(0) }), 'file'), 'x.arrow'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toContain('no rows');
  });
});

describe('CSV_RAGGED', () => {
  it('names the line and both field counts (line 17 has 5 fields, the header has 6)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, 1, 2, 3, 4, 5].join(','));
    rows[15] = '15,1,2,3,4'; // data row 15 is line 17
    const e = await errorOf(loadText('a,b,c,d,e,f\n' + rows.join('\n') + '\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toBe('line 17 has 5 fields, the header has 6 (separator: comma)');
    expect(e.params).toMatchObject({ line: 17, fields: 5, expected: 6 });
    expect(e.hint).toContain('line 17');
  });

  it('too many fields, and blank lines counted in the line number', async () => {
    const e = await errorOf(loadText('a;b\n1;2\n\n3;4;5\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toBe('line 4 has 3 fields, the header has 2 (separator: semicolon)');
  });

  it('every row with a trailing separator is ragged, not one column', async () => {
    const e = await errorOf(loadText('a,b\n1,2,\n3,4,\n5,6,\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toBe('line 2 has 3 fields, the header has 2 (separator: comma)');
  });

  it('a 20 MB line without line breaks is read in growing slices and reported', async () => {
    const e = await errorOf(loadText('a,b\n' + 'x'.repeat(20 * 1024 * 1024) + '\n1,2\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toContain('line 2 has 1 field, the header has 2');
  });

  it('an unclosed quote early in a large file is reported with its line', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},x`);
    rows[3] = '3,"x';
    const e = await errorOf(loadText('a,b\n' + rows.join('\n') + '\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toBe('line 5 starts a quoted value (") that is never closed');
  });

  it('a quote that is never closed', async () => {
    const e = await errorOf(loadText('a,b\n1,x\n2,"open\n3,y\n'));
    expect(e.code).toBe('CSV_RAGGED');
    expect(e.message).toContain('line 3 starts a quoted value');
  });

  it('a trailing empty line is fine', async () => {
    expect((await loadText('a,b\n1,2\n\n')).rows).toBe(1);
  });
});

describe('CSV_NO_HEADER', () => {
  it('a first line of numbers is not a header', async () => {
    const e = await errorOf(loadText('1,2,3\n4,5,6\n'));
    expect(e.code).toBe('CSV_NO_HEADER');
    expect(e.message).toContain('the first line holds numbers (1, 2, 3)');
  });

  it('a first line with no names', async () => {
    const e = await errorOf(loadText(',,\n1,2,3\n'));
    expect(e.code).toBe('CSV_NO_HEADER');
  });
});

describe('UNKNOWN_FORMAT', () => {
  it.each([
    ['random binary', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256), 'data.bin', 'not text'],
    ['an Excel workbook (zip)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('[Content_Types].xml')]), 'data.csv', 'ZIP'],
    ['an old .xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'data.xls', '.xls'],
    ['an ONNX model under another name', new Uint8Array(readFileSync(join(ROOT, 'german_credit_gbm/model.onnx'))), 'model.bin', 'not text'],
    ['an ONNX model', new Uint8Array(readFileSync(join(ROOT, 'german_credit_gbm/model.onnx'))), 'model.onnx', 'ONNX model'],
    ['a JSON file', utf8('[{"a": 1}]'), 'cases.json', 'JSON'],
  ])('%s', async (_, bytes, name, text) => {
    const e = await errorOf(loadTable(bytes, name));
    expect(e.code).toBe('UNKNOWN_FORMAT');
    expect(e.message).toContain(text);
    expect(e.message).toContain(name);
  });
});

describe('ARROW_INVALID and PARQUET_INVALID', () => {
  it.each([
    ['a cut-off Arrow file', () => arrowBytes('file').slice(0, 300), 'x.arrow'],
    ['a cut-off Arrow stream', () => arrowBytes('stream').slice(0, 1200), 'x.arrows'],
    ['ARROW1 magic and garbage', () => Uint8Array.from([...utf8('ARROW1\0\0'), ...Array(64).fill(7)]), 'x.arrow'],
    ['text named .arrow', () => utf8('a,b\n1,2\n'), 'x.arrow'],
  ])('%s', async (_, make, name) => {
    const e = await errorOf(loadTable(make(), name));
    expect(e.code).toBe('ARROW_INVALID');
    expect(e.message).toContain(`${name} is not a valid Arrow IPC file`);
  });

  it.each([
    ['a cut-off Parquet file', () => parquetBytes().slice(0, 400), 'x.parquet'],
    ['PAR1 magic and garbage', () => Uint8Array.from([...utf8('PAR1'), ...Array(64).fill(3), ...utf8('PAR1')]), 'x.parquet'],
    ['text named .parquet', () => utf8('a,b\n1,2\n'), 'x.parquet'],
    ['a Parquet file with a damaged middle', () => {
      const b = parquetBytes();
      b.fill(0xff, 8, b.length - 200);
      return b;
    }, 'x.parquet'],
  ])('%s', async (_, make, name) => {
    const e = await errorOf(loadTable(make(), name));
    expect(e.code).toBe('PARQUET_INVALID');
    expect(e.message).toContain(`${name} is not a valid Parquet file`);
  });
});

describe('cancel and progress', () => {
  const bigCsv = utf8('a,b\n' + Array.from({ length: 100_000 }, (_, i) => `${i},x${i % 10}`).join('\n') + '\n');

  it('an aborted signal raises CANCELLED before any work', async () => {
    const c = new AbortController();
    c.abort();
    for (const [bytes, name] of [[bigCsv, 'x.csv'], [arrowBytes('file'), 'x.arrow'], [parquetBytes(), 'x.parquet']] as const) {
      expect((await errorOf(loadTable(bytes, name, { signal: c.signal }))).code).toBe('CANCELLED');
    }
  });

  it('aborting during a load raises CANCELLED', async () => {
    for (const [bytes, name] of [[bigCsv, 'x.csv'], [arrowBytes('file'), 'x.arrow'], [parquetBytes(), 'x.parquet']] as const) {
      const c = new AbortController();
      const seen: number[] = [];
      const e = await errorOf(
        loadTable(bytes, name, {
          signal: c.signal,
          onProgress: (p) => {
            seen.push(p.done);
            c.abort();
          },
        }),
      );
      expect(e.code).toBe('CANCELLED');
      expect(seen.length).toBe(1);
    }
  });

  it('progress arrives in order for stage "parse", then "describe", each ending at its total', async () => {
    for (const [bytes, name] of [[bigCsv, 'x.csv'], [arrowBytes('stream'), 'x.arrow'], [parquetBytes(), 'x.parquet']] as const) {
      const events: { stage: string; done: number; total: number | null }[] = [];
      await loadTable(bytes, name, { onProgress: (p) => events.push(p) });
      expect([...new Set(events.map((e) => e.stage))]).toEqual(['parse', 'describe']);
      for (const stage of ['parse', 'describe']) {
        const ev = events.filter((e) => e.stage === stage);
        expect(ev.length).toBeGreaterThan(1);
        const total = ev[0].total!;
        expect(ev.every((e) => e.total === total)).toBe(true);
        for (let i = 1; i < ev.length; i++) expect(ev[i].done).toBeGreaterThanOrEqual(ev[i - 1].done);
        expect(ev.at(-1)!.done).toBe(total);
      }
      if (name === 'x.csv') expect(events[0].total).toBe(bigCsv.length);
      expect(events.at(-1)).toEqual({ stage: 'describe', done: 2, total: 2 });
    }
  });
});
