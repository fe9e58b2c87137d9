// Column type inference and missing values, against hand-written tables.
import { describe, expect, it } from 'vitest';
import { loadText, values } from './helpers.ts';

describe('column kinds', () => {
  it('number, boolean and category; 0/1 stays number, yes/no stays category', async () => {
    const t = await loadText('n,b,B,g,zo,yn\n1.5,true,WAHR,x,0,yes\n2,false,falsch,y,1,no\n-3,True,Wahr,x,1,yes\n');
    expect(t.columns.map((c) => c.kind)).toEqual(['number', 'boolean', 'boolean', 'category', 'number', 'category']);
    expect(values(t)).toEqual({
      n: [1.5, 2, -3],
      b: [true, false, true],
      B: [true, false, true],
      g: ['x', 'y', 'x'],
      zo: [0, 1, 1],
      yn: ['yes', 'no', 'yes'],
    });
    expect(t.columns[4]).toMatchObject({ integer: true, min: 0, max: 1, distinct: 2 });
    expect(t.columns[0]).toMatchObject({ integer: false, min: -3, max: 2, distinct: 3 });
  });

  it('missing tokens are missing in number and boolean columns and counted', async () => {
    const t = await loadText('a,b,c\n1,true,x\nNA,NULL,\nN/A,,y\nNaN,None,\n null ,false,x\n#N/A,nan,y\n');
    expect(values(t)).toEqual({ a: [1, null, null, null, null, null], b: [true, null, null, null, false, null], c: ['x', null, 'y', null, 'x', 'y'] });
    expect(t.columns.map((c) => c.missing)).toEqual([5, 4, 2]);
  });

  it('in a category column only empty cells are missing; tokens stay levels, with a warning', async () => {
    const t = await loadText('debtors,k\nNone,1\nGuarantor,2\n ,3\nNA,4\n');
    expect(values(t).debtors).toEqual(['None', 'Guarantor', null, 'NA']);
    expect(t.columns[0]).toMatchObject({ kind: 'category', missing: 1, distinct: 3 });
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatchObject({ code: 'MISSING_TOKEN_AS_CATEGORY', params: { column: 'debtors', values: ['None', 'NA'] } });
  });

  it('a column that starts with tokens and turns out to be text keeps the tokens as levels', async () => {
    const t = await loadText('c,k\nNA,1\n,2\nNone,3\nabc,4\n');
    expect(values(t).c).toEqual(['NA', null, 'None', 'abc']);
  });

  it('in a one-column file a blank line is an empty cell (but not at the end)', async () => {
    const t = await loadText('x\n1\n\n3\n\n\n');
    expect(values(t).x).toEqual([1, null, 3]);
  });

  it('a column with no value at all is an all-missing number column, with a warning', async () => {
    const t = await loadText('a,b\n1,\n2,NA\n');
    expect(values(t).b).toEqual([null, null]);
    expect(t.columns[1]).toMatchObject({ kind: 'number', missing: 2, min: null, max: null });
    expect(t.warnings.map((w) => w.code)).toEqual(['EMPTY_COLUMN']);
  });

  it('leading and trailing spaces around numbers are ignored; texts are kept as written', async () => {
    const t = await loadText('a;b\n 1,5 ; x\n2 ;y \n');
    expect(values(t)).toEqual({ a: [1.5, 2], b: [' x', 'y '] });
  });
});

describe('mostly numeric columns with stray text', () => {
  it('names the column, the first offending values and their lines', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 10}.5`);
    rows[15] = '15,n/a'; // data row 15 = line 17
    rows[20] = '20,?'; // line 22
    const t = await loadText('id,Amount\n' + rows.join('\n') + '\n');
    expect(t.columns[1].kind).toBe('category');
    expect(t.warnings).toHaveLength(1);
    const w = t.warnings[0];
    expect(w.code).toBe('MOSTLY_NUMERIC');
    expect(w.message).toContain('column "Amount" looks numeric but line 17 has "n/a", line 22 has "?"');
    expect(w.params).toMatchObject({ column: 'Amount', values: ['n/a', '?'], lines: ['17', '22'], rows: ['15', '20'], text: 2, total: 30 });
  });

  it('keeps the original texts of the numbers read before the stray text (second pass)', async () => {
    // 200,000 rows: the stray text comes after several read slices
    const n = 200_000;
    const lines = Array.from({ length: n }, (_, i) => `${i % 7 === 0 ? '1.50' : '2'};x`);
    lines[n - 1] = 'oops;x';
    const t = await loadText('v;w\n' + lines.join('\n') + '\n');
    const v = values(t).v;
    expect(v[0]).toBe('1.50');
    expect(v[1]).toBe('2');
    expect(v[n - 1]).toBe('oops');
    expect(t.columns[0]).toMatchObject({ kind: 'category', distinct: 3, missing: 0 });
    expect(t.warnings[0]).toMatchObject({ code: 'MOSTLY_NUMERIC', params: { values: ['oops'], lines: [String(n + 1)] } });
  });

  it('a text column with a few numbers gets no numeric warning', async () => {
    const t = await loadText('g\na\nb\n3\nc\n');
    expect(t.columns[0].kind).toBe('category');
    expect(t.warnings).toEqual([]);
  });

  it('blank lines shift the line numbers in warnings', async () => {
    const t = await loadText('a,b\n1,1\n\n2,1\n\nx,1\n3,1\n4,1\n');
    expect(t.warnings[0]).toMatchObject({ code: 'MOSTLY_NUMERIC', params: { lines: ['6'], rows: ['2'] } });
  });
});
