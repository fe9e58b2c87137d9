/**
 * The explanation engine's public surface: read the exact structure out of the graph, check it
 * against the runtime, build a game, explain, export.
 *
 * @example
 *   const extracted = extractModel(model.proto, { output: 'probabilities', index: 1 });
 *   if (extracted.kind !== 'none' && checkStructure(extracted, 'matrix', features, scores).ok) structure = { extracted, layout: 'matrix' };
 *   const game = gameFromRows(features, makePlayers(features.names, 'auto'), [0, 5], background);
 *   const e = await explain(game, { evaluate, structure }, { space: 'logit', method: 'auto' });
 *   explanationToJson(e) // { method: 'tree', space: 'logit', players: [...], base_value, ... }
 */
export { explain } from './explain.ts';
export { chooseMethod, type MethodChoice, type MethodContext } from './auto.ts';
export { gameFromRows, checkGame } from './game.ts';
export { makePlayers, sourceColumn, playerOfFeature, type Groups } from './players.ts';
export { explanationToJson, type ExplanationJson } from './json.ts';
export { modelInSpace, spaceLink, type SpaceLink } from './space.ts';
export { structured, type Structured } from './structure.ts';
export { exactPairs, exactFull, exactPairsCost, EXACT_EVALUATION_LIMIT } from './exact.ts';
export { permutationShap } from './permutation.ts';
export { kernelShap } from './kernel.ts';
export type { TreeShapKernel } from './tree-shap-types.ts';
export { extractModel, type Extracted, type ExtractedTrees, type ExtractedLinear, type ScoreRef } from '../model/trees/extract.ts';
export { checkStructure, structureScores, type StructureCheck } from '../model/trees/check.ts';
export type * from './types.ts';
export { EXPLAIN_NOTE_CODES, AUTO_METHOD_CODES, explainNote, noteMessages, type ExplainNote, type ExplainNoteCode } from './notes.ts';
