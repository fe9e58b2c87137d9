/** Issue 5: the guided flow's step prerequisites. */
import { describe, expect, it } from 'vitest';
import { nextStep, stepEnabled, stepStates, visibleStep, STEPS, type FlowFacts } from '../../../../src/ui/flow/steps.ts';

const none: FlowFacts = { model: false, data: false, mappingOk: false, scoreChosen: false, fairnessReady: false, checked: false, explained: false, fairnessDone: false };
const loaded: FlowFacts = { ...none, model: true, data: true };
const fitting: FlowFacts = { ...loaded, mappingOk: true, scoreChosen: true };
const enabled = (f: FlowFacts) => stepStates(f).filter((s) => s.enabled).map((s) => s.id);

describe('step prerequisites (issue 5)', () => {
  it('the seven steps in order, numbered from 1', () => {
    expect(stepStates(none).map((s) => `${s.number}:${s.id}`)).toEqual(['1:start', '2:load', '3:map', '4:check', '5:explain', '6:fairness', '7:report']);
    expect(STEPS).toHaveLength(7);
  });

  it('each step opens once its prerequisites are met, not before', () => {
    expect(enabled(none)).toEqual(['start', 'load']);
    expect(enabled({ ...none, model: true })).toEqual(['start', 'load']);
    expect(enabled(loaded)).toEqual(['start', 'load', 'map']);
    // a mapping that fits is not enough while the score output is still to be chosen
    expect(enabled({ ...loaded, mappingOk: true })).toEqual(['start', 'load', 'map']);
    expect(enabled(fitting)).toEqual(['start', 'load', 'map', 'check', 'explain', 'report']);
    expect(enabled({ ...fitting, fairnessReady: true })).toEqual([...STEPS]);
    // fairness settings alone do not open anything when the model and data do not fit
    expect(enabled({ ...loaded, fairnessReady: true })).toEqual(['start', 'load', 'map']);
  });

  it('done marks follow current results', () => {
    const done = (f: FlowFacts) => stepStates(f).filter((s) => s.done).map((s) => s.id);
    expect(done(none)).toEqual([]);
    expect(done(fitting)).toEqual(['load', 'map']);
    expect(done({ ...fitting, checked: true, explained: true, fairnessDone: true })).toEqual(['load', 'map', 'check', 'explain', 'fairness']);
  });

  it('next step only when it may be opened; a locked step falls back to the last open one before it', () => {
    expect(nextStep('start', none)).toBe('load');
    expect(nextStep('load', none)).toBeNull();
    expect(nextStep('load', loaded)).toBe('map');
    expect(nextStep('explain', fitting)).toBeNull();
    expect(nextStep('explain', { ...fitting, fairnessReady: true })).toBe('fairness');
    expect(nextStep('report', fitting)).toBeNull();
    expect(visibleStep('fairness', fitting)).toBe('explain');
    expect(visibleStep('report', loaded)).toBe('map');
    expect(visibleStep('check', none)).toBe('load');
    expect(visibleStep('start', none)).toBe('start');
    expect(stepEnabled('report', fitting)).toBe(true);
  });
});
