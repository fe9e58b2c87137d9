/**
 * The UI side of the worker protocol: one promise per request, progress callbacks, cancel via
 * AbortSignal. When the worker dies every pending promise is rejected with WORKER_DIED, so
 * nothing waits forever.
 */
import type { ErrorInfo, Progress } from '../engine/errors.ts';
import { PROTOCOL_VERSION, responseMessageSchema, type Request, type RequestKind, type RequestMessage, type ResultMap } from './protocol.ts';

export interface CallOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** What the UI talks to: the worker client here, or an in-process engine in tests. */
export interface EngineApi {
  call<K extends Exclude<RequestKind, 'cancel'>>(request: Extract<Request, { kind: K }>, opts?: CallOptions): Promise<ResultMap[K]>;
  dispose(): void;
}

/** A rejected call: the engine's ErrorInfo, as an Error for stack traces. */
export class EngineError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'EngineError';
    this.info = info;
  }
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: EngineError) => void;
  onProgress?: (p: Progress) => void;
}

export class WorkerClient implements EngineApi {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private dead: ErrorInfo | null = null;

  constructor(private worker: Worker) {
    worker.onmessage = (ev: MessageEvent<unknown>) => this.receive(ev.data);
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.die(`the engine stopped: ${ev.message || 'unknown error'}`);
    };
    worker.onmessageerror = () => this.die('a message from the engine could not be read');
  }

  call<K extends Exclude<RequestKind, 'cancel'>>(request: Extract<Request, { kind: K }>, opts: CallOptions = {}): Promise<ResultMap[K]> {
    if (this.dead) return Promise.reject(new EngineError(this.dead));
    const id = this.nextId++;
    return new Promise<ResultMap[K]>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new EngineError({ code: 'CANCELLED', message: 'cancelled', hint: 'The computation was stopped on request.' }));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress: opts.onProgress });
      opts.signal?.addEventListener('abort', () => this.send({ v: PROTOCOL_VERSION, id: this.nextId++, request: { kind: 'cancel', target: id } }), { once: true });
      const transfer = 'bytes' in request && request.bytes instanceof ArrayBuffer ? [request.bytes] : [];
      this.send({ v: PROTOCOL_VERSION, id, request }, transfer);
    });
  }

  dispose(): void {
    this.die('the engine was closed');
    this.worker.terminate();
  }

  private send(msg: RequestMessage, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private receive(data: unknown): void {
    const parsed = responseMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.die(`malformed message from the engine: ${parsed.error.message}`);
      return;
    }
    const msg = parsed.data;
    const p = this.pending.get(msg.id);
    if (!p) return; // the answer to a cancel request, or to a request already rejected
    if (msg.type === 'progress') {
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result as never);
    else p.reject(new EngineError(msg.error as ErrorInfo));
  }

  private die(message: string): void {
    this.dead = { code: 'WORKER_DIED', message, hint: 'Reload the page. If it happens again, the file may be too large for this browser.' };
    for (const p of this.pending.values()) p.reject(new EngineError(this.dead));
    this.pending.clear();
  }
}
