/**
 * The comparison engine's public API: two scored sides on the same rows in, one
 * ComparisonResult out (plain data, ready for postMessage and comparisonToJson).
 *
 * @example
 *   const r = compareScores({ scores: v1, threshold: 0.5 }, { scores: v2, threshold: 0.5 },
 *     { yTrue, groups: [size] }, { bootstrap: { samples: 1000, seed: 1 } });
 *   r.changes.to_positive; r.differences; r.verdicts
 */
export { compareScores } from './compare.ts';
export { comparisonToJson } from './json.ts';
export { decisions } from './decisions.ts';
export { HEADLINE_METRICS, significant } from './verdicts.ts';
export type * from './types.ts';
