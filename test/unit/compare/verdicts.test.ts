/**
 * Issue 12, item 3: the comparison in plain language ("version B selects 140 more cases, 120 of
 * them small firms"), as verdict codes with params, and clear errors for inputs that do not fit.
 */
import { describe, expect, it } from 'vitest';
import { compareScores, HEADLINE_METRICS, significant } from '../../../src/engine/compare/index.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { rng } from '../../../src/engine/random.ts';

const N = 2000;
const r0 = rng(21);
const sizeCodes = Int32Array.from({ length: N }, (_, i) => (i < 1000 ? 0 : 1));
const size = { name: 'size', levels: ['small firms', 'large firms'], codes: sizeCodes };
const yTrue = Uint8Array.from({ length: N }, () => (r0.next() < 0.4 ? 1 : 0));
const scoresA = Float64Array.from({ length: N }, (_, i) => (i % 4 === 0 ? 0.9 : 0.1));
/** B selects 120 more small firms and 20 more large firms than A. */
function versionB(): Float64Array {
  const b = scoresA.slice();
  let small = 0;
  let large = 0;
  for (let i = 0; i < N; i++) {
    if (b[i] >= 0.5) continue;
    if (i < 1000 && small < 120) { b[i] = 0.6; small++; }
    if (i >= 1000 && large < 20) { b[i] = 0.6; large++; }
  }
  return b;
}

describe('issue 12: what the comparison says', () => {
  it('"B selects 140 more cases, 120 of them small firms"', () => {
    const r = compareScores({ scores: scoresA, threshold: 0.5 }, { scores: versionB(), threshold: 0.5 }, { yTrue, groups: [size] }, { bootstrap: { samples: 300, seed: 1 } });
    expect(r.verdicts[0]).toMatchObject({ code: 'compare_selects_more', params: { n: N, changed: 140, to_positive: 140, to_negative: 0, net: 140 } });
    expect(r.verdicts[1]).toMatchObject({ code: 'compare_group_selects_more', params: { attribute: 'size', group: 'small firms', net: 120, overall_net: 140 } });
    expect(r.verdicts[0].text).toContain('140 more');
    const diffs = r.verdicts.filter((v) => v.code === 'compare_difference');
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.length).toBeLessThanOrEqual(5);
    const small = diffs.find((v) => v.params.group === 'small firms' && v.params.metric === 'selection_rate');
    expect(small?.params).toMatchObject({ attribute: 'size', unit: 'rate', a: 0.25, b: 0.37 });
    expect((small!.params.ci_low as number) > 0).toBe(true);
    // largest first, only metrics of their own, each with its interval excluding 0, and the caveat
    const sizes = diffs.map((v) => Math.abs(v.params.difference as number));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    for (const v of diffs) {
      expect(HEADLINE_METRICS.has(v.params.metric as string)).toBe(true);
      expect((v.params.ci_low as number) > 0 || (v.params.ci_high as number) < 0).toBe(true);
      expect(v.caveats.map((c) => c.code)).toEqual(['compare_many_comparisons']);
    }
    const all = r.differences.filter((d) => HEADLINE_METRICS.has(d.metric) && significant(d));
    expect(Math.abs(all[0].difference!)).toBeGreaterThan(0);
  });

  it('swapped decisions: as many selected, but not the same ones; the group with most changes is named', () => {
    const b = scoresA.slice();
    // 30 small firms lose their selection, 30 others gain one
    let lost = 0;
    let gained = 0;
    for (let i = 0; i < 1000; i++) {
      if (b[i] >= 0.5 && lost < 30) { b[i] = 0.2; lost++; } else if (b[i] < 0.5 && gained < 30) { b[i] = 0.7; gained++; }
    }
    const r = compareScores({ scores: scoresA, threshold: 0.5 }, { scores: b, threshold: 0.5 }, { yTrue, groups: [size] }, { bootstrap: false });
    expect(r.verdicts.map((v) => v.code)).toEqual(['compare_selects_as_many', 'compare_group_most_changed', 'compare_no_intervals']);
    expect(r.verdicts[1].params).toMatchObject({ attribute: 'size', group: 'small firms', changed: 60, total_changed: 60 });
    expect(r.differences.every((d) => d.ci === null)).toBe(true);
    expect(r.intervals).toMatchObject({ method: 'none', samples: null, seed: null });
  });

  it('refuses sides of different length, a missing score, and a threshold that is no number', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof EinblickError ? { code: e.code, message: e.message } : { code: 'NOT_EINBLICK', message: String(e) };
      }
      return null;
    };
    const input = { yTrue, groups: [size] };
    expect(err(() => compareScores({ scores: scoresA, threshold: 0.5 }, { scores: scoresA.subarray(1), threshold: 0.5 }, input))).toEqual({
      code: 'INVALID_OPTION',
      message: `invalid scores of B: ${N - 1} rows; expected ${N}, as many as A`,
    });
    const nan = scoresA.slice();
    nan[7] = NaN;
    expect(err(() => compareScores({ scores: scoresA, threshold: 0.5 }, { scores: nan, threshold: 0.5 }, input))).toMatchObject({ code: 'MISSING_VALUE', message: 'missing value in scores of B: row 7 is NaN' });
    expect(err(() => compareScores({ scores: scoresA, threshold: Number.NaN }, { scores: scoresA, threshold: 0.5 }, input))).toMatchObject({ code: 'INVALID_OPTION', message: 'invalid threshold of A: NaN; expected a number' });
    expect(err(() => compareScores({ scores: scoresA, threshold: 0.5 }, { scores: scoresA, threshold: 0.5 }, { yTrue: yTrue.subarray(2), groups: [size] }))).toMatchObject({ code: 'INVALID_OPTION' });
    expect(err(() => compareScores({ scores: scoresA, threshold: 0.5 }, { scores: scoresA, threshold: 0.5 }, input))).toBeNull();
  });

  it('reports progress and stops when cancelled', () => {
    const seen: number[] = [];
    compareScores({ scores: scoresA, threshold: 0.5 }, { scores: versionB(), threshold: 0.5 }, { yTrue, groups: [size] }, { bootstrap: { samples: 20, seed: 1 } }, { onProgress: (p) => seen.push(p.done / (p.total ?? 1)) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const ctl = new AbortController();
    ctl.abort();
    expect(() => compareScores({ scores: scoresA, threshold: 0.5 }, { scores: versionB(), threshold: 0.5 }, { yTrue, groups: [size] }, {}, { signal: ctl.signal })).toThrow(/cancelled/);
  });
});
