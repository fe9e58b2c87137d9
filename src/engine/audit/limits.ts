/**
 * The allowed range of every number choice, shared by the command line flags (src/cli) and the
 * audit file (schema.ts), so that a value the flag refuses is refused in the file too. Keyed by
 * the audit file's key; the flag is the same name with '-' for '_' (min_group_size ->
 * --min-group-size).
 *
 * @example LIMITS.samples // { min: 1, max: 10000000, integer: true }
 */
export interface NumberLimit {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** 0 is allowed too, below min (bootstrap: 0 = no intervals). */
  zero?: boolean;
}

const INT32 = 2 ** 31 - 1;

export const LIMITS = {
  threshold: { min: 0, max: 1, integer: false },
  bootstrap: { min: 10, max: 100_000, integer: true, zero: true },
  seed: { min: -(2 ** 31), max: INT32, integer: true },
  min_group_size: { min: 1, max: 1_000_000_000, integer: true },
  background: { min: 1, max: 100_000, integer: true },
  samples: { min: 1, max: 10_000_000, integer: true },
  /** A 0-based row number (--rows, --background-rows). */
  row: { min: 0, max: INT32, integer: true },
  /** A top-k count (a percentage is a string, checked where it is read). */
  top_k: { min: 1, max: INT32, integer: true },
} as const satisfies Record<string, NumberLimit>;

/** At most this many rows can be named in --rows / --background-rows / "rows". */
export const MAX_NAMED_ROWS = 10_000_000;

/** An audit file is a few kilobytes; anything above this is not one. */
export const MAX_AUDIT_BYTES = 10 * 1024 * 1024;

/** The audit file's deepest legitimate nesting is 3 (checklist -> item -> answer); JSON deeper than this is refused before it is parsed. */
export const MAX_AUDIT_DEPTH = 32;

/** Most items in any other list or object of an audit file (features, protected, bins, groups...). */
export const MAX_AUDIT_ITEMS = 100_000;

/** Longest name or value (column, group, title...) in an audit file, in characters. */
export const MAX_AUDIT_NAME = 10_000;

/**
 * 'a number from 1 to 100000' / 'a whole number from 1 to 100000', for messages.
 *
 * @example describeLimit(LIMITS.background) // 'a whole number from 1 to 100000'
 */
export function describeLimit(l: NumberLimit): string {
  return `${l.zero ? '0 or ' : ''}${l.integer ? 'a whole number' : 'a number'} from ${l.min} to ${l.max}`;
}

/**
 * Whether a number is within the limit.
 *
 * @example withinLimit(5, LIMITS.bootstrap) // false (0 or 10 to 100000)
 */
export function withinLimit(v: number, l: NumberLimit): boolean {
  if (!Number.isFinite(v) || (l.integer && !Number.isInteger(v))) return false;
  return (v >= l.min && v <= l.max) || (Boolean(l.zero) && v === 0);
}
