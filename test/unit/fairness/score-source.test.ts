/**
 * Issue 12: the engine side of score and decision columns: threshold curves on the score's own
 * scale, both directions, against hand counts over ProPublica's COMPAS file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEngine } from '../../../src/worker/local.ts';
import { thresholdGrid } from '../../../src/engine/analyses/fairness-run.ts';

const COMPAS = join(import.meta.dirname, '../../fixtures/compas/compas-scores-two-years.csv');
const bytes = () => { const b = readFileSync(COMPAS); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer; };

function rows(): { race: string; decile: number }[] {
  const lines = readFileSync(COMPAS, 'utf8').trim().split('\n');
  const h = lines[0].split(',');
  return lines.slice(1).map((l) => { const c = l.split(','); return { race: c[h.indexOf('race')], decile: Number(c[h.indexOf('decile_score')]) }; });
}

describe('issue 12: score columns in the engine', () => {
  it('the curves run over the score range; each grid point selects exactly the rows at or above it (or at or below, for lower = positive)', async () => {
    const e = new LocalEngine();
    await e.call({ kind: 'loadData', bytes: bytes(), fileName: 'compas.csv' });
    const all = rows();
    for (const higherIs of ['positive', 'negative'] as const) {
      const f = await e.call({ kind: 'fairness', source: { scores: 'decile_score', higherIs }, spec: { label: 'two_year_recid=1', protected: ['race'], threshold: 5, bootstrap: 0, curves: { points: 10 } } });
      const curve = f.thresholds![0].curves.find((c) => c.value === 'Caucasian')!;
      expect(curve.thresholds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const mine = all.filter((r) => r.race === 'Caucasian');
      curve.thresholds.forEach((t, k) => {
        const sel = mine.filter((r) => (higherIs === 'positive' ? r.decile >= t : r.decile <= t)).length;
        expect(curve.selection_rate[k] * curve.n, `${higherIs} at ${t}`).toBeCloseTo(sel, 9);
      });
      // per-group thresholds come back in deciles, not negated ones
      for (const g of f.thresholds![0].equal_selection_rate.groups) if (g.threshold !== null) expect(g.threshold).toBeGreaterThanOrEqual(1);
    }
  });

  it('thresholdGrid spans probabilities or the scores seen', () => {
    expect(thresholdGrid(3, null)).toEqual([0, 0.5, 1]);
    expect(thresholdGrid(3, Float64Array.of(1, 10, 4))).toEqual([1, 5.5, 10]);
    expect(thresholdGrid(2, Float64Array.of(3, 3))).toEqual([3, 4]);
  });

  it('a decision column has no curves: nothing to move', async () => {
    const e = new LocalEngine();
    await e.call({ kind: 'loadData', bytes: bytes(), fileName: 'compas.csv' });
    const f = await e.call({ kind: 'fairness', source: { decisions: 'sex=Male' }, spec: { label: 'two_year_recid=1', protected: ['race'], bootstrap: 0, curves: true } });
    expect(f.thresholds).toBeUndefined();
    expect(f.json.threshold).toBeNull();
  });
});
