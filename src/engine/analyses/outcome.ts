/**
 * The true outcome: which column holds it, which value counts as positive, which as favourable,
 * and how that lines up with the model's classes. Pure functions over the loaded table.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { categoryColumn, numericColumn } from '../data/columns.ts';
import { droppedColumns, missingColumnError } from '../data/dropped.ts';
import type { ColumnInfo } from '../data/types.ts';
import { notAValue } from './outcome-value.ts';

/** `--label COLUMN[=VALUE]` parsed. */
export interface LabelSpec {
  column: string;
  value: string | null;
  /** The value as typed, spaces kept (' Good'), when it differs from `value`: a data value may carry spaces. */
  rawValue?: string;
}

/**
 * Parses 'Class=Good' or 'Class'. Given the data's column names, the parse is column-aware, so
 * that a column whose name contains '=' can be named: the whole text when it is a column (no
 * value); else the split at the '=' whose prefix is a column (the longest such prefix); else,
 * and without column names, the split at the first '='.
 *
 * @example parseLabel('Class=Good') // { column: 'Class', value: 'Good' }
 * @example parseLabel('score>=0.5=yes', ['score>=0.5']) // { column: 'score>=0.5', value: 'yes' }
 * @example parseLabel('a=b', ['a=b']) // { column: 'a=b', value: null }
 */
export function parseLabel(text: string, columns?: readonly string[]): LabelSpec {
  const known = columns ? knownColumnSplit(text, columns) : null;
  if (known) return known;
  const at = text.indexOf('=');
  const column = (at < 0 ? text : text.slice(0, at)).trim();
  if (!column) throw new EinblickError('INVALID_OPTION', `invalid label: ${text}; expected COLUMN or COLUMN=VALUE`, 'Name the outcome column, e.g. --label Class=Good.', { label: text });
  return at < 0 ? { column, value: null } : { column, ...valueOf(text.slice(at + 1)) };
}

/** A label's value: trimmed, null when empty, and the text as typed when spaces were trimmed. */
function valueOf(raw: string): Pick<LabelSpec, 'value' | 'rawValue'> {
  const value = raw.trim();
  if (value === '') return { value: null };
  return value === raw ? { value } : { value, rawValue: raw };
}

/** The column a label text names among the data's columns (exact name first, then trimmed), or null. */
function knownColumnSplit(text: string, columns: readonly string[]): LabelSpec | null {
  const find = (name: string): string | null => (columns.includes(name) ? name : columns.includes(name.trim()) ? name.trim() : null);
  const whole = find(text);
  if (whole !== null) return { column: whole, value: null };
  for (let at = text.lastIndexOf('='); at > 0; at = text.lastIndexOf('=', at - 1)) {
    const column = find(text.slice(0, at));
    if (column === null) continue;
    return { column, ...valueOf(text.slice(at + 1)) };
  }
  return null;
}

/** The column's info, or MISSING_COLUMN (saying so when the file's column was left out for its type). */
export function requireColumn(columns: ColumnInfo[], name: string, what: string, table?: Table): ColumnInfo {
  const c = columns.find((x) => x.name === name);
  if (!c) {
    throw missingColumnError(name, droppedColumns(table), `the ${what}`, () => new EinblickError('MISSING_COLUMN', `missing column: ${name} (named as the ${what})`, `Use one of the data's columns: ${columns.map((x) => x.name).join(', ')}.`, { column: name }));
  }
  return c;
}

/** A binary outcome: 1 where the label equals the positive value, 0 elsewhere, -1 where missing. */
export interface BinaryOutcome {
  column: string;
  positive: string;
  /** The column's values, without the missing-value marks below. */
  levels: string[];
  y: Int8Array;
  /** Missing-value marks found as values ('NA', '#N/A'...): their rows count as missing, not as negative. */
  missingMarks: string[];
}

/**
 * Marks that mean "no value" in an outcome column. 'None' is not among them: it can be a real
 * outcome ("no finding"); an empty cell is missing anyway.
 */
