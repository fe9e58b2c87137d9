/**
 * Issue 12, item 3: a model compared with itself reports no change and zero differences, with
 * every paired interval exactly [0, 0]; undefined metrics stay null, never NaN.
 */
import { describe, expect, it } from 'vitest';
import { compareScores } from '../../../src/engine/compare/index.ts';
import type { ComparisonResult } from '../../../src/engine/compare/index.ts';
import { RATE_KEYS } from '../../../src/engine/fairness/rates.ts';
import { DISPARITY_KEYS } from '../../../src/engine/fairness/disparity-kernel.ts';
import { makeData } from './data.ts';

const d = makeData(3000);
// a column with one level: nothing to compare, every disparity null
const one = { name: 'one', codes: new Int32Array(d.n), levels: ['only'] };
const input = { yTrue: d.yTrue, groups: [d.size, d.region, one] };
const options = { intersections: [['size', 'region']], bootstrap: { samples: 200, seed: 5 } };

/** Every difference 0 (or null with both sides null), every interval [0, 0] (or null with it). */
function selfProblems(r: ComparisonResult): string[] {
  const bad: string[] = [];
  for (const x of r.differences) {
    const id = `${x.attribute}/${x.group}/${x.metric}`;
    if (x.a !== x.b) bad.push(`${id}: a ${x.a} b ${x.b}`);
    if (x.a === null ? x.difference !== null : x.difference !== 0) bad.push(`${id}: difference ${x.difference}`);
    if (x.difference === null ? x.ci !== null : !(x.ci && x.ci[0] === 0 && x.ci[1] === 0)) bad.push(`${id}: ci ${JSON.stringify(x.ci)}`);
  }
  if (r.changes.changed !== 0 || r.changes.to_positive !== 0 || r.changes.to_negative !== 0 || r.changes.rows.length !== 0) bad.push('changes overall');
  for (const a of r.changes.attributes) for (const g of a.groups) if (g.changed || g.to_positive || g.to_negative) bad.push(`changes ${a.name}/${g.value}`);
  return bad;
}

describe('issue 12: A compared with itself', () => {
  const r = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: d.scores, threshold: 0.5 }, input, options);

  it('has no changed decision, every difference exactly 0 and every interval [0, 0]', () => {
    expect(selfProblems(r)).toEqual([]);
    expect(r.changes.n).toBe(d.n);
    expect(r.verdicts[0].code).toBe('compare_same_decisions');
    expect(r.verdicts.map((v) => v.code)).toContain('compare_no_significant_difference');
    expect(r.a).toEqual(r.b);
  });

  it('lists every rate for all rows and every group, and every disparity per attribute', () => {
    const attrs = ['size', 'region', 'one', 'size+region'];
    expect(r.differences.filter((x) => x.attribute === null).map((x) => x.metric)).toEqual([...RATE_KEYS]);
    for (const name of attrs) {
      const groups = r.a.attributes.find((a) => a.name === name)!.groups.map((g) => g.value);
      const rows = r.differences.filter((x) => x.attribute === name);
      expect(rows.filter((x) => x.group === null).map((x) => x.metric)).toEqual([...DISPARITY_KEYS]);
      expect(rows.filter((x) => x.group !== null).map((x) => `${x.group}/${x.metric}`)).toEqual(groups.flatMap((g) => RATE_KEYS.map((k) => `${g}/${k}`)));
    }
    // the single-level attribute compares nothing: its disparities are null on both sides
    expect(r.differences.filter((x) => x.attribute === 'one' && x.group === null).every((x) => x.a === null && x.b === null && x.ci === null)).toBe(true);
    expect(JSON.stringify(r.differences)).not.toMatch(/NaN/);
    expect(r.differences.some((x) => Number.isNaN(x.a) || Number.isNaN(x.b) || Number.isNaN(x.difference))).toBe(false);
  });

  it('the check rejects a B that differs in one row (it can fail)', () => {
    const b = d.scores.slice();
    const i = d.scores.findIndex((s) => s >= 0.5);
    b[i] = 0;
    const other = compareScores({ scores: d.scores, threshold: 0.5 }, { scores: b, threshold: 0.5 }, input, options);
    expect(other.changes).toMatchObject({ changed: 1, to_positive: 0, to_negative: 1, rows: [{ row: i, to: 'negative' }] });
    expect(selfProblems(other).length).toBeGreaterThan(0);
  });
});
