/// <reference lib="webworker" />
/**
 * The benchmark worker: hosts one workload (the page starts a fresh worker per workload) and
 * answers each request with a result or an error, as data.
 */
import { createHost } from './host.ts';
import type { BenchRequest, BenchResponse } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createHost();

self.onmessage = async (ev: MessageEvent<BenchRequest>) => {
  const req = ev.data;
  let msg: BenchResponse;
  try {
    msg = { id: req.id, ok: true, value: await handle(req) };
  } catch (err) {
    msg = { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
  self.postMessage(msg);
};
