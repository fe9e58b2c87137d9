/**
 * Issue 2 (item 6): task detection from outputs, --output NAME[:INDEX], task and positive
 * class overrides, and their errors (AMBIGUOUS_OUTPUT, UNKNOWN_OUTPUT, index out of range).
 */
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { parseOutputOption, resolveScore } from '../../../src/engine/model/resolve.ts';
import { detectTask } from '../../../src/engine/model/task.ts';
import type { ModelSignature, OutputSpec } from '../../../src/engine/model/types.ts';

function sig(outputs: OutputSpec[]): ModelSignature {
  const c = detectTask(outputs);
  const s: ModelSignature = { inputs: [{ name: 'input', type: 'float32', shape: [null, 2] }], outputs, layout: 'matrix', width: 2, task: c.task, score: c.score, labelOutput: c.labelOutput, ops: [], opsets: {}, producer: '', irVersion: 8, notes: [] };
  if (c.ambiguity) s.ambiguity = c.ambiguity;
  return s;
}

function thrown(fn: () => unknown): EinblickError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

const label = (type: OutputSpec['type'] = 'int64', shape: (number | null)[] = [null]): OutputSpec => ({ name: 'label', type, shape, role: 'label' });
const probs = (width: number | null, classLabels?: (string | number)[]): OutputSpec => ({ name: 'probabilities', type: 'float32', shape: [null, width], role: 'probabilities', ...(classLabels ? { classLabels } : {}) });

describe('detectTask', () => {
  test('binary probabilities [N, 2]: classification, column 1', () => {
    expect(detectTask([label(), probs(2)])).toEqual({ task: 'classification', score: { output: 'probabilities', index: 1 }, labelOutput: 'label' });
  });
  test('[N, 1] probability: classification, column 0', () => {
    expect(detectTask([{ name: 'prob', type: 'float32', shape: [null, 1], role: 'probabilities' }]).score).toEqual({ output: 'prob', index: 0 });
  });
  test('int label [N, 1] + one float score [N, 1]: anomaly', () => {
    const c = detectTask([label('int64', [null, 1]), { name: 'scores', type: 'float32', shape: [null, 1], role: 'score' }]);
    expect(c).toEqual({ task: 'anomaly', score: { output: 'scores', index: 0 }, labelOutput: 'label' });
  });
  test('one float [N] without label: regression with index null', () => {
    expect(detectTask([{ name: 'variable', type: 'float32', shape: [null], role: 'value' }])).toEqual({ task: 'regression', score: { output: 'variable', index: null }, labelOutput: null });
  });
  test('three classes: ambiguous with one candidate per class', () => {
    const c = detectTask([label(), probs(3, ['a', 'b', 'c'])]);
    expect(c.score).toBeNull();
    expect(c.ambiguity?.candidates).toEqual(['probabilities:0', 'probabilities:1', 'probabilities:2']);
    expect(c.ambiguity?.message).toContain('probabilities:2 (class c)');
  });
  test('a float output [N, 4] without roles: ambiguous, not regression', () => {
    const c = detectTask([{ name: 'y', type: 'float32', shape: [null, 4], role: 'value' }]);
    expect(c.score).toBeNull();
    expect(c.ambiguity?.message).toMatch(/4 columns/);
  });
  test('a string label only: no score', () => {
    expect(detectTask([label('string')]).score).toBeNull();
  });
});

describe('parseOutputOption', () => {
  test('NAME:INDEX and NAME', () => {
    expect(parseOutputOption('output_probability:1')).toEqual({ name: 'output_probability', index: 1 });
    expect(parseOutputOption('variable')).toEqual({ name: 'variable', index: null });
    expect(parseOutputOption(' p:12 ')).toEqual({ name: 'p', index: 12 });
  });
  test('an output name containing ":" wins over the index reading', () => {
    expect(parseOutputOption('dense/Sigmoid:0', ['dense/Sigmoid:0'])).toEqual({ name: 'dense/Sigmoid:0', index: null });
    expect(parseOutputOption('dense/Sigmoid:0:0', ['dense/Sigmoid:0'])).toEqual({ name: 'dense/Sigmoid:0', index: 0 });
  });
});

