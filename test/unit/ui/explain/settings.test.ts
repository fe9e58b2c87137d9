import { describe, expect, it } from 'vitest';
import { defaultSettings, parseRowList, rowCount, spacesFor, toSpec } from '../../../../src/ui/explain/settings.ts';
import { sampleIndices } from '../../../../src/engine/random.ts';

const base = defaultSettings('classification');

describe('explanation settings -> ExplainSpec', () => {
  it('defaults: probability for classifiers, raw otherwise; auto method, 100 background rows, seed 1', () => {
    expect(base.space).toBe('probability');
    expect(defaultSettings('regression').space).toBe('raw');
    expect(spacesFor('classification')).toEqual(['probability', 'logit']);
    expect(spacesFor('anomaly')).toEqual(['raw']);
    expect(toSpec(base, 1000, 'classification')).toEqual({ ok: true, spec: { background: 100, seed: 1, space: 'probability', method: 'auto', groups: 'auto' } });
  });

  it('row lists like the CLI\'s --rows: ranges, duplicates once, within the data', () => {
    expect(parseRowList('0-4, 17', 20)).toEqual({ rows: [0, 1, 2, 3, 4, 17] });
    expect(parseRowList('3-5,1;4', 10)).toEqual({ rows: [3, 4, 5, 1] });
    expect(parseRowList('3-x', 10)).toEqual({ rows: null, bad: '3-x' });
    expect(parseRowList('5-3', 10)).toEqual({ rows: null, bad: '5-3' });
    expect(parseRowList('10', 10)).toEqual({ rows: null, bad: '10' });
    expect(parseRowList('  ', 10).rows).toBeNull();
  });

  it('a list of rows goes to the spec; a bad one is a problem naming the value and the last row', () => {
    const ok = toSpec({ ...base, rows: 'list', rowList: '0-4' }, 1000, 'classification');
    expect(ok).toMatchObject({ ok: true, spec: { rows: [0, 1, 2, 3, 4] } });
    const bad = toSpec({ ...base, rows: 'list', rowList: '0-4, 1000' }, 1000, 'classification');
    expect(bad).toEqual({ ok: false, problems: [{ key: 'explain.problem.rows', params: { value: '1000', last: 999 } }] });
    const many = toSpec({ ...base, rows: 'list', rowList: '0-1500' }, 2000, 'classification');
    expect(many).toEqual({ ok: false, problems: [{ key: 'explain.problem.tooMany', params: { count: 1501, max: 1000 } }] });
  });

  it('a sample is the seeded sample the engine would draw with seed + 1 (reproducible with --rows)', () => {
    const r = toSpec({ ...base, rows: 'sample', sampleSize: '50', seed: '7' }, 5000, 'classification');
    expect(r.ok && r.spec.rows).toEqual(sampleIndices(5000, 50, 8));
    expect(r.ok && r.spec.rows?.length).toBe(50);
    const again = toSpec({ ...base, rows: 'sample', sampleSize: '50', seed: '7' }, 5000, 'classification');
    expect(again).toEqual(r);
  });

  it('every bad field is reported at once', () => {
    const r = toSpec({ ...base, background: '0', seed: '1.5', space: 'raw', samples: 'many', rows: 'sample', sampleSize: '5000' }, 100, 'classification');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.key)).toEqual(['explain.problem.background', 'explain.problem.seed', 'explain.problem.space', 'explain.problem.samples', 'explain.problem.sampleSize']);
  });

  it('samples only for methods that sample (or auto, whose choice depends on the budget)', () => {
    expect(toSpec({ ...base, method: 'permutation', samples: '500' }, 100, 'classification')).toMatchObject({ ok: true, spec: { samples: 500 } });
    const tree = toSpec({ ...base, method: 'tree', samples: '500' }, 100, 'classification');
    expect(tree.ok && 'samples' in tree.spec).toBe(false);
  });

  it('counts the rows a setting explains', () => {
    expect(rowCount(base, 5000)).toBe(1000);
    expect(rowCount(base, 300)).toBe(300);
    expect(rowCount({ ...base, rows: 'sample', sampleSize: '200' }, 150)).toBe(150);
    expect(rowCount({ ...base, rows: 'list', rowList: '1-3,9' }, 150)).toBe(4);
    expect(rowCount({ ...base, rows: 'list', rowList: 'x' }, 150)).toBeNull();
  });
});
