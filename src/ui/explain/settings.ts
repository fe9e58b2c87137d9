/**
 * The explanation settings a person makes in the form, and their translation into the engine's
 * ExplainSpec (the same keys as the CLI flags and the audit file). Pure functions: the form
 * shows the problems this finds before anything is sent to the engine.
 */
import type { ExplainSpec } from '../../engine/analyses/explain-run.ts';
import type { MethodOption, Space } from '../../engine/explain/types.ts';
import type { Task } from '../../engine/model/types.ts';
import { sampleIndices } from '../../engine/random.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { LIMITS } from '../../engine/audit/limits.ts';

/** Explained rows by default: all up to this many, else a seeded sample (the engine's DEFAULT_MAX_ROWS). */
export const MAX_ROWS = 1000;

export interface ExplainSettings {
  space: Space;
  method: MethodOption;
  /** Background sample size, as typed. */
  background: string;
  /** Seed of the background (and row) samples, as typed. */
  seed: string;
  /** 'all': all rows up to 1000 (else the engine's seeded sample); 'sample': a seeded sample; 'list': rows typed. */
  rows: 'all' | 'sample' | 'list';
  sampleSize: string;
  /** Row numbers as typed: "0-4, 17" (0-based, like --rows). */
  rowList: string;
  groups: 'auto' | 'none';
  /** Sampling methods: model evaluations per explained row, as typed ('' = the engine's default). */
  samples: string;
}

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type SpecResult = { ok: true; spec: ExplainSpec } | { ok: false; problems: Problem[] };

/**
 * The starting settings for a model's task: probability space for classifiers, raw otherwise.
 *
 * @example defaultSettings('regression').space // 'raw'
 */
export function defaultSettings(task: Task): ExplainSettings {
  return {
    space: task === 'classification' ? 'probability' : 'raw',
    method: 'auto',
    background: '100',
    seed: '1',
    rows: 'all',
    sampleSize: '200',
    rowList: '0-9',
    groups: 'auto',
    samples: '',
  };
}

/** The spaces a task allows. */
export function spacesFor(task: Task): Space[] {
  return task === 'classification' ? ['probability', 'logit'] : ['raw'];
}

function intIn(text: string, lo: number, hi: number): number | null {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return null;
  const v = Number(t);
  return v >= lo && v <= hi ? v : null;
}

/**
 * '0-4, 17' -> [0, 1, 2, 3, 4, 17]: 0-based data rows, as the CLI's --rows; null when the text
 * is not a list of rows (then `bad` names the part that is wrong).
 *
 * @example parseRowList('3-5,1', 10) // { rows: [3, 4, 5, 1] }
 * @example parseRowList('3-x', 10) // { rows: null, bad: '3-x' }
 */
export function parseRowList(text: string, nRows: number): { rows: number[] | null; bad?: string } {
  const rows: number[] = [];
  const seen = new Set<number>();
  for (const part of text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:[-–](\d+))?$/.exec(part);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m && m[2] !== undefined ? Number(m[2]) : lo;
    if (!m || hi < lo || hi >= nRows || hi - lo >= MAX_ROWS * 10) return { rows: null, bad: part };
    for (let r = lo; r <= hi; r++) {
      if (!seen.has(r)) rows.push(r);
      seen.add(r);
    }
  }
  return rows.length ? { rows } : { rows: null, bad: text.trim() };
}

/**
 * Checks the settings and builds the engine's ExplainSpec. The 'sample' rows are a seeded simple
 * random sample (seed + 1, as the engine's own sample of 1000 rows), so that the CLI with the same
 * --rows gives the same result.
 *
 * @example toSpec({ ...defaultSettings('classification'), rows: 'list', rowList: '0-4' }, 1000, 'classification')
 *   // { ok: true, spec: { rows: [0, 1, 2, 3, 4], background: 100, seed: 1, space: 'probability', method: 'auto', groups: 'auto' } }
 */
export function toSpec(s: ExplainSettings, nRows: number, task: Task): SpecResult {
  const problems: Problem[] = [];
  // the same ranges as the command line flags and the audit file (engine/audit/limits.ts)
  const background = intIn(s.background, LIMITS.background.min, LIMITS.background.max);
  if (background === null) problems.push({ key: 'explain.problem.background', params: { value: s.background } });
  const seed = intIn(s.seed, LIMITS.seed.min, LIMITS.seed.max);
  if (seed === null) problems.push({ key: 'explain.problem.seed', params: { value: s.seed } });
  if (!spacesFor(task).includes(s.space)) problems.push({ key: 'explain.problem.space', params: { value: s.space } });
  const samples = s.samples.trim() === '' ? undefined : intIn(s.samples, LIMITS.samples.min, LIMITS.samples.max);
  if (samples === null) problems.push({ key: 'explain.problem.samples', params: { value: s.samples } });
  let rows: number[] | undefined;
  if (s.rows === 'list') {
    const parsed = parseRowList(s.rowList, nRows);
    if (!parsed.rows) problems.push({ key: 'explain.problem.rows', params: { value: parsed.bad ?? s.rowList, last: nRows - 1 } });
    else if (parsed.rows.length > MAX_ROWS) problems.push({ key: 'explain.problem.tooMany', params: { count: parsed.rows.length, max: MAX_ROWS } });
    else rows = parsed.rows;
  } else if (s.rows === 'sample') {
    const k = intIn(s.sampleSize, 1, MAX_ROWS);
    if (k === null) problems.push({ key: 'explain.problem.sampleSize', params: { value: s.sampleSize, max: MAX_ROWS } });
    else if (seed !== null) rows = sampleIndices(nRows, Math.min(k, nRows), seed + 1);
  }
  if (problems.length) return { ok: false, problems };
  const spec: ExplainSpec = { background: background!, seed: seed!, space: s.space, method: s.method, groups: s.groups };
  if (rows) spec.rows = rows;
  if (samples !== undefined && samples !== null && (s.method === 'permutation' || s.method === 'kernel' || s.method === 'auto')) spec.samples = samples;
  return { ok: true, spec };
}

/** How many rows the settings explain (for the form's summary). */
export function rowCount(s: ExplainSettings, nRows: number): number | null {
  if (s.rows === 'all') return Math.min(nRows, MAX_ROWS);
  if (s.rows === 'sample') {
    const k = intIn(s.sampleSize, 1, MAX_ROWS);
    return k === null ? null : Math.min(k, nRows);
  }
  return parseRowList(s.rowList, nRows).rows?.length ?? null;
}
