/**
 * Hosts one workload in the current realm (the benchmark worker, or the page itself when the
 * runner asks for it), with onnxruntime-web configured as the app's worker does it: its .wasm
 * from our own origin.
 */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { configureOrt } from '../../src/engine/model/ort.ts';
import { timed } from '../driver.ts';
import { workload } from '../workloads/index.ts';
import type { Prepared } from '../workloads/types.ts';
import type { BenchRequest, BenchResponse } from './protocol.ts';

export type Answer = Extract<BenchResponse, { ok: true }>['value'];

/**
 * A handler for the requests of one workload: 'prepare' once, then 'step' and 'finish'.
 *
 * @example const handle = createHost(); await handle({ id: 1, kind: 'prepare', workload: 'treeshap', params, threads: 1, fixtureBase })
 */
export function createHost(): (req: BenchRequest) => Promise<Answer> {
  let prepared: Prepared | null = null;
  return async (req) => {
    if (req.kind === 'prepare') {
      if (prepared) throw new Error('this host already holds a workload');
      configureOrt({ wasmPaths: { wasm: new URL(wasmUrl, self.location.href).href }, numThreads: req.threads });
      const ctx = {
        host: 'chromium' as const,
        threads: req.threads,
        fixture: async (path: string): Promise<Uint8Array> => {
          const res = await fetch(new URL(`fixtures/${path}`, req.fixtureBase));
          if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
          return new Uint8Array(await res.arrayBuffer());
        },
      };
      prepared = await workload(req.workload).prepare(ctx, req.params);
      return { steps: Object.keys(prepared.steps), info: prepared.info };
    }
    if (!prepared) throw new Error('no workload prepared');
    if (req.kind === 'step') {
      const f = prepared.steps[req.step];
      if (!f) throw new Error(`invalid step: ${req.step}; expected one of ${Object.keys(prepared.steps).join(', ')}`);
      return timed(f);
    }
    return (await prepared.finish?.()) ?? {};
  };
}
