/**
 * Issue 4, item 10: the fairness form's choices become the engine's FairnessSpec (the keys of
 * the CLI flags and the audit file); bad input becomes a listed problem, never a silent default.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSpec, defaultPositive, defaultSettings, guessOutcome, intersectionChoices, needsBinning, parseEdges, parseTopKList, type FairnessSettings,
} from '../../../../src/ui/fairness/settings.ts';
import { parseTopK } from '../../../../src/engine/analyses/fairness-run.ts';

const COLUMNS = [
  { name: 'Age', kind: 'number' as const, distinct: 53 },
  { name: 'NumberExistingCredits', kind: 'number' as const, distinct: 4 },
  { name: 'sex', kind: 'category' as const, distinct: 2 },
  { name: 'age_group', kind: 'category' as const, distinct: 2 },
  { name: 'Class', kind: 'category' as const, distinct: 2 },
];

function settings(over: Partial<FairnessSettings> = {}): FairnessSettings {
  return { ...defaultSettings(COLUMNS), positive: 'Good', favourable: 'Good', ...over };
}

describe('parsing what a person types', () => {
  it('edges: commas or spaces separate; with ";" the comma is a decimal mark', () => {
    expect(parseEdges('25, 35, 50')).toEqual([25, 35, 50]);
    expect(parseEdges('25 35 50')).toEqual([25, 35, 50]);
    expect(parseEdges('22,5; 30')).toEqual([22.5, 30]);
    expect(parseEdges('-1.5, 0')).toEqual([-1.5, 0]);
  });

  it('edges: not increasing, not numbers, or empty is null', () => {
    expect(parseEdges('35, 25')).toBeNull();
    expect(parseEdges('25, 25')).toBeNull();
    expect(parseEdges('25, abc')).toBeNull();
    expect(parseEdges('  ')).toBeNull();
    expect(parseEdges('22,5')).toBeNull(); // without ';' this reads as 22 and 5: not increasing
  });

  it('top-k: counts and percentages, German decimal comma after ";", each accepted by the engine', () => {
    expect(parseTopKList('10%, 20 %, 50')).toEqual(['10%', '20%', '50']);
    expect(parseTopKList('12,5 %; 50')).toEqual(['12.5%', '50']);
    expect(parseTopKList('')).toEqual([]);
    for (const item of ['10%', '20%', '50', '12.5%']) expect(() => parseTopK(item)).not.toThrow();
    expect(parseTopK('12.5%')).toEqual({ fraction: 0.125 });
  });

  it('top-k: zero, over 100 % and words are refused', () => {
    expect(parseTopKList('0')).toBeNull();
    expect(parseTopKList('0%')).toBeNull();
    expect(parseTopKList('150%')).toBeNull();
    expect(parseTopKList('ten')).toBeNull();
    expect(parseTopKList('10, x')).toBeNull();
  });

  it('intersections: every pair, then every triple, in the order chosen', () => {
    expect(intersectionChoices(['a'])).toEqual([]);
    expect(intersectionChoices(['a', 'b'])).toEqual(['a+b']);
    expect(intersectionChoices(['a', 'b', 'c'])).toEqual(['a+b', 'a+c', 'b+c', 'a+b+c']);
    expect(intersectionChoices(['a', 'b', 'c', 'd'])).toHaveLength(6 + 4);
  });
});

describe('defaults', () => {
  it('guesses the outcome column by name, else the last two-valued column, else none', () => {
    expect(guessOutcome(COLUMNS)).toBe('Class');
    expect(guessOutcome([{ name: 'x', kind: 'category', distinct: 2 }, { name: 'deny', kind: 'boolean', distinct: 2 }, { name: 'z', kind: 'number', distinct: 9 }])).toBe('deny');
    expect(guessOutcome([{ name: 'z', kind: 'number', distinct: 9 }])).toBe('');
  });

  it('never guesses a column the model reads; regression looks for a number column', () => {
    const cps = [
      { name: 'wage', kind: 'number' as const, distinct: 238 },
      { name: 'education', kind: 'number' as const, distinct: 17 },
      { name: 'south', kind: 'number' as const, distinct: 2 },
      { name: 'gender', kind: 'category' as const, distinct: 2 },
    ];
    expect(guessOutcome(cps, 'regression', ['education', 'south'])).toBe('wage');
    expect(guessOutcome(cps, 'classification', ['education', 'south'])).toBe('gender');
    expect(guessOutcome(COLUMNS, 'classification', ['Class'])).toBe('age_group');
    expect(guessOutcome(cps, 'regression', ['wage', 'education', 'south'])).toBe('');
  });

  it('positive value: the model class when the column has it, else the last value', () => {
    expect(defaultPositive(['Bad', 'Good'], ['Bad', 'Good'], 1)).toBe('Good');
    expect(defaultPositive(['Bad', 'Good'], ['Bad', 'Good'], 0)).toBe('Bad');
    expect(defaultPositive(['0', '1'], [0, 1], 1)).toBe('1');
    expect(defaultPositive(['no', 'yes'], ['A', 'B'], 1)).toBe('yes');
    expect(defaultPositive([], undefined, null)).toBe('');
  });

  it('number columns with more than 12 values are binned, others used as they are', () => {
    expect(needsBinning({ kind: 'number', distinct: 53 })).toBe(true);
    expect(needsBinning({ kind: 'number', distinct: 12 })).toBe(false);
    expect(needsBinning({ kind: 'category', distinct: 500 })).toBe(false);
  });
});

describe('buildSpec (issue 4: the same choices as `einblick fairness`)', () => {
  it('Class=Good, sex and age_group and their intersection: the CLI flags as a spec', () => {
    const { spec, problems } = buildSpec(settings({ protected: ['sex', 'age_group'], intersect: ['sex+age_group'] }), COLUMNS, 'classification', 1000);
    expect(problems).toEqual([]);
    expect(spec).toEqual({
      label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], threshold: 0.5,
      topK: ['10%', '20%'], bins: {}, reference: {}, bootstrap: 1000, seed: 1, minGroupSize: 30,
    });
  });

  it('the favourable outcome may be the negative class; small-group warnings may be switched off', () => {
    const { spec } = buildSpec(settings({ protected: ['sex'], favourable: 'Bad', smallGroups: false }), COLUMNS, 'classification');
    expect(spec?.favourable).toBe('Bad');
    expect(spec?.label).toBe('Class=Good');
    expect(spec?.minGroupSize).toBe(false);
  });

  it('numeric attributes get their binning; a bad edge list is a problem naming the column', () => {
    const ok = buildSpec(settings({ protected: ['Age'], bins: { Age: { mode: 'edges', quantiles: 4, edges: '25, 35, 50' } } }), COLUMNS, 'classification');
    expect(ok.spec?.bins).toEqual({ Age: { edges: [25, 35, 50] } });
    const q = buildSpec(settings({ protected: ['Age', 'NumberExistingCredits'] }), COLUMNS, 'classification');
    expect(q.spec?.bins).toEqual({ Age: { quantiles: 4 } });
    const bad = buildSpec(settings({ protected: ['Age'], bins: { Age: { mode: 'edges', quantiles: 4, edges: '50, 25' } } }), COLUMNS, 'classification');
    expect(bad.spec).toBeNull();
    expect(bad.problems).toEqual([{ key: 'fair.problem.edges', params: { column: 'Age', text: '50, 25' } }]);
  });

  it('lists every problem at once', () => {
    const { spec, problems } = buildSpec(settings({ outcome: '', positive: '', protected: [], topK: 'lots', threshold: 1.5, bootstrap: 5, seed: 0.5 }), COLUMNS, 'classification');
    expect(spec).toBeNull();
    expect(problems.map((p) => p.key).sort()).toEqual(['fair.problem.bootstrap', 'fair.problem.outcome', 'fair.problem.protected', 'fair.problem.seed', 'fair.problem.threshold', 'fair.problem.topK']);
  });

  it('a top-k count above the number of rows is a problem; a percentage never is', () => {
    expect(buildSpec(settings({ protected: ['sex'], topK: '2000' }), COLUMNS, 'classification', 1000).problems[0].key).toBe('fair.problem.topKRows');
    expect(buildSpec(settings({ protected: ['sex'], topK: '100%' }), COLUMNS, 'classification', 1000).problems).toEqual([]);
  });

  it('drops intersections and references of attributes no longer chosen', () => {
    const { spec } = buildSpec(settings({ protected: ['sex'], intersect: ['sex+age_group'], reference: { sex: 'female', age_group: 'under_25', 'sex+age_group': 'x' } }), COLUMNS, 'classification');
    expect(spec?.intersect).toEqual([]);
    expect(spec?.reference).toEqual({ sex: 'female' });
  });

  it('regression: the label is the column alone, no favourable value', () => {
    const { spec } = buildSpec(settings({ outcome: 'Age', positive: '', protected: ['sex'] }), COLUMNS, 'regression');
    expect(spec?.label).toBe('Age');
    expect(spec?.favourable).toBeUndefined();
  });

  it('anomaly: the outcome is optional', () => {
    const { spec, problems } = buildSpec(settings({ outcome: '', positive: '', protected: ['sex'] }), COLUMNS, 'anomaly');
    expect(problems).toEqual([]);
    expect(spec?.label).toBeUndefined();
  });
});
