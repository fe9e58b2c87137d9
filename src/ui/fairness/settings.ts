/**
 * The fairness settings a person makes in the form, and their translation into the engine's
 * FairnessSpec (the same keys as the CLI flags and the audit file). Pure functions: the form
 * shows the problems this finds before anything is sent to the engine.
 */
import type { ColumnInfo } from '../../engine/data/types.ts';
import type { FairnessSpec } from '../../engine/analyses/fairness-run.ts';
import type { Task } from '../../engine/model/types.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { LIMITS, withinLimit } from '../../engine/audit/limits.ts';

/** A number column with more distinct values than this is binned (the engine's MAX_NUMERIC_LEVELS). */
export const MAX_NUMERIC_LEVELS = 12;

export interface BinSetting {
  mode: 'quantiles' | 'edges';
  quantiles: number;
  /** Cut points as typed: "25, 35, 50" or "22,5; 30". */
  edges: string;
}

export interface FairnessSettings {
  /** Outcome column ('' = none, allowed for anomaly detectors). */
  outcome: string;
  /** Its positive value (classification). */
  positive: string;
  /** The value that is good for the person concerned (classification). */
  favourable: string;
  protected: string[];
  bins: Record<string, BinSetting>;
  /** 'a+b' or 'a+b+c'. */
  intersect: string[];
  /** Per attribute (or intersection) name: the reference group; absent = the most favoured. */
  reference: Record<string, string>;
  threshold: number;
  /** "10%, 50" */
  topK: string;
  smallGroups: boolean;
  minGroupSize: number;
  bootstrap: number;
  seed: number;
}

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

const OUTCOME_NAMES = /^(class|label|target|y|outcome|klasse|ziel|ergebnis|zielvariable)$/i;

/**
 * A first guess for the outcome column, among the columns the model does not read: a
 * conventional name; else, for a regression model, the last number column; else the last
 * two-valued column. '' when nothing fits (the person then chooses).
 *
 * @example guessOutcome([{ name: 'Age', kind: 'number', distinct: 50 }, { name: 'Class', kind: 'category', distinct: 2 }]) // 'Class'
 * @example guessOutcome(cpsColumns, 'regression', ['education', 'experience', 'age', 'union', 'married', 'south']) // 'wage'
 */
export function guessOutcome(columns: Pick<ColumnInfo, 'name' | 'kind' | 'distinct'>[], task: Task = 'classification', inputs: string[] = []): string {
  const free = columns.filter((c) => !inputs.includes(c.name));
  const named = free.find((c) => OUTCOME_NAMES.test(c.name));
  if (named) return named.name;
  const fits = task === 'regression' ? free.filter((c) => c.kind === 'number' && c.distinct > 2) : free.filter((c) => c.distinct === 2);
  return fits.length ? fits[fits.length - 1].name : '';
}

/** Whether a protected column is cut into bins (a number column with many values). */
export function needsBinning(c: Pick<ColumnInfo, 'kind' | 'distinct'>): boolean {
  return c.kind === 'number' && c.distinct > MAX_NUMERIC_LEVELS;
}

/**
 * Parses cut points. With ';' the parts are separated by ';' and ',' is a decimal mark
 * ("22,5; 30"); otherwise ',' or spaces separate ("25, 35, 50"). Null when not increasing numbers.
 *
 * @example parseEdges('25, 35, 50') // [25, 35, 50]
 * @example parseEdges('22,5; 30') // [22.5, 30]
 */
export function parseEdges(text: string): number[] | null {
  const t = text.trim();
  if (!t) return null;
  const parts = t.includes(';') ? t.split(';').map((s) => s.trim().replace(',', '.')) : t.split(/[\s,]+/);
  const nums = parts.filter((s) => s !== '').map((s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN));
  if (nums.length === 0 || nums.some((x) => !Number.isFinite(x))) return null;
  for (let i = 1; i < nums.length; i++) if (nums[i] <= nums[i - 1]) return null;
  return nums;
}

/**
 * Splits a top-k list into the engine's items; null when an item is neither a count nor a
 * percentage from above 0 to 100. Separators as in parseEdges: ';' (then ',' is a decimal
 * mark: "12,5 %; 50"), else ','.
 *
 * @example parseTopKList('10 %, 50') // ['10%', '50']
 * @example parseTopKList('12,5 %; 50') // ['12.5%', '50']
 */
export function parseTopKList(text: string): string[] | null {
  const semi = text.includes(';');
  const items = text.split(semi ? ';' : ',').map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const item of items) {
    const pct = (semi ? /^(\d+(?:[.,]\d+)?)\s*%$/ : /^(\d+(?:\.\d+)?)\s*%$/).exec(item);
    if (pct) {
      const v = Number(pct[1].replace(',', '.'));
      if (!(v > 0 && v <= 100)) return null;
      out.push(`${pct[1].replace(',', '.')}%`);
    } else if (/^\d+$/.test(item) && Number(item) > 0) out.push(item);
    else return null;
  }
  return out;
}

/**
 * Every pair and triple of the chosen attributes, as 'a+b' and 'a+b+c', in the order chosen.
 *
 * @example intersectionChoices(['sex', 'age', 'nat']) // ['sex+age', 'sex+nat', 'age+nat', 'sex+age+nat']
 */
export function intersectionChoices(attrs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < attrs.length; i++) for (let j = i + 1; j < attrs.length; j++) out.push(`${attrs[i]}+${attrs[j]}`);
  for (let i = 0; i < attrs.length; i++)
    for (let j = i + 1; j < attrs.length; j++) for (let k = j + 1; k < attrs.length; k++) out.push(`${attrs[i]}+${attrs[j]}+${attrs[k]}`);
  return out;
}

