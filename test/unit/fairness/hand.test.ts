/** Issue 4: classification metrics on small cases counted by hand (see the comments for the counts). */
import { describe, expect, it } from 'vitest';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import type { ClassificationGroup } from '../../../src/engine/fairness/group-metrics.ts';

//            row:   0    1    2    3    4    5    6    7    8    9
const scores = [0.9, 0.8, 0.7, 0.4, 0.2, 0.6, 0.6, 0.5, 0.3, 0.1];
const yTrue = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];
const sex = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]; // f, m

function run(extra: { scores: number[]; y: number[]; codes: number[] } = { scores: [], y: [], codes: [] }, options = {}) {
  return classificationFairness(
    {
      task: 'classification',
      scores: Float64Array.from([...scores, ...extra.scores]),
      yTrue: Uint8Array.from([...yTrue, ...extra.y]),
      groups: [{ name: 'sex', codes: Int32Array.from([...sex, ...extra.codes]), levels: ['f', 'm', 'x'] }],
    },
    { threshold: 0.5, bootstrap: false, ...options },
  );
}

const byValue = (gs: ClassificationGroup[], v: string) => gs.find((g) => g.value === v) as ClassificationGroup;

describe('hand-counted classification case', () => {
  const res = run();
  const [f, m] = [byValue(res.attributes[0].groups, 'f'), byValue(res.attributes[0].groups, 'm')];

  it('counts the confusion matrix of each group', () => {
    // f: predicted 1,1,1,0,0 for y 1,1,0,1,0 -> tp 2 (rows 0, 1), fp 1 (row 2), fn 1 (row 3), tn 1 (row 4)
    expect([f.tp, f.fp, f.fn, f.tn, f.n, f.n_positive, f.n_negative]).toEqual([2, 1, 1, 1, 5, 3, 2]);
    // m: 0.6 0.6 0.5 >= 0.5 -> predicted 1,1,1,0,0 for y 1,0,0,1,0 -> tp 1, fp 2, fn 1, tn 1
    expect([m.tp, m.fp, m.fn, m.tn, m.n, m.n_positive, m.n_negative]).toEqual([1, 2, 1, 1, 5, 2, 3]);
    expect(res.attributes[0].groups.map((g) => g.value)).toEqual(['f', 'm']); // empty level 'x' dropped
  });

  it('computes the rates from the counts', () => {
    expect(f.rates).toEqual({
      base_rate: 3 / 5, selection_rate: 3 / 5, favourable_base_rate: 3 / 5, favourable_rate: 3 / 5,
      tpr: 2 / 3, fpr: 1 / 2, fnr: 1 / 3, tnr: 1 / 2, ppv: 2 / 3, npv: 1 / 2, accuracy: 3 / 5,
    });
    expect(m.rates).toEqual({
      base_rate: 2 / 5, selection_rate: 3 / 5, favourable_base_rate: 2 / 5, favourable_rate: 3 / 5,
      tpr: 1 / 2, fpr: 2 / 3, fnr: 1 / 2, tnr: 1 / 3, ppv: 1 / 3, npv: 1 / 2, accuracy: 2 / 5,
    });
  });

  it('computes AUC with ties counted one half', () => {
    // f: positives 0.9 0.8 0.4, negatives 0.7 0.2: 5 of 6 pairs ordered
    expect(f.auc).toBeCloseTo(5 / 6, 15);
    // m: positives 0.6 0.3, negatives 0.6 0.5 0.1: 0.6 ties 0.6 (1/2), beats 0.5 and 0.1; 0.3 beats 0.1: 3.5 / 6
    expect(m.auc).toBeCloseTo(3.5 / 6, 15);
    // all: 5 + 5 + 3.5 + 2 + 2 = 17.5 of 25 pairs
    expect(res.overall.auc).toBeCloseTo(0.7, 15);
    expect(res.overall.mean_score).toBeCloseTo(5.1 / 10, 15);
  });

  it('computes the disparities and the most favoured group on a tie', () => {
    const d = res.attributes[0].disparities;
    expect(d.values.demographic_parity_difference).toBe(0);
    expect(d.values.demographic_parity_ratio).toBe(1);
    expect(d.values.true_positive_rate_difference).toBeCloseTo(1 / 6, 15);
    expect(d.values.true_positive_rate_ratio).toBeCloseTo(0.75, 15);
    expect(d.values.false_positive_rate_ratio).toBeCloseTo(0.75, 15);
    expect(d.values.true_negative_rate_ratio).toBeCloseTo(2 / 3, 15);
    expect(d.values.false_negative_rate_ratio).toBeCloseTo(2 / 3, 15);
    expect(d.values.accuracy_difference).toBeCloseTo(0.2, 15);
    expect(d.values.equalized_odds_difference).toBeCloseTo(1 / 6, 15);
    expect(d.values.equalized_odds_ratio).toBeCloseTo(0.75, 15);
    expect(d.four_fifths.most_favoured).toBe('f');
    expect(d.four_fifths.tied_most_favoured).toEqual(['m']);
    expect(d.four_fifths.passes).toBe(true);
    expect(d.reference.group).toBe('f');
    expect(d.reference.source).toBe('most_favoured');
  });

  it('uses the negative class as favourable when asked', () => {
    const neg = run(undefined, { favourable: 'negative' });
    const g = byValue(neg.attributes[0].groups, 'm');
    expect(g.rates.favourable_rate).toBe(2 / 5); // predicted negative: rows 8, 9
    expect(g.rates.favourable_base_rate).toBe(3 / 5); // truly negative: rows 6, 7, 9
    expect(g.rates.selection_rate).toBe(3 / 5); // unchanged: still about predicted positive
  });

  it('leaves out and lists a group whose rates are undefined; null, never NaN', () => {
    // group x: two rows, both truly positive and predicted positive: no negatives, nothing predicted negative
    const res2 = run({ scores: [0.95, 0.55], y: [1, 1], codes: [2, 2] });
    const x = byValue(res2.attributes[0].groups, 'x');
    expect([x.rates.fpr, x.rates.tnr, x.rates.npv, x.auc, x.ci.fpr]).toEqual([null, null, null, null, null]);
    expect(x.rates.tpr).toBe(1);
    const d = res2.attributes[0].disparities;
    expect(d.groups_with_undefined_rates).toEqual({ fpr: ['x'], tnr: ['x'] });
    // FPR compares f (1/2) and m (2/3) only
    expect(d.values.false_positive_rate_difference).toBeCloseTo(1 / 6, 15);
    // TPR now includes x (1): max 1, min 1/2
    expect(d.values.true_positive_rate_difference).toBeCloseTo(0.5, 15);
    expect(JSON.stringify(res2)).not.toContain('NaN');
  });

  it('a ratio whose maximum is 0 is null', () => {
    const res3 = run(undefined, { threshold: 0.99 }); // nobody selected
    const d = res3.attributes[0].disparities;
    expect(d.values.demographic_parity_difference).toBe(0);
    expect(d.values.demographic_parity_ratio).toBeNull();
    expect(d.four_fifths.ratio).toBeNull();
    expect(d.four_fifths.passes).toBeNull();
  });

  it('compares with a user-chosen reference group', () => {
    const res4 = run({ scores: [0.95, 0.1, 0.2], y: [1, 0, 0], codes: [2, 2, 2] }, { reference: { sex: 'x' } });
    const r = res4.attributes[0].disparities.reference;
    // favourable rates: f 3/5, m 3/5, x 1/3
    expect(r.group).toBe('x');
    expect(r.source).toBe('user');
    expect(r.ratio_to_reference.f).toBeCloseTo(0.6 / (1 / 3), 12);
    expect(r.difference_to_reference.f).toBeCloseTo(1 / 3 - 0.6, 12);
    expect(r.ratio).toBeCloseTo(1.8, 12);
    expect(r.passes_four_fifths).toBe(true);
    expect(res4.attributes[0].disparities.four_fifths.ratio).toBeCloseTo(1 / 3 / 0.6, 12);
    expect(res4.attributes[0].disparities.four_fifths.passes).toBe(false);
    expect(() => run(undefined, { reference: { sex: 'nobody' } })).toThrow(/invalid reference for sex: nobody; expected one of f, m/);
  });
});

