/// <reference lib="webworker" />
/**
 * The Web Worker that hosts the engine. Thin: it validates each request, calls the matching
 * EngineSession method, forwards progress, and answers with a result or an error as data.
 */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { configureOrt } from '../engine/model/ort.ts';
import { EngineSession } from '../engine/session.ts';
import { dispatch, transferablesOf } from './dispatch.ts';
import { PROTOCOL_VERSION, requestMessageSchema, type ResponseMessage } from './protocol.ts';
import { toErrorInfo } from '../engine/errors.ts';

declare const self: DedicatedWorkerGlobalScope;

// One thread, as in the CLI: multi-threaded onnxruntime sums tree ensembles in another order, so
// scores would differ from the CLI's in the last float32 digits and a score right at a threshold
// could fall on the other side. Same files + same choices = same numbers, in the browser and in Node.
configureOrt({ wasmPaths: { wasm: new URL(wasmUrl, self.location.href).href }, numThreads: 1 });

const session = new EngineSession();
const running = new Map<number, AbortController>();

function post(msg: ResponseMessage): void {
  self.postMessage(msg, msg.type === 'result' ? transferablesOf(msg.result) : []);
}

self.onmessage = async (ev: MessageEvent<unknown>) => {
  const parsed = requestMessageSchema.safeParse(ev.data);
  if (!parsed.success) {
    const id = typeof (ev.data as { id?: unknown })?.id === 'number' ? (ev.data as { id: number }).id : -1;
    post({ v: PROTOCOL_VERSION, id, type: 'error', error: { code: 'INTERNAL', message: `malformed request: ${parsed.error.message}`, hint: 'This is a bug in Einblick; please report it.' } });
    return;
  }
  const { id, request } = parsed.data;
  if (request.kind === 'cancel') {
    running.get(request.target)?.abort();
    post({ v: PROTOCOL_VERSION, id, type: 'result', result: { cancelled: running.has(request.target) } });
    return;
  }
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const result = await dispatch(session, request, {
      signal: controller.signal,
      onProgress: (progress) => post({ v: PROTOCOL_VERSION, id, type: 'progress', progress }),
    });
    post({ v: PROTOCOL_VERSION, id, type: 'result', result });
  } catch (err) {
    post({ v: PROTOCOL_VERSION, id, type: 'error', error: toErrorInfo(err) });
  } finally {
    running.delete(id);
  }
};
