import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { waterfallLayout, waterfallSteps, Z } from '../../../../src/ui/explain/waterfall.ts';
import { explainView } from '../../../../src/ui/explain/view.ts';
import { columnValue, waterfallParagraph } from '../../../../src/ui/explain/text.ts';
import { textWidth } from '../../../../src/ui/explain/labels.ts';
import { EngineSession } from '../../../../src/engine/session.ts';
import { fakeRun } from './fake-run.ts';

const FIX = resolve(import.meta.dirname, '../../../fixtures/real_german_pipe_rf');

describe('waterfall for one case', () => {
  // 13 players; row 0's values are chosen by hand
  const players = Array.from({ length: 13 }, (_, j) => `p${j}`);
  const row0 = [0.01, -0.2, 0.05, 0.3, -0.001, 0.002, 0.1, -0.04, 0.003, 0.02, -0.06, 0.07, 0.0005];
  const run = fakeRun({ players, values: [row0, row0.map((v) => -v)], base: 0.4, data: { p3: [42, 43], p1: ['x', 'y'] } });
  const view = explainView(run);

  it('steps in order of |value|: top 10 own steps, the other 3 summed into one', () => {
    const steps = waterfallSteps(view, 0, 10);
    expect(steps.map((s) => s.name)).toEqual(['p3', 'p1', 'p6', 'p11', 'p10', 'p2', 'p7', 'p9', 'p0', 'p8', null]);
    const other = steps[10];
    expect(other.players).toBe(3);
    expect(other.shap).toBeCloseTo(-0.001 + 0.002 + 0.0005, 15);
    expect(steps[0].value).toBe(42);
    expect(steps[1].value).toBe('x');
    expect(steps[2].value).toBeUndefined(); // no data column
    expect(columnValue('p3', 42, 'de')).toBe('p3 = 42');
    expect(columnValue('p6', undefined, 'de')).toBe('p6');
  });

  it('starts at the base value, each step starts where the last ended, ends at base + sum = f(x)', () => {
    const l = waterfallLayout(view, 0);
    expect(l.steps[0].start).toBe(0.4);
    for (let k = 1; k < l.steps.length; k++) expect(l.steps[k].start).toBe(l.steps[k - 1].end);
    const sum = row0.reduce((s, v) => s + v, 0.4);
    expect(Math.abs(l.end - sum)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(l.end - l.prediction)).toBeLessThanOrEqual(1e-12);
    // pixel geometry: bars between start and end, rows below the base row, f(x) row last
    for (const s of l.steps) {
      expect(s.x0).toBeCloseTo(l.x(Math.min(s.start, s.end)), 9);
      expect(s.x1).toBeCloseTo(l.x(Math.max(s.start, s.end)), 9);
      expect(s.y).toBeGreaterThan(l.baseY);
      expect(s.y).toBeLessThan(l.endY);
    }
    const [lo, hi] = l.x.domain();
    expect(lo).toBeLessThanOrEqual(Math.min(0.4, ...l.steps.map((s) => Math.min(s.start, s.end))));
    expect(hi).toBeGreaterThanOrEqual(Math.max(0.4, ...l.steps.map((s) => Math.max(s.start, s.end))));
  });

  it('labels come from labelOf, the margin fits the longest (capped), long ones are shortened', () => {
    const l = waterfallLayout(view, 0, { labelOf: (s) => (s.name ? columnValue(s.name, s.value, 'de') : `${s.players} weitere`) });
    expect(l.steps[0].label).toBe('p3 = 42');
    expect(l.steps[10].label).toBe('3 weitere');
    expect(l.margin.left).toBe(120);
    const long = waterfallLayout(view, 0, { labelOf: (s) => `${s.name}${'x'.repeat(80)}` });
    expect(long.margin.left).toBe(300);
    expect(long.steps[0].label.endsWith('…')).toBe(true);
    // the base and f(x) labels widen the margin too
    const also = 'Ausgangswert (durchschnittlicher Fall)';
    expect(waterfallLayout(view, 0, { also: [also] }).margin.left).toBeGreaterThanOrEqual(textWidth(also, 13.5));
  });

  it('one left-over player is shown itself, not as "1 other column"', () => {
    expect(waterfallSteps(view, 0, 12).every((s) => s.name !== null)).toBe(true);
    expect(waterfallSteps(view, 0, 12)).toHaveLength(13);
  });

  it('sampling methods: whiskers of ±1.96 SE fit the axis; the aggregate gets sqrt(sum of squares)', () => {
    const se = [players.map((_, j) => 0.001 * (j + 1)), players.map(() => 0.001)];
    const r = explainView(fakeRun({ players, values: [row0, row0], base: 0.4, se, method: 'permutation' }));
    const l = waterfallLayout(r, 0);
    const other = l.steps[l.steps.length - 1];
    expect(other.se).toBeCloseTo(Math.sqrt(0.005 ** 2 + 0.006 ** 2 + 0.013 ** 2), 15);
    expect(l.steps[0].se).toBeCloseTo(0.004, 15);
    for (const s of l.steps) {
      expect(l.x.domain()[0]).toBeLessThanOrEqual(s.end - Z * s.se!);
      expect(l.x.domain()[1]).toBeGreaterThanOrEqual(s.end + Z * s.se!);
    }
  });

  it('an invalid case is an error naming it', () => {
    expect(() => waterfallLayout(view, 2)).toThrow(/invalid case: 2/);
  });

  it('real_german_pipe_rf: for every explained row the waterfall ends at the engine\'s f(x) (1e-9), values match the data file', async () => {
    const s = new EngineSession();
    await s.loadModel(new Uint8Array(readFileSync(join(FIX, 'model.onnx'))), 'model.onnx');
    await s.loadData(new Uint8Array(readFileSync(join(FIX, 'data.csv'))), 'data.csv');
    const rows = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987];
    const run = await s.explain({ spec: { rows, background: 50, seed: 3 } }, {});
    const v = explainView(run);
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(FIX, 'data.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(v.players).toHaveLength(19);
    for (let i = 0; i < rows.length; i++) {
      const l = waterfallLayout(v, i);
      expect(l.row).toBe(rows[i]);
      expect(Math.abs(l.end - run.explanation.predictions[i]), `row ${rows[i]}`).toBeLessThanOrEqual(1e-9);
      expect(l.steps).toHaveLength(11);
      for (const st of l.steps.filter((x) => x.name !== null)) expect(String(st.value)).toBe(csv[rows[i]][st.name!]);
      const para = waterfallParagraph(v, l, 'de');
      expect(para.params.row).toBe(rows[i]);
    }
  });
});
