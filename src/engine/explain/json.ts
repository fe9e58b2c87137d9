/**
 * The explain results JSON of DESIGN.md:
 * {"method", "space", "players", "base_value", "rows", "background_rows", "values",
 *  "predictions", "error_estimate"?} plus "standard_errors" (sampling methods), "budget", "notes".
 */
import { noteMessages } from './notes.ts';
import type { Explanation } from './types.ts';

export interface ExplanationJson {
  method: string;
  space: string;
  players: string[];
  base_value: number;
  rows: number[];
  background_rows: number[];
  values: number[][];
  predictions: number[];
  error_estimate?: number;
  standard_errors?: number[][];
  budget: { evaluations: number; samples_per_row: number | null };
  notes: string[];
}

function matrix(flat: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(flat.subarray(r * cols, (r + 1) * cols)));
}

/**
 * The JSON object the CLI writes and the UI exports.
 *
 * @example explanationToJson(e).values[0] // [0.26, 0.08, ...] (one number per player)
 */
export function explanationToJson(e: Explanation): ExplanationJson {
  const n = e.rows.length, p = e.players.length;
  const out: ExplanationJson = {
    method: e.method,
    space: e.space,
    players: e.players.slice(),
    base_value: e.baseValue,
    rows: e.rows.slice(),
    background_rows: e.backgroundRows.slice(),
    values: matrix(e.values, n, p),
    predictions: Array.from(e.predictions),
    budget: { evaluations: e.budget.evaluations, samples_per_row: e.budget.samplesPerRow },
    notes: noteMessages(e.notes),
  };
  if (e.errorEstimate !== null) out.error_estimate = e.errorEstimate;
  if (e.standardErrors) out.standard_errors = matrix(e.standardErrors, n, p);
  return out;
}
