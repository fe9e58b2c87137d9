import { describe, expect, it } from 'vitest';
import { importanceLayout, ROW } from '../../../../src/ui/explain/importance.ts';
import { fitText, labelMargin, textWidth } from '../../../../src/ui/explain/labels.ts';
import { explainView } from '../../../../src/ui/explain/view.ts';
import { fakeRun } from './fake-run.ts';

const view = explainView(fakeRun({
  players: ['short', 'AVeryLongColumnNameThatDoesNotFitAnywhere', 'mid'],
  values: [[0.1, -0.4, 0.2], [0.1, 0.2, -0.2]],
  base: 0.5,
}));

describe('importance bars', () => {
  it('one bar per player, largest mean |SHAP| on top, lengths proportional to it', () => {
    const l = importanceLayout(view, 600);
    expect(l.bars.map((b) => b.name)).toEqual(['AVeryLongColumnNameThatDoesNotFitAnywhere', 'mid', 'short']);
    expect(l.bars.map((b) => b.value)).toEqual([0.3, 0.2, 0.1].map((v) => expect.closeTo(v, 15)));
    expect(l.bars[0].width / l.bars[2].width).toBeCloseTo(3, 9);
    expect(l.bars[1].y - l.bars[0].y).toBe(ROW);
    // bars start at the axis and end inside the plot
    for (const b of l.bars) {
      expect(b.x).toBe(l.margin.left);
      expect(b.x + b.width).toBeLessThanOrEqual(600 - l.margin.right + 1e-9);
    }
    expect(l.x.domain()[0]).toBe(0);
    expect(l.x.domain()[1]).toBeGreaterThanOrEqual(0.3);
    expect(l.height).toBe(l.margin.top + l.margin.bottom + 3 * ROW);
  });

  it('long names are shortened to the margin (full name kept), the margin is capped', () => {
    const l = importanceLayout(view, 600);
    expect(l.margin.left).toBe(220);
    expect(l.bars[0].label.endsWith('…')).toBe(true);
    expect(textWidth(l.bars[0].label)).toBeLessThanOrEqual(210);
    expect(l.bars[1].label).toBe('mid');
    expect(fitText('OtherDebtorsGuarantors', 80)).toMatch(/^Other.*…$/);
    expect(labelMargin(['Age'], 60, 220)).toBe(60);
  });

  it('shows at most maxBars players and counts the hidden ones', () => {
    const l = importanceLayout(view, 600, 2);
    expect(l.bars).toHaveLength(2);
    expect(l.hidden).toBe(1);
  });

  it('all-zero values do not break the scale', () => {
    const z = importanceLayout(explainView(fakeRun({ players: ['a'], values: [[0]], base: 0.3 })), 600);
    expect(z.bars[0].width).toBe(0);
    expect(z.x.domain()).toEqual([0, 1]);
  });
});
