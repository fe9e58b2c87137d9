/** What a model check was computed for: it is current only while all of these are unchanged. */
import type { DataSummary, ModelSummary } from '../../engine/session.ts';

export interface CheckInputs {
  model: ModelSummary | null;
  data: DataSummary | null;
  features: string[] | undefined;
  output: string | undefined;
  /** The outcome as the CLI's --label ('Class=Good'); null when none is chosen. */
  label: string | null;
  threshold: number;
}

/**
 * Whether a check computed for `a` is current for `b` (files compared by identity).
 *
 * @example sameInputs(check.inputs, app.checkInputs) // false after the threshold moved
 */
export function sameInputs(a: CheckInputs, b: CheckInputs): boolean {
  return a.model === b.model && a.data === b.data && a.features === b.features && a.output === b.output && a.label === b.label && a.threshold === b.threshold;
}
