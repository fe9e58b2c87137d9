/**
 * The notes of an explanation: how the method was chosen, what it assumed, what it could not do.
 * Each is coded like the engine's warnings, `{ code, message, params }`: `message` is the English
 * text that the CLI and the results JSON carry (`notes`: an array of these strings), `params`
 * holds the numbers and names from which the app and the report say the same in German or
 * English plain language (src/i18n/explain-notes.ts).
 */
import type { ErrorParams, Warning } from '../errors.ts';

/** Every code an explanation note can have. */
export const EXPLAIN_NOTE_CODES = [
  // the host and the run (src/engine/session.ts, src/engine/analyses/explain-run.ts)
  'TREE_KERNEL_FALLBACK',
  'ROWS_SAMPLED',
  'STRUCTURE_NONE',
  'STRUCTURE_MISMATCH',
  'STRUCTURE_CHECKED',
  // the method and why (auto.ts, explain.ts)
  'METHOD_STRUCTURE',
  'METHOD_STRUCTURE_PAIRS',
  'METHOD_EXACT',
  'METHOD_PERMUTATION',
  'METHOD_ASKED',
  'METHOD_ASKED_PAIRS',
  'STRUCTURE_EVALUATES',
  'SAMPLING_UNITS',
  'LOGIT_PRECISION',
  // the exact structured methods (run-structured.ts) and the structure read (model/trees/extract.ts)
  'TREE_SHAP',
  'TREE_PAIRS',
  'LINEAR_SHAP',
  'LINEAR_PAIRS',
  'TREE_ENSEMBLE',
  'AFFINE_MAP',
] as const;

export type ExplainNoteCode = (typeof EXPLAIN_NOTE_CODES)[number];

export interface ExplainNote extends Warning {
  code: ExplainNoteCode;
  params: ErrorParams;
}

/** The codes of the method notes that say "auto" chose the method. */
export const AUTO_METHOD_CODES: readonly ExplainNoteCode[] = ['METHOD_STRUCTURE', 'METHOD_STRUCTURE_PAIRS', 'METHOD_EXACT', 'METHOD_PERMUTATION'];

/**
 * A note.
 *
 * @example explainNote('LINEAR_PAIRS', '... largest pair game 16 players', { players: 16 }) // { code: 'LINEAR_PAIRS', message: '...', params: { players: 16 } }
 */
export function explainNote(code: ExplainNoteCode, message: string, params: ErrorParams = {}): ExplainNote {
  return { code, message, params };
}

/**
 * The notes' English texts, as the results JSON lists them.
 *
 * @example noteMessages([explainNote('LINEAR_SHAP', 'linear SHAP: ...')]) // ['linear SHAP: ...']
 */
export function noteMessages(notes: readonly ExplainNote[]): string[] {
  return notes.map((n) => n.message);
}
