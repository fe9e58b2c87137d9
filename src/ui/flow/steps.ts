/**
 * The guided flow: its seven steps in order and when each may be opened. Pure functions over a
 * few facts about the app's state, so that the prerequisites are unit-tested without Svelte.
 */

export const STEPS = ['start', 'load', 'map', 'check', 'explain', 'fairness', 'report'] as const;
export type StepId = (typeof STEPS)[number];

/** What the steps' prerequisites look at. */
export interface FlowFacts {
  model: boolean;
  data: boolean;
  /** Every model input has a data column. */
  mappingOk: boolean;
  /** The score to evaluate is known (found in the model or chosen by the person). */
  scoreChosen: boolean;
  /** The fairness settings name an outcome (where needed) and at least one protected attribute, without problems. */
  fairnessReady: boolean;
  /** Results that are current for the present choices. */
  checked: boolean;
  explained: boolean;
  fairnessDone: boolean;
}

export interface StepState {
  id: StepId;
  /** 1-based position, shown to the person. */
  number: number;
  enabled: boolean;
  /** Its results are there and current. */
  done: boolean;
}

/**
 * Whether a step may be opened: start and load always; the mapping once a model and data are
 * loaded; the model check, explanations and report once model and data fit and the score is
 * known; fairness once, in addition, its settings are complete.
 *
 * @example stepEnabled('check', { ...facts, model: true, data: true, mappingOk: true, scoreChosen: true }) // true
 */
export function stepEnabled(id: StepId, f: FlowFacts): boolean {
  const ready = f.model && f.data && f.mappingOk && f.scoreChosen;
  switch (id) {
    case 'start':
    case 'load':
      return true;
    case 'map':
      return f.model && f.data;
    case 'check':
    case 'explain':
    case 'report':
      return ready;
    case 'fairness':
      return ready && f.fairnessReady;
  }
}

function stepDone(id: StepId, f: FlowFacts): boolean {
  switch (id) {
    case 'start':
      return false;
    case 'load':
      return f.model && f.data;
    case 'map':
      return f.mappingOk && f.scoreChosen;
    case 'check':
      return f.checked;
    case 'explain':
      return f.explained;
    case 'fairness':
      return f.fairnessDone;
    case 'report':
      return false;
  }
}

/**
 * Every step with its number and whether it is enabled and done.
 *
 * @example stepStates(noFacts).filter((s) => s.enabled).map((s) => s.id) // ['start', 'load']
 */
export function stepStates(f: FlowFacts): StepState[] {
  return STEPS.map((id, i) => ({ id, number: i + 1, enabled: stepEnabled(id, f), done: stepDone(id, f) }));
}

/**
 * The step after `id` if it may be opened, else null.
 *
 * @example nextStep('load', { ...facts, model: true, data: true }) // 'map'
 */
export function nextStep(id: StepId, f: FlowFacts): StepId | null {
  const i = STEPS.indexOf(id);
  const next = STEPS[i + 1];
  return next && stepEnabled(next, f) ? next : null;
}

/**
 * The step to show: the one asked for if it may be opened, else the last enabled step before it
 * (after a new model file, say, the explanations step falls back to the mapping).
 *
 * @example visibleStep('fairness', { ...facts, model: true, data: true }) // 'map'
 */
export function visibleStep(id: StepId, f: FlowFacts): StepId {
  for (let i = STEPS.indexOf(id); i > 0; i--) if (stepEnabled(STEPS[i], f)) return STEPS[i];
  return 'start';
}
