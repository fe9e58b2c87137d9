// Property: the chunked record reader gives back exactly the cells that were written, whatever
// the slice size (down to 1 byte, so quotes, "" escapes, line breaks and multi-byte UTF-8
// characters are cut at every possible place).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../src/engine/data/csv-records.ts';
import { utf8 } from './helpers.ts';

const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', 'ä', '€', '😀', '1'), maxLength: 6 });
const grid = fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 }));

function write(rows: string[][], crlf: boolean, finalNewline: boolean): string {
  const quote = (s: string) => (/[",\n]/.test(s) || s === '' ? '"' + s.replaceAll('"', '""') + '"' : s);
  const nl = crlf ? '\r\n' : '\n';
  return rows.map((r) => r.map(quote).join(',')).join(nl) + (finalNewline ? nl : '');
}

async function readAll(bytes: Uint8Array, chunkBytes: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of readRecords(bytes, { delimiter: ',', newline: '\n', encoding: 'utf-8', start: 0, chunkBytes })) out.push(...batch);
  return out;
}

describe('readRecords (property)', () => {
  it('returns the written cells for every slice size', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.boolean(), async (rows, chunk, crlf, finalNewline) => {
        const bytes = utf8(write(rows, crlf, finalNewline));
        const got = await readAll(bytes, chunk);
        // a final line break leaves one empty record at the end (the loader skips it)
        expect(got).toEqual(finalNewline ? [...rows, ['']] : rows);
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('the check can fail: one changed byte changes the records', async () => {
    const rows = [['a', 'b'], ['1', '"x"']];
    const bytes = utf8(write(rows, false, false));
    bytes[0] = 'y'.charCodeAt(0);
    expect(await readAll(bytes, 3)).not.toEqual(rows);
  });
});
