/**
 * Issue 3: the explainer contract — method choice (auto is a pure function and never silent),
 * forced methods checked against what the model allows, option validation, players and groups,
 * and the explain results JSON of DESIGN.md.
 */
import { describe, expect, it } from 'vitest';
import { chooseMethod, type MethodContext } from '../../../src/engine/explain/auto.ts';
import { explain } from '../../../src/engine/explain/explain.ts';
import { gameFromRows } from '../../../src/engine/explain/game.ts';
import { explanationToJson } from '../../../src/engine/explain/json.ts';
import { makePlayers } from '../../../src/engine/explain/players.ts';
import { structured } from '../../../src/engine/explain/structure.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { extractModel } from '../../../src/engine/model/trees/extract.ts';
import { loadModel, matrixFeatures, reference } from './fixtures.ts';
import { efficiencyError } from './checks.ts';

/** A fixture's traced ensemble and a game on its reference rows (the first `nx` explained, `nb` background). */
function fixtureGame(name: string, groups: 'auto' | 'none', nx: number, nb: number) {
  const ref = reference(name), fs = matrixFeatures(name);
  const extracted = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
  if (extracted.kind === 'none') throw new Error(extracted.reason);
  const game = gameFromRows(fs, makePlayers(fs.names, groups), ref.explanations.rows.explained.slice(0, nx), ref.explanations.rows.background.slice(0, nb));
  return { ref, fs, extracted, game };
}

const base: MethodContext = { space: 'logit', nPlayers: 12, structure: null, structureReason: 'operator Abs is not traced', structurePairs: null, exactEvaluations: null, budget: 10_000 };

describe('auto method choice (issue 3)', () => {
  it('exact tree or linear SHAP when the space is additive', () => {
    expect(chooseMethod({ ...base, structure: { kind: 'trees', additive: true } })).toMatchObject({ method: 'tree', pairwise: false });
    expect(chooseMethod({ ...base, structure: { kind: 'linear', additive: true } })).toMatchObject({ method: 'linear', pairwise: false });
  });

  it('pairwise enumeration over the structure when the space is not additive and the pairs are small', () => {
    const c = chooseMethod({ ...base, space: 'probability', structure: { kind: 'trees', additive: false }, structurePairs: { maxPlayers: 12, coalitions: 1e5 } });
    expect(c).toMatchObject({ method: 'tree', pairwise: true });
    expect(c.reason.message).toMatch(/not additive/);
  });

  it('black-box exact enumeration when it fits the budget, else permutation, with the numbers in the reason', () => {
    const big = { ...base, structure: { kind: 'trees' as const, additive: false }, structurePairs: { maxPlayers: 30, coalitions: 1e12 } };
    expect(chooseMethod({ ...big, exactEvaluations: 5000 }).method).toBe('exact');
    // a few times the sampling budget is worth values without sampling error
    expect(chooseMethod({ ...big, exactEvaluations: 40_000 }).method).toBe('exact');
    const p = chooseMethod({ ...big, exactEvaluations: 50_000 });
    expect(p.method).toBe('permutation');
    expect(p.reason.message).toMatch(/50000/);
    expect(p.reason.message).toMatch(/10000/);
    const q = chooseMethod(base);
    expect(q.method).toBe('permutation');
    expect(q.reason.message).toMatch(/Abs/);
  });
});

