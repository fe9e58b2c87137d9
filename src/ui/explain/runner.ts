/**
 * Newest request wins: the pattern of AppState.task() as a plain class, so that it can be tested
 * without Svelte. Starting a run aborts the one before; only the newest run may report progress,
 * a result or an error; a cancel the person asked for is not an error.
 */
import type { ErrorInfo, Progress } from '../../engine/errors.ts';
import { EngineError } from '../../worker/client.ts';

export interface RunHooks<T> {
  /** A run started (at performance.now() `started`). */
  started(started: number): void;
  progress(p: Progress): void;
  result(value: T): void;
  error(info: ErrorInfo): void;
  /** The newest run ended (result, error or cancel). */
  finished(): void;
}

export type RunFn<T> = (opts: { signal: AbortSignal; onProgress: (p: Progress) => void }) => Promise<T>;

/**
 * An error as the engine's ErrorInfo (code, message, hint).
 *
 * @example infoOf(new Error('x')).code // 'INTERNAL'
 */
export function infoOf(err: unknown): ErrorInfo {
  if (err instanceof EngineError) return err.info;
  if (err instanceof DOMException && err.name === 'AbortError') return { code: 'CANCELLED', message: 'cancelled', hint: 'The computation was stopped on request.' };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), hint: 'Reload the page and try again.' };
}

export class LatestRunner {
  private controller: AbortController | null = null;
  private onEnd: (() => void) | null = null;

  /** True while a run is in flight. */
  get running(): boolean {
    return this.controller !== null;
  }

  /**
   * Runs fn; an older run still in flight is aborted and its outcome ignored.
   *
   * @example await runner.run(({ signal }) => engine.call(req, { signal }), hooks)
   */
  async run<T>(fn: RunFn<T>, hooks: RunHooks<T>, now: () => number = () => performance.now()): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.onEnd = () => hooks.finished();
    const current = () => this.controller === controller;
    hooks.started(now());
    try {
      const value = await fn({ signal: controller.signal, onProgress: (p) => current() && hooks.progress(p) });
      if (current() && !controller.signal.aborted) hooks.result(value);
    } catch (err) {
      const info = infoOf(err);
      if (current() && info.code !== 'CANCELLED') hooks.error(info);
    } finally {
      if (current()) this.end();
    }
  }

  /**
   * Aborts the run in flight: the page is free at once, the engine stops at its next check and
   * whatever the run still returns is ignored.
   */
  cancel(): void {
    this.controller?.abort();
    this.end();
  }

  private end(): void {
    const onEnd = this.onEnd;
    this.controller = null;
    this.onEnd = null;
    onEnd?.();
  }
}