describe('rows without a value in the attribute (issue 4)', () => {
  it('"(missing)" keeps its row in the table but is left out of every comparison', async () => {
    const { computeFairness } = await import('../../../src/engine/fairness/index.ts');
    // a: 5 of 10 selected, b: 2 of 10, missing: 4 of 4 (it would be the most favoured group)
    const sel = (k: number, n: number) => Array.from({ length: n }, (_, i) => (i < k ? 0.9 : 0.1));
    const scores = Float64Array.from([...sel(5, 10), ...sel(2, 10), ...sel(4, 4)]);
    const yTrue = Uint8Array.from({ length: 24 }, (_, i) => i % 2);
    const codes = Int32Array.from([...Array(10).fill(0), ...Array(10).fill(1), ...Array(4).fill(-1)]);
    const r = computeFairness({ task: 'classification', scores, yTrue, groups: [{ name: 'g', codes, levels: ['a', 'b'] }] }, { bootstrap: { samples: 50, seed: 1 } });
    const a = r.attributes[0];
    expect(a.groups.map((g) => [g.value, g.n])).toEqual([['a', 10], ['b', 10], ['(missing)', 4]]);
    expect(a.disparities.groups_left_out).toEqual(['(missing)']);
    expect(a.disparities.values.demographic_parity_difference).toBeCloseTo(0.3, 12);
    expect(a.disparities.four_fifths.most_favoured).toBe('a');
    expect(Object.keys(a.disparities.four_fifths.ratio_to_most_favoured)).toEqual(['a', 'b']);
    expect(r.warnings.find((w) => w.code === 'MISSING_NOT_COMPARED')?.params).toMatchObject({ attribute: 'g', groups: ['(missing)'] });
  });
});

