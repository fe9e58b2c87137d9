/**
 * Issue 9, item 6: a chosen reference group (--reference g=b, audit key "reference") was only
 * in results.json. The verdicts now state the four-fifths ratio of every other group against it,
 * with its interval, besides the comparison with the most favoured group. Hand counts: three
 * groups of 10 rows, selected a 8, b 2, c 5 (the favourable outcome is the positive one).
 */
import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../../src/engine/fairness/index.ts';
import type { FairnessOptionsInput } from '../../../src/engine/fairness/types.ts';
import { verdictText } from '../../../src/report/verdicts.ts';

const sel = (k: number) => [...Array(k).fill(0.9), ...Array(10 - k).fill(0.1)];
const scores = Float64Array.from([...sel(8), ...sel(2), ...sel(5)]);
const yTrue = Uint8Array.from(Array.from({ length: 30 }, (_, i) => i % 2));
const groups = [{ name: 'g', codes: Int32Array.from(Array.from({ length: 30 }, (_, i) => Math.floor(i / 10))), levels: ['a', 'b', 'c'] }];
const run = (o: FairnessOptionsInput) => computeFairness({ task: 'classification', scores, yTrue, groups }, { minGroup: false, ...o }).attributes[0];

describe('issue 9: the four-fifths rule against a chosen reference group is stated in the verdicts', () => {
  it('reference a: b 0.25 and c 0.625 fail; the text lists every ratio', () => {
    const a = run({ reference: { g: 'a' }, bootstrap: false });
    const v = a.verdicts.find((x) => x.code.startsWith('four_fifths_reference'))!;
    expect(v.code).toBe('four_fifths_reference_fail');
    expect(v.params).toEqual({ reference: 'a', group: 'b', ratio: 0.25 });
    expect(v.items).toEqual([{ group: 'b', ratio: 0.25, ci_low: null, ci_high: null }, { group: 'c', ratio: 0.625, ci_low: null, ci_high: null }]);
    expect(v.text).toBe('Against the chosen reference group a, b receives the favourable outcome only 0.25 times as often, below the four-fifths (0.8) limit; all ratios: b 0.25, c 0.63.');
    expect(verdictText('de', v)).toBe('Gegenüber der gewählten Vergleichsgruppe „a“ erhält „b“ das günstige Ergebnis nur 0,25-mal so oft; das liegt unter der Grenze von vier Fünfteln (0,8). Alle Verhältnisse: „b“ 0,25; „c“ 0,63.');
    // the comparison with the most favoured group stays
    expect(a.verdicts.map((x) => x.code)).toContain('four_fifths_fail');
  });

  it('reference b (the least selected): every other group passes, with bootstrap intervals', () => {
    const a = run({ reference: { g: 'b' }, bootstrap: { samples: 300, seed: 1 } });
    const v = a.verdicts.find((x) => x.code.startsWith('four_fifths_reference'))!;
    expect(v.code).toBe('four_fifths_reference_pass');
    expect(v.items!.map((i) => [i.group, i.ratio])).toEqual([['a', 4], ['c', 2.5]]);
    const ci = a.disparities.reference.ratio_to_reference_ci;
    expect(v.items![0]).toMatchObject({ ci_low: ci.a![0], ci_high: ci.a![1] });
    expect(verdictText('en', v)).toMatch(/^Against the chosen reference group “b”, every group receives the favourable outcome at least four fifths as often: “a” 4\.00 \(range \d\.\d\d to \d+\.\d\d\); “c” 2\.50 \(range/);
  });

  it('no reference chosen: no extra verdict (the most favoured group is the reference)', () => {
    expect(run({ bootstrap: false }).verdicts.map((x) => x.code)).not.toContain('four_fifths_reference_fail');
    expect(run({ bootstrap: false }).verdicts.some((x) => x.code.startsWith('four_fifths_reference'))).toBe(false);
  });

  it('a reference group that never receives the favourable outcome: the rule cannot be applied against it', () => {
    const s = Float64Array.from([...sel(8), ...sel(0), ...sel(5)]);
    const a = computeFairness({ task: 'classification', scores: s, yTrue, groups }, { reference: { g: 'b' }, bootstrap: false }).attributes[0];
    expect(a.disparities.reference).toMatchObject({ status: 'undefined', reason: 'reference_never_favoured', ratio: null });
    const v = a.verdicts.find((x) => x.code.startsWith('four_fifths_reference'))!;
    expect(verdictText('de', v)).toBe('Die Vier-Fünftel-Regel ist gegenüber der gewählten Vergleichsgruppe „b“ nicht anwendbar: Diese Gruppe erhält das günstige Ergebnis nie.');
  });
});
