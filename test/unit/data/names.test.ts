// issue 9: a repeated column name never makes a table unusable. The later column gets ".1"
// (as pandas and R name it), the first keeps its name, and a warning says which column is
// called what; in CSV, Arrow and Parquet alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Field, Int32, RecordBatch, Schema, Struct, Table, makeData, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../src/engine/data/columns.ts';
import { loadTable } from '../../../src/engine/data/load.ts';
import { uniqueNames } from '../../../src/engine/data/names.ts';
import { warningText } from '../../../src/i18n/warnings.ts';
import { loadText, values } from './helpers.ts';

const COMPAS = join(import.meta.dirname, '../../fixtures/compas/compas-scores-two-years.csv');

describe('uniqueNames (issue 9)', () => {
  it.each([
    [['Age', 'Income', 'Age'], ['Age', 'Income', 'Age.1']],
    [['a', ' a', 'a '], ['a', 'a.1', 'a.2']],
    [['a', 'a', 'a.1'], ['a', 'a.2', 'a.1']],
    [['a.1', 'a', 'a'], ['a.1', 'a', 'a.2']],
    [['', 'b', ''], ['column_1', 'b', 'column_3']],
    [['', 'column_1'], ['column_1.1', 'column_1']],
    [['x', '', 'column_2', 'column_2.1'], ['x', 'column_2.2', 'column_2', 'column_2.1']],
  ])('%j -> %j', (raw, expected) => {
    expect(uniqueNames(raw).names).toEqual(expected);
  });

  it('one warning per repeated name, with positions and new names', () => {
    const { warnings } = uniqueNames(['id', 'score', 'x', 'score', 'score']);
    expect(warnings).toEqual([
      {
        code: 'DUPLICATE_COLUMN_RENAMED',
        message: 'the column name "score" occurs more than once (columns 2, 4, 5); to keep them apart, column 4 is now called "score.1", column 5 is now called "score.2"',
        params: { column: 'score', positions: ['2', '4', '5'], names: ['score', 'score.1', 'score.2'] },
      },
    ]);
  });

  it('an empty name whose automatic name is taken is reported with the repeated names, not as column_N', () => {
    const { warnings } = uniqueNames(['', 'column_1', '']);
    expect(warnings.map((w) => [w.code, w.params])).toEqual([
      ['UNNAMED_COLUMN', { positions: ['3'] }],
      ['DUPLICATE_COLUMN_RENAMED', { column: 'column_1', positions: ['1', '2'], names: ['column_1.1', 'column_1'], unnamed: ['1'] }],
    ]);
    expect(warningText(warnings[1], 'en')).toBe(
      'The column name "column_1" occurs more than once (columns 1, 2; column 1 had no name). To keep every column distinct, they are now called "column_1.1", "column_1".',
    );
  });

  /** The promise of uniqueNames: as many names, all distinct, non-empty and trimmed; first occurrences kept. */
  function sound(raw: readonly string[], names: readonly string[]): boolean {
    if (names.length !== raw.length || new Set(names).size !== names.length) return false;
    if (names.some((n) => n === '' || n !== n.trim())) return false;
    const firsts = new Set<string>();
    return raw.every((r, i) => {
      const t = r.trim();
      if (t === '' || firsts.has(t)) return true;
      firsts.add(t);
      return names[i] === t;
    });
  }

  it('property: every header ends with distinct, non-empty names, and first occurrences keep theirs', () => {
    const name = fc.constantFrom('', ' ', 'a', ' a', 'a.1', 'a.2', 'column_1', 'column_2', 'column_2.1', 'b', 'b ');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), (raw) => {
        const { names, warnings } = uniqueNames(raw);
        expect(sound(raw, names)).toBe(true);
        // every renamed column is named in a warning
        const said = new Set(warnings.flatMap((w) => (w.params?.names as string[] | undefined) ?? (w.params?.positions as string[]).map((p) => `column_${p}`)));
        names.forEach((n, i) => {
          if (n !== raw[i].trim()) expect(said.has(n)).toBe(true);
        });
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it('the check can fail: a repeated or untrimmed name is not sound', () => {
    expect(sound(['a', 'a'], ['a', 'a'])).toBe(false);
    expect(sound(['a '], ['a '])).toBe(false);
    expect(sound(['a', 'a'], ['a.1', 'a'])).toBe(false);
  });
});

describe('repeated names in a CSV header (issue 9)', () => {
  it('loads, with the later column renamed and its own values', async () => {
    const t = await loadText('Age;Income;Age\n1;2;3\n4;5;6\n');
    expect(t.columns.map((c) => c.name)).toEqual(['Age', 'Income', 'Age.1']);
    expect(values(t)).toEqual({ Age: [1, 4], Income: [2, 5], 'Age.1': [3, 6] });
    expect(t.warnings.map((w) => [w.code, w.params])).toEqual([['DUPLICATE_COLUMN_RENAMED', { column: 'Age', positions: ['1', '3'], names: ['Age', 'Age.1'] }]]);
  });

  it('names that differ only by surrounding spaces, and an empty name next to column_N', async () => {
    const t = await loadText('a, a,,column_3\n1,2,3,4\n');
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'a.1', 'column_3.1', 'column_3']);
    expect(values(t)['column_3.1']).toEqual([3]);
  });
});

