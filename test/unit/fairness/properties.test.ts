/**
 * Issue 4: properties of the fairness engine (fast-check, seeded). Each property has a
 * deliberately broken input that the same check rejects, so the property can fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import type { ClassificationResult } from '../../../src/engine/fairness/classification.ts';
import { DISPARITY_KEYS, disparityLength, disparityVector } from '../../../src/engine/fairness/disparity-kernel.ts';
import { rng } from '../../../src/engine/random.ts';

const RUNS = { seed: 20241, numRuns: 40 };

function analyse(scores: number[], y: number[], codes: number[], levels: string[], options = {}): ClassificationResult {
  return classificationFairness(
    { task: 'classification', scores: Float64Array.from(scores), yTrue: Uint8Array.from(y), groups: [{ name: 'g', codes: Int32Array.from(codes), levels }] },
    { bootstrap: false, minGroup: false, ...options },
  );
}

const rows = fc.array(fc.record({ s: fc.integer({ min: 0, max: 20 }).map((k) => k / 20), y: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 40 });

/** Every difference is 0 and every defined ratio 1. */
function noDisparity(r: ClassificationResult): boolean {
  const v = r.attributes[0].disparities.values;
  return DISPARITY_KEYS.every((k) => v[k] === null || (k.endsWith('difference') ? v[k] === 0 : v[k] === 1));
}

describe('a model that ignores the attribute, on groups with equal base rates', () => {
  it('gives no disparity at all when the two groups hold exactly the same cases', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const all = [...rs, ...rs];
        const codes = [...rs.map(() => 0), ...rs.map(() => 1)];
        const r = analyse(all.map((x) => x.s), all.map((x) => x.y), codes, ['a', 'b']);
        const [a, b] = r.attributes[0].groups;
        return noDisparity(r) && a.auc === b.auc && a.rates.ppv === b.rates.ppv;
      }),
      RUNS,
    );
  });

  it('rejects the broken input: group b scored lower by the model', () => {
    const s = [0.9, 0.8, 0.2, 0.6];
    const y = [1, 0, 0, 1];
    const r = analyse([...s, ...s.map((x) => x - 0.35)], [...y, ...y], [0, 0, 0, 0, 1, 1, 1, 1], ['a', 'b']);
    expect(noDisparity(r)).toBe(false);
  });

  /** Ratios near 1 for large groups drawn from one distribution, scored without the attribute. */
  function simulated(seed: number, shift: number): ClassificationResult {
    const r = rng(seed);
    const n = 9000;
    const codes = Array.from({ length: n }, () => r.int(3));
    const y = codes.map(() => (r.next() < 0.4 ? 1 : 0));
    const scores = y.map((v, i) => Math.min(1, Math.max(0, 0.3 + 0.3 * v + 0.6 * (r.next() - 0.5) + (codes[i] === 2 ? shift : 0))));
    return analyse(scores, y, codes, ['a', 'b', 'c']);
  }
  const nearOne = (r: ClassificationResult) => {
    const v = r.attributes[0].disparities.values;
    return (v.demographic_parity_ratio as number) >= 0.85 && (v.equal_opportunity_ratio as number) >= 0.85 && (v.four_fifths_ratio as number) >= 0.85;
  };

  it('gives ratios near 1 for groups from the same distribution', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => nearOne(simulated(seed, 0))), { seed: 7, numRuns: 15 });
  });

  it('rejects the broken input: a model that adds 0.2 to one group\'s scores', () => {
    expect(nearOne(simulated(3, 0.2))).toBe(false);
  });
});

