import { describe, expect, it } from 'vitest';
import { LatestRunner, infoOf, type RunHooks } from '../../../../src/ui/explain/runner.ts';
import { EngineError } from '../../../../src/worker/client.ts';
import type { ErrorInfo, Progress } from '../../../../src/engine/errors.ts';

function recorder() {
  const log: string[] = [];
  const results: number[] = [];
  const errors: ErrorInfo[] = [];
  const progress: Progress[] = [];
  const hooks: RunHooks<number> = {
    started: () => log.push('started'),
    progress: (p) => progress.push(p),
    result: (v) => results.push(v),
    error: (e) => errors.push(e),
    finished: () => log.push('finished'),
  };
  return { log, results, errors, progress, hooks };
}

/** A run that waits until released, reporting progress on the way; rejects when aborted, like the engine. */
function deferred(value: number) {
  let release!: () => void;
  const gate = new Promise<void>((ok) => (release = ok));
  const fn = async ({ signal, onProgress }: { signal: AbortSignal; onProgress: (p: Progress) => void }) => {
    onProgress({ stage: 'explain', done: 0, total: 10 });
    await gate;
    onProgress({ stage: 'explain', done: 10, total: 10 });
    if (signal.aborted) throw new EngineError({ code: 'CANCELLED', message: 'cancelled', hint: '' });
    return value;
  };
  return { fn, release };
}

describe('newest request wins (the AppState.task pattern)', () => {
  it('a second run aborts the first: only the second result, progress and end are reported', async () => {
    const r = new LatestRunner();
    const rec = recorder();
    const a = deferred(1), b = deferred(2);
    const pa = r.run(a.fn, rec.hooks);
    const pb = r.run(b.fn, rec.hooks);
    a.release();
    await pa;
    expect(rec.results).toEqual([]);
    expect(r.running).toBe(true);
    b.release();
    await pb;
    expect(rec.results).toEqual([2]);
    expect(rec.errors).toEqual([]);
    expect(rec.log).toEqual(['started', 'started', 'finished']);
    expect(rec.progress.map((p) => p.done)).toEqual([0, 0, 10]);
    expect(r.running).toBe(false);
  });

  it('cancel frees the page at once; a late result is ignored and a cancel is not an error', async () => {
    const r = new LatestRunner();
    const rec = recorder();
    const a = deferred(1);
    const pa = r.run(a.fn, rec.hooks);
    r.cancel();
    expect(rec.log).toEqual(['started', 'finished']);
    expect(r.running).toBe(false);
    a.release();
    await pa;
    expect(rec.results).toEqual([]);
    expect(rec.errors).toEqual([]);
    expect(rec.log).toEqual(['started', 'finished']);
  });

  it('a result that arrives although its signal was aborted is ignored (synchronous engine work)', async () => {
    const r = new LatestRunner();
    const rec = recorder();
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const pa = r.run(async () => { await gate; return 5; }, rec.hooks);
    r.cancel();
    release();
    await pa;
    expect(rec.results).toEqual([]);
  });

  it('errors of the newest run become data; other errors become INTERNAL', async () => {
    const r = new LatestRunner();
    const rec = recorder();
    await r.run(async () => { throw new EngineError({ code: 'INVALID_OPTION', message: 'invalid method: tree', hint: 'h' }); }, rec.hooks);
    expect(rec.errors.map((e) => e.code)).toEqual(['INVALID_OPTION']);
    expect(infoOf(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
    expect(rec.log).toEqual(['started', 'finished']);
  });
});
