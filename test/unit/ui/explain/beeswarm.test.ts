import { describe, expect, it } from 'vitest';
import { beeswarmLayout, stackOffsets, stackRow, RADIUS, SWARM_ROW } from '../../../../src/ui/explain/beeswarm.ts';
import { GREY, rampColour } from '../../../../src/ui/explain/colour.ts';
import { explainView } from '../../../../src/ui/explain/view.ts';
import { rng } from '../../../../src/engine/random.ts';
import { fakeRun } from './fake-run.ts';

function randomRun(n: number, seed: number) {
  const r = rng(seed);
  const values = Array.from({ length: n }, () => [r.next() - 0.5, (r.next() - 0.5) * 0.2, 0]);
  const data = { num: values.map((_, i) => (i % 10 === 0 ? null : i)), cat: values.map((_, i) => ['x', 'y', 'z'][i % 3]) };
  return fakeRun({ players: ['num', 'cat', 'zero'], values, base: 0.4, data });
}

describe('beeswarm', () => {
  it('stack offsets alternate up and down and are compressed into the row', () => {
    expect(stackOffsets(5, 2, 100)).toEqual([0, 2, -2, 4, -4]);
    const c = stackOffsets(101, 2, 10);
    expect(Math.max(...c.map(Math.abs))).toBeCloseTo(10, 12);
    expect(stackOffsets(1, 2, 0)).toEqual([0]);
  });

  it('dots in the same x bucket get distinct heights; a lone dot sits on the centre line', () => {
    const ys = stackRow([10, 10.5, 11, 300], [0, 1, 2, 3], 50, 2.5, 14);
    expect(new Set(ys.slice(0, 3)).size).toBe(3);
    expect(ys[3]).toBe(50);
    for (const y of ys) expect(Math.abs(y - 50)).toBeLessThanOrEqual(14);
  });

  it('rows follow importance; every case is one dot at x = its SHAP value, inside its row band', () => {
    const view = explainView(randomRun(300, 3));
    const l = beeswarmLayout(view, 700);
    expect(l.rows.map((r) => r.name)).toEqual(view.players.map((p) => p.name));
    expect(l.rows[0].name).toBe('num');
    l.rows.forEach((row, k) => {
      const p = view.players[k];
      expect(row.dots).toHaveLength(300);
      expect(row.y).toBe(l.margin.top + k * SWARM_ROW + SWARM_ROW / 2);
      for (const d of row.dots) {
        expect(d.x).toBeCloseTo(l.x(p.shap[d.i]), 9);
        expect(Math.abs(d.y - row.y)).toBeLessThanOrEqual(SWARM_ROW / 2 - RADIUS + 1e-9);
        expect(d.x).toBeGreaterThanOrEqual(l.margin.left);
        expect(d.x).toBeLessThanOrEqual(700 - l.margin.right);
      }
    });
    // the x domain covers zero and every value
    const all = view.players.flatMap((p) => Array.from(p.shap));
    expect(l.x.domain()[0]).toBeLessThanOrEqual(Math.min(0, ...all));
    expect(l.x.domain()[1]).toBeGreaterThanOrEqual(Math.max(0, ...all));
  });

  it('colours: numbers low -> high (missing grey), categories by the palette', () => {
    const view = explainView(randomRun(300, 3));
    const l = beeswarmLayout(view, 700);
    const num = l.rows.find((r) => r.name === 'num')!;
    expect(num.scale.kind).toBe('number');
    expect(num.dots[0].colour).toBe(GREY); // row 0 has no value
    expect(num.dots[299].colour).toBe(rampColour(1)); // the largest value
    const cat = l.rows.find((r) => r.name === 'cat')!;
    expect(cat.scale.kind).toBe('category');
    expect(new Set(cat.dots.map((d) => d.colour)).size).toBe(3);
  });

  it('is deterministic: the same data gives the same picture, other data another one', () => {
    const a = beeswarmLayout(explainView(randomRun(500, 11)), 700);
    const b = beeswarmLayout(explainView(randomRun(500, 11)), 700);
    expect(JSON.stringify(a.rows.map((r) => r.dots))).toBe(JSON.stringify(b.rows.map((r) => r.dots)));
    const c = beeswarmLayout(explainView(randomRun(500, 12)), 700);
    expect(JSON.stringify(c.rows.map((r) => r.dots))).not.toBe(JSON.stringify(a.rows.map((r) => r.dots)));
  });

  it('a constant player (all zero) stacks its dots at x = 0 within the row', () => {
    const view = explainView(randomRun(200, 5));
    const l = beeswarmLayout(view, 700);
    const zero = l.rows.find((r) => r.name === 'zero')!;
    for (const d of zero.dots) expect(d.x).toBeCloseTo(l.x(0), 9);
    expect(new Set(zero.dots.map((d) => d.y)).size).toBeGreaterThan(50);
  });
});
