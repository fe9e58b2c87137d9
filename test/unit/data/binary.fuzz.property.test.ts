// issue 9: fuzzing the Arrow IPC and Parquet readers. Random bytes behind the formats' markers
// and mutated valid files (bytes flipped, cut, inserted, zeroed, blocks repeated, length words
// set to extremes) end in a loaded table or in a file error that is not INTERNAL and names no
// library internals, each within CASE_MS; never a hang, a TypeError or a RangeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutcome, load } from './fuzz-helpers.ts';
import { ARROW, PARQUET, PARQUET_ROWS, arrowFramed, byteMutation, mutated, parquetFramed, runs } from './fuzz-inputs.ts';

describe('Arrow IPC reader fuzzing (issue 9)', () => {
  it('the valid files load (the base of the mutations)', async () => {
    for (const b of ARROW) {
      const o = await load(b, 'x.arrow');
      expect(o.ok && o.table.columns.length).toBe(8);
    }
  });

  it('random bytes behind the Arrow markers end in a file error, quickly', async () => {
    await fc.assert(fc.asyncProperty(arrowFramed, fc.constantFrom('x.arrow', 'x.feather', 'x.ipc'), async (b, name) => checkOutcome(await load(b, name))), runs(911, 300));
  }, 60_000);

  it('mutated valid files end in a table or a file error, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(fc.constantFrom(...ARROW), byteMutation), fc.constantFrom('x.arrow', 'x.bin'), async (b, name) => checkOutcome(await load(b, name))),
      runs(912, 1500),
    );
  }, 120_000);
});

describe('Parquet reader fuzzing (issue 9)', () => {
  it('the valid files load (the base of the mutations)', async () => {
    for (const b of PARQUET) {
      const o = await load(b, 'x.parquet');
      expect(o.ok && o.table.rows).toBe(PARQUET_ROWS);
    }
  });

  it('random bytes behind the Parquet markers end in a file error, quickly', async () => {
    await fc.assert(fc.asyncProperty(parquetFramed, fc.constantFrom('x.parquet', 'x.pq'), async (b, name) => checkOutcome(await load(b, name))), runs(921, 300));
  }, 60_000);

  it('mutated valid files end in a table or a file error, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(fc.constantFrom(...PARQUET), byteMutation), fc.constantFrom('x.parquet', 'x.dat'), async (b, name) => checkOutcome(await load(b, name))),
      runs(922, 1500),
    );
  }, 120_000);
});
