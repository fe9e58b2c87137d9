import { describe, expect, it } from 'vitest';
import { positiveLabel } from '../../../../src/ui/explain/score-label.ts';
import { playerStats, explainView } from '../../../../src/ui/explain/view.ts';
import { magnitudeText } from '../../../../src/ui/explain/format.ts';
import type { ModelSignature } from '../../../../src/engine/model/types.ts';
import { fakeRun } from './fake-run.ts';

const sig = {
  outputs: [
    { name: 'output_label', type: 'string', shape: [null], role: 'label' },
    { name: 'output_probability', type: 'float32', shape: [null, 2], role: 'probabilities', classLabels: ['Bad', 'Good'] },
    { name: 'score', type: 'float32', shape: [null], role: 'score' },
  ],
  score: { output: 'output_probability', index: 1 },
} as unknown as ModelSignature;

describe('the class a score is the probability of', () => {
  it('from the signature, or from the output the person chose', () => {
    expect(positiveLabel(sig, undefined)).toBe('Good');
    expect(positiveLabel(sig, 'output_probability:0')).toBe('Bad');
    expect(positiveLabel(sig, 'score')).toBeNull();
    expect(positiveLabel(sig, 'output_probability:5')).toBeNull();
    expect(positiveLabel({ ...sig, score: null }, undefined)).toBeNull();
  });
});

describe('table summaries', () => {
  it('min, median, max and the share of cases raised (hand-counted)', () => {
    const v = explainView(fakeRun({ players: ['a'], values: [[0.3], [-0.1], [0.2], [0]], base: 0 }));
    expect(playerStats(v.players[0])).toEqual({ min: -0.1, median: 0.1, max: 0.3, up: 0.5 });
    const odd = explainView(fakeRun({ players: ['a'], values: [[3], [1], [2]], base: 0 }));
    expect(playerStats(odd.players[0]).median).toBe(2);
  });

  it('sizes of SHAP values: percentage points without sign', () => {
    expect(magnitudeText(0.0775, 'probability', 'de', true)).toBe('7,75 Pp.');
    expect(magnitudeText(0.0775, 'probability', 'en')).toBe('7.8');
    expect(magnitudeText(0.21049, 'logit', 'en', true)).toBe('0.2105');
  });
});