/**
 * The positive value to start with: the model's positive class when the column has it, else
 * the last value (for 0/1 and no/yes columns the "1"/"yes" one).
 *
 * @example defaultPositive(['Bad', 'Good'], ['Bad', 'Good'], 1) // 'Good'
 */
export function defaultPositive(levels: string[], classLabels: (string | number)[] | undefined, index: number | null): string {
  const modelPositive = classLabels && classLabels.length ? String(classLabels[index ?? classLabels.length - 1]) : null;
  if (modelPositive !== null && levels.includes(modelPositive)) return modelPositive;
  return levels[levels.length - 1] ?? '';
}

/**
 * The form's starting values for a data set.
 *
 * @example defaultSettings(columns, 'classification', mappingColumns).outcome // 'Class'
 */
export function defaultSettings(columns: Pick<ColumnInfo, 'name' | 'kind' | 'distinct'>[], task: Task = 'classification', inputs: string[] = []): FairnessSettings {
  return {
    outcome: guessOutcome(columns, task, inputs),
    positive: '',
    favourable: '',
    protected: [],
    bins: {},
    intersect: [],
    reference: {},
    threshold: 0.5,
    topK: '10%, 20%',
    smallGroups: true,
    minGroupSize: 30,
    bootstrap: 1000,
    seed: 1,
  };
}

/** The spec's binning for one protected column, or a problem. */
function binsOf(name: string, b: BinSetting | undefined): { bins?: FairnessSpec['bins']; problem?: Problem } {
  const setting = b ?? { mode: 'quantiles', quantiles: 4, edges: '' };
  if (setting.mode === 'quantiles') {
    if (!Number.isInteger(setting.quantiles) || setting.quantiles < 2 || setting.quantiles > 20) return { problem: { key: 'fair.problem.quantiles', params: { column: name } } };
    return { bins: { [name]: { quantiles: setting.quantiles } } };
  }
  const edges = parseEdges(setting.edges);
  if (!edges) return { problem: { key: 'fair.problem.edges', params: { column: name, text: setting.edges } } };
  return { bins: { [name]: { edges } } };
}

/**
 * The engine's spec for these settings, or the problems that stop it.
 *
 * @example buildSpec({ ...defaults, outcome: 'Class', positive: 'Good', favourable: 'Good', protected: ['sex'] }, cols, 'classification').spec
 *   // { label: 'Class=Good', favourable: 'Good', protected: ['sex'], threshold: 0.5, ... }
 */
export function buildSpec(s: FairnessSettings, columns: Pick<ColumnInfo, 'name' | 'kind' | 'distinct'>[], task: Task, rows = Infinity): { spec: FairnessSpec | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (task !== 'anomaly' && !s.outcome) problems.push({ key: 'fair.problem.outcome' });
  if (task === 'classification' && s.outcome && !s.positive) problems.push({ key: 'fair.problem.positive' });
  if (s.protected.length === 0) problems.push({ key: 'fair.problem.protected' });
  if (s.protected.includes(s.outcome)) problems.push({ key: 'fair.problem.outcomeProtected', params: { column: s.outcome } });
  const bins: NonNullable<FairnessSpec['bins']> = {};
  for (const name of s.protected) {
    const c = columns.find((x) => x.name === name);
    if (!c) problems.push({ key: 'fair.problem.column', params: { column: name } });
    else if (needsBinning(c)) {
      const r = binsOf(name, s.bins[name]);
      if (r.problem) problems.push(r.problem);
      else Object.assign(bins, r.bins);
    }
  }
  const topK = parseTopKList(s.topK);
  if (topK === null) problems.push({ key: 'fair.problem.topK', params: { text: s.topK } });
  else if (topK.some((k) => !k.endsWith('%') && Number(k) > rows)) problems.push({ key: 'fair.problem.topKRows', params: { rows } });
  // the same ranges as the command line flags and the audit file (engine/audit/limits.ts)
  if (!withinLimit(s.threshold, LIMITS.threshold)) problems.push({ key: 'fair.problem.threshold' });
  if (s.smallGroups && !withinLimit(s.minGroupSize, LIMITS.min_group_size)) problems.push({ key: 'fair.problem.minGroup' });
  if (!withinLimit(s.bootstrap, LIMITS.bootstrap)) problems.push({ key: 'fair.problem.bootstrap' });
  if (!withinLimit(s.seed, LIMITS.seed)) problems.push({ key: 'fair.problem.seed' });
  if (problems.length) return { spec: null, problems };
  const valid = new Set([...s.protected, ...s.intersect.filter((x) => x.split('+').every((p) => s.protected.includes(p)))]);
  const reference = Object.fromEntries(Object.entries(s.reference).filter(([k, v]) => v !== '' && valid.has(k)));
  const spec: FairnessSpec = {
    label: s.outcome ? (task === 'classification' || (task === 'anomaly' && s.positive) ? `${s.outcome}=${s.positive}` : s.outcome) : undefined,
    favourable: task === 'classification' ? s.favourable || s.positive : undefined,
    protected: [...s.protected],
    intersect: s.intersect.filter((x) => x.split('+').every((p) => s.protected.includes(p))),
    threshold: s.threshold,
    topK: topK ?? [],
    bins,
    reference,
    bootstrap: s.bootstrap,
    seed: s.seed,
    minGroupSize: s.smallGroups ? s.minGroupSize : false,
  };
  return { spec, problems };
}
