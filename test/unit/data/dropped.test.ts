// issue 9: list, struct and map columns of Arrow and Parquet files are dropped with a warning
// in every path, and a later reference to such a column by name (outcome, protected attribute,
// model input, feature list) says that the column was left out because of its type, not that
// there is no such column.
import { Field, Int32, List, Map_, Struct, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { binaryOutcome, numericOutcome } from '../../../src/engine/analyses/outcome.ts';
import { protectedGroups } from '../../../src/engine/analyses/protected.ts';
import { categoryColumn } from '../../../src/engine/data/columns.ts';
import { droppedColumns } from '../../../src/engine/data/dropped.ts';
import { loadTable } from '../../../src/engine/data/load.ts';
import type { LoadedTable } from '../../../src/engine/data/types.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { encodeFeatures } from '../../../src/engine/model/encode.ts';
import { mapColumns } from '../../../src/engine/model/mapping.ts';
import type { InputSpec, ModelSignature } from '../../../src/engine/model/types.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';
import { warningText } from '../../../src/i18n/warnings.ts';
import { values } from './helpers.ts';

function arrowTable(): Table {
  const tags = vectorFromArray([[1, 2], [3], []], new List(new Field('item', new Int32(), true)));
  const address = vectorFromArray([{ x: 1 }, { x: 2 }, { x: 3 }], new Struct([new Field('x', new Int32(), true)]));
  const keep: Vector = vectorFromArray([1, 0, 1], new Int32());
  const group: Vector = vectorFromArray(['f', 'm', 'f'], new Utf8());
  const entries = new Struct<{ key: Utf8; value: Int32 }>([new Field('key', new Utf8(), false), new Field('value', new Int32(), true)]);
  const attrs = vectorFromArray([new Map([['k', 1]]), new Map(), new Map([['j', 2]])], new Map_<Utf8, Int32>(new Field('entries', entries, false)));
  return new Table({ tags, keep, address, group, attrs });
}

/** A Parquet file with a real (3-level) LIST column, a STRUCT whose child is also called x, and flat columns. */
function parquetBytes(): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'tags', data: [[1, 2], [3], null] },
        { name: 'address', data: [{ x: 1, y: 'a' }, { x: 2, y: 'b' }, null] },
        { name: 'x', data: [1, 0, 1] },
        { name: 'group', data: ['f', 'm', 'f'] },
      ],
      schema: [
        { name: 'root', num_children: 4 },
        { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'address', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'x', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'y', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'x', type: 'INT32', repetition_type: 'REQUIRED' },
        { name: 'group', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      ],
    }),
  );
}

const cases: [string, () => Promise<LoadedTable>, [string, string][], string][] = [
  ['Arrow IPC file', () => loadTable(tableToIPC(arrowTable(), 'file'), 'x.arrow'), [['tags', 'List<Int32>'], ['address', 'Struct<{x:Int32}>'], ['attrs', 'Map<{key:Utf8, value:Int32}>']], 'keep'],
  ['Arrow IPC stream', () => loadTable(tableToIPC(arrowTable(), 'stream'), 'x.arrows'), [['tags', 'List<Int32>'], ['address', 'Struct<{x:Int32}>'], ['attrs', 'Map<{key:Utf8, value:Int32}>']], 'keep'],
  ['Parquet', () => loadTable(parquetBytes(), 'x.parquet'), [['tags', 'list<int32>'], ['address', 'struct<x: int32, y: string>']], 'x'],
];

function thrown(fn: () => unknown): EinblickError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

function signature(inputs: InputSpec[]): ModelSignature {
  const layout = inputs.length === 1 && inputs[0].shape.length === 2 && inputs[0].shape[1] !== 1 ? 'matrix' : 'columns';
  return { inputs, outputs: [], layout, width: layout === 'matrix' ? inputs[0].shape[1] : null, task: 'regression', score: null, labelOutput: null, ops: [], opsets: {}, producer: '', irVersion: 8, notes: [] };
}

describe.each(cases)('%s: nested columns (issue 9)', (_, load, expected, kept) => {
  it('are dropped with a COLUMN_DROPPED warning naming the type, and recorded in the table', async () => {
    const t = await load();
    expect(t.columns.map((c) => c.name)).toEqual([kept, 'group']);
    expect(t.warnings.filter((w) => w.code === 'COLUMN_DROPPED').map((w) => [w.params?.column, w.params?.type])).toEqual(expected);
    expect(t.dropped).toEqual(expected.map(([name, type]) => ({ name, type })));
    expect(droppedColumns(t.table)).toEqual(t.dropped);
    expect(values(t)[kept]).toEqual([1, 0, 1]);
    expect(warningText(t.warnings.find((w) => w.code === 'COLUMN_DROPPED')!, 'de')).toContain(`Die Spalte „tags“ wurde weggelassen: Ihr Typ (${expected[0][1]})`);
  });

  it('a later reference by name says the column was left out, and why, wherever it is named', async () => {
    const t = await load();
    const type = expected[0][1];
    const errors = [
      ['category column', thrown(() => categoryColumn(t.table, 'tags'))],
      ['outcome', thrown(() => binaryOutcome(t.table, { column: 'tags', value: null }, null))],
      ['numeric outcome', thrown(() => numericOutcome(t.table, t.columns, 'tags'))],
      ['protected attribute', thrown(() => protectedGroups(t.table, t.columns, ['group', 'tags'], {}))],
      ['per-column model input', thrown(() => mapColumns(signature([{ name: kept, type: 'float32', shape: [null, 1] }, { name: 'tags', type: 'float32', shape: [null, 1] }]), t.columns, undefined, t.dropped))],
      ['--features', thrown(() => mapColumns(signature([{ name: 'X', type: 'float32', shape: [null, 2] }]), t.columns, [kept, 'tags'], t.dropped))],
      ['encoded feature', thrown(() => encodeFeatures(t.table, { layout: 'matrix', features: ['tags'], columns: ['tags'], types: ['float32'] }))],
    ] as const;
    for (const [where, e] of errors) {
      expect(e.code, where).toBe('MISSING_COLUMN');
      expect(e.message, where).toMatch(new RegExp(`^column "tags".* was left out when the file was read: its type \\(${type.replace(/[<>{}()]/g, '\\$&')}\\) is not a number, text, category or yes/no$`));
      expect(e.params, where).toMatchObject({ column: 'tags', type, detail: 'COLUMN_LEFT_OUT' });
      expect(e.hint, where).toContain('Choose another column');
    }
    const de = errorDetail(errors[3][1].toInfo(), 'de')!;
    expect(de.text).toBe(`Die Spalte „tags“ steht in der Datei, wurde beim Einlesen aber weggelassen: Ihr Typ (${type}) ist weder Zahl, Text, Kategorie noch Ja/Nein.`);
  });

  it('a column that is not in the file still gets the plain "missing column" (the check can fail)', async () => {
    const t = await load();
    const e = thrown(() => protectedGroups(t.table, t.columns, ['nope'], {}));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.message).toBe('missing column: nope (named as the protected attribute)');
    expect(e.params.detail).toBeUndefined();
    expect(thrown(() => categoryColumn(t.table, 'nope')).message).toBe('missing column: nope');
  });
});

it('a CSV has no dropped columns (issue 9)', async () => {
  const t = await loadTable(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv');
  expect(t.dropped).toEqual([]);
  expect(droppedColumns(t.table)).toEqual([]);
});
