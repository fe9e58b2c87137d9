/**
 * Lists and maps for the audit file's schema that stop at their first bad item. zod checks every
 * item of a list and reports each bad one: a file with a million bad row numbers kept it busy for
 * 17 seconds building a million problems. These report the first (with its position) and the
 * size limit, in constant time beyond the items they read.
 */
import { z } from 'zod';

interface Bounds {
  min?: number;
  max: number;
  /** For messages: 'rows', 'names'. */
  what: string;
}

/**
 * A list of items, each checked by `item`, with at least `min` and at most `max` of them.
 *
 * @example listOf(z.string(), { min: 1, max: 3, what: 'names' }).safeParse(['a', 1]).error?.issues[0].path // [1]
 */
export function listOf<T extends z.ZodType>(item: T, b: Bounds) {
  return z.custom<z.output<T>[]>((v) => Array.isArray(v), { error: `expected a list of ${b.what} [...]` }).superRefine((v, ctx) => {
    if (v.length < (b.min ?? 0)) return void ctx.addIssue({ code: 'custom', message: `expected a list with at least ${b.min} item${b.min === 1 ? '' : 's'}` });
    if (v.length > b.max) return void ctx.addIssue({ code: 'custom', message: `expected at most ${b.max} ${b.what}, not ${v.length}` });
    for (let i = 0; i < v.length; i++) {
      const r = item.safeParse(v[i]);
      if (!r.success) return void ctx.addIssue({ code: 'custom', message: r.error.issues[0].message, path: [i, ...r.error.issues[0].path] });
    }
  });
}

/**
 * An object whose keys are checked by `key` and values by `value`, with at most `max` keys.
 *
 * @example mapOf(z.string().min(1), z.string(), { max: 10, what: 'groups' }).safeParse({ sex: 1 }).error?.issues[0].path // ['sex']
 */
export function mapOf<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, b: Bounds) {
  return z.custom<Record<z.output<K>, z.output<V>>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), { error: `expected an object {"name": ...} of ${b.what}` }).superRefine((v, ctx) => {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > b.max) return void ctx.addIssue({ code: 'custom', message: `expected at most ${b.max} ${b.what}, not ${entries.length}` });
    for (const [k, x] of entries) {
      const rk = key.safeParse(k);
      if (!rk.success) return void ctx.addIssue({ code: 'custom', message: `the name ${JSON.stringify(k.slice(0, 60))}: ${rk.error.issues[0].message}` });
      const rv = value.safeParse(x);
      if (!rv.success) return void ctx.addIssue({ code: 'custom', message: rv.error.issues[0].message, path: [k, ...rv.error.issues[0].path] });
    }
  });
}
