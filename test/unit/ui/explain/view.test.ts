import { describe, expect, it } from 'vitest';
import { explainView, findCases, positionOfRow, valueKind } from '../../../../src/ui/explain/view.ts';
import { fakeRun } from './fake-run.ts';

const run = fakeRun({
  players: ['a', 'b', 'c'],
  values: [
    [0.1, -0.3, 0.0],
    [-0.1, 0.1, 0.2],
    [0.1, 0.2, -0.1],
  ],
  base: 0.5,
  rows: [10, 3, 7],
  data: { a: [1, 2, null], b: ['x', 'Yes', 'yes'] },
  se: [[0.01, 0.02, 0.03], [0.04, 0.05, 0.06], [0.07, 0.08, 0.09]],
});

describe('explanation view', () => {
  it('sorts players by mean |SHAP| (hand-computed: b 0.2, a 0.1333, c 0.1), columns read row-major', () => {
    const v = explainView(run);
    expect(v.players.map((p) => p.name)).toEqual(['b', 'a', 'c']);
    expect(v.players[0].meanAbs).toBeCloseTo(0.6 / 3, 15);
    expect(v.players[1].meanAbs).toBeCloseTo(0.3 / 3, 15);
    expect(Array.from(v.players[0].shap)).toEqual([-0.3, 0.1, 0.2]);
    expect(Array.from(v.players[2].se!)).toEqual([0.03, 0.06, 0.09]);
    expect(v.players.map((p) => p.index)).toEqual([1, 0, 2]);
  });

  it('ties keep the engine order', () => {
    const v = explainView(fakeRun({ players: ['z', 'y'], values: [[0.1, -0.1]], base: 0 }));
    expect(v.players.map((p) => p.name)).toEqual(['z', 'y']);
  });

  it('kinds: numbers, categories, none (no column: a merged group)', () => {
    const v = explainView(run);
    expect(v.players.find((p) => p.name === 'a')!.kind).toBe('number');
    expect(v.players.find((p) => p.name === 'b')!.kind).toBe('category');
    expect(v.players.find((p) => p.name === 'c')!.kind).toBe('none');
    expect(valueKind([null, null])).toBe('none');
    expect(valueKind([1, true])).toBe('category');
  });

  it('finds cases by data row and by value (text: substring, any case; numbers: equal, decimal comma)', () => {
    const v = explainView(run);
    expect(positionOfRow(v, 3)).toBe(1);
    expect(positionOfRow(v, 4)).toBe(-1);
    // in row order: row 3 (position 1) before row 7 (position 2)
    expect(findCases(v, 'b', 'YES')).toEqual([1, 2]);
    expect(findCases(v, 'a', '2')).toEqual([1]);
    expect(findCases(v, 'a', '2,0')).toEqual([1]);
    expect(findCases(v, 'a', '–')).toEqual([2]);
    expect(findCases(v, 'a', '')).toEqual([]);
    expect(findCases(v, 'c', 'x')).toEqual([]);
    expect(findCases(v, 'b', 'e', 1)).toEqual([1]);
  });
});