describe('rows without a value, regression and anomaly (issue 4)', () => {
  it('are left out of the differences between groups there too', async () => {
    const { computeFairness } = await import('../../../src/engine/fairness/index.ts');
    const codes = Int32Array.from([0, 0, 1, 1, -1, -1]);
    const groups = [{ name: 'g', codes, levels: ['a', 'b'] }];
    const reg = computeFairness({ task: 'regression', scores: Float64Array.from([1, 3, 4, 6, 100, 100]), yTrue: Float64Array.from([1, 3, 4, 6, 0, 0]), groups }, { minGroup: false });
    expect(reg.attributes[0].groups.map((x) => x.value)).toEqual(['a', 'b', '(missing)']);
    expect(reg.attributes[0].disparities.mean_prediction_difference).toBe(3);
    const ano = computeFairness({ task: 'anomaly', scores: Float64Array.from([0.1, 0.2, 0.3, 0.4, -1, -1]), labels: [1, -1, 1, 1, -1, -1], groups }, { minGroup: false });
    expect(ano.attributes[0].disparities.share_flagged_difference).toBe(0.5);
    expect(ano.warnings.some((w) => w.code === 'MISSING_NOT_COMPARED')).toBe(true);
  });
});

describe('the outcome column (issue 4)', () => {
  const csv = (rows: string[]) => ['g;y;s', ...rows].join('\n');
  it('"NA" in the outcome is missing, not a negative case; more than two values are said plainly', async () => {
    const { loadTable } = await import('../../../src/engine/data/load.ts');
    const { binaryOutcome, outcomeNotes } = await import('../../../src/engine/analyses/outcome.ts');
    const t = await loadTable(new TextEncoder().encode(csv(['a;ja;1', 'a;NA;1', 'b;nein;1', 'b;#N/A;1', 'b;pruefen;1'])), 'd.csv');
    const o = binaryOutcome(t.table, { column: 'y', value: 'ja' }, null);
    expect(Array.from(o.y)).toEqual([1, -1, 0, -1, 0]);
    expect(o.levels).toEqual(['ja', 'nein', 'pruefen']);
    const notes = outcomeNotes(o, 'nein');
    expect(notes.map((n) => n.code)).toEqual(['OUTCOME_MARK_AS_MISSING', 'OUTCOME_MANY_VALUES']);
    expect(notes[0].params).toMatchObject({ values: ['#N/A', 'NA'] });
    expect(notes[1].message).toMatch(/"nein" stands for every value other than ja/);
    // a mark that is the positive value itself is kept
    expect(Array.from(binaryOutcome(t.table, { column: 'y', value: 'NA' }, null).y)).toEqual([0, 1, 0, -1, 0]);
  });
});

describe('small things a person can get wrong (issue 4)', () => {
  it('a share that rounds to no row is refused; the outcome as a protected attribute is flagged', async () => {
    const { resolveK } = await import('../../../src/engine/fairness/ranking.ts');
    expect(resolveK({ fraction: 0.1 }, 1000)).toBe(100);
    expect(() => resolveK({ fraction: 0.0001 }, 1000)).toThrow(/rounds to 0 rows/);
    const { loadTable } = await import('../../../src/engine/data/load.ts');
    const { runFairness } = await import('../../../src/engine/analyses/fairness-run.ts');
    const t = await loadTable(new TextEncoder().encode('y,g\nja,a\nnein,b\nja,b\nnein,a\n'), 'd.csv');
    const p = { task: 'classification' as const, output: 'p', positiveIndex: 1, positiveLabel: null, scores: Float64Array.of(0.9, 0.2, 0.7, 0.4), precision: "float64" as const, labels: null };
    const run = runFairness(t.table, t.columns, p, { label: 'y=ja', favourable: 'ja', protected: ['y', 'g'], bootstrap: 0 });
    expect(run.warnings.map((w) => w.code)).toContain('OUTCOME_AS_GROUP');
  });
});
