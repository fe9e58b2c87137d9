/**
 * Issue 4, item 10: the threshold slider's live update. The newest request wins, an older one
 * is aborted and its late answer dropped; a moving slider sends one request once it rests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Latest, infoOf } from '../../../../src/ui/fairness/latest.ts';
import { EngineError } from '../../../../src/worker/client.ts';

/** A request whose answer the test releases by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Latest', () => {
  it('a newer run aborts the older one; the older answer, arriving late, is dropped', async () => {
    const latest = new Latest();
    const first = deferred<string>();
    const second = deferred<string>();
    let firstSignal: AbortSignal | null = null;
    const a = latest.run((signal) => ((firstSignal = signal), first.promise));
    expect(latest.running).toBe(true);
    const b = latest.run(() => second.promise);
    expect(firstSignal!.aborted).toBe(true);
    second.resolve('new');
    first.resolve('old'); // late
    expect(await b).toEqual({ kind: 'done', value: 'new' });
    expect(await a).toEqual({ kind: 'superseded' });
    expect(latest.running).toBe(false);
  });

  it('the answers in the order new-then-old still give the new one (no race)', async () => {
    const latest = new Latest();
    const first = deferred<number>();
    const a = latest.run(() => first.promise);
    const b = latest.run(async () => 2);
    expect(await b).toEqual({ kind: 'done', value: 2 });
    first.resolve(1);
    expect(await a).toEqual({ kind: 'superseded' });
  });

  it('errors become data; a cancel is not an error', async () => {
    const latest = new Latest();
    const bad = await latest.run(() => Promise.reject(new EngineError({ code: 'INVALID_OPTION', message: 'invalid threshold: 2', hint: 'h' })));
    expect(bad).toEqual({ kind: 'failed', error: { code: 'INVALID_OPTION', message: 'invalid threshold: 2', hint: 'h' } });
    const d = deferred<number>();
    const run = latest.run((signal) => {
      signal.addEventListener('abort', () => d.reject(new EngineError({ code: 'CANCELLED', message: 'cancelled', hint: '' })));
      return d.promise;
    });
    latest.cancel();
    expect(await run).toEqual({ kind: 'cancelled' });
    expect(infoOf(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });

  it('a moving slider: only the last of quick moves is sent, after the pause', async () => {
    vi.useFakeTimers();
    const latest = new Latest();
    const sent: number[] = [];
    const outcomes = [0.5, 0.51, 0.52, 0.53].map((t) => latest.later(150, async () => (sent.push(t), t)));
    expect(latest.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(149);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([0.53]);
    expect(await Promise.all(outcomes)).toEqual([{ kind: 'superseded' }, { kind: 'superseded' }, { kind: 'superseded' }, { kind: 'done', value: 0.53 }]);
    expect(latest.pending).toBe(false);
  });

  it('a run started while a debounced one waits replaces it; cancel stops a waiting one', async () => {
    vi.useFakeTimers();
    const latest = new Latest();
    const sent: string[] = [];
    const waiting = latest.later(150, async () => (sent.push('slider'), 1));
    const now = latest.run(async () => (sent.push('button'), 2));
    await vi.advanceTimersByTimeAsync(500);
    expect(await waiting).toEqual({ kind: 'superseded' });
    expect(await now).toEqual({ kind: 'done', value: 2 });
    const again = latest.later(150, async () => (sent.push('late'), 3));
    latest.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(await again).toEqual({ kind: 'superseded' });
    expect(sent).toEqual(['button']);
  });
});
