/**
 * The one entry point: explain(game, model, options) -> Explanation. Picks the method (or checks
 * the one asked for), runs it and reports the method, budget, error estimate and notes.
 */
import { EinblickError } from '../errors.ts';
import { chooseMethod, type MethodChoice } from './auto.ts';
import type { ErrorParams } from '../errors.ts';
import { exactPairs, exactPairsCost } from './exact.ts';
import { checkGame } from './game.ts';
import { kernelShap } from './kernel.ts';
import { explainNote, type ExplainNote } from './notes.ts';
import { checkOptions, defaultSamples, type CheckedOptions } from './options.ts';
import { permutationShap } from './permutation.ts';
import { pairCost, prepare, runStructured, type Prepared } from './run-structured.ts';
import { structured } from './structure.ts';
import { MAX_PATH_PLAYERS } from './tree-paths.ts';
import type { BatchModel, ExplainModel, ExplainOptions, Explanation, Game, Method } from './types.ts';

function methodError(method: Method, why: string): EinblickError {
  return new EinblickError('INVALID_OPTION', `invalid method: ${method}; ${why}`, 'Use --method auto to let Einblick pick an exact method where the model allows one, or permutation for any model.', { option: 'method', value: method });
}

/** The method asked for, checked against what the model allows. */
function forced(method: Method, prep: Prepared | null, reason: string | null): MethodChoice {
  if (method === 'tree' || method === 'linear') {
    const kind = method === 'tree' ? 'trees' : 'linear';
    if (!prep || prep.st.kind !== kind) throw methodError(method, `the model's score is not ${method === 'tree' ? 'a tree ensemble' : 'an affine map'} Einblick can read (${reason ?? `it is ${prep?.st.kind === 'trees' ? 'a tree ensemble' : 'an affine map'}`})`);
    if (prep.blocked) throw methodError(method, prep.blocked);
    const pairwise = !prep.st.link.additive;
    if (pairwise) return { method, pairwise, reason: explainNote('METHOD_ASKED_PAIRS', `method ${method}: asked for; the space is not additive in the margin, so each background row's game is enumerated`, { method }) };
    return { method, pairwise, reason: explainNote('METHOD_ASKED', `method ${method}: asked for`, { method }) };
  }
  return { method, pairwise: method === 'exact', reason: explainNote('METHOD_ASKED', `method ${method}: asked for`, { method }) };
}

/** Why there is no usable structure, for the plain-language texts (see MethodContext.structureWhy). */
function structureWhy(given: boolean, prep: Prepared | null): ErrorParams | undefined {
  if (prep?.blocked) return { structure: 'blocked', pathPlayers: prep.pathPlayers ?? undefined, maxPathPlayers: MAX_PATH_PLAYERS };
  return given ? undefined : { structure: 'none-given' };
}

function choose(o: CheckedOptions, game: Game, prep: Prepared | null, reason: string | null, samples: number, given: boolean): MethodChoice {
  if (o.method !== 'auto') return forced(o.method, prep, reason);
  const usable = prep && !prep.blocked ? prep : null;
  const needCost = !usable || !usable.st.link.additive;
  const cost = needCost && game.players.length <= 20 ? exactPairsCost(game) : null;
  return chooseMethod({
    space: o.space,
    nPlayers: game.players.length,
    structure: usable ? { kind: usable.st.kind, additive: usable.st.link.additive } : null,
    structureReason: prep?.blocked ?? reason,
    structureWhy: structureWhy(given, prep),
    structurePairs: usable && !usable.st.link.additive ? pairCost(usable) : null,
    exactEvaluations: cost && cost.maxPlayers <= 20 ? cost.evaluations : null,
    budget: samples * game.explain.rows,
  });
}

/**
 * Log-odds taken of onnxruntime's float32 probabilities: p is rounded to about 6e-8, and
 * log(p / (1 - p)) magnifies that by 1 / (p (1 - p)), about e^|g| for large |g|. Beyond
 * |g| = 9 (p within 1.2e-4 of 0 or 1) the error passes 1e-4; the note says how large it may be.
 *
 * @example logitPrecisionNote(Float64Array.of(10), 0) // [{ code: 'LOGIT_PRECISION', message: 'log-odds precision: ... up to 1.3e-3 ...', params: { worst: 10, bound: 0.0013 } }]
 */
export function logitPrecisionNote(fx: Float64Array, base: number): ExplainNote[] {
  let worst = Math.abs(base);
  for (const v of fx) if (Math.abs(v) > worst) worst = Math.abs(v);
  if (!(worst > 9)) return [];
  const bound = 2 ** -24 * (Math.exp(worst) + 2);
  const message = `log-odds precision: the model gives probabilities as float32 numbers, and some explained rows lie close to 0 or 1 (log-odds up to ${worst.toFixed(1)}); their log-odds, and the values that use them, may be off by up to ${bound.toExponential(1)}. Use --space probability for full precision.`;
  return [explainNote('LOGIT_PRECISION', message, { worst, bound })];
}

