/**
 * The choice of method, as a pure function of what the graph allows, the players, the space and
 * the budget. It returns the method and the reason, which end up in the result's notes: the
 * method is never swapped silently.
 */
import type { ErrorParams } from '../errors.ts';
import { explainNote, type ExplainNote } from './notes.ts';
import type { Method, Space } from './types.ts';

export interface MethodContext {
  space: Space;
  nPlayers: number;
  /** The exact structure read from the graph, and whether the space is additive in its margin. */
  structure: { kind: 'trees' | 'linear'; additive: boolean } | null;
  /** Why there is no structure (when structure is null). */
  structureReason: string | null;
  /**
   * The same for the plain-language texts: { structure: 'none-given' } (the explainer got no
   * structure), { structure: 'blocked', pathPlayers, maxPathPlayers } (a tree path reads too many
   * players); by default { structure: 'unreadable', reason }.
   */
  structureWhy?: ErrorParams;
  /** Non-additive space: the pairwise enumeration over the structure (largest pair game, total coalitions). */
  structurePairs: { maxPlayers: number; coalitions: number } | null;
  /** Model evaluations that black-box exact enumeration needs (pairwise), or null when unknown. */
  exactEvaluations: number | null;
  /** Model evaluations the sampling methods may use for all explained rows together. */
  budget: number;
}

export interface MethodChoice {
  method: Method;
  /** true: the structured method enumerates pair games (non-additive space). */
  pairwise: boolean;
  /** The note that names the method and why ('method auto: ...'). */
  reason: ExplainNote;
}

/** Largest pair game the structured enumeration takes on. */
export const PAIR_LIMIT = 22;
/** Coalition tables (sum over pairs of 2^players) the structured enumeration takes on. */
export const PAIR_COALITION_LIMIT = 5e7;

/**
 * Exact enumeration is preferred while it needs at most this many times the sampling budget:
 * a few times the work buys values without sampling error (and costs about as much per model
 * evaluation as sampling does).
 */
export const EXACT_OVER_BUDGET = 4;

/**
 * Picks the method.
 *
 * @example chooseMethod({ space: 'logit', nPlayers: 20, structure: { kind: 'trees', additive: true }, ... }).method // 'tree'
 */
export function chooseMethod(c: MethodContext): MethodChoice {
  const s = c.structure;
  const auto = (code: Parameters<typeof explainNote>[0], reason: string, params: ErrorParams) => explainNote(code, `method auto: ${reason}`, params);
  if (s && s.additive) {
    const what = s.kind === 'trees' ? 'a tree ensemble' : 'an affine map';
    const method = s.kind === 'trees' ? 'tree' : 'linear';
    return { method, pairwise: false, reason: auto('METHOD_STRUCTURE', `exact ${method} SHAP: the score is ${what} read from the graph and ${c.space} space is additive in its margin`, { method, space: c.space }) };
  }
  let why = s ? `${c.space} space is not additive in the margin of the ${s.kind === 'trees' ? 'trees' : 'affine map'}` : `no exact structure: ${c.structureReason ?? 'none given'}`;
  const whyParams: ErrorParams = s ? { space: c.space, kind: s.kind } : { space: c.space, ...(c.structureWhy ?? { structure: 'unreadable', reason: c.structureReason ?? 'none given' }) };
  if (s && c.structurePairs) {
    const p = c.structurePairs;
    const method = s.kind === 'trees' ? 'tree' : 'linear';
    if (p.maxPlayers <= PAIR_LIMIT && p.coalitions <= PAIR_COALITION_LIMIT) {
      return { method, pairwise: true, reason: auto('METHOD_STRUCTURE_PAIRS', `exact by enumeration: ${why}, so each background row's game is enumerated over the players that differ (at most ${p.maxPlayers}), with the margin from the graph`, { method, space: c.space, kind: s.kind, players: p.maxPlayers }) };
    }
    why += `; pairwise enumeration is too large (up to ${p.maxPlayers} players per pair, ${p.coalitions} coalitions)`;
    Object.assign(whyParams, { pairPlayers: p.maxPlayers, pairCoalitions: p.coalitions });
  }
  const cost = { factor: EXACT_OVER_BUDGET, budget: c.budget, ...(c.exactEvaluations === null ? {} : { evaluations: c.exactEvaluations }) };
  if (c.exactEvaluations !== null && c.exactEvaluations <= EXACT_OVER_BUDGET * c.budget) {
    return { method: 'exact', pairwise: true, reason: auto('METHOD_EXACT', `exact enumeration with the model: ${why}; its ${c.exactEvaluations} model evaluations are within ${EXACT_OVER_BUDGET} times the sampling budget of ${c.budget}`, { ...whyParams, ...cost }) };
  }
  const exact = c.exactEvaluations === null ? 'exact enumeration is out of reach' : `exact enumeration needs ${c.exactEvaluations} model evaluations, more than ${EXACT_OVER_BUDGET} times the sampling budget of ${c.budget}`;
  return { method: 'permutation', pairwise: false, reason: auto('METHOD_PERMUTATION', `approximate: ${why}; ${exact}; permutation SHAP (antithetic) with its standard errors`, { ...whyParams, ...cost }) };
}
