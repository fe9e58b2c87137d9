import { describe, expect, it } from 'vitest';
import { dependenceLayout, MISSING_LABEL, spread } from '../../../../src/ui/explain/dependence.ts';
import { CATEGORY_COLOURS, rampColour } from '../../../../src/ui/explain/colour.ts';
import { explainView } from '../../../../src/ui/explain/view.ts';
import { fakeRun } from './fake-run.ts';

const view = explainView(fakeRun({
  players: ['age', 'purpose', 'amount'],
  values: [[0.1, 0.05, 0.0], [-0.2, -0.05, 0.01], [0.3, 0.02, -0.01], [0.05, 0.04, 0.02]],
  base: 0.5,
  data: { age: [20, 40, null, 60], purpose: ['car', 'tv', 'car', null], amount: [100, 200, 300, 400] },
}));

describe('dependence plot', () => {
  it('numbers: x = the value, y = its SHAP value; missing values left out and counted', () => {
    const l = dependenceLayout(view, 'age', 'amount', 600, 300);
    expect(l.x.kind).toBe('number');
    expect(l.dots.map((d) => d.i)).toEqual([0, 1, 3]);
    expect(l.missing).toBe(1);
    if (l.x.kind !== 'number') return;
    expect(l.dots[0].x).toBeCloseTo(l.x.scale(20), 9);
    expect(l.dots[2].y).toBeCloseTo(l.y(0.05), 9);
    // the y domain covers 0 and every SHAP value, the x domain every value
    expect(l.y.domain()[0]).toBeLessThanOrEqual(-0.2);
    expect(l.y.domain()[1]).toBeGreaterThanOrEqual(0.3);
    expect(l.x.scale.domain()[0]).toBeLessThanOrEqual(20);
    expect(l.x.scale.domain()[1]).toBeGreaterThanOrEqual(60);
    // larger value -> further right, larger SHAP -> higher up (smaller y)
    expect(l.dots[1].x).toBeGreaterThan(l.dots[0].x);
    expect(l.dots[1].y).toBeGreaterThan(l.dots[0].y);
  });

  it('colour by a second column: its own scale (here amount 100..400, low to high)', () => {
    const l = dependenceLayout(view, 'age', 'amount', 600, 300);
    expect(l.scale?.kind).toBe('number');
    expect(l.dots[0].colour).toBe(l.scale!.colour(100));
    expect(l.dots[2].colour).toBe(rampColour(1));
    const none = dependenceLayout(view, 'age', null);
    expect(none.scale).toBeNull();
    expect(new Set(none.dots.map((d) => d.colour)).size).toBe(1);
  });

  it('categories: one band each (natural order, missing as its own band), dots spread inside the band', () => {
    const l = dependenceLayout(view, 'purpose', 'age', 600, 300);
    expect(l.x.kind).toBe('category');
    if (l.x.kind !== 'category') return;
    expect(l.x.scale.domain()).toEqual(['car', 'tv', MISSING_LABEL].sort());
    expect(l.dots).toHaveLength(4);
    for (const d of l.dots) {
      const v = ['car', 'tv', 'car', null][d.i];
      const b = l.x.scale(v === null ? MISSING_LABEL : v)!;
      expect(d.x).toBeGreaterThanOrEqual(b);
      expect(d.x).toBeLessThanOrEqual(b + l.x.scale.bandwidth());
    }
    // the two 'car' cases are spread apart, deterministically
    const car = l.dots.filter((d) => d.i === 0 || d.i === 2);
    expect(car[0].x).not.toBeCloseTo(car[1].x, 3);
    expect(dependenceLayout(view, 'purpose', 'age', 600, 300).dots).toEqual(l.dots);
    expect(l.scale?.kind).toBe('number');
  });

  it('spread is a fixed sequence in (-0.5, 0.5) that fills the band evenly', () => {
    const xs = Array.from({ length: 100 }, (_, k) => spread(k));
    for (const x of xs) expect(Math.abs(x)).toBeLessThan(0.5);
    // every tenth of the band gets between 8 and 12 of 100 dots
    for (let b = 0; b < 10; b++) {
      const c = xs.filter((x) => x + 0.5 >= b / 10 && x + 0.5 < (b + 1) / 10).length;
      expect(c).toBeGreaterThanOrEqual(8);
      expect(c).toBeLessThanOrEqual(12);
    }
  });

  it('an unknown player is an error naming it', () => {
    expect(() => dependenceLayout(view, 'nope', null)).toThrow(/invalid player: nope/);
    expect(dependenceLayout(view, 'purpose', 'nope').colourBy).toBeNull();
    expect(CATEGORY_COLOURS.length).toBe(6);
  });
});

describe('colouring by a group attribute the model does not see (issue 5)', () => {
  it('a context column colours the dots like a player would, and is not a player', async () => {
    const { fakeRun } = await import('./fake-run.ts');
    const { explainView } = await import('../../../../src/ui/explain/view.ts');
    const { dependenceLayout } = await import('../../../../src/ui/explain/dependence.ts');
    const run = fakeRun({ players: ['district', 'size'], base: 0.3, values: [[0.2, 0.1], [-0.1, 0], [0.3, -0.1]], data: { district: ['Nord', 'Süd', 'Nord'], size: [1, 2, 3] }, context: { nationality: ['andere', 'deutsch', 'andere'], district: ['x', 'y', 'z'] } });
    const view = explainView(run);
    expect(view.context.map((c) => c.name)).toEqual(['nationality']); // a player's own column is not repeated
    const l = dependenceLayout(view, 'district', 'nationality');
    expect(l.colourBy).toBe('nationality');
    const byRow = new Map(l.dots.map((d) => [d.i, d.colour]));
    expect(byRow.get(0)).toBe(byRow.get(2));
    expect(byRow.get(0)).not.toBe(byRow.get(1));
  });
});
