/**
 * The benchmark page: exposes window.einblickBench (see protocol.ts) for the runner and passes
 * each call to a Web Worker, as the app runs its engine in a worker (or, when asked, runs the
 * workload on the page itself, for comparison). A worker that fails rejects every pending call.
 */
import type { BenchPageApi, BenchRequest, BenchResponse, PreparedInfo, StepAnswer } from './protocol.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Body = BenchRequest extends infer R ? (R extends BenchRequest ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let onPage: ((req: BenchRequest) => Promise<unknown>) | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const log = document.getElementById('log')!;

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function startWorker(): Worker {
  const w = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (ev: MessageEvent<BenchResponse>) => {
    const p = pending.get(ev.data.id);
    if (!p) return;
    pending.delete(ev.data.id);
    if (ev.data.ok) p.resolve(ev.data.value);
    else p.reject(new Error(ev.data.error));
  };
  w.onerror = (ev) => failAll(`worker error: ${ev.message}`);
  w.onmessageerror = () => failAll('worker message could not be read');
  return w;
}

function call<T>(body: Body): Promise<T> {
  const id = nextId++;
  if (onPage) return onPage({ ...body, id } as BenchRequest) as Promise<T>;
  if (!worker) return Promise.reject(new Error('no worker: call prepare first'));
  const w = worker;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...body, id });
  });
}

const api: BenchPageApi = {
  env: () => ({ crossOriginIsolated: self.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, userAgent: navigator.userAgent }),
  async prepare(workload, params, threads, where = 'worker') {
    api.close();
    if (where === 'page') onPage = (await import('./host.ts')).createHost();
    else worker = startWorker();
    log.textContent += `${workload} (${threads} thread${threads > 1 ? 's' : ''}, on the ${where})\n`;
    return call<PreparedInfo>({ kind: 'prepare', workload, params, threads, fixtureBase: new URL('./', location.href).href });
  },
  step: (step) => call<StepAnswer>({ kind: 'step', step }),
  finish: () => call<Record<string, string | number | boolean>>({ kind: 'finish' }),
  close() {
    worker?.terminate();
    worker = null;
    onPage = null;
    failAll('worker closed');
  },
};

(window as unknown as { einblickBench: BenchPageApi }).einblickBench = api;
