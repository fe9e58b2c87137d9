/**
 * The audit file: every choice a person made, so that an analysis can be saved, reopened months
 * later and repeated headlessly. Keys mirror the CLI flags (snake_case for multi-word flags:
 * --top-k -> "top_k", --background-rows -> "background_rows"), plus the names and SHA-256 hashes
 * of the model and data files and the Einblick version that wrote it.
 *
 * @example
 *   parseAudit({ label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'],
 *                intersect: ['sex+age_group'], threshold: 0.5, background: 100, seed: 1 })
 */
import { z } from 'zod';
import { EinblickError } from '../errors.ts';
import { describeLimit, LIMITS, MAX_AUDIT_BYTES, MAX_AUDIT_DEPTH, MAX_AUDIT_ITEMS, MAX_AUDIT_NAME, MAX_NAMED_ROWS, withinLimit } from './limits.ts';
import { listOf, mapOf } from './bounded.ts';
import { scanJson } from './json-scan.ts';
import { describeIssues } from './issues.ts';

/** A number key with the same limit as its command line flag (LIMITS). */
function limited(key: keyof typeof LIMITS, flag = key.replace(/_/g, '-')) {
  const l = LIMITS[key];
  const expected = `expected ${describeLimit(l)} (as for --${flag})`;
  return z.number({ error: expected }).refine((v) => withinLimit(v, l), expected);
}

/** A column, group or file name: not empty, not endless. */
const name = z.string().min(1, 'expected a name, not an empty text').max(MAX_AUDIT_NAME, `expected at most ${MAX_AUDIT_NAME} characters`);
const text = z.string().max(MAX_AUDIT_NAME, `expected at most ${MAX_AUDIT_NAME} characters`);
const rowList = (flag: string) => listOf(limited('row', flag), { min: 1, max: MAX_NAMED_ROWS, what: 'row numbers' });
const names = (min = 0) => listOf(name, { min, max: MAX_AUDIT_ITEMS, what: 'names' });
const nameMap = <V extends z.ZodType>(value: V, what: string) => mapOf(name, value, { max: MAX_AUDIT_ITEMS, what });

