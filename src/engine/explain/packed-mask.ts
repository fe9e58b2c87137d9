/**
 * The masker's fast path for the common case (every feature float32, at most 31 players):
 * hybrid rows written straight into one row-major [n, F] buffer, the layout a matrix model
 * takes, which buildFeeds then feeds without another copy. The buffer is reused from batch to
 * batch (and from call to call when the caller keeps the MaskScratch), so a batch costs no
 * fresh typed arrays: in Chromium those cost page faults on first write, which made the
 * JavaScript part of permutation and Kernel SHAP twice the model's time (bench/README.md).
 *
 * Values are copied as raw 32-bit patterns with a branch-free select, so every hybrid row is
 * bit for bit the row maskRows builds (the tests compare the two).
 */
import type { FeatureSet } from '../model/types.ts';
import { packedFeatureSet, type Lease, type PackedFeatureSet } from '../model/packed.ts';
import type { Requests } from './masker.ts';
import type { Game } from './types.ts';

/** The explained and background rows of a float32 game, row-major, as raw bits. */
interface GameRows {
  game: Game;
  x: Int32Array;
  b: Int32Array;
}

/**
 * What evaluateRequests keeps between batches and calls: the game's rows, the buffer of the
 * hybrid rows, and the buffer of the values it returns (so a call's result is valid until the
 * next call with the same scratch).
 */
export interface MaskScratch {
  rows: GameRows | null;
  out: Int32Array | null;
  values: Float64Array | null;
}

/** An empty scratch; keep one per explainer call and pass it to every evaluateRequests. */
export function maskScratch(): MaskScratch {
  return { rows: null, out: null, values: null };
}

/**
 * True when the fast path applies: every column float32 in explained and background rows,
 * and coalitions as bitmasks (at most 31 players).
 *
 * @example canPack(game, requests(10, 3)) // true for a float matrix model
 */
export function canPack(game: Game, req: Requests): boolean {
  if (!req.bits) return false;
  const all = (fs: FeatureSet): boolean => fs.columns.every((c) => c.type === 'float32');
  return all(game.explain) && all(game.background);
}

/** Row-major raw bits of float32 columns. */
function rowMajorBits(fs: FeatureSet): Int32Array {
  const f = fs.columns.length, out = new Float32Array(fs.rows * f);
  fs.columns.forEach((c, j) => {
    const d = c.data as Float32Array;
    for (let i = 0; i < fs.rows; i++) out[i * f + j] = d[i];
  });
  return new Int32Array(out.buffer);
}

function gameRows(game: Game, scratch: MaskScratch): GameRows {
  if (scratch.rows?.game !== game) scratch.rows = { game, x: rowMajorBits(game.explain), b: rowMajorBits(game.background) };
  return scratch.rows;
}

/**
 * Hybrid rows for requests from..to (exclusive), packed row-major into the scratch buffer;
 * valid while `lease.live` (the caller ends the lease when the model has answered).
 *
 * @example maskPacked(game, owner, req, 0, 10, maskScratch(), { live: true }).packed.data.length // 10 x features
 */
export function maskPacked(game: Game, owner: Int32Array, req: Requests, from: number, to: number, scratch: MaskScratch, lease: Lease): PackedFeatureSet {
  const n = to - from, f = owner.length;
  const { x, b } = gameRows(game, scratch);
  if (!scratch.out || scratch.out.length < n * f) scratch.out = new Int32Array(n * f);
  const out = scratch.out.length === n * f ? scratch.out : scratch.out.subarray(0, n * f);
  writeHybridRows(x, b, owner, req, from, n, out);
  return packedFeatureSet(game.explain.names.slice(), new Float32Array(out.buffer, out.byteOffset, n * f), n, lease);
}

/**
 * The inner loop: out[k * F + j] = bits of x[xRow[q]][j] when the coalition of request
 * q = from + k holds feature j's player, else of b[bRow[q]][j]. Written as
 * b ^ ((x ^ b) & take), which V8 compiles to fewer instructions than a select of two masked
 * values; when every player is one feature (player j = feature j, the common case), the
 * coalition's bits are shifted along instead of looked up per feature (Chromium: about half
 * the time of the general loop, scratch micro-benchmarks as bench/browser/micro.ts), and a
 * row whose coalition differs from the row before by one player, with the same explained and
 * background rows (permutation SHAP's chains), is a copy of that row with one value changed;
 * a row followed by its complement (Kernel SHAP's pairs) is written together with it.
 */
function writeHybridRows(x: Int32Array, b: Int32Array, owner: Int32Array, req: Requests, from: number, n: number, out: Int32Array): void {
  const f = owner.length, bits = req.bits!, { xRow, bRow } = req;
  if (isIdentity(owner)) {
    const full = f === 31 ? 0x7fffffff : (1 << f) - 1;
    for (let k = 0, q = from, at = 0; k < n; k++, q++) {
      let m = bits[q];
      const xa = xRow[q] * f, ba = bRow[q] * f;
      const d = k > 0 ? m ^ bits[q - 1] : -1;
      if ((d & (d - 1)) === 0 && xRow[q] === xRow[q - 1] && bRow[q] === bRow[q - 1]) {
        // one player more or less than the row before (permutation SHAP's chains): copy, then set that one feature
        for (let j = 0; j < f; j++, at++) out[at] = out[at - f];
        if (d !== 0) {
          const j = 31 - Math.clz32(d);
          out[at - f + j] = (m >>> j) & 1 ? x[xa + j] : b[ba + j];
        }
        continue;
      }
      if (k + 1 < n && (bits[q + 1] ^ m) === full && xRow[q + 1] === xRow[q] && bRow[q + 1] === bRow[q]) {
        // the next row is this one's complement (Kernel SHAP's pairs): both from one read of x and b
        for (let j = 0; j < f; j++, at++, m >>= 1) {
          const bv = b[ba + j], xv = x[xa + j], t = (xv ^ bv) & -(m & 1);
          out[at] = bv ^ t;
          out[at + f] = xv ^ t;
        }
        at += f;
        k++;
        q++;
        continue;
      }
      for (let j = 0; j < f; j++, at++, m >>= 1) {
        const bv = b[ba + j];
        out[at] = bv ^ ((x[xa + j] ^ bv) & -(m & 1));
      }
    }
    return;
  }
  for (let k = 0, q = from, at = 0; k < n; k++, q++) {
    const m = bits[q], xa = xRow[q] * f, ba = bRow[q] * f;
    for (let j = 0; j < f; j++, at++) {
      const bv = b[ba + j];
      out[at] = bv ^ ((x[xa + j] ^ bv) & -((m >>> owner[j]) & 1)); // all ones when x's value is taken
    }
  }
}

/** True when feature j belongs to player j for every j (no groups). */
function isIdentity(owner: Int32Array): boolean {
  for (let j = 0; j < owner.length; j++) if (owner[j] !== j) return false;
  return true;
}
