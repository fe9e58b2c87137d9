/**
 * Validation of fairness options: one typed object, every default filled in, and a clear
 * `invalid <name>: <value>; expected ...` error (code INVALID_OPTION) for anything else.
 */
import { EinblickError } from '../errors.ts';
import type { Binning, FairnessOptions, FairnessOptionsInput, TopK } from './types.ts';

export const DEFAULT_OPTIONS: FairnessOptions = {
  threshold: 0.5,
  favourable: 'positive',
  reference: {},
  intersections: [],
  minGroup: { n: 30, positives: 5, negatives: 5 },
  bootstrap: { samples: 1000, seed: 1 },
  level: 0.95,
  aucInterval: 'auto',
  topK: [],
  binning: {},
  anomaly: null,
};

function invalid(name: string, value: unknown, expected: string, hint: string): EinblickError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new EinblickError('INVALID_OPTION', `invalid ${name}: ${shown}; expected ${expected}`, hint, { option: name });
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw invalid(name, value, `one of ${allowed.join(', ')}`, `Set ${name} to one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}

function int(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, value, `a whole number from ${min} to ${max}`, `Set ${name} to a whole number from ${min} to ${max}.`);
  }
  return value;
}

function topK(k: TopK): TopK {
  if ('k' in k) return { k: int('topK.k', k.k, 0, 2 ** 31 - 1) };
  const f = (k as { fraction: unknown }).fraction;
  if (typeof f !== 'number' || !(f >= 0 && f <= 1)) {
    throw invalid('topK.fraction', f, 'a fraction from 0 to 1', 'Give top-k shares as fractions, e.g. 0.1 for the top 10%.');
  }
  return { fraction: f };
}

function binning(name: string, b: Binning): Binning {
  if ('edges' in b) return { edges: [...b.edges] };
  return { quantiles: int(`binning.${name}.quantiles`, (b as { quantiles: unknown }).quantiles, 2, 100) };
}

function intersections(list: string[][]): string[][] {
  for (const combo of list) {
    if (!Array.isArray(combo) || combo.length < 2 || combo.length > 3 || new Set(combo).size !== combo.length) {
      throw invalid('intersections', combo, '2 or 3 different attribute names', 'Intersect two or three different protected attributes, e.g. ["sex", "age_group"].');
    }
  }
  return list.map((c) => [...c]);
}

function minGroup(m: FairnessOptionsInput['minGroup']): FairnessOptions['minGroup'] {
  if (m === false) return false;
  const d = DEFAULT_OPTIONS.minGroup as { n: number; positives: number; negatives: number };
  return {
    n: int('minGroup.n', m?.n ?? d.n, 0, 2 ** 31 - 1),
    positives: int('minGroup.positives', m?.positives ?? d.positives, 0, 2 ** 31 - 1),
    negatives: int('minGroup.negatives', m?.negatives ?? d.negatives, 0, 2 ** 31 - 1),
  };
}

function bootstrap(b: FairnessOptionsInput['bootstrap']): FairnessOptions['bootstrap'] {
  if (b === false) return false;
  return {
    samples: int('bootstrap.samples', b?.samples ?? 1000, 10, 1_000_000),
    seed: int('bootstrap.seed', b?.seed ?? 1, -(2 ** 31), 2 ** 32 - 1),
  };
}

/**
 * Validates options and fills in defaults.
 *
 * @example resolveOptions({ threshold: 0.3 }).favourable // 'positive'
 * @example resolveOptions({ threshold: 2 }) // throws "invalid threshold: 2; expected a number from 0 to 1"
 */
export function resolveOptions(input: FairnessOptionsInput = {}): FairnessOptions {
  const threshold = input.threshold ?? DEFAULT_OPTIONS.threshold;
  if (input.scale === 'score') {
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      throw invalid('threshold', threshold, 'a finite number in the score\'s own units', 'Give the score at which a case counts as predicted positive.');
    }
  } else if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw invalid('threshold', threshold, 'a number from 0 to 1', 'The threshold is a probability: a case counts as predicted positive when its score is at least the threshold.');
  }
  const level = input.level ?? DEFAULT_OPTIONS.level;
  if (typeof level !== 'number' || !(level >= 0.5 && level < 1)) {
    throw invalid('level', level, 'a number from 0.5 to below 1', 'Use e.g. 0.95 for 95% intervals.');
  }
  const anomaly = input.anomaly ?? null;
  if (anomaly !== null) {
    oneOf('anomaly.direction', anomaly.direction, ['higher', 'lower'] as const);
    if (typeof anomaly.threshold !== 'number' || !Number.isFinite(anomaly.threshold)) {
      throw invalid('anomaly.threshold', anomaly.threshold, 'a finite number', 'Give the score at which a case counts as flagged.');
    }
  }
  const bins: Record<string, Binning> = {};
  for (const [name, b] of Object.entries(input.binning ?? {})) bins[name] = binning(name, b);
  return {
    threshold,
    favourable: oneOf('favourable', input.favourable ?? 'positive', ['positive', 'negative'] as const),
    reference: { ...(input.reference ?? {}) },
    intersections: intersections(input.intersections ?? []),
    minGroup: minGroup(input.minGroup),
    bootstrap: bootstrap(input.bootstrap),
    level,
    aucInterval: oneOf('aucInterval', input.aucInterval ?? 'auto', ['auto', 'bootstrap', 'delong'] as const),
    topK: (input.topK ?? []).map(topK),
    binning: bins,
    anomaly: anomaly && { direction: anomaly.direction, threshold: anomaly.threshold },
  };
}
