/**
 * Exit codes of the einblick command. A person or a CI script can tell a bad input file
 * from a mistyped flag from a bug in Einblick.
 */
import type { ErrorCode } from '../engine/errors.ts';

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  badInput: 3,
  notImplemented: 4,
  cancelled: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'INTERNAL' || code === 'WORKER_DIED') return EXIT.internal;
  if (code === 'INVALID_OPTION') return EXIT.usage;
  if (code === 'CANCELLED') return EXIT.cancelled;
  return EXIT.badInput;
}
