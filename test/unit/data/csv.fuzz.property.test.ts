// issue 9: fuzzing the CSV reader. Random bytes and mutated valid files (bytes flipped, cut,
// inserted; a header repeated, separators swapped, quotes unbalanced, a NUL byte, a huge field,
// '\r'-only line ends, byte order marks, Windows-1252 bytes...) end in a loaded table or in a
// file error that is not INTERNAL, each within CASE_MS; never a hang or a TypeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutcome, load } from './fuzz-helpers.ts';
import { byteMutation, csvMutation, csvNames as names, mutated, runs, validCsv as valid } from './fuzz-inputs.ts';
import { utf8 } from './helpers.ts';

describe('CSV reader fuzzing (issue 9)', () => {
  it('random bytes end in a table or a file error, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), names, async (bytes, name) => checkOutcome(await load(bytes, name))),
      runs(901, 300),
    );
  }, 60_000);

  it('random text ends in a table or a file error, quickly', async () => {
    const unit = fc.constantFrom('a', '1', ',', ';', '\t', '|', '"', '\n', '\r', ' ', 'ä', '.', '-', '\uFEFF', '\0');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 400 }), names, async (s, name) => checkOutcome(await load(utf8(s), name))),
      runs(902, 400),
    );
  }, 60_000);

  it('mutated valid files end in a table or a file error, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(valid, fc.oneof(byteMutation, csvMutation, csvMutation)), names, async (bytes, name) => checkOutcome(await load(bytes, name))),
      runs(903, 400),
    );
  }, 120_000);

  it('the check can fail: a non-Einblick error or a slow load is rejected', async () => {
    expect(() => checkOutcome({ ok: true, table: { rows: 1, table: { numRows: 2 } } as never, ms: 1 })).toThrow();
    expect(() => checkOutcome({ ok: false, error: Object.assign(new Error('x'), { code: 'INTERNAL', hint: 'a hint that is long enough' }) as never, ms: 1 })).toThrow();
    const slow = await load(utf8('a,b\n1,2\n'), 'x.csv');
    expect(() => checkOutcome({ ...slow, ms: 5000 })).toThrow();
    await expect(load(null as unknown as Uint8Array, 'x.csv')).rejects.toThrow(/not an EinblickError: TypeError/);
  });
});
