import { describe, expect, it } from 'vitest';
import { binScores, histogramLayout } from '../../../src/ui/charts/histogram.ts';

describe('prediction histogram', () => {
  it('bins probabilities into 20 bins of 0.05, 1.0 in the last bin, NaN left out', () => {
    const bins = binScores(new Float64Array([0, 0.049, 0.05, 0.5, 0.999, 1, NaN]), true);
    expect(bins).toHaveLength(20);
    expect(bins[0].count).toBe(2);
    expect(bins[1].count).toBe(1);
    expect(bins[10].count).toBe(1);
    expect(bins[19].count).toBe(2);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(6);
  });

  it('bins other scores over a nice range and keeps every value', () => {
    const scores = new Float64Array(Array.from({ length: 1000 }, (_, i) => -3 + (i / 999) * 7.3));
    const bins = binScores(scores, false);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bins[0].x0).toBeLessThanOrEqual(-3);
    expect(bins[bins.length - 1].x1).toBeGreaterThanOrEqual(4.3);
  });

  it('a constant score is one bin', () => {
    expect(binScores(new Float64Array([2, 2, 2]), false)).toEqual([{ x0: 2, x1: 2, count: 3 }]);
  });

  it('bar heights are proportional to counts and inside the plot', () => {
    const layout = histogramLayout([{ x0: 0, x1: 0.5, count: 10 }, { x0: 0.5, x1: 1, count: 5 }], 400, 200);
    const [a, b] = layout.bars;
    expect(a.height / b.height).toBeCloseTo(2, 6);
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.margin.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(400 - layout.margin.right + 1e-9);
      expect(bar.y).toBeGreaterThanOrEqual(layout.margin.top - 1e-9);
    }
  });
});
