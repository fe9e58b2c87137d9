/**
 * Issue 4, item 10: the engine's verdicts in plain German and English, every verdict code
 * translated, numbers formatted by meaning, and each caveat listed once per attribute.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFairness } from '../../../../src/engine/fairness/index.ts';
import { uniqueCaveats, verdictKey, verdictParams, verdictText } from '../../../../src/ui/fairness/verdicts.ts';
import { fmtFor } from '../../../../src/ui/fairness/text.ts';
import { messages } from '../../../../src/ui/i18n/messages.ts';

/** Verdict codes as written in the engine's source: v('code', ...) and gapVerdict('code', ...) (+ '_undefined'). */
function engineVerdictCodes(): string[] {
  const src = readFileSync(join(import.meta.dirname, '../../../../src/engine/fairness/verdicts.ts'), 'utf8');
  const codes = new Set<string>();
  for (const m of src.matchAll(/\bv\(\s*'([a-z_]+)'/g)) codes.add(m[1]);
  for (const m of src.matchAll(/gapVerdict\(\s*'([a-z_]+)'/g)) {
    codes.add(m[1]);
    codes.add(`${m[1]}_undefined`);
    codes.add(`${m[1]}_equal`);
  }
  for (const m of src.matchAll(/'(four_fifths_(?:pass|fail))'/g)) codes.add(m[1]);
  return [...codes];
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('verdict texts', () => {
  it('every verdict code of the engine has a German and an English text', () => {
    const codes = engineVerdictCodes();
    expect(codes).toEqual(expect.arrayContaining(['selection_rate_gap', 'tpr_gap_undefined', 'four_fifths_pass', 'four_fifths_fail', 'gap_not_proof', 'small_groups', 'interval_contains_limit']));
    for (const code of codes) {
      const key = verdictKey(code);
      expect(key, code).not.toBeNull();
      expect(messages.de[key!]).not.toBe(messages.en[key!]);
    }
  });

  // two groups, 10 rows each: a selected 8 of 10, b 2 of 10; truth a 6/10, b 5/10
  const scores = Float64Array.from([...Array(8).fill(0.9), 0.1, 0.1, ...Array(2).fill(0.9), ...Array(8).fill(0.1)]);
  const yTrue = Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
  const res = computeFairness({ task: 'classification', scores, yTrue, groups: [{ name: 'g', codes: Int32Array.from([...Array(10).fill(0), ...Array(10).fill(1)]), levels: ['a', 'b'] }] }, { bootstrap: false, minGroup: { n: 30 } });
  const verdicts = res.attributes[0].verdicts;

  it('renders the engine verdict with German numbers (hand counts: 80 % vs 20 %, ratio 0,25)', () => {
    const sel = verdicts.find((v) => v.code === 'selection_rate_gap')!;
    const de = verdictText(fmtFor('de'), sel);
    expect(de).toBe('Das Modell sagt „positiv“ am häufigsten für „a“ vorher (80,0\u00a0%) und am seltensten für „b“ (20,0\u00a0%): ein Unterschied von 60,0 Prozentpunkten.');
    const ff = verdicts.find((v) => v.code.startsWith('four_fifths'))!;
    expect(ff.code).toBe('four_fifths_fail');
    expect(verdictText(fmtFor('de'), ff)).toBe('„b“ erhält das günstige Ergebnis nur 0,25-mal so oft wie „a“; das liegt unter der Grenze von vier Fünfteln (0,8).');
    expect(verdictText(fmtFor('en'), ff)).toContain('only 0.25 times as often as “a”');
  });

  it('the small groups caveat names the groups; every caveat is listed once', () => {
    const caveats = uniqueCaveats(verdicts);
    const all = verdicts.flatMap((v) => v.caveats);
    expect(all.length).toBeGreaterThan(caveats.length);
    expect(new Set(caveats.map((c) => `${c.code}${JSON.stringify(c.params)}`)).size).toBe(caveats.length);
    expect(caveats.map((c) => c.code)).toContain('four_fifths_rule_of_thumb');
    const small = caveats.find((c) => c.code === 'small_groups')!;
    expect(verdictText(fmtFor('de'), small)).toBe('Einige Gruppen sind klein (a, b): Ihre Quoten sind unsicher; achten Sie auf die Bereiche.');
  });

  it('params are formatted by meaning; an unknown code falls back to the engine text', () => {
    const p = verdictParams(fmtFor('de'), { highest_rate: 0.8, difference: 0.6, ratio: 0.25, group: 'x', base_rate_gap: 0.1, n: 1234, none: null });
    expect(p).toEqual({ highest_rate: '80,0\u00a0%', difference: '60,0', ratio: '0,25', group: 'x', base_rate_gap: '10,0', n: '1.234' });
    expect(verdictText(fmtFor('de'), { code: 'brand_new', params: {}, text: 'engine text', caveats: [] })).toBe('engine text');
  });

  it('German and English verdict texts use the same placeholders', () => {
    for (const key of Object.keys(messages.en).filter((k) => k.startsWith('fair.v.')) as (keyof typeof messages.en)[]) {
      expect(placeholders(messages.de[key]), key).toEqual(placeholders(messages.en[key]));
    }
  });
});

describe('one caveat, said once (issue 4)', () => {
  it('the base-rate caveat of the selection-rate gap and of the four-fifths rule is one item when the favourable outcome is the negative class', () => {
    // a is selected (predicted positive) 8 of 10 times, b 2 of 10; not being selected is favourable,
    // so the four-fifths rule names the pair (b, a) and the selection-rate gap names (a, b)
    const scores = Float64Array.from([...Array(8).fill(0.9), 0.1, 0.1, ...Array(2).fill(0.9), ...Array(8).fill(0.1)]);
    const yTrue = Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    const groups = [{ name: 'g', codes: Int32Array.from([...Array(10).fill(0), ...Array(10).fill(1)]), levels: ['a', 'b'] }];
    const verdicts = computeFairness({ task: 'classification', scores, yTrue, groups }, { bootstrap: false, favourable: 'negative' }).attributes[0].verdicts;
    const gaps = verdicts.flatMap((v) => v.caveats).filter((c) => c.code === 'gap_not_proof');
    expect(gaps.length).toBeGreaterThan(1);
    const once = uniqueCaveats(verdicts).filter((c) => c.code === 'gap_not_proof');
    expect(once).toHaveLength(1);
    expect(once[0].params).toEqual({ base_rate_gap: expect.closeTo(0.1, 12), group_a: 'a', group_b: 'b' });
  });
});

describe('groups with the same rate (issue 4)', () => {
  it('say so, instead of naming one group as both the highest and the lowest', () => {
    // both groups: 5 of 10 selected, TPR 1 (every positive selected)
    const scores = Float64Array.from([...Array(5).fill(0.9), ...Array(5).fill(0.1), ...Array(5).fill(0.9), ...Array(5).fill(0.1)]);
    const yTrue = Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const groups = [{ name: 'g', codes: Int32Array.from([...Array(10).fill(0), ...Array(10).fill(1)]), levels: ['a', 'b'] }];
    const vs = computeFairness({ task: 'classification', scores, yTrue, groups }, { bootstrap: false }).attributes[0].verdicts;
    const sel = vs.find((v) => v.code.startsWith('selection_rate_gap'))!;
    expect(sel.code).toBe('selection_rate_gap_equal');
    expect(verdictText(fmtFor('de'), sel)).toBe('Das Modell sagt „positiv“ in jeder Gruppe gleich oft vorher (50,0\u00a0%).');
    expect(vs.find((v) => v.code.startsWith('tpr_gap'))!.code).toBe('tpr_gap_equal');
    expect(vs.flatMap((v) => v.caveats).some((c) => c.code === 'gap_not_proof' && c.params.group_a === c.params.group_b)).toBe(false);
  });
});
