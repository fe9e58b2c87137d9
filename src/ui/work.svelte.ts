/**
 * One piece of work at a time for the app's file loading and model check: the newest request
 * wins (the one before is aborted), progress is tracked, errors become data, and a cancel the
 * person asked for is not an error.
 */
import type { ErrorInfo, Progress } from '../engine/errors.ts';
import { infoOf } from './error-info.ts';

export type Busy = null | { what: 'model' | 'data' | 'predict' | 'demo'; progress: Progress | null; started: number };
export type WorkOptions = { signal: AbortSignal; onProgress: (p: Progress) => void };

export class Work {
  busy = $state.raw<Busy>(null);
  error = $state.raw<ErrorInfo | null>(null);
  private controller: AbortController | null = null;

  /**
   * Runs `fn`; resolves when it ended (done, failed, cancelled or replaced by a newer run), with
   * true only when `fn` finished.
   *
   * @example const ok = await work.run('model', (opts) => engine.call({ kind: 'loadModel', bytes, fileName }, opts))
   */
  async run(what: NonNullable<Busy>['what'], fn: (opts: WorkOptions) => Promise<void>): Promise<boolean> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.busy = { what, progress: null, started: performance.now() };
    try {
      await fn({
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.controller === controller && this.busy) this.busy = { ...this.busy, progress };
        },
      });
      return true;
    } catch (err) {
      const info = infoOf(err);
      // a cancel the person asked for is not an error; the newest request's errors are shown
      if (this.controller === controller && info.code !== 'CANCELLED') this.error = info;
      return false;
    } finally {
      if (this.controller === controller) {
        this.busy = null;
        this.controller = null;
      }
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