const OUTCOME_MISSING_MARKS = new Set(['NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '#N/A']);

/**
 * Which value of a classification outcome is positive. Explicit value first; else the model's
 * positive class when it is one of the column's values; else '1' / 'true' for 0/1 and yes/no
 * columns; otherwise the person must say it.
 *
 * @example binaryOutcome(table, { column: 'Class', value: 'Good' }, null).positive // 'Good'
 */
export function binaryOutcome(table: Table, spec: LabelSpec, modelPositive: string | null): BinaryOutcome {
  const { codes, levels: all } = categoryColumn(table, spec.column);
  const marks = all.filter((l) => OUTCOME_MISSING_MARKS.has(l.trim()) && l !== spec.value);
  const levels = all.filter((l) => !marks.includes(l));
  // the value as typed, spaces kept, when only that is one of the column's values (' Good')
  let positive = spec.value !== null && !all.includes(spec.value) && spec.rawValue !== undefined && all.includes(spec.rawValue) ? spec.rawValue : spec.value;
  if (positive === null) {
    if (modelPositive !== null && levels.includes(modelPositive)) positive = modelPositive;
    else if (levels.every((l) => l === '0' || l === '1')) positive = '1';
    else if (levels.every((l) => l === 'true' || l === 'false')) positive = 'true';
  }
  if (levels.length === 0) throw notAValue('positive', spec.column, positive ?? '', levels, marks);
  if (positive === null) {
    throw new EinblickError('INVALID_OPTION', `which value of ${spec.column} is the positive outcome? Its values are ${levels.join(', ')}`, `Name it: --label ${spec.column}=${levels[levels.length - 1] ?? 'VALUE'} (in the app: choose the positive value).`, { column: spec.column, values: levels });
  }
  const k = all.indexOf(positive);
  if (k < 0 || marks.includes(positive)) throw notAValue('positive', spec.column, positive, levels, marks);
  const missing = all.map((l) => marks.includes(l));
  const y = new Int8Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = codes[i] < 0 || missing[codes[i]] ? -1 : codes[i] === k ? 1 : 0;
  return { column: spec.column, positive, levels, y, missingMarks: marks };
}

/**
 * What the person should know about the outcome column: marks read as missing, and more than
 * two values (the analysis is then the positive value against all others together, and a
 * favourable value that is not the positive one stands for all those others).
 *
 * @example outcomeNotes(binaryOutcome(table, { column: 'decision', value: 'check' }, null), 'granted')[0].code // 'OUTCOME_MANY_VALUES'
 */
export function outcomeNotes(o: BinaryOutcome, favourable: string | undefined): Warning[] {
  const notes: Warning[] = [];
  if (o.missingMarks.length) {
    notes.push({ code: 'OUTCOME_MARK_AS_MISSING', message: `the outcome column ${o.column} holds ${o.missingMarks.map((m) => `"${m}"`).join(', ')}; those rows are taken as having no outcome (left out), not as negative cases.`, params: { column: o.column, values: o.missingMarks } });
  }
  const others = o.levels.filter((l) => l !== o.positive);
  const one = oneOutcome(o);
  if (one !== null) {
    notes.push({
      code: 'OUTCOME_ONE_VALUE',
      message: `every case with an outcome has the same value in ${o.column} (${one}): rates that need the other outcome cannot be computed (${one === o.positive ? 'FPR, TNR, NPV' : 'TPR, FNR, PPV'}), nor can the AUC, and accuracy only says how often the model agrees with "${one}".`,
      params: { column: o.column, value: one, positive: one === o.positive ? 1 : 0 },
    });
  }
  if (others.length > 1) {
    const fav = favourable !== undefined && favourable !== o.positive ? favourable : null;
    notes.push({
      code: 'OUTCOME_MANY_VALUES',
      message: `the outcome column ${o.column} has ${o.levels.length} values; ${o.positive} is compared with all others together (${others.join(', ')})${fav ? `, so the favourable outcome "${fav}" stands for every value other than ${o.positive}` : ''}.`,
      params: { column: o.column, positive: o.positive, others, ...(fav ? { favourable: fav } : {}) },
    });
  }
  return notes;
}

/** The one outcome value every row with an outcome has, or null when both occur. */
function oneOutcome(o: BinaryOutcome): string | null {
  let pos = false, neg = false;
  for (const v of o.y) {
    if (v === 1) pos = true;
    else if (v === 0) neg = true;
    if (pos && neg) return null;
  }
  if (pos) return o.positive;
  if (!neg) return null;
  const others = o.levels.filter((l) => l !== o.positive);
  return others.length === 1 ? others[0] : `not ${o.positive}`;
}

/**
 * Whether the favourable outcome is the positive or the negative one.
 * The favourable value must be a value of the outcome column; by default it is the positive one.
 */
export function favourableSide(outcome: BinaryOutcome, favourable: string | undefined): { side: 'positive' | 'negative'; value: string; warnings: Warning[] } {
  if (favourable === undefined) {
    const others = outcome.levels.filter((l) => l !== outcome.positive);
    const warnings: Warning[] = [{
      code: 'FAVOURABLE_ASSUMED',
      message: `the favourable outcome was not given; ${outcome.column} = ${outcome.positive} (the positive value) is taken as favourable. If ${others.join(' / ') || 'the other value'} is the favourable one, pass --favourable.`,
      params: { column: outcome.column, value: outcome.positive },
    }];
    return { side: 'positive', value: outcome.positive, warnings };
  }
  if (favourable === outcome.positive) return { side: 'positive', value: favourable, warnings: [] };
  if (outcome.levels.includes(favourable)) return { side: 'negative', value: favourable, warnings: [] };
  throw notAValue('favourable', outcome.column, favourable, outcome.levels, outcome.missingMarks);
}

/** A numeric outcome (regression target); NaN where missing or not a number. */
export function numericOutcome(table: Table, columns: ColumnInfo[], column: string): Float64Array {
  const info = requireColumn(columns, column, 'outcome (--label)', table);
  if (info.kind !== 'number' && info.kind !== 'boolean') {
    throw new EinblickError('TEXT_FOR_NUMBER', `the outcome column ${column} holds text, but a regression model's outcome must be a number`, 'Choose the column with the true values the model predicts.', { column });
  }
  return numericColumn(table, column);
}
