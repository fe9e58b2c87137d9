/**
 * Issue 12, item 3: a comparison of two different models matches per-model results exactly:
 * "a" and "b" are what classificationFairness gives for each alone, every difference's a and b
 * are those results' own numbers, and the changed decisions equal a count over the rows.
 */
import { describe, expect, it } from 'vitest';
import { compareScores, comparisonToJson } from '../../../src/engine/compare/index.ts';
import type { ComparisonResult } from '../../../src/engine/compare/index.ts';
import { anomalyFairness } from '../../../src/engine/fairness/anomaly.ts';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import type { ClassificationResult } from '../../../src/engine/fairness/classification.ts';
import { DISPARITY_KEYS } from '../../../src/engine/fairness/disparity-kernel.ts';
import { RATE_KEYS } from '../../../src/engine/fairness/rates.ts';
import { makeData, perturb } from './data.ts';

const d = makeData(4000);
const scoresB = perturb(d.scores, 0.3);
const groups = [d.size, d.region];
const cases = [
  { name: 'defaults', options: { intersections: [['size', 'region']], bootstrap: { samples: 100, seed: 2 } } },
  { name: 'favourable negative, a chosen reference group', options: { favourable: 'negative' as const, reference: { region: 'south' }, bootstrap: { samples: 100, seed: 2 } } },
];

/** Every difference's a and b against the side results' rates and disparity values. */
function mismatches(r: ComparisonResult, a: ClassificationResult, b: ClassificationResult): string[] {
  const bad: string[] = [];
  const check = (id: string, x: { a: number | null; b: number | null; difference: number | null }, va: number | null, vb: number | null) => {
    if (x.a !== va || x.b !== vb) bad.push(`${id}: ${x.a}/${x.b} vs ${va}/${vb}`);
    const diff = va === null || vb === null ? null : vb - va;
    if (x.difference !== diff) bad.push(`${id}: difference ${x.difference} vs ${diff}`);
  };
  for (const x of r.differences) {
    const id = `${x.attribute}/${x.group}/${x.metric}`;
    if (x.attribute === null) {
      check(id, x, a.overall.rates[x.metric as (typeof RATE_KEYS)[number]], b.overall.rates[x.metric as (typeof RATE_KEYS)[number]]);
      continue;
    }
    const aa = a.attributes.find((t) => t.name === x.attribute)!;
    const ba = b.attributes.find((t) => t.name === x.attribute)!;
    if (x.group === null) {
      const k = x.metric as (typeof DISPARITY_KEYS)[number];
      check(id, x, aa.disparities.values[k], ba.disparities.values[k]);
    } else {
      const k = x.metric as (typeof RATE_KEYS)[number];
      check(id, x, aa.groups.find((g) => g.value === x.group)!.rates[k], ba.groups.find((g) => g.value === x.group)!.rates[k]);
    }
  }
  return bad;
}

/** The brute-force changes: one loop over the rows per partition. */
function bruteChanges(decA: number[], decB: number[], ids: (i: number) => string) {
  const per = new Map<string, { n: number; changed: number; to_positive: number; to_negative: number }>();
  decA.forEach((x, i) => {
    const key = ids(i);
    const g = per.get(key) ?? { n: 0, changed: 0, to_positive: 0, to_negative: 0 };
    g.n++;
    if (x !== decB[i]) g.changed++;
    if (x === 0 && decB[i] === 1) g.to_positive++;
    if (x === 1 && decB[i] === 0) g.to_negative++;
    per.set(key, g);
  });
  return per;
}

