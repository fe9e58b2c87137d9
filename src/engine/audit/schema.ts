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

const file = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hexadecimal digits') }).strict();
const bins = z.union([z.array(z.number()).min(1), z.string().regex(/^q\d+$/, 'expected qN, e.g. q4')]);

/** Answers to the checklist questions the tool cannot answer itself (participation, oversight, ...). */
const checklist = z.record(z.string(), z.object({ answer: z.enum(['yes', 'no', 'partly', 'unknown', '']).optional(), note: z.string().optional() }).strict());

export const auditSchema = z
  .object({
    einblick: z.string().optional(),
    created: z.string().optional(),
    title: z.string().optional(),
    language: z.enum(['de', 'en']).optional(),
    model: file.optional(),
    data: file.optional(),
    // model and mapping
    features: z.array(z.string()).min(1).nullable().optional(),
    output: z.string().nullable().optional(),
    task: z.enum(['classification', 'regression', 'anomaly']).nullable().optional(),
    // fairness
    label: z.string().nullable().optional(),
    favourable: z.string().nullable().optional(),
    protected: z.array(z.string()).optional(),
    intersect: z.array(z.string()).optional(),
    bins: z.record(z.string(), bins).optional(),
    reference: z.record(z.string(), z.string()).optional(),
    threshold: z.number().min(0).max(1).optional(),
    top_k: z.array(z.union([z.string(), z.number().int().positive()])).optional(),
    bootstrap: z.number().int().min(0).optional(),
    min_group_size: z.union([z.number().int().min(1), z.literal(false)]).optional(),
    // explanations
    rows: z.array(z.number().int().nonnegative()).min(1).nullable().optional(),
    background: z.number().int().min(1).optional(),
    background_rows: z.array(z.number().int().nonnegative()).min(1).nullable().optional(),
    seed: z.number().int().optional(),
    space: z.enum(['logit', 'probability', 'raw']).nullable().optional(),
    method: z.enum(['auto', 'tree', 'linear', 'exact', 'permutation', 'kernel']).optional(),
    groups: z.union([z.literal('auto'), z.literal('none'), z.record(z.string(), z.array(z.string()))]).optional(),
    samples: z.number().int().min(1).nullable().optional(),
    explain: z.boolean().optional(),
    // the parts the reader answers in the UI
    checklist: checklist.optional(),
    notes: z.string().optional(),
  })
  .strict();

export type Audit = z.infer<typeof auditSchema>;

/** Keys of the audit file, for messages. */
export const AUDIT_KEYS = Object.keys(auditSchema.shape);

/**
 * Validates an audit file's JSON; every problem is named with its key and what was expected.
 *
 * @example parseAudit({ threshold: 2 }) // throws INVALID_OPTION: invalid threshold: 2; ...
 */
export function parseAudit(json: unknown): Audit {
  const r = auditSchema.safeParse(json);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key = i.path.join('.') || '(file)';
    if (i.code === 'unrecognized_keys') return `unknown key${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}; expected one of ${AUDIT_KEYS.join(', ')}`;
    const value = i.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[String(k)] : undefined), json);
    return `invalid ${key}: ${JSON.stringify(value)}; ${i.message}`;
  });
  throw new EinblickError('INVALID_OPTION', `the audit file is not valid: ${lines.join('; ')}`, 'Correct the keys named above; the audit file uses the same names as the command line flags (e.g. "label": "Class=Good", "protected": ["sex"]).', { problems: lines });
}

/** Reads an audit file's text. */
export function readAudit(text: string): Audit {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EinblickError('INVALID_OPTION', `the audit file is not JSON: ${(err as Error).message}`, 'Choose an audit file saved by Einblick (.json), or check it in a text editor.');
  }
  return parseAudit(json);
}
