/**
 * Issue 3 (sampling overhead): the random draws of permutation and Kernel SHAP were rewritten
 * to fill reused buffers and to avoid a slow floating-point modulo; they must draw exactly what
 * the plain versions draw (random.ts's permutation, Lemire's method written with doubles).
 */
import { describe, expect, it } from 'vitest';
import { below } from '../../../src/engine/explain/kernel.ts';
import { permutationsInto } from '../../../src/engine/explain/permutation.ts';
import { permutation, rng, type Rng } from '../../../src/engine/random.ts';

let rejections = 0;

/** The draw as first written: the 52-bit product u * n split with a double modulo. */
function belowWithDoubles(r: Rng, n: number): number {
  let m = r.u32() * n;
  let low = m % 4294967296;
  if (low < n) {
    const t = (4294967296 - n) % n;
    while (low < t) { rejections++; m = r.u32() * n; low = m % 4294967296; }
  }
  return Math.floor(m / 4294967296);
}

describe('random draws of the sampling methods (issue 3)', () => {
  it('permutationsInto draws the orders of k permutation() calls, one after the other', () => {
    for (const [k, n, seed] of [[50, 20, 1], [7, 1, 2], [30, 31, 3], [3, 2, 4]]) {
      const a = rng(seed), b = rng(seed);
      const flat = permutationsInto(new Uint32Array(k * n), k, n, a);
      const separate = Array.from({ length: k }, () => Array.from(permutation(n, b)));
      expect(Array.from(flat)).toEqual(separate.flat());
      expect(a.u32()).toBe(b.u32()); // the generators are left in the same state
    }
  });

  it('below draws what the double-precision formula draws, rejections included', () => {
    // n near 2^20 makes rejections frequent enough to be met (t = 2^32 mod n)
    rejections = 0;
    for (const n of [1, 2, 3, 19, 20, 1000, 699_051, 1_048_575]) {
      const a = rng(n), b = rng(n);
      const fast = Array.from({ length: 50_000 }, () => below(a, n));
      const plain = Array.from({ length: 50_000 }, () => belowWithDoubles(b, n));
      expect(fast).toEqual(plain);
      expect(a.u32()).toBe(b.u32());
    }
    expect(rejections).toBeGreaterThan(0);
  });
});
