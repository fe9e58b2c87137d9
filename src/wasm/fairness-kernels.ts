/**
 * Loads the AssemblyScript fairness kernels (fairness.wasm, built by scripts/build-wasm.mjs)
 * behind the FairnessKernels interface of the engine.
 *
 * Where the bytes come from: `new URL('./fairness.wasm', import.meta.url)`. Vite recognises this
 * pattern and emits the file as an asset of our own origin (also inside a bundled Web Worker),
 * so the browser fetches it from there; in Node the URL is a file: URL and the file is read with
 * node:fs, obtained through process.getBuiltinModule so that no bundler sees a Node import.
 * A host may also pass the bytes itself.
 *
 * Memory: the module has no allocator; each call lays its arrays out from heapBase() upwards
 * (8-byte aligned), grows the memory when needed, and copies the outputs out before returning.
 */
import type { FairnessKernels } from '../engine/fairness/kernels.ts';
import { disparityLength } from '../engine/fairness/disparity-kernel.ts';

/** The raw exports of fairness.wasm (pointers are byte offsets into memory). */
export interface FairnessWasmExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  binomialDraws(n: number, p: number, seed: number, count: number, out: number): void;
  confusionCounts(scores: number, y: number, ids: number, n: number, threshold: number, counts: number): void;
  disparityReplicates(counts: number, G: number, favPos: number, ref: number, samples: number, seed: number, out: number, work: number): void;
}

/** The default location of the kernel file, next to this module. */
export const FAIRNESS_WASM_URL = new URL('./fairness.wasm', import.meta.url);

async function readBytes(url: URL): Promise<ArrayBuffer> {
  if (url.protocol === 'file:') {
    const fs = globalThis.process?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
    if (!fs) throw new Error(`cannot read ${url.href}: no file system here`);
    const buf = fs.readFileSync(url);
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url.href}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** Lays out arrays in wasm memory from heapBase, growing it when needed. */
function layout(ex: FairnessWasmExports, sizes: number[]): number[] {
  let at = (ex.heapBase() + 7) & ~7;
  const ptrs = sizes.map((bytes) => {
    const p = at;
    at = (at + bytes + 7) & ~7;
    return p;
  });
  const have = ex.memory.buffer.byteLength;
  if (at > have) ex.memory.grow(Math.ceil((at - have) / 65536));
  return ptrs;
}

function kernels(ex: FairnessWasmExports): FairnessKernels {
  return {
    name: 'wasm',
    confusionCounts(scores, yTrue, ids, groups, threshold) {
      const n = scores.length;
      const [ps, py, pi, pc] = layout(ex, [8 * n, n, 4 * n, 32 * groups]);
      const buf = ex.memory.buffer;
      new Float64Array(buf, ps, n).set(scores);
      new Uint8Array(buf, py, n).set(yTrue);
      new Int32Array(buf, pi, n).set(ids);
      new Float64Array(buf, pc, 4 * groups).fill(0);
      ex.confusionCounts(ps, py, pi, n, threshold, pc);
      return new Float64Array(ex.memory.buffer, pc, 4 * groups).slice();
    },
    disparityReplicates(counts, G, favPos, ref, samples, seed) {
      const L = disparityLength(G);
      const [pc, po, pw] = layout(ex, [32 * G, 8 * L * samples, 8 * (4 * G + L + 7 * G)]);
      new Float64Array(ex.memory.buffer, pc, 4 * G).set(counts);
      ex.disparityReplicates(pc, G, favPos ? 1 : 0, ref, samples, seed >>> 0, po, pw);
      return new Float64Array(ex.memory.buffer, po, L * samples).slice();
    },
  };
}

/**
 * Instantiates fairness.wasm from bytes or a URL and returns its raw exports.
 *
 * @example (await instantiateFairnessWasm()).heapBase() // e.g. 1312
 */
export async function instantiateFairnessWasm(source: BufferSource | URL = FAIRNESS_WASM_URL): Promise<FairnessWasmExports> {
  const bytes = source instanceof URL ? await readBytes(source) : source;
  const env = {
    abort: () => {
      throw new Error('fairness.wasm aborted');
    },
    // the host's Math, so that the kernels round exactly like their TypeScript twins
    'Math.log': Math.log,
    'Math.exp': Math.exp,
    'Math.log1p': Math.log1p,
    'Math.PI': Math.PI,
  };
  const { instance } = await WebAssembly.instantiate(bytes, { env });
  return instance.exports as unknown as FairnessWasmExports;
}

/**
 * The kernels from bytes, or from a URL (default: fairness.wasm next to this file).
 *
 * @example const k = await loadFairnessKernels(); classificationFairness(input, options, { kernels: k })
 */
export async function loadFairnessKernels(source: BufferSource | URL = FAIRNESS_WASM_URL): Promise<FairnessKernels> {
  return kernels(await instantiateFairnessWasm(source));
}
