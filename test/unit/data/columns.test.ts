// Column helpers and describeColumns, against hand counts and brute force.
import { Bool, Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryColumn, columnValues, numericColumn } from '../../../src/engine/data/columns.ts';
import { describeColumns } from '../../../src/engine/data/describe.ts';
import { naturalCompare } from '../../../src/engine/data/natural-order.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { loadText } from './helpers.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof EinblickError) return err.code;
  }
  return 'none';
}

describe('numericColumn / columnValues / categoryColumn', () => {
  it('on a loaded CSV', async () => {
    const t = (await loadText('n,g,b\n3,b10,true\n,b2,\n-1.5,a,false\n3,b2,true\n')).table;
    const x = numericColumn(t, 'n');
    expect(Array.from(x.slice(0, 1))).toEqual([3]);
    expect(Number.isNaN(x[1])).toBe(true);
    expect(Array.from(x.slice(2))).toEqual([-1.5, 3]);
    expect(columnValues(t, 'n')).toEqual([3, null, -1.5, 3]);
    expect(columnValues(t, 'b')).toEqual([true, null, false, true]);
    expect(Array.from(numericColumn(t, 'b'))).toEqual([1, NaN, 0, 1]);
    // natural order: a < b2 < b10
    expect(categoryColumn(t, 'g')).toEqual({ codes: Int32Array.from([2, 1, 0, 1]), levels: ['a', 'b2', 'b10'] });
    // numbers sorted by value, as text
    expect(categoryColumn(t, 'n')).toEqual({ codes: Int32Array.from([1, -1, 0, 1]), levels: ['-1.5', '3'] });
    expect(categoryColumn(t, 'b')).toEqual({ codes: Int32Array.from([1, -1, 0, 1]), levels: ['false', 'true'] });
  });

  it('on a plain Arrow table (Int32, Utf8, Dictionary, Bool; several batches)', () => {
    const a = new Table({ i: vectorFromArray([5, null, 2], new Int32()), s: vectorFromArray(['x', 'y', null], new Utf8()), d: vectorFromArray(['k', 'k', 'j'], new Dictionary(new Utf8(), new Int32())), b: vectorFromArray([true, false, true], new Bool()) });
    const b = new Table({ i: vectorFromArray([7, 2, 1], new Int32()), s: vectorFromArray(['y', 'z', 'x'], new Utf8()), d: vectorFromArray(['l', null, 'j'], new Dictionary(new Utf8(), new Int32())), b: vectorFromArray([null, false, true], new Bool()) });
    const t = a.concat(b);
    expect(columnValues(t, 'i')).toEqual([5, null, 2, 7, 2, 1]);
    expect(categoryColumn(t, 'i').levels).toEqual(['1', '2', '5', '7']);
    expect(categoryColumn(t, 's')).toEqual({ codes: Int32Array.from([0, 1, -1, 1, 2, 0]), levels: ['x', 'y', 'z'] });
    expect(categoryColumn(t, 'd')).toEqual({ codes: Int32Array.from([1, 1, 0, 2, -1, 0]), levels: ['j', 'k', 'l'] });
    expect(columnValues(t, 'b')).toEqual([true, false, true, null, false, true]);
  });

  it('errors: unknown column, text as number', async () => {
    const t = (await loadText('a,g\n1,x\n')).table;
    expect(codeOf(() => numericColumn(t, 'nope'))).toBe('MISSING_COLUMN');
    expect(codeOf(() => categoryColumn(t, 'nope'))).toBe('MISSING_COLUMN');
    expect(codeOf(() => numericColumn(t, 'g'))).toBe('TEXT_FOR_NUMBER');
  });
});

describe('describeColumns', () => {
  it('counts distinct values up to 1000, brute-force checked', () => {
    for (const k of [999, 1000, 1001, 5000]) {
      const xs = Float64Array.from({ length: 6000 }, (_, i) => (i * 7919) % k);
      const ss = Array.from(xs, (v) => `v${v}`);
      const t = new Table({ x: vectorFromArray(Array.from(xs), new Float64()), s: vectorFromArray(ss, new Utf8()) });
      const [x, s] = describeColumns(t);
      const exact = new Set(xs).size;
      expect(exact).toBe(k);
      expect(x).toMatchObject({ distinct: Math.min(k, 1000), distinctCapped: k > 1000, min: 0, max: k - 1, integer: true, missing: 0 });
      expect(s).toMatchObject({ kind: 'category', distinct: Math.min(k, 1000), distinctCapped: k > 1000, min: null });
    }
  });

  it('NaN and null in float columns are both missing', () => {
    const t = new Table({ x: vectorFromArray([1.5, NaN, null, 2], new Float64()) });
    expect(describeColumns(t)[0]).toMatchObject({ kind: 'number', missing: 2, integer: false, min: 1.5, max: 2, distinct: 2 });
  });
});

describe('naturalCompare', () => {
  it('orders numbers inside text by value', () => {
    expect(['b10', 'b2', 'a', '100+', '18-25', '26-35', 'b02'].sort(naturalCompare)).toEqual(['18-25', '26-35', '100+', 'a', 'b02', 'b2', 'b10']);
  });

  it('is a total order: antisymmetric and transitive on random texts', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', 'a', 'b', '-', ' ') , maxLength: 6 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
        if (naturalCompare(a, b) === 0) expect(a).toBe(b);
        if (naturalCompare(a, b) <= 0 && naturalCompare(b, c) <= 0) expect(naturalCompare(a, c)).toBeLessThanOrEqual(0);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
