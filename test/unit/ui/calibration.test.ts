/**
 * Issue 5: the reliability diagram's layout (shared by the app and the report), against
 * coordinates worked out by hand for a 460 x 360 plot with margins 48 (left), 16 (right),
 * 12 (top), 48 (bottom): x = 48 + p * 396, y = 312 - p * 300.
 */
import { describe, expect, it } from 'vitest';
import { calibrationLayout } from '../../../src/report/calibration.ts';
import { calibrationChart } from '../../../src/report/svg.ts';
import type { CalibrationBin } from '../../../src/engine/analyses/model-check.ts';

const bins: CalibrationBin[] = [
  { lo: 0, hi: 0.1, n: 0, mean_score: null, observed: null, observed_ci: null },
  { lo: 0.5, hi: 0.6, n: 10, mean_score: 0.55, observed: 0.6, observed_ci: [0.3127, 0.8318] },
  { lo: 0.9, hi: 1, n: 4, mean_score: 0.95, observed: 1, observed_ci: [0.5101, 1] },
];

describe('calibration chart layout (issue 5)', () => {
  const L = calibrationLayout(bins, 460, 360);

  it('puts each non-empty bin at (mean prediction, observed share), its Wilson interval as the bar', () => {
    expect(L.marks).toHaveLength(2);
    const [a, b] = L.marks;
    expect(a.x).toBeCloseTo(48 + 0.55 * 396, 9);
    expect(a.y).toBeCloseTo(312 - 0.6 * 300, 9);
    expect(a.yTop).toBeCloseTo(312 - 0.8318 * 300, 9);
    expect(a.yBottom).toBeCloseTo(312 - 0.3127 * 300, 9);
    expect(b.x).toBeCloseTo(424.2, 9);
    expect(b.y).toBeCloseTo(12, 9);
    expect(b.yTop).toBeCloseTo(12, 9);
    // the upper end is above (smaller y than) the lower end
    for (const m of L.marks) expect(m.yTop).toBeLessThanOrEqual(m.yBottom);
  });

  it('diagonal from (0, 0) to (1, 1) and ticks every 0.2', () => {
    expect(L.diagonal).toEqual({ x1: 48, y1: 312, x2: 444, y2: 12 });
    expect(L.xTicks.map((t) => Math.round(t.x * 10) / 10)).toEqual([48, 127.2, 206.4, 285.6, 364.8, 444]);
    expect(L.yTicks.map((t) => Math.round(t.y * 10) / 10)).toEqual([312, 252, 192, 132, 72, 12]);
  });

  it('the report draws one point per non-empty bin, in the page’s number format', () => {
    const svg = calibrationChart(bins, { title: 'Kalibrierung', x: 'x', y: 'y', format: (v) => String(v).replace('.', ',') });
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('>0,2<');
    expect(svg).toContain(`cx="${48 + 0.55 * 396}"`);
  });
});
