/** Issue 4, item 10: per-group curves over the threshold and ROC curves. */
import { describe, expect, it } from 'vitest';
import { linesLayout } from '../../../../src/ui/fairness/lines.ts';
import { groupStyle } from '../../../../src/ui/fairness/palette.ts';

describe('linesLayout', () => {
  const series = [
    { label: 'female', xs: [0, 0.5, 1], ys: [1, 0.8, 0] },
    { label: 'male', xs: [0, 0.25, 0.5, 0.75, 1], ys: [1, null, 0.6, null, 0] },
  ];
  const L = linesLayout(series, { width: 400, height: 300, marker: 0.5, diagonal: true });

  it('every defined point is drawn at its scaled position', () => {
    expect(L.series[0].points).toEqual(series[0].xs.map((x, i) => [L.x(x), L.y(series[0].ys[i] as number)]));
    expect(L.x(0)).toBe(L.margin.left);
    expect(L.y(0)).toBe(300 - L.margin.bottom);
    expect(L.y(1)).toBe(L.margin.top);
  });

  it('null points break the line instead of dropping to 0', () => {
    expect(L.series[1].points).toHaveLength(3);
    expect(L.series[1].points).toEqual([[L.x(0), L.y(1)], [L.x(0.5), L.y(0.6)], [L.x(1), L.y(0)]]);
    // three separate pieces: one "M" per piece
    expect((L.series[1].path.match(/M/g) ?? []).length).toBe(3);
    expect((L.series[0].path.match(/M/g) ?? []).length).toBe(1);
  });

  it('groups get their palette colour and dash', () => {
    expect(L.series.map((s) => [s.colour, s.dash])).toEqual([0, 1].map((i) => [groupStyle(i).colour, groupStyle(i).dash]));
  });

  it('marker at the threshold; diagonal from (0,0) to (1,1); marker outside [0,1] is left out', () => {
    expect(L.marker).toEqual({ x: L.x(0.5), value: 0.5 });
    expect(L.diagonal).toEqual({ x1: L.x(0), y1: L.y(0), x2: L.x(1), y2: L.y(1) });
    expect(linesLayout(series, { marker: 1.5 }).marker).toBeNull();
    expect(linesLayout(series).diagonal).toBeNull();
  });
});
