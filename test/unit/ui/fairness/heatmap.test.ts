/** Issue 4, item 10: the intersection heatmap (rows x columns, n per cell, small cells marked). */
import { describe, expect, it } from 'vitest';
import { interpolatePuOr, rgb } from 'd3';
import { heatColour, heatmapLayout } from '../../../../src/ui/fairness/heatmap.ts';
import { contrast, luminance } from '../../../../src/ui/fairness/palette.ts';

const DATA = [
  { parts: ['female', '25_plus'], value: 0.863, n: 226, small: false },
  { parts: ['female', 'under_25'], value: 0.798, n: 84, small: false },
  { parts: ['male', '25_plus'], value: 0.907, n: 625, small: false },
  { parts: ['male', 'under_25'], value: null, n: 12, small: true },
  { parts: ['other', '25_plus'], value: 0.85, n: 20, small: true },
];

describe('heatmapLayout', () => {
  const L = heatmapLayout(DATA, { cellWidth: 100, cell: 50, rowTitle: 'sex' });

  it('rows are the first attribute, columns the second, in order of appearance; one cell each', () => {
    expect(L.rows).toEqual(['female', 'male', 'other']);
    expect(L.cols).toEqual(['25_plus', 'under_25']);
    expect(L.cells).toHaveLength(6);
    for (const c of L.cells) {
      expect(c.x).toBe(L.xBand(c.col));
      expect(c.y).toBe(L.yBand(c.row));
    }
  });

  it('each cell carries its group (n, small); an absent combination is empty and white', () => {
    const cell = (r: string, c: string) => L.cells.find((x) => x.row === r && x.col === c)!;
    expect(cell('female', 'under_25').datum).toEqual(DATA[1]);
    expect(cell('male', 'under_25').datum?.small).toBe(true);
    expect(cell('male', 'under_25').fill).toBe('#ffffff'); // undefined value: no colour
    expect(cell('other', 'under_25').datum).toBeNull();
    expect(cell('other', 'under_25').fill).toBe('#ffffff');
  });

  it('the colour scale spans the values shown: the highest is darkest, order is kept', () => {
    expect(L.domain).toEqual([0.798, 0.907]);
    const lum = (v: number) => luminance(heatColour(v, L.domain!));
    expect(lum(0.907)).toBeLessThan(lum(0.863));
    expect(lum(0.863)).toBeLessThan(lum(0.85));
    expect(lum(0.85)).toBeLessThan(lum(0.798));
    expect(L.legend.map((s) => s.offset)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(L.legend[0].colour).toBe(heatColour(0.798, L.domain!));
  });

  it('cell text has at least 4.5:1 contrast on its fill, over the whole scale', () => {
    for (const c of L.cells) expect(contrast(c.text, c.fill)).toBeGreaterThanOrEqual(4.5);
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const fill = heatColour(t, [0, 1]);
      const text = contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
      expect(contrast(text, fill), `t=${t}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the lightest colour is still distinguishable from the white page (not pure white)', () => {
    expect(heatColour(0, [0, 1])).not.toBe('#ffffff');
    expect(contrast(heatColour(0, [0, 1]), '#ffffff')).toBeGreaterThan(1.05);
  });
});

describe('heatmap of a signed metric (regression mean error)', () => {
  const L = heatmapLayout([
    { parts: ['f', 'x'], value: -1.065, n: 14, small: true },
    { parts: ['f', 'y'], value: 0, n: 50, small: false },
    { parts: ['m', 'x'], value: 2.258, n: 13, small: true },
    { parts: ['m', 'y'], value: 1.065, n: 80, small: false },
  ]);

  it('uses a diverging scale, symmetric around 0: 0 in the middle, the largest |value| at an end', () => {
    expect(L.diverging).toBe(true);
    const [neg, zero, top, pos] = L.cells.map((c) => c.fill);
    const puor = (t: number) => rgb(interpolatePuOr(t)).formatHex();
    const m = 2.258;
    expect(zero).toBe(puor(0.5));
    expect(top).toBe(puor(1));
    expect(neg).toBe(puor(0.5 - 1.065 / (2 * m)));
    expect(pos).toBe(puor(0.5 + 1.065 / (2 * m)));
    // 0 is the pale middle: lighter than both sides
    expect(luminance(zero)).toBeGreaterThan(luminance(neg));
    expect(luminance(zero)).toBeGreaterThan(luminance(pos));
    // the two sides have the hues the explanation names: purple below 0, orange above
    expect(rgb(neg).b).toBeGreaterThan(rgb(neg).r);
    expect(rgb(pos).r).toBeGreaterThan(rgb(pos).b);
    for (const c of L.cells) expect(contrast(c.text, c.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('one-signed values keep the sequential scale', () => {
    expect(heatmapLayout([{ parts: ['a', 'b'], value: 1, n: 1, small: false }, { parts: ['a', 'c'], value: 2, n: 1, small: false }]).diverging).toBe(false);
  });
});

describe('heatmap colours of rates (issue 4)', () => {
  it('rates keep the whole [0, 1] scale: 99.5% and 100% get nearly the same colour', async () => {
    const { heatmapLayout } = await import('../../../../src/ui/fairness/heatmap.ts');
    const data = [{ parts: ['a', 'x'], value: 0.995, n: 50, small: false }, { parts: ['a', 'y'], value: 1, n: 50, small: false }];
    const unit = heatmapLayout(data, { unit: true });
    expect(unit.domain).toEqual([0, 1]);
    const free = heatmapLayout(data);
    expect(free.domain).toEqual([0.995, 1]);
    const hex = (s: string) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
    const dist = (l: typeof unit) => { const [p, q] = l.cells.map((c) => hex(c.fill)); return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]); };
    expect(dist(unit)).toBeLessThan(10);
    expect(dist(free)).toBeGreaterThan(100);
  });
});
