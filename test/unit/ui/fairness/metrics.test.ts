/**
 * Issue 4, item 10: the group table shows the engine's numbers unchanged; every metric and
 * every "undefined" reason has German and English text. Reference: a hand-counted example.
 */
import { describe, expect, it } from 'vitest';
import { computeFairness, wilson } from '../../../../src/engine/fairness/index.ts';
import { ANOMALY_METRICS, CLASSIFICATION_METRICS, REGRESSION_METRICS, attributeNames, chartMetrics, ciText, overallRow, rowsOf, valueText } from '../../../../src/ui/fairness/metrics.ts';
import { fmtFor } from '../../../../src/ui/fairness/text.ts';
import { messages } from '../../../../src/ui/i18n/messages.ts';

/**
 * Group a: 4 rows, scores 0.9 0.8 0.3 0.1, truth 1 0 1 0 -> at 0.5: tp 1, fp 1, fn 1, tn 1.
 * Group b: 3 rows, scores 0.2 0.4 0.45, truth 0 0 0 -> nobody selected, no positives.
 */
const input = {
  task: 'classification' as const,
  scores: Float64Array.of(0.9, 0.8, 0.3, 0.1, 0.2, 0.4, 0.45),
  yTrue: Uint8Array.of(1, 0, 1, 0, 0, 0, 0),
  groups: [{ name: 'g', codes: Int32Array.of(0, 0, 0, 0, 1, 1, 1), levels: ['a', 'b'] }],
};
const result = computeFairness(input, { bootstrap: false, minGroup: { n: 4, positives: 1, negatives: 1 } });
const z = 1.959963984540054;

describe('rows from the engine result', () => {
  const rows = rowsOf(result, 'g');

  it('one row per group, with the hand-counted rates and their Wilson intervals', () => {
    expect(attributeNames(result)).toEqual(['g']);
    expect(rows.map((r) => [r.value, r.n, r.small])).toEqual([['a', 4, false], ['b', 3, true]]);
    const a = rows[0].cells;
    expect(a.selection_rate.value).toBe(2 / 4);
    expect(a.tpr.value).toBe(1 / 2);
    expect(a.fpr.value).toBe(1 / 2);
    expect(a.ppv.value).toBe(1 / 2);
    expect(a.accuracy.value).toBe(2 / 4);
    expect(a.selection_rate.ci![0]).toBeCloseTo(wilson(2, 4, z)![0], 12);
    expect(a.selection_rate.ci![1]).toBeCloseTo(wilson(2, 4, z)![1], 12);
    expect(a.n.value).toBe(4);
  });

  it('rates without a denominator stay null (shown as "–"), never NaN', () => {
    const b = rows[1].cells;
    expect(b.tpr.value).toBeNull(); // no truly positive case
    expect(b.ppv.value).toBeNull(); // nobody predicted positive
    expect(b.auc.value).toBeNull();
    expect(b.selection_rate.value).toBe(0);
    const de = fmtFor('de');
    const tpr = CLASSIFICATION_METRICS.find((m) => m.key === 'tpr')!;
    expect(valueText(de, tpr, b.tpr)).toBe('–');
    expect(valueText(de, tpr, rows[0].cells.tpr)).toBe('50,0\u00a0%');
    expect(ciText(de, tpr, b.tpr)).toBe('–');
  });

  it('the overall row counts every row', () => {
    const all = overallRow(result);
    expect(all.n).toBe(7);
    expect(all.cells.selection_rate.value).toBe(2 / 7);
  });

  it('an unknown attribute gives no rows', () => {
    expect(rowsOf(result, 'nope')).toEqual([]);
  });

  it('regression and anomaly groups map their own metrics; r2 without variance is null', () => {
    const reg = computeFairness({ task: 'regression', scores: Float64Array.of(1, 2, 3, 5), yTrue: Float64Array.of(1, 1, 2, 4), groups: input.groups.map((g) => ({ ...g, codes: Int32Array.of(0, 0, 1, 1) })) });
    const r = rowsOf(reg, 'g');
    expect(r[0].cells.mean_error.value).toBeCloseTo(0.5, 12); // (0 + 1) / 2
    expect(r[0].cells.mae.value).toBeCloseTo(0.5, 12);
    expect(r[0].cells.r2.value).toBeNull(); // targets 1, 1
    expect(r[1].cells.rmse.value).toBeCloseTo(1, 12);
    const an = computeFairness({ task: 'anomaly', scores: Float64Array.of(0.1, -0.2, 0.3), labels: [1, -1, 1], groups: [{ name: 'g', codes: Int32Array.of(0, 0, 1), levels: ['a', 'b'] }] });
    const rows2 = rowsOf(an, 'g');
    expect(rows2[0].cells.share_flagged.value).toBe(0.5);
    expect(rows2[0].cells.flagged.value).toBe(1);
    expect(rows2[0].cells.share_flagged.ci).toEqual(wilson(1, 2, z));
  });
});

describe('texts for every metric', () => {
  const all = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS, ...ANOMALY_METRICS];
  it('each metric has a column title and a description in both languages; each undefined reason too', () => {
    for (const m of all) {
      for (const lang of ['de', 'en'] as const) {
        expect(messages[lang][`fair.m.${m.key}` as keyof typeof messages.en], `${lang} fair.m.${m.key}`).toBeTruthy();
        expect(messages[lang][`fair.d.${m.key}` as keyof typeof messages.en], `${lang} fair.d.${m.key}`).toBeTruthy();
        if (m.undefinedKey) expect(messages[lang][m.undefinedKey]).toBeTruthy();
      }
    }
  });

  it('charts offer every metric but counts', () => {
    expect(chartMetrics('classification').map((m) => m.key)).toEqual(['base_rate', 'selection_rate', 'favourable_rate', 'tpr', 'fpr', 'ppv', 'accuracy', 'auc']);
    expect(chartMetrics('anomaly').map((m) => m.key)).toEqual(['share_flagged', 'mean_score']);
  });

  it('every disparity the regression and anomaly engines return has a name in both languages', () => {
    const reg = computeFairness({ task: 'regression', scores: Float64Array.of(1, 2, 3, 5), yTrue: Float64Array.of(1, 1, 2, 4), groups: [{ name: 'g', codes: Int32Array.of(0, 0, 1, 1), levels: ['a', 'b'] }] });
    const an = computeFairness({ task: 'anomaly', scores: Float64Array.of(0.1, -0.2, 0.3), labels: [1, -1, 1], groups: [{ name: 'g', codes: Int32Array.of(0, 0, 1), levels: ['a', 'b'] }] });
    for (const key of [...Object.keys(reg.attributes[0].disparities), ...Object.keys(an.attributes[0].disparities)]) {
      expect(messages.de[`fair.disp.${key}` as keyof typeof messages.en], key).toBeTruthy();
      expect(messages.en[`fair.disp.${key}` as keyof typeof messages.en], key).toBeTruthy();
    }
  });
});
