/**
 * The only module that imports onnxruntime-web (dynamically, so it stays out of the main
 * bundle; the browser build aliases it to 'onnxruntime-web/wasm'). It applies the
 * configuration before the first session, knows the execution providers (WebAssembly only),
 * serialises runs per session, and turns plain feeds into tensors and tensors back into
 * plain arrays.
 */
import { EinblickError } from '../errors.ts';
import { runFailure } from './run-errors.ts';
import { loadFailure } from './runtime-errors.ts';
import type { TensorElementType } from './types.ts';

type Ort = typeof import('onnxruntime-web');
type OrtTensor = import('onnxruntime-web').Tensor;
type OrtSessionImpl = import('onnxruntime-web').InferenceSession;

/** Runtime settings; apply before the first model is loaded. */
export interface OrtOptions {
  /** Where the .wasm/.mjs files are served (the page's own origin). Default: next to the runtime module. */
  wasmPaths?: string | { wasm?: string; mjs?: string };
  /** WebAssembly threads; default 1 (more need cross-origin isolation in the browser). */
  numThreads?: number;
  /** Only 'wasm' is allowed. */
  executionProviders?: string[];
}

/** One input tensor as plain data. */
export interface FeedTensor {
  name: string;
  type: TensorElementType;
  data: Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];
  dims: number[];
}

/** One output tensor copied out of the runtime: numbers as float64 (int64 converted), or strings. */
export interface OutputTensor {
  name: string;
  type: string;
  dims: number[];
  /** Numbers as the runtime gave them (float32, float64, int32...); int64 converted to float64. */
  numbers: NumericArray | null;
  strings: string[] | null;
}

/** The typed arrays an output's numbers come in. */
export type NumericArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** A model session; runs are queued so that one runs at a time. */
export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: FeedTensor[], fetch: string[]): Promise<Map<string, OutputTensor>>;
  release(): Promise<void>;
}

export const EXECUTION_PROVIDERS = ['wasm'] as const;
/** onnxruntime-web reports a dynamic dimension as this number in its metadata. */
export const DYNAMIC_DIM = 4294967295;

let settings: Required<Pick<OrtOptions, 'numThreads'>> & OrtOptions = { numThreads: 1 };
let runtime: Promise<Ort> | null = null;
let applied = false;

/**
 * Sets the runtime options; must come before the first loadModel (afterwards only the same
 * values are accepted).
 *
 * @example configureOrt({ wasmPaths: '/ort/', numThreads: 1 }) // undefined
 */
export function configureOrt(options: OrtOptions): void {
  const next = { ...settings, ...options };
  validateOptions(next);
  if (applied && JSON.stringify(next) !== JSON.stringify(settings)) {
    throw new EinblickError('INVALID_OPTION', `the runtime is already running with ${JSON.stringify(settings)}; cannot change it to ${JSON.stringify(next)}`, 'Configure the runtime before the first model is loaded.');
  }
  settings = next;
}

function validateOptions(o: OrtOptions): void {
  for (const ep of o.executionProviders ?? []) {
    if (!(EXECUTION_PROVIDERS as readonly string[]).includes(ep)) {
      throw new EinblickError('INVALID_OPTION', `invalid execution provider: ${ep}; expected one of ${EXECUTION_PROVIDERS.join(', ')}`, 'Einblick runs models with the WebAssembly backend only.', { provider: ep });
    }
  }
  const n = o.numThreads;
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 64)) {
    throw new EinblickError('INVALID_OPTION', `invalid numThreads: ${n}; expected a whole number from 1 to 64`, 'Use 1 unless the page is cross-origin isolated.', { numThreads: n });
  }
}

/** Loads onnxruntime-web once and applies the settings to its env before any session exists. */
async function ort(): Promise<Ort> {
  runtime ??= import('onnxruntime-web').then((mod) => {
    const m = ((mod as { default?: Ort }).default ?? mod) as Ort;
    m.env.wasm.numThreads = settings.numThreads;
    m.env.wasm.proxy = false;
    if (settings.wasmPaths !== undefined) m.env.wasm.wasmPaths = settings.wasmPaths;
    // failures come back as errors and are explained there; the runtime's own log lines
    // (with its build paths) must not reach the console
    m.env.logLevel = 'fatal';
    applied = true;
    return m;
  });
  return runtime;
}

/**
 * Creates a session from model bytes with the WebAssembly provider. When the runtime refuses,
 * throws what `explain` makes of its text (default: MODEL_LOAD_FAILED in plain words, see
 * runtime-errors.ts); the runtime's raw text never leaves this module unsanitized.
 *
 * @example (await createSession(bytes)).outputNames // ['probabilities']
 */