describe('issue 12: two different models', () => {
  for (const c of cases) {
    it(`"a" and "b" equal classificationFairness of each model alone (${c.name})`, () => {
      const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, { yTrue: d.yTrue, groups }, c.options);
      const a = classificationFairness({ task: 'classification', scores: d.scores, yTrue: d.yTrue, groups }, { ...c.options, threshold: 0.5 });
      const b = classificationFairness({ task: 'classification', scores: scoresB, yTrue: d.yTrue, groups }, { ...c.options, threshold: 0.5 });
      expect(r.a).toEqual(a);
      expect(r.b).toEqual(b);
      expect(r.a).not.toEqual(r.b);
      expect(mismatches(r, a, b)).toEqual([]);
      // the check can fail: against swapped sides, every metric that differs is a mismatch
      expect(mismatches(r, b, a).length).toBeGreaterThan(10);
    });
  }

  it('counts changed decisions overall and per group of every attribute and intersection as a loop over the rows does', () => {
    const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.45 }, { yTrue: d.yTrue, groups }, { intersections: [['size', 'region']], bootstrap: false, maxChangedRows: 25 });
    const decA = [...d.scores].map((s) => (s >= 0.5 ? 1 : 0));
    const decB = [...scoresB].map((s) => (s >= 0.45 ? 1 : 0));
    const label = (col: typeof d.size, i: number) => (col.codes[i] < 0 ? '(missing)' : col.levels[col.codes[i]]);
    const all = bruteChanges(decA, decB, () => 'all').get('all')!;
    expect({ n: r.changes.n, changed: r.changes.changed, to_positive: r.changes.to_positive, to_negative: r.changes.to_negative }).toEqual(all);
    expect(all.to_positive).toBeGreaterThan(0);
    expect(all.to_negative).toBeGreaterThan(0);
    const expected: Record<string, ReturnType<typeof bruteChanges>> = {
      size: bruteChanges(decA, decB, (i) => label(d.size, i)),
      region: bruteChanges(decA, decB, (i) => label(d.region, i)),
      'size+region': bruteChanges(decA, decB, (i) => `${label(d.size, i)}+${label(d.region, i)}`),
    };
    expect(r.changes.attributes.map((a) => a.name)).toEqual(Object.keys(expected));
    for (const a of r.changes.attributes) {
      expect(a.groups.length, a.name).toBe(expected[a.name].size);
      for (const g of a.groups) expect({ n: g.n, changed: g.changed, to_positive: g.to_positive, to_negative: g.to_negative }, `${a.name}/${g.value}`).toEqual(expected[a.name].get(g.value));
    }
    const rows = decA.map((x, i) => (x !== decB[i] ? { row: i, to: decB[i] ? 'positive' : 'negative' } : null)).filter((x) => x !== null);
    expect(r.changes.rows).toEqual(rows.slice(0, 25));
    expect(r.changes.rows_truncated).toBe(rows.length > 25);
  });

  it('without labels, "a" and "b" are the anomaly engine\'s share flagged, and the differences its numbers', () => {
    const r = compareScores({ scores: d.scores, threshold: 0.6 }, { scores: scoresB, threshold: 0.6 }, { yTrue: null, groups }, { bootstrap: { samples: 100, seed: 2 } });
    const alone = (scores: Float64Array) => anomalyFairness({ task: 'anomaly', scores, groups }, { anomaly: { direction: 'higher', threshold: 0.6 }, bootstrap: { samples: 100, seed: 2 } });
    const a = alone(d.scores);
    const b = alone(scoresB);
    expect(r.task).toBe('anomaly');
    expect(r.a).toEqual(a);
    expect(r.b).toEqual(b);
    const size = r.differences.filter((x) => x.attribute === 'size');
    expect(size.filter((x) => x.group === null).map((x) => [x.metric, x.a, x.b])).toEqual([
      ['share_flagged_difference', a.attributes[0].disparities.share_flagged_difference, b.attributes[0].disparities.share_flagged_difference],
      ['share_flagged_ratio', a.attributes[0].disparities.share_flagged_ratio, b.attributes[0].disparities.share_flagged_ratio],
    ]);
    expect(size.filter((x) => x.group !== null).map((x) => [x.group, x.metric, x.a, x.b])).toEqual(a.attributes[0].groups.map((g, i) => [g.value, 'share_flagged', g.share_flagged, b.attributes[0].groups[i].share_flagged]));
  });

  it('writes the JSON the compare contract names', () => {
    const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: scoresB, threshold: 0.5 }, { yTrue: d.yTrue, groups }, { bootstrap: { samples: 50, seed: 1 } });
    const json = JSON.parse(JSON.stringify(comparisonToJson(r, { label: { column: 'y', positive: '1' }, favourable: '1' })));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['a', 'b', 'changes', 'differences']));
    expect(json.a.task).toBe('classification');
    expect(json.a.attributes[0].groups[0]).toHaveProperty('selection_rate_ci');
    expect(Object.keys(json.changes)).toEqual(expect.arrayContaining(['n', 'changed', 'to_positive', 'to_negative', 'attributes']));
    expect(Object.keys(json.changes.attributes[0].groups[0])).toEqual(expect.arrayContaining(['value', 'n', 'changed', 'to_positive', 'to_negative']));
    expect(Object.keys(json.differences[0])).toEqual(expect.arrayContaining(['attribute', 'group', 'metric', 'a', 'b', 'difference', 'ci']));
  });
});
