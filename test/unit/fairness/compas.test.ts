/**
 * Issue 9: ProPublica's COMPAS analysis, reproduced from their own file. The file repeats
 * `decile_score` and `priors_count` in its header (as their export does); Einblick loads it with
 * the later columns renamed. The model is decile_score / 10 as float32 probabilities, so
 * threshold 0.5 is "Medium or High risk" (decile >= 5), 0.7 is decile >= 7 and 0.9 decile >= 9.
 *
 * References: ProPublica's published confusion counts per race (test/fixtures/compas/README.md,
 * "How We Analyzed the COMPAS Recidivism Algorithm", 2016), and hand counts of the deciles from
 * the CSV read here line by line.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEngine } from '../../../src/worker/local.ts';

const DIR = join(import.meta.dirname, '../../fixtures/compas');
const buf = (f: string) => {
  const b = readFileSync(join(DIR, f));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** ProPublica's table: all 7,214 rows, decile_score >= 5 positive, two_year_recid the outcome. */
const PROPUBLICA = {
  'African-American': { fp: 805, tn: 990, fn: 532, tp: 1369, fpr: 0.4485, fnr: 0.2799 },
  Caucasian: { fp: 349, tn: 1139, fn: 461, tp: 505, fpr: 0.2345, fnr: 0.4772 },
};

/** Rows with the first decile_score column at or above d, counted from the file's text. */
function decilesAtLeast(d: number): number {
  const lines = readFileSync(join(DIR, 'compas-scores-two-years.csv'), 'utf8').trim().split('\n');
  const col = lines[0].split(',').indexOf('decile_score');
  return lines.slice(1).filter((l) => Number(l.split(',')[col]) >= d).length;
}

async function compas(): Promise<LocalEngine> {
  const e = new LocalEngine();
  await e.call({ kind: 'loadModel', bytes: buf('decile_over_10.onnx'), fileName: 'decile_over_10.onnx' });
  const data = await e.call({ kind: 'loadData', bytes: buf('compas-scores-two-years.csv'), fileName: 'compas-scores-two-years.csv' });
  expect(data.rows).toBe(7214);
  return e;
}

type Group = { value: string; fp: number; tn: number; fn: number; tp: number; n_predicted_positive: number; rates: Record<string, number | null> };

describe('issue 9: ProPublica COMPAS from their own file', () => {
  it('loads the file with the repeated header and says which columns were renamed', async () => {
    const e = new LocalEngine();
    const data = await e.call({ kind: 'loadData', bytes: buf('compas-scores-two-years.csv'), fileName: 'compas-scores-two-years.csv' });
    const names = data.columns.map((c) => c.name);
    expect(names.filter((n) => n === 'decile_score')).toHaveLength(1);
    expect(names.filter((n) => n === 'priors_count')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(18);
    const note = data.warnings.find((w) => JSON.stringify(w.params ?? {}).includes('decile_score'));
    expect(note, 'a note names the repeated column').toBeDefined();
  });

  it('reproduces ProPublica\'s confusion counts, FPR and FNR by race at decile >= 5', async () => {
    const e = await compas();
    const f = await e.call({ kind: 'fairness', spec: { label: 'two_year_recid=1', protected: ['race'], threshold: 0.5, bootstrap: 0 } });
    const groups = (f.result as { attributes: { groups: Group[] }[] }).attributes[0].groups;
    for (const [race, ref] of Object.entries(PROPUBLICA)) {
      const g = groups.find((x) => x.value === race)!;
      expect({ fp: g.fp, tn: g.tn, fn: g.fn, tp: g.tp }, race).toEqual({ fp: ref.fp, tn: ref.tn, fn: ref.fn, tp: ref.tp });
      expect(Math.round(g.rates.fpr! * 1e4) / 1e4, race).toBe(ref.fpr);
      expect(Math.round(g.rates.fnr! * 1e4) / 1e4, race).toBe(ref.fnr);
    }
  });

  it('thresholds 0.7 and 0.9 select decile >= 7 and >= 9 (1,995 and 891 people), not fewer', async () => {
    const e = await compas();
    for (const [t, d, published] of [[0.7, 7, 1995], [0.9, 9, 891], [0.5, 5, 3317]] as const) {
      expect(decilesAtLeast(d)).toBe(published);
      const f = await e.call({ kind: 'fairness', spec: { label: 'two_year_recid=1', protected: ['race'], threshold: t, bootstrap: 0 } });
      expect((f.result as { overall: { n_predicted_positive: number } }).overall.n_predicted_positive, `threshold ${t}`).toBe(published);
    }
  });
});