describe('explain() (issue 3)', () => {
  const name = 'german_credit_gbm_small';
  const ref = reference(name), fs = matrixFeatures(name);
  const extracted = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
  const players = makePlayers(fs.names, 'auto');
  const game = gameFromRows(fs, players, ref.explanations.rows.explained.slice(0, 2), ref.explanations.rows.background.slice(0, 20));
  if (extracted.kind === 'none') throw new Error(extracted.reason);

  it('auto without a structure: exact enumeration when the budget allows, permutation otherwise', async () => {
    const evaluate = structured(extracted, 'matrix', 'probability').model;
    const exact = await explain(game, { evaluate }, { space: 'probability', samples: 100_000 });
    expect(exact.method).toBe('exact');
    expect(exact.notes[0].message).toMatch(/^method auto: exact enumeration/);
    const tree = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'probability' });
    exact.values.forEach((v, i) => expect(Math.abs(v - tree.values[i])).toBeLessThan(1e-12));
    const sampled = await explain(game, { evaluate }, { space: 'probability' });
    expect(sampled.method).toBe('permutation');
    expect(sampled.errorEstimate).toBeGreaterThan(0);
    expect(sampled.budget.samplesPerRow).toBe(4 * 20 * 2 * 11 + 1);
    for (const e of [exact, tree, sampled]) expect(efficiencyError(e)).toBeLessThan(1e-9);
  });

  it('every method runs on the same game and is efficient', async () => {
    for (const method of ['tree', 'exact', 'permutation', 'kernel'] as const) {
      const e = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit', method, samples: 20_000, seed: 2 });
      expect(e.method).toBe(method);
      expect(e.notes[0]).toEqual({ code: 'METHOD_ASKED', message: `method ${method}: asked for`, params: { method } });
      expect(efficiencyError(e)).toBeLessThan(1e-9);
    }
  });

  it('a forced method the model does not allow is refused, not swapped', async () => {
    const err = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit', method: 'linear' }).catch((e) => e);
    expect(err).toBeInstanceOf(EinblickError);
    expect(err.message).toMatch(/^invalid method: linear/);
    const err2 = await explain(game, { evaluate: async (f) => new Float64Array(f.rows) }, { space: 'logit', method: 'tree' }).catch((e) => e);
    expect(err2.message).toMatch(/^invalid method: tree/);
  });

  it('invalid options name the value and the allowed ones', async () => {
    const err = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'odds' as never }).catch((e) => e);
    expect(err.message).toBe('invalid space: odds; expected one of logit, probability, raw');
    const err2 = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit', samples: -3 }).catch((e) => e);
    expect(err2.code).toBe('INVALID_OPTION');
  });
});

describe('players and groups (issue 3)', () => {
  const names = ['Age', 'Purpose=car', 'Purpose=tv', 'Housing=own', 'Housing=rent'];
  it("auto merges 'column=value' blocks, none keeps features, groups files merge what they list", () => {
    expect(makePlayers(names, 'auto')).toEqual([{ name: 'Age', features: [0] }, { name: 'Purpose', features: [1, 2] }, { name: 'Housing', features: [3, 4] }]);
    expect(makePlayers(names, 'none').map((p) => p.name)).toEqual(names);
    expect(makePlayers(names, { Living: ['Housing=own', 'Housing=rent', 'Age'] })).toEqual([
      { name: 'Living', features: [0, 3, 4] }, { name: 'Purpose=car', features: [1] }, { name: 'Purpose=tv', features: [2] },
    ]);
  });
  it('a groups file with an unknown or doubled feature is refused', () => {
    expect(() => makePlayers(names, { X: ['Nope'] })).toThrow(/unknown feature Nope/);
    expect(() => makePlayers(names, { X: ['Age'], Y: ['Age'] })).toThrow(/already in group X/);
  });
});

describe('explain results JSON (issue 3)', () => {
  it('has the keys of DESIGN.md, error_estimate only for sampling methods', async () => {
    const name = 'german_credit_logreg_small';
    const fs = matrixFeatures(name);
    const extracted = extractModel(loadModel(name), { output: 'probabilities', index: 1 });
    const game = gameFromRows(fs, makePlayers(fs.names, 'auto'), [0, 5, 7], [1, 2, 3, 4]);
    const exact = explanationToJson(await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit' }));
    expect(Object.keys(exact)).toEqual(['method', 'space', 'players', 'base_value', 'rows', 'background_rows', 'values', 'predictions', 'budget', 'notes']);
    expect(exact.method).toBe('linear');
    expect(exact.rows).toEqual([0, 5, 7]);
    expect(exact.background_rows).toEqual([1, 2, 3, 4]);
    expect(exact.values).toHaveLength(3);
    expect(exact.values[0]).toHaveLength(exact.players.length);
    expect(JSON.parse(JSON.stringify(exact))).toEqual(exact);
    const sampled = explanationToJson(await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'probability', method: 'permutation' }));
    expect(sampled.error_estimate).toBe(Math.max(...sampled.standard_errors!.flat()));
  });
});

