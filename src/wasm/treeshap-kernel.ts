/**
 * Loads the AssemblyScript tree SHAP kernel (treeshap.wasm, built by scripts/build-wasm.mjs)
 * behind the TreeShapKernel interface of the engine. Its TypeScript twin is
 * src/engine/explain/tree-shap-dense.ts; both give the same numbers bit for bit.
 *
 * Where the bytes come from: `new URL('./treeshap.wasm', import.meta.url)`. Vite emits the file
 * as an asset of our own origin (also inside a bundled Web Worker) and the browser fetches it;
 * in Node the URL is a file: URL read with node:fs (through process.getBuiltinModule, so that
 * no bundler sees a Node import). A host may also pass the bytes itself.
 *
 * Memory: the module has no allocator; each run lays its arrays out from heapBase() upwards
 * (8-byte aligned), grows the memory when needed, and copies the outputs out before returning.
 */
import type { LeafPaths } from '../engine/explain/tree-paths.ts';
import type { DenseLayout } from '../engine/explain/tree-shap-dense.ts';
import type { TreeShapInput, TreeShapKernel, TreeShapResult } from '../engine/explain/tree-shap-types.ts';

/** The raw exports of treeshap.wasm (pointers are byte offsets into memory). */
export interface TreeShapWasmExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setEnsemble(n: number, feature: number, threshold: number, mode: number, missing: number, memberStart: number, memberCount: number, members: number): void;
  setPaths(n: number, condStart: number, condNode: number, condTrue: number, condLocal: number, playerStart: number, localPlayers: number, value: number, histStart: number, tableStart: number, coef: number): void;
  backgroundPass(b: number, nb: number, nf: number, offset: number, hist: number, dec: number, masks: number): number;
  explainPass(x: number, nx: number, nf: number, nb: number, nPlayers: number, offset: number, hist: number, table: number, done: number, dec: number, masks: number, phi: number, fx: number): void;
}

/** The default location of the kernel file, next to this module. */
export const TREESHAP_WASM_URL = new URL('./treeshap.wasm', import.meta.url);

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

type Typed = Float64Array | Int32Array | Uint8Array;

/** Copies arrays into wasm memory from heapBase (growing it), returns their byte offsets. */
function place(ex: TreeShapWasmExports, arrays: (Typed | { zeros: number; bytes: 1 | 4 | 8 })[]): number[] {
  let at = (ex.heapBase() + 7) & ~7;
  const ptrs = arrays.map((a) => {
    const p = at;
    at = (at + ('zeros' in a ? a.zeros * a.bytes : a.byteLength) + 7) & ~7;
    return p;
  });
  const have = ex.memory.buffer.byteLength;
  if (at > have) ex.memory.grow(Math.ceil((at - have) / 65536));
  const mem = new Uint8Array(ex.memory.buffer);
  arrays.forEach((a, i) => {
    if ('zeros' in a) mem.fill(0, ptrs[i], ptrs[i] + a.zeros * a.bytes);
    else mem.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), ptrs[i]);
  });
  return ptrs;
}

function run(ex: TreeShapWasmExports, input: TreeShapInput, paths: LeafPaths, lay: DenseLayout): TreeShapResult {
  const e = input.trees.ensemble, { nf, nPlayers } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf, n = e.mode.length;
  const p = place(ex, [
    e.feature, e.threshold, e.mode, e.missingTrue, e.memberStart, e.memberCount, e.members,
    paths.condStart, paths.condNode, paths.condTrue, paths.condLocal, paths.playerStart, paths.localPlayers, paths.value,
    lay.histStart, lay.tableStart, lay.coef, input.x, input.background,
    { zeros: lay.histSize, bytes: 8 }, { zeros: lay.tableSize, bytes: 8 }, { zeros: lay.histSize, bytes: 1 },
    { zeros: n, bytes: 1 }, { zeros: paths.count, bytes: 4 }, { zeros: nx * nPlayers, bytes: 8 }, { zeros: nx, bytes: 8 },
  ]);
  const [feature, threshold, mode, missing, mStart, mCount, members, cStart, cNode, cTrue, cLocal, pStart, lPlayers, value, hStart, tStart, coef, x, b, hist, table, done, dec, masks, phi, fx] = p;
  ex.setEnsemble(n, feature, threshold, mode, missing, mStart, mCount, members);
  ex.setPaths(paths.count, cStart, cNode, cTrue, cLocal, pStart, lPlayers, value, hStart, tStart, coef);
  const baseSum = ex.backgroundPass(b, nb, nf, input.trees.offset, hist, dec, masks);
  ex.explainPass(x, nx, nf, nb, nPlayers, input.trees.offset, hist, table, done, dec, masks, phi, fx);
  const buf = ex.memory.buffer;
  return { phi: new Float64Array(buf, phi, nx * nPlayers).slice(), base: baseSum / nb, fx: new Float64Array(buf, fx, nx).slice() };
}

/**
 * Instantiates treeshap.wasm from bytes or a URL and returns its raw exports.
 *
 * @example (await instantiateTreeShapWasm()).heapBase() // e.g. 1040
 */
export async function instantiateTreeShapWasm(source: BufferSource | URL = TREESHAP_WASM_URL): Promise<TreeShapWasmExports> {
  const bytes = source instanceof URL ? await readBytes(source) : source;
  const { instance } = await WebAssembly.instantiate(bytes, { env: { abort: () => { throw new Error('treeshap.wasm aborted'); } } });
  return instance.exports as unknown as TreeShapWasmExports;
}

/**
 * The tree SHAP kernel from bytes, or from a URL (default: treeshap.wasm next to this file).
 *
 * @example const k = await loadTreeShapKernel(); await explain(game, model, { space: 'logit', treeKernel: k })
 */
export async function loadTreeShapKernel(source: BufferSource | URL = TREESHAP_WASM_URL): Promise<TreeShapKernel> {
  const ex = await instantiateTreeShapWasm(source);
  return { name: 'wasm', run: (input, paths, lay) => run(ex, input, paths, lay) };
}
