/** Issue 4, item 10: bar charts with error bars; the whisker ends are exactly the interval. */
import { describe, expect, it } from 'vitest';
import { barsLayout, labelMargin } from '../../../../src/ui/fairness/bars.ts';

const DATA = [
  { label: 'female', value: 0.8451612903225807, ci: [0.8006917590849971, 0.8811811865867978] as [number, number] },
  { label: 'male', value: 0.8971014492753623, ci: [0.8723, 0.9178] as [number, number], small: true },
  { label: 'none', value: null, ci: null },
];

describe('barsLayout', () => {
  const L = barsLayout(DATA, { unit: true, width: 600, reference: 0.881 });

  it('rates use the axis 0 to 1 across the plot', () => {
    expect(L.x.domain()).toEqual([0, 1]);
    expect(L.x(0)).toBe(L.margin.left);
    expect(L.x(1)).toBe(600 - L.margin.right);
    expect(L.zero).toBe(L.margin.left);
  });

  it('error bar ends equal the interval ends; the bar ends at the value', () => {
    for (const [i, d] of DATA.entries()) {
      const b = L.bars[i];
      if (d.ci) {
        expect(b.whisker!.x1).toBeCloseTo(L.x(d.ci[0]), 9);
        expect(b.whisker!.x2).toBeCloseTo(L.x(d.ci[1]), 9);
        expect(b.whisker!.y).toBe(b.cy);
      } else expect(b.whisker).toBeNull();
      if (d.value !== null) {
        expect(b.bar!.x).toBe(L.zero);
        expect(b.bar!.x + b.bar!.width).toBeCloseTo(L.x(d.value), 9);
      }
    }
  });

  it('bar lengths are proportional to the values (hand ratio)', () => {
    expect(L.bars[0].bar!.width / L.bars[1].bar!.width).toBeCloseTo(0.8451612903225807 / 0.8971014492753623, 9);
  });

  it('an undefined value draws no bar, keeps its band, and the label stays inside the svg', () => {
    expect(L.bars[2].bar).toBeNull();
    expect(L.bars[2].cy).toBeGreaterThan(L.bars[1].cy);
    for (const b of L.bars) expect(b.text.x).toBeLessThan(L.width);
    expect(L.height).toBe(L.margin.top + L.margin.bottom + 3 * 30);
  });

  it('the reference line sits at the overall value', () => {
    expect(L.reference!.x).toBeCloseTo(L.x(0.881), 9);
  });

  it('other values: a nice axis containing 0, every value and every interval end; negative bars grow left', () => {
    const R = barsLayout([{ label: 'a', value: -1.3, ci: [-2.1, -0.5] }, { label: 'b', value: 2.2, ci: [1.1, 3.4] }]);
    const [lo, hi] = R.x.domain();
    expect(lo).toBeLessThanOrEqual(-2.1);
    expect(hi).toBeGreaterThanOrEqual(3.4);
    expect(R.zero).toBeCloseTo(R.x(0), 9);
    expect(R.bars[0].bar!.x).toBeCloseTo(R.x(-1.3), 9);
    expect(R.bars[0].bar!.x + R.bars[0].bar!.width).toBeCloseTo(R.zero, 9);
    expect(R.bars[0].whisker!.x1).toBeCloseTo(R.x(-2.1), 9);
    // the value label of a negative bar goes right of the zero line, not over the bar
    expect(R.bars[0].text).toEqual({ x: R.zero + 6, anchor: 'start' });
  });

  it('the left margin grows with the longest label, within limits', () => {
    expect(labelMargin(['a'])).toBe(60);
    expect(labelMargin(['female+under_25'])).toBe(15 * 7 + 16);
    expect(labelMargin(['x'.repeat(100)])).toBe(240);
  });
});