describe('limits and cancellation (issue 3)', () => {
  const { ref, fs, extracted, game } = fixtureGame('german_credit_gbm', 'none', 2, 10);

  it('exact enumeration says so when it needs too many model evaluations, instead of running for hours', async () => {
    const evaluate = structured(extracted, 'matrix', 'probability').model;
    const all = gameFromRows(fs, makePlayers(fs.names, 'none'), ref.explanations.rows.explained, ref.explanations.rows.background);
    const err = await explain(all, { evaluate }, { space: 'probability', method: 'exact' }).catch((e) => e);
    expect(err).toBeInstanceOf(EinblickError);
    expect(err.code).toBe('EXPLAIN_LIMIT');
    expect(err.params).toMatchObject({ detail: 'EXACT_EVALUATIONS' });
    expect(err.message).toMatch(/needs \d+ model evaluations/);
    expect(err.hint).toMatch(/permutation/);
  });

  it('an aborted signal stops the work with CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'probability', method: 'permutation', signal: controller.signal }).catch((e) => e);
    expect(err.code).toBe('CANCELLED');
  });

  it('progress is reported between batches', async () => {
    const seen: number[] = [];
    await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'probability', method: 'kernel', batchSize: 500, onProgress: (p) => seen.push(p.done) });
    expect(seen.length).toBeGreaterThan(2);
  });
});

describe('non-finite results (issue 3)', () => {
  it('log-odds of a probability of exactly 1 are refused with a hint, not returned as NaN', async () => {
    const fs = matrixFeatures('german_credit_gbm_small');
    const game = gameFromRows(fs, makePlayers(fs.names, 'auto'), [0, 1], [2, 3, 4]);
    const certain = async (f: { rows: number }) => Float64Array.from({ length: f.rows }, (_, i) => (i % 2 ? 1 : 0.5));
    const err = await explain(game, { evaluate: async (f) => (await certain(f)).map((p) => Math.log(p / (1 - p))) }, { space: 'logit', method: 'permutation' }).catch((e) => e);
    expect(err).toBeInstanceOf(EinblickError);
    expect(err.hint).toMatch(/--space probability/);
  });
});

describe('log-odds of float32 probabilities (issue 3)', () => {
  const { extracted, game } = fixtureGame('german_credit_gbm_small', 'auto', 2, 12);
  const margin = structured(extracted, 'matrix', 'logit').model;
  // what onnxruntime gives: the probability as float32, log-odds taken afterwards, shifted so
  // that the rows are confident (|log-odds| > 9) and the float32 rounding shows
  const confident = (shift: number) => async (f: Parameters<typeof margin>[0]) => (await margin(f)).map((m) => {
    const p = Math.fround(1 / (1 + Math.exp(-(m + shift))));
    return Math.log(p / (1 - p));
  });

  it('exact enumeration and sampling use the checked structure, not the float32 runtime', async () => {
    const tree = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit' });
    const exact = await explain(game, { evaluate: confident(0), structure: { extracted, layout: 'matrix' } }, { space: 'logit', method: 'exact' });
    expect(exact.notes.map((n) => n.message).join(' ')).toMatch(/structure read from the graph/);
    exact.values.forEach((v, i) => expect(Math.abs(v - tree.values[i])).toBeLessThan(1e-12));
    // the runtime alone is worse (the check below fails if the structure were not used)
    const runtime = await explain(game, { evaluate: confident(0) }, { space: 'logit', method: 'exact' });
    expect(Math.max(...runtime.values.map((v, i) => Math.abs(v - tree.values[i])))).toBeGreaterThan(1e-9);
  });

  it('without a structure, confident rows get a note with the possible error', async () => {
    const e = await explain(game, { evaluate: confident(10) }, { space: 'logit', method: 'exact' });
    expect(Math.max(...e.predictions.map(Math.abs))).toBeGreaterThan(9);
    expect(e.notes.find((n) => n.code === 'LOGIT_PRECISION')?.message).toMatch(/^log-odds precision: .* off by up to \d\.\de-\d/);
    const calm = await explain(game, { evaluate: confident(0) }, { space: 'logit', method: 'exact' });
    expect(calm.notes.some((n) => n.code === 'LOGIT_PRECISION')).toBe(false);
  });
});

describe('pairwise enumeration: progress and cancel (issue 3)', () => {
  it('reports progress over the explained rows and stops soon after a cancel', async () => {
    const { extracted, game } = fixtureGame('german_credit_gbm', 'auto', 40, 100);
    const seen: number[] = [];
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 150); // runs only if the enumeration yields to the event loop
    const t0 = performance.now();
    const err = await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'probability', method: 'tree', signal: ctl.signal, onProgress: (p) => seen.push(p.done / (p.total ?? 1)) }).catch((e) => e);
    expect(err).toBeInstanceOf(EinblickError);
    expect(err.code).toBe('CANCELLED');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBeLessThan(1);
  });
});