describe('resolveScore', () => {
  const binary = sig([label('string'), probs(2, ['Bad', 'Good'])]);
  const multi = sig([label(), probs(3, [0, 1, 2])]);

  test('binary default: positive index 1 and its label', () => {
    expect(resolveScore(binary)).toEqual({ task: 'classification', output: 'probabilities', index: 1, positiveIndex: 1, positiveLabel: 'Good', labelOutput: 'label', classLabels: ['Bad', 'Good'] });
  });
  test('positive class by label', () => {
    expect(resolveScore(binary, { positive: 'Bad' })).toMatchObject({ index: 0, positiveIndex: 0, positiveLabel: 'Bad' });
    const err = thrown(() => resolveScore(binary, { positive: 'good' }));
    expect(err.code).toBe('INVALID_OPTION');
    expect(err.message).toContain('Bad, Good');
  });
  test('positive class by label on int64 classes', () => {
    expect(resolveScore(multi, { output: 'probabilities', positive: 2 })).toMatchObject({ index: 2, positiveLabel: 2 });
    expect(resolveScore(multi, { positive: '1' })).toMatchObject({ output: 'probabilities', index: 1, positiveLabel: 1 });
  });
  test('ambiguous multi-class: AMBIGUOUS_OUTPUT listing candidates, hint names --output', () => {
    const err = thrown(() => resolveScore(multi));
    expect(err.code).toBe('AMBIGUOUS_OUTPUT');
    expect(err.message).toContain('probabilities:0 (class 0), probabilities:1 (class 1), probabilities:2 (class 2)');
    expect(err.hint).toContain('--output NAME[:INDEX]');
    expect(err.params.candidates).toEqual(['probabilities:0', 'probabilities:1', 'probabilities:2']);
  });
  test('--output picks a column of a multi-class output', () => {
    expect(resolveScore(multi, { output: 'probabilities:2' })).toMatchObject({ task: 'classification', output: 'probabilities', index: 2, positiveIndex: 2, positiveLabel: 2 });
    expect(thrown(() => resolveScore(multi, { output: 'probabilities' })).code).toBe('AMBIGUOUS_OUTPUT');
  });
  test('unknown output: UNKNOWN_OUTPUT lists the real names', () => {
    const err = thrown(() => resolveScore(binary, { output: 'proba' }));
    expect(err.code).toBe('UNKNOWN_OUTPUT');
    expect(err.message).toBe('unknown output: proba; the model\'s outputs are label, probabilities');
  });
  test('index out of range', () => {
    const err = thrown(() => resolveScore(binary, { output: 'probabilities:2' }));
    expect(err.code).toBe('INVALID_OPTION');
    expect(err.message).toMatch(/index 2 is out of range .* 2 columns \(0 to 1\)/);
  });
  test('a text output cannot be the score', () => {
    expect(thrown(() => resolveScore(binary, { output: 'label' })).code).toBe('UNSUPPORTED_OUTPUT');
  });
  test('task override and invalid task', () => {
    expect(resolveScore(binary, { task: 'regression' })).toMatchObject({ task: 'regression', positiveIndex: null, positiveLabel: null, index: 1 });
    expect(thrown(() => resolveScore(binary, { task: 'ranking' as never })).message).toBe('invalid task: ranking; expected one of classification, regression, anomaly');
  });
  test('anomaly: choosing the score output keeps the task', () => {
    const s = sig([label('int64', [null, 1]), { name: 'scores', type: 'float32', shape: [null, 1], role: 'score' }]);
    expect(resolveScore(s, { output: 'scores' })).toMatchObject({ task: 'anomaly', index: 0, positiveIndex: null });
  });
});
