/**
 * Seeded pseudo-random numbers. Every random choice Einblick makes (background samples,
 * permutations, bootstrap resamples) comes from here, so that a seed reproduces a result.
 *
 * Generator: xoshiro128** (Blackman and Vigna), seeded through splitmix32.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Raw 32-bit unsigned integer. */
  u32(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** on a 128-bit state (four 32-bit words): u32() is the next raw 32-bit output, as
 * the reference C implementation (prng.di.unimi.it) computes it.
 *
 * Two choices make it fast in Chromium, where the sampling explainers draw about a million
 * numbers per run (bench/README.md):
 * - the state lives in an Int32Array, whose elements are stored unboxed. In closure variables,
 *   Chromium's V8 (small integers of 31 bits) boxed every state word beyond +-2^30 as a heap
 *   number, which made a draw 7x slower there (bench/browser/micro.ts); Node's V8 has 32-bit
 *   small integers and did not show it;
 * - the methods are a class's, shared by every generator. Fresh closures per generator made
 *   V8 throw away the optimised code of every caller each time a new generator was made
 *   ("wrong call target" deoptimisations, `--trace-deopt`), so each explainer call ran its
 *   hot loops unoptimised until they were compiled again.
 *
 * @example new Xoshiro128(Int32Array.of(1, 2, 3, 4)).u32() // 11520
 */
export class Xoshiro128 implements Rng {
  constructor(private readonly s: Int32Array) {}

  u32(): number {
    const s = this.s, b = s[1];
    const result = Math.imul(rotl32(Math.imul(b, 5), 7), 9) >>> 0;
    const c = s[2] ^ s[0], d = s[3] ^ b;
    s[1] = b ^ c;
    s[0] ^= d;
    s[2] = c ^ (b << 9);
    s[3] = rotl32(d, 11);
    return result;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    if (!(n > 0) || n > 4294967296) throw new Error(`invalid range: ${n}`);
    // rejection sampling: no modulo bias
    const limit = 4294967296 - (4294967296 % n);
    let x = this.u32();
    while (x >= limit) x = this.u32();
    return x % n;
  }
}

/**
 * A generator for a seed (any integer; the same seed gives the same sequence everywhere).
 *
 * @example const r = rng(1); r.int(10) // 0..9, the same on every machine
 */
export function rng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}; expected an integer`);
  const sm = splitmix32(seed);
  return new Xoshiro128(Int32Array.of(sm(), sm(), sm(), sm()));
}

/** Rotates the 32 bits of x left by k, as a signed 32-bit integer. */
function rotl32(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * k distinct indices from 0..n-1, in increasing order (a seeded simple random sample).
 *
 * @example sampleIndices(1000, 3, 1) // e.g. [17, 402, 913]
 */
export function sampleIndices(n: number, k: number, seed: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const r = rng(seed);
  // Floyd's algorithm: k draws, no array of size n
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = r.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((x, y) => x - y);
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, r: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