describe('swapping group labels permutes the results', () => {
  /** The same rows with the levels listed in another order (codes remapped so each row keeps its value). */
  function sameByValue(a: ClassificationResult, b: ClassificationResult): boolean {
    const ga = a.attributes[0].groups;
    const gb = b.attributes[0].groups;
    const same = ga.every((g) => {
      const h = gb.find((x) => x.value === g.value);
      return h !== undefined && JSON.stringify({ ...g, parts: 0 }) === JSON.stringify({ ...h, parts: 0 });
    });
    const va = a.attributes[0].disparities.values;
    const vb = b.attributes[0].disparities.values;
    return same && ga.length === gb.length && DISPARITY_KEYS.filter((k) => k !== 'reference_ratio').every((k) => va[k] === vb[k]);
  }

  const data = fc.record({
    rows: fc.array(fc.record({ s: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.integer({ min: 0, max: 1 }), g: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 60 }),
    perm: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  });
  const levels = ['w', 'x', 'y', 'z'];

  it('gives every group the same metrics under its name, and the same disparities', () => {
    fc.assert(
      fc.property(data, ({ rows: rs, perm }) => {
        const a = analyse(rs.map((r) => r.s), rs.map((r) => r.y), rs.map((r) => r.g), levels);
        // level j of the new list is old level perm[j]; a row with old code c gets new code perm.indexOf(c)
        const b = analyse(rs.map((r) => r.s), rs.map((r) => r.y), rs.map((r) => perm.indexOf(r.g)), perm.map((j) => levels[j]));
        return sameByValue(a, b);
      }),
      RUNS,
    );
  });

  it('rejects the broken input: level names swapped without moving the rows', () => {
    const s = [0.9, 0.8, 0.2, 0.3];
    const y = [1, 1, 0, 1];
    const codes = [0, 0, 1, 1];
    expect(sameByValue(analyse(s, y, codes, ['w', 'x']), analyse(s, y, codes, ['x', 'w']))).toBe(false);
  });
});

describe('disparity kernel against a direct computation', () => {
  /** Straightforward rates and max/min with nulls; independent of the kernel's code. */
  function direct(c: number[], G: number, favPos: boolean) {
    const rate = (x: number, d: number) => (d > 0 ? x / d : null);
    const per = Array.from({ length: G }, (_, g) => {
      const [tn, fp, fn, tp] = c.slice(4 * g, 4 * g + 4);
      const n = tn + fp + fn + tp;
      return {
        sel: rate(tp + fp, n), tpr: rate(tp, tp + fn), fpr: rate(fp, fp + tn), tnr: rate(tn, fp + tn), fnr: rate(fn, tp + fn), acc: rate(tp + tn, n),
        fav: rate(favPos ? tp + fp : tn + fn, n),
      };
    });
    const spread = (k: keyof (typeof per)[0]) => {
      const v = per.map((p) => p[k]).filter((x): x is number => x !== null);
      if (v.length < 2) return [null, null]; // issue 9: one defined group compares nothing
      const hi = Math.max(...v);
      const lo = Math.min(...v);
      return [hi - lo, hi > 0 ? lo / hi : null];
    };
    const out = [...spread('sel'), ...spread('tpr'), ...spread('fpr'), ...spread('tnr'), ...spread('fnr'), ...spread('acc')];
    const [tprD, tprR, fprD, fprR] = [out[2], out[3], out[4], out[5]];
    const worst = (a: number | null, b: number | null, f: (...x: number[]) => number) => (a === null ? b : b === null ? a : f(a, b));
    out.push(tprD, tprR, worst(tprD, fprD, Math.max), worst(tprR, fprR, Math.min), spread('fav')[1]);
    return out;
  }

  it('agrees on random counts, zeros included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((G) => fc.tuple(fc.constant(G), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4 * G, maxLength: 4 * G }), fc.boolean())), ([G, c, favPos]) => {
        for (let g = 0; g < G; g++) if (c[4 * g] + c[4 * g + 1] + c[4 * g + 2] + c[4 * g + 3] === 0) c[4 * g] = 1; // groups are never empty
        const out = new Float64Array(disparityLength(G));
        disparityVector(Float64Array.from(c), G, favPos, 0, out, new Float64Array(7 * G));
        const expected = direct(c, G, favPos);
        return expected.every((e, i) => (e === null ? Number.isNaN(out[i]) : Math.abs(out[i] - e) < 1e-15));
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