const file = z.object({ name, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hexadecimal digits') }).strict();
const bins = z.union([listOf(z.number(), { min: 1, max: MAX_AUDIT_ITEMS, what: 'numbers' }), z.string().regex(/^q([2-9]|[1-9]\d|100)$/, 'expected qN with N from 2 to 100, e.g. q4')], 'expected a list of edges, e.g. [25, 35, 50], or "qN", e.g. "q4"');

/** Custom players: player name -> the feature names it owns (also the CLI's --groups file). */
export const groupsMap = nameMap(names(), 'groups');

/** Answers to the checklist questions the tool cannot answer itself (participation, oversight, ...). */
const checklist = nameMap(z.object({ answer: z.enum(['yes', 'no', 'partly', 'unknown', '']).optional(), note: z.string().optional() }).strict(), 'answers');

export const auditSchema = z
  .object({
    einblick: text.optional(),
    created: text.optional(),
    title: text.optional(),
    language: z.enum(['de', 'en'], 'expected "de" or "en"').optional(),
    model: file.optional(),
    data: file.optional(),
    // model and mapping, or the scores without the model (a score or decision column of the data)
    scores: name.nullable().optional(),
    higher_is: z.enum(['positive', 'negative'], 'expected "positive" or "negative"').optional(),
    decisions: name.nullable().optional(),
    features: names(1).nullable().optional(),
    output: name.nullable().optional(),
    task: z.enum(['classification', 'regression', 'anomaly']).nullable().optional(),
    // fairness
    label: name.nullable().optional(),
    favourable: name.nullable().optional(),
    protected: names().optional(),
    intersect: names().optional(),
    bins: nameMap(bins, 'bins').optional(),
    reference: nameMap(text, 'reference groups').optional(),
    // a probability for a model; any finite number in the score's units with "scores" (checked in parseAudit)
    threshold: z.number('expected a number').finite('expected a finite number').optional(),
    top_k: listOf(z.union([z.string().min(1, 'expected a count or a percentage, not an empty text').max(100, 'expected a count or a percentage, e.g. "10%"'), limited('top_k')], 'expected a count, e.g. 50, or a percentage, e.g. "10%"'), { max: MAX_AUDIT_ITEMS, what: 'cut-offs' }).optional(),
    bootstrap: limited('bootstrap').optional(),
    min_group_size: z.union([limited('min_group_size'), z.literal(false)], `expected ${describeLimit(LIMITS.min_group_size)}, or false for no warnings`).optional(),
    // explanations
    rows: rowList('rows').nullable().optional(),
    background: limited('background').optional(),
    background_rows: rowList('background-rows').nullable().optional(),
    seed: limited('seed').optional(),
    space: z.enum(['logit', 'probability', 'raw']).nullable().optional(),
    method: z.enum(['auto', 'tree', 'linear', 'exact', 'permutation', 'kernel']).optional(),
    groups: z.union([z.literal('auto'), z.literal('none'), groupsMap], 'expected "auto", "none" or an object {"player": ["model input", ...]}').optional(),
    samples: limited('samples').nullable().optional(),
    explain: z.boolean().optional(),
    // the parts the reader answers in the UI
    checklist: checklist.optional(),
    notes: z.string().optional(),
  })
  .strict();

export type Audit = z.infer<typeof auditSchema>;

/** Keys of the audit file, for messages. */
export const AUDIT_KEYS = Object.keys(auditSchema.shape);

/** The score source keys together: one source, a threshold in its units, none for decisions. */
function checkSource(a: Audit): Audit {
  const problems: string[] = [];
  if (a.scores && a.decisions) problems.push('"scores" and "decisions" given together; expected one source of scores');
  if (a.higher_is !== undefined && !a.scores) problems.push('"higher_is" without "scores"; it says which end of the score column means positive');
  if (a.decisions && a.threshold !== undefined) problems.push('"threshold" with "decisions"; a decision column has no threshold');
  if (!a.scores && a.threshold !== undefined && !withinLimit(a.threshold, LIMITS.threshold)) problems.push(`invalid threshold: ${a.threshold}; expected ${describeLimit(LIMITS.threshold)} (as for --threshold; with "scores" any number in the score's units)`);
  if (problems.length === 0) return a;
  throw invalidAudit(`the audit file is not valid: ${problems.join('; ')}`, 'Correct the keys named above; "scores" or "decisions" name a column of the data that replaces the model.', { detail: 'AUDIT_INVALID', count: problems.length, problems });
}

/**
 * Validates an audit file's JSON; every problem is named with its key and what was expected.
 *
 * @example parseAudit({ threshold: 2 }) // throws INVALID_OPTION: invalid threshold: 2; ...
 */
export function parseAudit(json: unknown): Audit {
  const r = auditSchema.safeParse(json);
  if (r.success) return checkSource(r.data);
  const { lines, count } = describeIssues(r.error.issues, json, AUDIT_KEYS);
  throw invalidAudit(`the audit file is not valid: ${lines.join('; ')}`, 'Correct the keys named above; the audit file uses the same names as the command line flags (e.g. "label": "Class=Good", "protected": ["sex"]).', { detail: 'AUDIT_INVALID', count, problems: lines });
}

/**
 * Refuses an audit file above MAX_AUDIT_BYTES before it is read (the page checks file.size
 * first, so a large file chosen by mistake is never read into memory).
 *
 * @example checkAuditSize(2e9) // throws INVALID_OPTION: the audit file is too large ...
 */
export function checkAuditSize(size: number): void {
  if (size <= MAX_AUDIT_BYTES) return;
  throw invalidAudit(`the audit file is too large: ${size} characters, an audit file has at most ${MAX_AUDIT_BYTES}`, 'Choose the audit file saved by Einblick (.json, a few kilobytes); this file is something else.', { detail: 'AUDIT_TOO_LARGE', limit: MAX_AUDIT_BYTES });
}

/**
 * Reads an audit file's text: at most MAX_AUDIT_BYTES, one JSON object nested at most
 * MAX_AUDIT_DEPTH levels, each key once, then parseAudit. Every refusal is INVALID_OPTION.
 *
 * @example readAudit('{"threshold": 0.3, "threshold": 0.7}') // throws: the key threshold is given twice
 */
export function readAudit(text: string): Audit {
  checkAuditSize(text.length);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw invalidAudit('the audit file is empty', 'Choose the audit file saved by Einblick (.json); this one contains nothing. Perhaps it was not saved completely.', { detail: 'AUDIT_EMPTY' });
  const shape = scanJson(body, MAX_AUDIT_DEPTH);
  if (shape.tooDeep) {
    throw invalidAudit(`the audit file is nested more than ${MAX_AUDIT_DEPTH} levels deep; an audit file has at most 3`, 'Choose the audit file saved by Einblick (.json); this file is something else.', { detail: 'AUDIT_TOO_DEEP', limit: MAX_AUDIT_DEPTH });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw invalidAudit(`the audit file is not JSON: ${shorten((err as Error).message, 200)}`, 'Choose an audit file saved by Einblick (.json), or check it in a text editor.', { detail: 'AUDIT_NOT_JSON' });
  }
  if (shape.duplicate) {
    const key = [...shape.duplicate.path, shape.duplicate.key].map((k) => shorten(k, 80)).join('.');
    throw invalidAudit(`the audit file gives the key ${key} twice`, `Keep one "${shorten(shape.duplicate.key, 80)}" in the audit file (in a text editor): with two, it is not clear which value was meant.`, { detail: 'AUDIT_DUPLICATE_KEY', key });
  }
  return parseAudit(json);
}

function invalidAudit(message: string, hint: string, params: Record<string, string | number | string[]>): EinblickError {
  return new EinblickError('INVALID_OPTION', message, hint, params);
}

/** The first `max` characters and an ellipsis. */
function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
