/**
 * Validation and defaults of explain options.
 */
import { EinblickError } from '../errors.ts';
import { METHODS, SPACES, type ExplainOptions, type MethodOption, type Space } from './types.ts';

export interface CheckedOptions {
  space: Space;
  method: MethodOption;
  samples: number | null;
  seed: number;
  batchSize: number;
}

function invalid(name: string, value: unknown, expected: string): EinblickError {
  return new EinblickError('INVALID_OPTION', `invalid ${name}: ${String(value)}; expected ${expected}`, `Set ${name} to ${expected}.`, { option: name, value: String(value) });
}

/**
 * Checks options and fills defaults (method auto, seed 1, batches of 4096 rows).
 *
 * @example checkOptions({ space: 'logit' }).method // 'auto'
 */
export function checkOptions(o: ExplainOptions): CheckedOptions {
  if (!SPACES.includes(o.space)) throw invalid('space', o.space, `one of ${SPACES.join(', ')}`);
  const method = o.method ?? 'auto';
  if (!METHODS.includes(method)) throw invalid('method', method, `one of ${METHODS.join(', ')}`);
  if (o.samples !== undefined && !(Number.isInteger(o.samples) && o.samples > 0)) throw invalid('samples', o.samples, 'a positive whole number');
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw invalid('seed', o.seed, 'a whole number');
  if (o.batchSize !== undefined && !(Number.isInteger(o.batchSize) && o.batchSize > 0)) throw invalid('batchSize', o.batchSize, 'a positive whole number');
  return { space: o.space, method, samples: o.samples ?? null, seed: o.seed ?? 1, batchSize: o.batchSize ?? 4096 };
}

/**
 * Default budget of model evaluations per explained row: four antithetic permutations per
 * background row.
 *
 * @example defaultSamples(20, 100) // 15201
 */
export function defaultSamples(nPlayers: number, nBackground: number): number {
  return 4 * nBackground * 2 * Math.max(nPlayers - 1, 1) + 1;
}
