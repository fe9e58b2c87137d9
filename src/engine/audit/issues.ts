/**
 * The audit file's validation problems as short lines: the key, the value as written (shortened,
 * never the whole of a huge text or list), and what was expected. At most MAX_LINES are listed,
 * so that a file with a million bad rows gives a message of a few lines.
 */
import type { z } from 'zod';

const MAX_LINES = 10;
const MAX_VALUE = 60;

/**
 * @example describeIssues(auditSchema.safeParse({ seed: 'one' }).error!.issues, { seed: 'one' }, AUDIT_KEYS).lines
 * // ['invalid seed: "one"; expected a whole number from -2147483648 to 2147483647 (as for --seed)']
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], json: unknown, keys: readonly string[]): { lines: string[]; count: number } {
  const lines = issues.slice(0, MAX_LINES).map((i) => describeIssue(i, json, keys));
  if (issues.length > MAX_LINES) lines.push(`and ${issues.length - MAX_LINES} more problems`);
  return { lines, count: issues.length };
}

function describeIssue(i: z.core.$ZodIssue, json: unknown, keys: readonly string[]): string {
  if (i.code === 'unrecognized_keys') {
    const listed = i.keys.slice(0, MAX_LINES).map((k) => preview(k, false)).join(', ') + (i.keys.length > MAX_LINES ? ` and ${i.keys.length - MAX_LINES} more` : '');
    return `unknown key${i.keys.length > 1 ? 's' : ''}: ${listed}; expected one of ${keys.join(', ')}`;
  }
  if (i.path.length === 0) return `the file holds ${preview(json)}; ${keys.length ? `expected one JSON object {"key": value, ...} with the keys ${keys.join(', ')}` : i.message}`;
  const key = i.path.map((k) => preview(String(k), false)).join('.');
  const value = i.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined), json);
  return `invalid ${key}: ${i.code === 'invalid_key' ? 'a key' : preview(value)}; ${i.message}`;
}

/**
 * A value as it appears in a message: short texts and numbers as JSON, long ones cut, lists
 * and objects by their size (JSON.stringify of a deeply nested value would overflow the stack).
 */
function preview(v: unknown, quote = true): string {
  if (typeof v === 'string') {
    const cut = v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
    const shown = quote ? JSON.stringify(cut) : cut;
    return v.length > MAX_VALUE ? `${shown} (${v.length} characters)` : shown;
  }
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (v !== null && typeof v === 'object') return 'an object';
  if (v === undefined) return 'nothing';
  return String(v);
}