export async function createSession(bytes: Uint8Array, fileName = 'model', explain: (raw: string) => EinblickError = (raw) => loadFailure(raw, fileName)): Promise<OrtSession> {
  const m = await ort();
  const session = await exclusive(async () => {
    try {
      return await m.InferenceSession.create(bytes, { executionProviders: [...EXECUTION_PROVIDERS], logSeverityLevel: SILENT });
    } catch (err) {
      throw explain(rawText(err));
    }
  });
  return new QueuedSession(m, session);
}

/**
 * One runtime call at a time, across every session: onnxruntime-web keeps the last error of its
 * WebAssembly module in one place, so two calls in flight at once (a model loading while another
 * runs) can read each other's errors. Session creation, runs and releases queue here.
 */
let runtimeTail: Promise<unknown> = Promise.resolve();

function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = runtimeTail.then(fn);
  // the queue only orders calls; each caller gets its own result or error through `next`
  runtimeTail = next.then(noop, noop);
  return next;
}

/** onnxruntime's severity 'fatal': nothing below it is logged. */
const SILENT = 4;

/** The text of anything thrown (the runtime throws Errors, strings, or numbers from wasm). */
function rawText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

class QueuedSession implements OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  private released = false;

  constructor(private readonly m: Ort, private readonly session: OrtSessionImpl) {
    this.inputNames = session.inputNames;
    this.outputNames = session.outputNames;
  }

  run(feeds: FeedTensor[], fetch: string[]): Promise<Map<string, OutputTensor>> {
    return exclusive(() => this.runNow(feeds, fetch));
  }

  private async runNow(feeds: FeedTensor[], fetch: string[]): Promise<Map<string, OutputTensor>> {
    if (this.released) throw new EinblickError('INTERNAL', 'the model session was already released', 'Load the model again.');
    const inputs: Record<string, OrtTensor> = {};
    for (const f of feeds) inputs[f.name] = makeTensor(this.m, f);
    let results: Record<string, OrtTensor>;
    try {
      results = await this.session.run(inputs, fetch, { logSeverityLevel: SILENT });
    } catch (err) {
      throw runFailure(rawText(err), feeds.map((f) => ({ name: f.name, dims: f.dims })));
    }
    const out = new Map<string, OutputTensor>();
    for (const name of fetch) {
      const t = results[name];
      out.set(name, readTensor(name, t));
      t.dispose();
    }
    return out;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await exclusive(() => this.session.release());
  }
}

function noop(): void {}

function makeTensor(m: Ort, f: FeedTensor): OrtTensor {
  const { type, data, dims } = f;
  if (type === 'float32' && data instanceof Float32Array) return new m.Tensor('float32', data, dims);
  if (type === 'float64' && data instanceof Float64Array) return new m.Tensor('float64', data, dims);
  if (type === 'int64' && data instanceof BigInt64Array) return new m.Tensor('int64', data, dims);
  if (type === 'int32' && data instanceof Int32Array) return new m.Tensor('int32', data, dims);
  if (type === 'bool' && data instanceof Uint8Array) return new m.Tensor('bool', data, dims);
  if (type === 'string' && Array.isArray(data)) return new m.Tensor('string', data, dims);
  throw new EinblickError('INTERNAL', `input ${f.name}: cannot feed ${type} from ${data.constructor.name}`, 'This is a bug in Einblick; please report it with the model.');
}

/**
 * A runtime tensor as plain arrays: int64 -> float64 numbers, strings as strings, other numbers
 * as the typed array the runtime returned (on the CPU it is ours: copied out of the wasm heap,
 * and dispose() only lets go of it), read where they are needed instead of copied once more.
 */
function readTensor(name: string, t: OrtTensor): OutputTensor {
  const dims = t.dims.map(Number);
  if (t.type === 'string') return { name, type: t.type, dims, numbers: null, strings: Array.from(t.data as string[]) };
  const data = t.data;
  let numbers: NumericArray;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    numbers = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) numbers[i] = Number(data[i]);
  } else if (data instanceof Float32Array || data instanceof Float64Array || data instanceof Int32Array || data instanceof Uint32Array || data instanceof Int16Array || data instanceof Uint16Array || data instanceof Int8Array || data instanceof Uint8Array) {
    numbers = data;
  } else {
    throw new EinblickError('UNSUPPORTED_OUTPUT', `output ${name} has element type ${t.type}, which Einblick does not read`, 'Choose another output with --output.', { output: name });
  }
  return { name, type: t.type, dims, numbers, strings: null };
}

/**
 * Input and output metadata as the runtime reports it, with dynamic dimensions
 * (4294967295 or a symbolic name) as null.
 *
 * @example normaliseDims([4294967295, 2]) // [null, 2]
 */
export function normaliseDims(dims: readonly (number | string)[]): (number | null)[] {
  return dims.map((d) => (typeof d === 'number' && d !== DYNAMIC_DIM && d >= 0 ? d : null));
}
