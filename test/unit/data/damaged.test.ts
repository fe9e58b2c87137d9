// issue 9: damaged Arrow and Parquet files found by the fuzz properties, each of which made the
// loader hang, exhaust memory or abort the process, are refused with a clear file error within
// a second (see test/fixtures/damaged/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutcome, load } from './fuzz-helpers.ts';

const DIR = join(import.meta.dirname, '../../fixtures/damaged');

describe('damaged files found by fuzzing (issue 9)', () => {
  it.each([
    ['arrow-index-loops.arrow', 'ARROW_INVALID', 'is damaged (a length or position in it points outside the file)'],
    ['arrow-schema-length.arrows', 'ARROW_INVALID', 'is damaged (a length or position in it points outside the file)'],
    ['arrow-dictionary-length.arrow', 'ARROW_INVALID', 'column "d" says it has 40 rows in a block, but its texts are shorter'],
    ['parquet-header-incomplete.parquet', 'PARQUET_INVALID', 'column "i" is damaged: the description of one of its data blocks is incomplete'],
    ['parquet-rle-run.parquet', 'PARQUET_INVALID', 'column "when" is damaged: a block of its data repeats a value more often than the block has values (16)'],
  ])('%s: %s', async (file, code, text) => {
    const o = await load(new Uint8Array(readFileSync(join(DIR, file))), file);
    checkOutcome(o);
    expect(o.ms).toBeLessThan(1000);
    expect(o.ok ? 'loaded' : o.error.code).toBe(code);
    expect(o.ok ? '' : o.error.message).toContain(`${file} is not a valid`);
    expect(o.ok ? '' : o.error.message).toContain(text);
  });
});
