/**
 * "Newest request wins" for work sent to the engine: starting a run aborts the one before, a
 * debounced run waits until the input has been still for a moment, and only the newest run's
 * outcome counts. Plain TypeScript (no Svelte), so that it is unit-tested on its own.
 */
import type { ErrorInfo } from '../../engine/errors.ts';
import { EngineError } from '../../worker/client.ts';

export type Outcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'failed'; error: ErrorInfo }
  /** Stopped on request (cancel()). */
  | { kind: 'cancelled' }
  /** A newer run started before this one ended; its result is dropped. */
  | { kind: 'superseded' };

/** Any thrown value as ErrorInfo (the engine's errors keep their code). */
export function infoOf(err: unknown): ErrorInfo {
  if (err instanceof EngineError) return err.info;
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), hint: 'Reload the page and try again.' };
}

export class Latest {
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiting: (() => void) | null = null;
  private generation = 0;

  /** True while a run is in flight. */
  get running(): boolean {
    return this.controller !== null;
  }

  /**
   * Runs `fn` now, aborting any earlier run or pending debounced one.
   *
   * @example await latest.run((signal) => engine.call(req, { signal })) // { kind: 'done', value }
   */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
    this.stopWaiting();
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const gen = ++this.generation;
    try {
      const value = await fn(controller.signal);
      return gen === this.generation ? { kind: 'done', value } : { kind: 'superseded' };
    } catch (err) {
      if (gen !== this.generation) return { kind: 'superseded' };
      const error = infoOf(err);
      return error.code === 'CANCELLED' || controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', error };
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /**
   * Runs `fn` once nothing newer has been asked for during `ms` milliseconds. A call that is
   * replaced before it starts resolves as 'superseded' without running.
   */
  later<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
    this.stopWaiting();
    const gen = ++this.generation;
    return new Promise((resolve) => {
      this.waiting = () => resolve({ kind: 'superseded' });
      this.timer = setTimeout(() => {
        this.timer = null;
        this.waiting = null;
        if (gen !== this.generation) resolve({ kind: 'superseded' });
        else void this.run(fn).then(resolve);
      }, ms);
    });
  }

  /** True while a debounced run waits for its turn. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Stops the running and any waiting run. */
  cancel(): void {
    this.stopWaiting();
    this.controller?.abort();
  }

  private stopWaiting(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }
}
