/**
 * Checks of flag values, with a message that names the flag and what it takes. The number
 * limits are the audit file's (src/engine/audit/limits.ts), so that a flag and its key in the
 * audit file refuse the same values.
 */
import { EinblickError } from '../engine/errors.ts';
import { describeLimit, LIMITS, withinLimit } from '../engine/audit/limits.ts';

/** A decimal number as people write it: '0.5', '0,5', '.5', '1e-3'; not '', ' ', '0x1' or 'Infinity'. */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
const MAX_SHOWN = 60;

/**
 * A number flag within the limit of the audit key of the same name ('min-group-size' ->
 * LIMITS.min_group_size); undefined when the flag is not given.
 *
 * @example limitOption('0,3', 'threshold') // 0.3
 * @example limitOption('0x1', 'threshold') // throws "invalid threshold: 0x1; expected a number from 0 to 1"
 */
export function limitOption(text: string | undefined, flag: string, key = flag.replace(/-/g, '_') as keyof typeof LIMITS): number | undefined {
  if (text === undefined) return undefined;
  const limit = LIMITS[key];
  const t = text.trim();
  const v = DECIMAL.test(t) ? Number(t.replace(',', '.')) : NaN;
  if (!withinLimit(v, limit)) {
    throw new EinblickError('INVALID_OPTION', `invalid ${flag}: ${shown(text)}; expected ${describeLimit(limit)}`, `Pass --${flag} with ${describeLimit(limit)}.`, { option: flag, value: shown(text) });
  }
  return v;
}

/**
 * Every flag value that is given must say something: '' or blanks are refused (they would
 * otherwise be read as 0, as "no list", or as "the default"). `options` is commander's object;
 * repeatable flags hold lists.
 *
 * @example checkNotBlank({ threshold: '' }) // throws "invalid threshold: the value is empty"
 */
export function checkNotBlank(options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && v.trim() === '') {
        const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        throw new EinblickError('INVALID_OPTION', `invalid ${flag}: the value is empty`, `Give --${flag} a value, or leave the flag out.`, { option: flag, value: v });
      }
    }
  }
}

/**
 * Splits a comma-separated list flag: 'a, b,c' -> ['a', 'b', 'c']; a flag that is given but
 * names nothing (',,,') is refused.
 *
 * @example list('sex, age_group', 'protected') // ['sex', 'age_group']
 */
export function list(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) {
    throw new EinblickError('INVALID_OPTION', `invalid ${flag}: ${shown(value)}; expected a list separated by commas`, `Give --${flag} at least one entry (entries separated by commas), or leave the flag out.`, { option: flag, value: shown(value) });
  }
  return items;
}

/**
 * A flag's value as it appears in a message: as given when it is plain, quoted when blanks
 * would hide it, cut when long.
 *
 * @example shown('1.5') // '1.5'
 * @example shown(' ') // '" "'
 */
export function shown(text: string): string {
  const long = text.length > MAX_SHOWN;
  const cut = long ? `${text.slice(0, MAX_SHOWN)}…` : text;
  const plain = cut.trim() === cut && cut !== '' && !/[\u0000-\u001f"]/.test(cut);
  return (plain ? cut : JSON.stringify(cut)) + (long ? ` (${text.length} characters)` : '');
}
