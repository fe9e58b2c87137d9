/** Errors as data for the UI. */
import { toErrorInfo, type ErrorInfo } from '../engine/errors.ts';
import { EngineError } from '../worker/client.ts';

/**
 * Any thrown value as ErrorInfo: the engine's errors (also those thrown in this page, e.g. by
 * parseAudit) keep their code, message and hint.
 *
 * @example infoOf(new Error('x')).code // 'INTERNAL'
 */
export function infoOf(err: unknown): ErrorInfo {
  if (err instanceof EngineError) return err.info;
  return toErrorInfo(err);
}