/** Refuses results with infinite or undefined numbers (log-odds of a probability of 0 or 1). */
function finite(e: Explanation): Explanation {
  const bad = !Number.isFinite(e.baseValue) || e.values.some((v) => !Number.isFinite(v)) || e.predictions.some((v) => !Number.isFinite(v));
  if (!bad) return e;
  const hint = e.space === 'logit' ? 'The model gives some rows (or background rows) a probability of exactly 0 or 1, whose log-odds are infinite. Use --space probability.' : 'The model returns infinite or undefined values for some rows; check the data for extreme values.';
  if (e.space === 'logit') throw new EinblickError('INVALID_OPTION', `invalid space: ${e.space}; the model's output is not finite in this space for some rows`, hint, { option: 'space', value: e.space });
  throw new EinblickError('INFERENCE_FAILED', 'the model returns infinite or undefined values for some rows', hint, { space: e.space });
}

/**
 * Interventional SHAP values of the game's players for the explained rows.
 *
 * @example await explain(game, { structure: { extracted, layout: 'matrix' } }, { space: 'logit' }) // { method: 'tree', ... }
 */
export async function explain(game: Game, model: ExplainModel, options: ExplainOptions): Promise<Explanation> {
  return finite(await run(game, model, options));
}

async function run(game: Game, model: ExplainModel, options: ExplainOptions): Promise<Explanation> {
  const o = checkOptions(options);
  const owner = checkGame(game);
  const ext = model.structure?.extracted;
  const st = ext && ext.kind !== 'none' ? structured(ext, model.structure!.layout, o.space) : null;
  const reason = ext ? (ext.kind === 'none' ? ext.reason : null) : 'no structure was read from the graph';
  const prep = st ? prepare(st, game, owner) : null;
  // a structure read from the graph (and checked against onnxruntime) gives g in float64, also in
  // log-odds, where onnxruntime's float32 probabilities near 0 and 1 lose digits; else onnxruntime
  const evaluate: BatchModel | undefined = st?.model ?? model.evaluate;
  if (!evaluate) throw new EinblickError('INTERNAL', 'explain() got neither a model evaluator nor a structure', 'This is a bug in Einblick.');
  const n = game.players.length, nb = game.background.rows;
  const samples = o.samples ?? defaultSamples(n, nb);
  const choice = choose(o, game, prep, reason, samples, ext !== undefined);
  const notes = [choice.reason];
  if (st && !['tree', 'linear'].includes(choice.method)) notes.push(explainNote('STRUCTURE_EVALUATES', 'model evaluations use the structure read from the graph (float64, checked against onnxruntime)'));
  const common = { space: o.space, players: game.players.map((p) => p.name), rows: game.rows.slice(), backgroundRows: game.backgroundRows.slice() };
  const eo = { batchSize: o.batchSize, signal: options.signal, onProgress: options.onProgress };
  if (choice.method === 'tree' || choice.method === 'linear') {
    const r = await runStructured(prep!, choice.pairwise, { signal: options.signal, onProgress: options.onProgress }, options.treeKernel);
    return { ...common, method: choice.method, baseValue: r.base, values: r.phi, predictions: r.fx, standardErrors: null, errorEstimate: null, budget: { evaluations: 0, samplesPerRow: null }, notes: [...notes, ...r.notes, ...st!.ext.notes] };
  }
  if (choice.method === 'exact') {
    const r = await exactPairs(game, evaluate, eo);
    if (o.space === 'logit' && !st) notes.push(...logitPrecisionNote(r.fx, r.base));
    return { ...common, method: 'exact', baseValue: r.base, values: r.phi, predictions: r.fx, standardErrors: null, errorEstimate: null, budget: { evaluations: r.evaluations, samplesPerRow: null }, notes };
  }
  const run = choice.method === 'kernel' ? kernelShap : permutationShap;
  const r = await run(game, evaluate, { ...eo, samples, seed: o.seed });
  notes.push(explainNote('SAMPLING_UNITS', `${r.units} sampling units per row (seed ${o.seed}); standard errors per value`, { units: r.units, seed: o.seed, method: choice.method }));
  if (o.space === 'logit' && !st) notes.push(...logitPrecisionNote(r.fx, r.base));
  const errorEstimate = r.se.reduce((m, v) => Math.max(m, v), 0);
  return { ...common, method: choice.method, baseValue: r.base, values: r.phi, predictions: r.fx, standardErrors: r.se, errorEstimate, budget: { evaluations: r.evaluations, samplesPerRow: samples }, notes };
}
