/** Issue 4: groups (categorical, missing, numeric bins, intersections) and option validation. */
import { describe, expect, it } from 'vitest';
import { binNumeric } from '../../../src/engine/fairness/binning.ts';
import { attributeGroups, intersectGroups } from '../../../src/engine/fairness/groups.ts';
import { resolveOptions } from '../../../src/engine/fairness/options.ts';
import { buildPartitions } from '../../../src/engine/fairness/partitions.ts';

describe('groups', () => {
  it('keeps levels that occur, in level order, with missing values last as "(missing)"', () => {
    const p = attributeGroups({ name: 'nat', codes: Int32Array.of(2, -1, 0, 2, -1), levels: ['de', 'fr', 'tr'] }, 5);
    expect(p.values).toEqual(['de', 'tr', '(missing)']);
    expect([...p.ids]).toEqual([1, 2, 0, 1, 2]);
    expect([...p.sizes]).toEqual([1, 2, 2]);
    expect(p.missing).toEqual([false, false, true]);
  });

  it('rejects codes outside the levels, wrong lengths and a level named "(missing)" next to missing values', () => {
    expect(() => attributeGroups({ name: 'nat', codes: Int32Array.of(0, 3), levels: ['de', 'fr'] }, 2)).toThrow(/invalid group code in nat: 3; expected -1 \(missing\) or 0..1/);
    expect(() => attributeGroups({ name: 'nat', codes: Int32Array.of(0), levels: ['de'] }, 2)).toThrow(/invalid group column nat: 1 rows; expected 2/);
    expect(() => attributeGroups({ name: 'nat', codes: Int32Array.of(0, -1), levels: ['(missing)'] }, 2)).toThrow(/reserved/);
  });

  it('intersects attributes into the combinations that occur, joined with "+"', () => {
    const sex = attributeGroups({ name: 'sex', codes: Int32Array.of(0, 0, 1, 1, -1), levels: ['female', 'male'] }, 5);
    const age = attributeGroups({ name: 'age_group', codes: Int32Array.of(0, 1, 0, 0, 1), levels: ['25_plus', 'under_25'] }, 5);
    const x = intersectGroups([sex, age]);
    expect(x.name).toBe('sex+age_group');
    expect(x.attributes).toEqual(['sex', 'age_group']);
    expect(x.values).toEqual(['female+25_plus', 'female+under_25', 'male+25_plus', '(missing)+under_25']);
    expect(x.parts[3]).toEqual(['(missing)', 'under_25']);
    expect(x.missing).toEqual([false, false, false, true]);
    expect([...x.ids]).toEqual([0, 1, 2, 2, 3]);
    expect([...x.sizes]).toEqual([1, 1, 2, 1]);
  });

  it('intersects three attributes', () => {
    const a = attributeGroups({ name: 'a', codes: Int32Array.of(0, 1, 1, 0), levels: ['a0', 'a1'] }, 4);
    const b = attributeGroups({ name: 'b', codes: Int32Array.of(1, 1, 1, 1), levels: ['b0', 'b1'] }, 4);
    const c = attributeGroups({ name: 'c', codes: Int32Array.of(0, 0, 1, 0), levels: ['c0', 'c1'] }, 4);
    const x = intersectGroups([a, b, c]);
    expect(x.values).toEqual(['a0+b1+c0', 'a1+b1+c0', 'a1+b1+c1']);
    expect([...x.sizes]).toEqual([2, 1, 1]);
  });
});

describe('numeric binning', () => {
  const ages = Float64Array.of(19, 24, 25, 30, 34.5, 35, 50, 70, NaN);

  it('bins by cut points with readable labels and the data range at the ends', () => {
    const b = binNumeric('age', ages, { edges: [25, 35] });
    expect(b.levels).toEqual(['[19, 25)', '[25, 35)', '[35, 70]']);
    expect([...b.codes]).toEqual([0, 0, 1, 1, 1, 2, 2, 2, -1]);
  });

  it('labels outer bins that no data reaches with an open bound', () => {
    const b = binNumeric('age', Float64Array.of(30, 31), { edges: [18, 25, 100] });
    expect(b.levels).toEqual(['< 18', '[18, 25)', '[25, 100)', '>= 100']);
    expect([...b.codes]).toEqual([2, 2]);
  });

  it('bins by quantiles at data values', () => {
    // 8 present values sorted: 19 24 25 30 34.5 35 50 70; quartile cuts at positions 2, 4, 6: 25, 34.5, 50
    const b = binNumeric('age', ages, { quantiles: 4 });
    expect(b.levels).toEqual(['[19, 25)', '[25, 34.5)', '[34.5, 50)', '[50, 70]']);
    expect([...b.codes]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, -1]);
  });

  it('merges tied quantile cuts', () => {
    const b = binNumeric('x', Float64Array.of(1, 1, 1, 1, 1, 1, 2, 3), { quantiles: 4 });
    expect(b.levels).toEqual(['[1, 2)', '[2, 3]']);
  });

  it('turns a numeric column into groups (default 4 quantile bins) and rejects bad edges', () => {
    const p = attributeGroups({ name: 'age', values: ages }, ages.length);
    expect(p.values).toEqual(['[19, 25)', '[25, 34.5)', '[34.5, 50)', '[50, 70]', '(missing)']);
    expect(() => binNumeric('age', ages, { edges: [35, 25] })).toThrow(/invalid binning edges for age: \[35,25\]/);
  });
});

describe('options', () => {
  it('fills in defaults', () => {
    const o = resolveOptions({});
    expect(o).toMatchObject({ threshold: 0.5, favourable: 'positive', level: 0.95, aucInterval: 'auto' });
    expect(o.minGroup).toEqual({ n: 30, positives: 5, negatives: 5 });
    expect(o.bootstrap).toEqual({ samples: 1000, seed: 1 });
  });

  it('rejects invalid values with the name, the value and what is expected', () => {
    expect(() => resolveOptions({ threshold: 2 })).toThrow('invalid threshold: 2; expected a number from 0 to 1');
    expect(() => resolveOptions({ favourable: 'good' as never })).toThrow('invalid favourable: good; expected one of positive, negative');
    expect(() => resolveOptions({ bootstrap: { samples: 5 } })).toThrow(/invalid bootstrap.samples: 5/);
    expect(() => resolveOptions({ intersections: [['sex']] })).toThrow(/invalid intersections/);
    expect(() => resolveOptions({ topK: [{ fraction: 1.5 }] })).toThrow(/invalid topK.fraction: 1.5/);
    expect(() => resolveOptions({ level: 1 })).toThrow(/invalid level: 1/);
    expect(() => resolveOptions({ binning: { age: { quantiles: 1 } } })).toThrow(/invalid binning.age.quantiles: 1/);
  });

  it('rejects intersections and references of unknown attributes', () => {
    const sex = { name: 'sex', codes: Int32Array.of(0, 1), levels: ['f', 'm'] };
    expect(() => buildPartitions([sex], 2, resolveOptions({ intersections: [['sex', 'age']] }))).toThrow('invalid intersections: age; expected one of sex');
    expect(() => buildPartitions([sex], 2, resolveOptions({ reference: { age: 'young' } }))).toThrow(/invalid reference: age/);
  });

  it('warns about missing values', () => {
    const sex = { name: 'sex', codes: Int32Array.of(0, -1, -1), levels: ['f'] };
    const { warnings } = buildPartitions([sex], 3, resolveOptions({}));
    expect(warnings).toEqual([{ code: 'missing_group_values', message: '2 rows have no value for sex; they are shown as the group "(missing)"', params: { attribute: 'sex', rows: 2 } }]);
  });
});
