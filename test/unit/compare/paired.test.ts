/**
 * Issue 12, item 3: paired bootstrap intervals. On correlated models (B = A + small noise) the
 * paired interval of B - A (the same resampled rows for both) is narrower than an unpaired one
 * (independent resamples for A and B, computed here row by row); it agrees with a row-level
 * paired bootstrap written here; and it is reproducible with the seed and changes with another.
 */
import { describe, expect, it } from 'vitest';
import { compareScores } from '../../../src/engine/compare/index.ts';
import type { Difference } from '../../../src/engine/compare/index.ts';
import { rng } from '../../../src/engine/random.ts';
import { makeData, perturb } from './data.ts';

const d = makeData(4000, 11);
const scoresB = perturb(d.scores, 0.06, 4);
const input = { yTrue: d.yTrue, groups: [d.size, d.region] };
const SAMPLES = 400;

/** Percentile interval (numpy's linear interpolation), written independently of the engine. */
function percentile(values: number[], level: number): [number, number] {
  const v = [...values].sort((x, y) => x - y);
  const at = (q: number) => {
    const h = (v.length - 1) * q;
    const lo = Math.floor(h);
    return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
  };
  return [at((1 - level) / 2), at((1 + level) / 2)];
}

/** Row-level unpaired bootstrap of one group's selection-rate difference: independent draws for A and for B. */
function rowUnpaired(rows: number[], seed: number): [number, number] {
  const r = rng(seed);
  const m = rows.length;
  const diffs: number[] = [];
  for (let b = 0; b < SAMPLES; b++) {
    let selA = 0;
    let selB = 0;
    for (let j = 0; j < m; j++) selA += d.scores[rows[r.int(m)]] >= 0.5 ? 1 : 0;
    for (let j = 0; j < m; j++) selB += scoresB[rows[r.int(m)]] >= 0.5 ? 1 : 0;
    diffs.push((selB - selA) / m);
  }
  return percentile(diffs, 0.95);
}

/** Row-level paired bootstrap: the same draws for A and B. */
function rowPaired(rows: number[], seed: number): [number, number] {
  const r = rng(seed);
  const m = rows.length;
  const diffs: number[] = [];
  for (let b = 0; b < SAMPLES; b++) {
    let delta = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[r.int(m)];
      delta += (scoresB[i] >= 0.5 ? 1 : 0) - (d.scores[i] >= 0.5 ? 1 : 0);
    }
    diffs.push(delta / m);
  }
  return percentile(diffs, 0.95);
}

const width = (ci: [number, number] | null) => (ci ? ci[1] - ci[0] : NaN);
const rowsOf = (col: typeof d.size, value: string) => [...col.codes.keys()].filter((i) => (col.codes[i] < 0 ? '(missing)' : col.levels[col.codes[i]]) === value);

describe('issue 12: paired bootstrap intervals', () => {
  const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, input, { bootstrap: { samples: SAMPLES, seed: 9 } });
  const selection = r.differences.filter((x) => x.attribute !== null && x.group !== null && x.metric === 'selection_rate');

  it('are narrower than unpaired intervals of the selection-rate difference, group by group', () => {
    expect(r.changes.changed).toBeGreaterThan(0);
    expect(selection.length).toBe(8);
    const rows = selection.map((x) => {
      const col = x.attribute === 'size' ? d.size : d.region;
      const unpaired = rowUnpaired(rowsOf(col, x.group!), 100);
      return { group: `${x.attribute}/${x.group}`, paired: width(x.ci), unpaired: width(unpaired) };
    });
    const narrower = rows.filter((x) => x.paired < x.unpaired);
    expect(narrower.length, JSON.stringify(rows)).toBeGreaterThanOrEqual(7);
    const mean = (k: 'paired' | 'unpaired') => rows.reduce((s, x) => s + x[k], 0) / rows.length;
    expect(mean('paired')).toBeLessThan(0.6 * mean('unpaired'));
  });

  it('agree with a paired bootstrap over rows written here (the multinomial draw of the joint cells is the same distribution)', () => {
    for (const x of selection.filter((s) => s.group !== '(missing)')) {
      const col = x.attribute === 'size' ? d.size : d.region;
      const here = rowPaired(rowsOf(col, x.group!), 200);
      const w = width(x.ci);
      expect(Math.abs(w - width(here)) / width(here), `${x.attribute}/${x.group}: engine ${x.ci}, rows ${here}`).toBeLessThan(0.3);
      expect(Math.abs((x.ci![0] + x.ci![1]) / 2 - (here[0] + here[1]) / 2)).toBeLessThan(0.5 * width(here));
    }
  });

  it('are reproducible with the seed and change with another seed, while the point values stay', () => {
    const again = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, input, { bootstrap: { samples: SAMPLES, seed: 9 } });
    expect(again.differences).toEqual(r.differences);
    const other = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, input, { bootstrap: { samples: SAMPLES, seed: 10 } });
    const key = (x: Difference) => `${x.attribute}/${x.group}/${x.metric}`;
    expect(other.differences.map((x) => [key(x), x.a, x.b, x.difference])).toEqual(r.differences.map((x) => [key(x), x.a, x.b, x.difference]));
    const moved = other.differences.filter((x, i) => x.difference !== 0 && x.ci !== null && JSON.stringify(x.ci) !== JSON.stringify(r.differences[i].ci));
    expect(moved.length).toBeGreaterThan(r.differences.filter((x) => x.difference !== 0 && x.ci !== null).length / 2);
    expect(r.intervals).toEqual({ method: 'paired_bootstrap', stratified: 'by_group', level: 0.95, samples: SAMPLES, seed: 9 });
  });
});