describe("ProPublica's compas-scores-two-years.csv (issue 9)", () => {
  const text = readFileSync(COMPAS, 'utf8');
  // read independently: the file has no quotes, so a line split at commas is a record
  const lines = text.trimEnd().split('\n').map((l) => l.split(','));
  const header = lines[0];
  const column = (j: number) => lines.slice(1).map((r) => Number(r[j]));

  it('loads, with decile_score.1 and priors_count.1 and a note naming both', async () => {
    const t = await loadTable(readFileSync(COMPAS), 'compas-scores-two-years.csv');
    expect(t.rows).toBe(7214);
    expect(header.filter((h) => h === 'decile_score')).toHaveLength(2);
    expect(t.columns.map((c) => c.name)).toEqual(
      header.map((h, j) => (j === header.lastIndexOf('decile_score') || j === header.lastIndexOf('priors_count') ? `${h}.1` : h)),
    );
    const notes = t.warnings.filter((w) => w.code === 'DUPLICATE_COLUMN_RENAMED');
    expect(notes.map((w) => w.params)).toEqual([
      { column: 'decile_score', positions: ['7', '16'], names: ['decile_score', 'decile_score.1'] },
      { column: 'priors_count', positions: ['10', '17'], names: ['priors_count', 'priors_count.1'] },
    ]);
    expect(warningText(notes[0], 'de')).toBe(
      'Der Spaltenname „decile_score“ kommt mehrfach vor (Spalten 7, 16). Damit jede Spalte eindeutig ist, heißen sie jetzt „decile_score“, „decile_score.1“.',
    );
    expect(warningText(notes[0], 'en')).toContain('they are now called "decile_score", "decile_score.1"');
  });

  it('each renamed column holds the values of its own position in the file', async () => {
    const t = await loadTable(readFileSync(COMPAS), 'compas-scores-two-years.csv');
    const first = header.indexOf('decile_score');
    const second = header.lastIndexOf('decile_score');
    expect(Array.from(numericColumn(t.table, 'decile_score'))).toEqual(column(first));
    expect(Array.from(numericColumn(t.table, 'decile_score.1'))).toEqual(column(second));
    expect(Array.from(numericColumn(t.table, 'priors_count.1'))).toEqual(column(header.lastIndexOf('priors_count')));
    // the neighbour v_decile_score differs from decile_score: a shifted column would be caught
    expect(column(header.indexOf('v_decile_score'))).not.toEqual(column(second));
  });
});

/** An Arrow table whose schema names two columns "a" (apache-arrow allows it). */
function arrowWithRepeatedName(): Table {
  const fields = [new Field('a', new Int32(), true), new Field('a', new Int32(), true), new Field(' b ', new Int32(), true)];
  const vs: Vector[] = [vectorFromArray([1, 2], new Int32()), vectorFromArray([3, 4], new Int32()), vectorFromArray([5, 6], new Int32())];
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length: 2, nullCount: 0, children: vs.map((v) => v.data[0]) });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

describe('repeated names in Arrow and Parquet files (issue 9)', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`Arrow IPC ${format}: both columns are read, the later one renamed`, async () => {
      const t = await loadTable(tableToIPC(arrowWithRepeatedName(), format), 'x.arrow');
      expect(values(t)).toEqual({ a: [1, 2], 'a.1': [3, 4], b: [5, 6] });
      expect(t.warnings.map((w) => w.code)).toEqual(['DUPLICATE_COLUMN_RENAMED']);
    });
  }

  it('Parquet: both columns are read (hyparquet selects by name), the later one renamed', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'a', data: [1, 2], type: 'INT32' },
          { name: 'x', data: ['p', 'q'], type: 'STRING' },
          { name: 'a', data: [3, 4], type: 'INT32' },
          { name: '', data: [5, 6], type: 'INT32' },
        ],
        rowGroupSize: 1,
      }),
    );
    const t = await loadTable(bytes, 'x.parquet');
    expect(values(t)).toEqual({ a: [1, 2], x: ['p', 'q'], 'a.1': [3, 4], column_4: [5, 6] });
    expect(t.warnings.map((w) => w.code)).toEqual(['UNNAMED_COLUMN', 'DUPLICATE_COLUMN_RENAMED']);
  });
});
