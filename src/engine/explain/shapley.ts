/**
 * Shapley values of a game given as a full table of coalition values, and the transforms that
 * build such tables.
 */

const popcounts = new Map<number, Uint8Array>();

/** popcount of every mask below 2^d (cached). */
export function popcountTable(d: number): Uint8Array {
  let t = popcounts.get(d);
  if (!t) {
    t = new Uint8Array(1 << d);
    for (let s = 1; s < t.length; s++) t[s] = t[s >> 1] + (s & 1);
    popcounts.set(d, t);
  }
  return t;
}

/** Shapley kernel weights w[s] = s! (d - s - 1)! / d! for s = 0..d-1. */
export function shapleyWeights(d: number): Float64Array {
  const w = new Float64Array(Math.max(d, 1));
  // w[s] = 1 / (d * C(d - 1, s))
  let c = 1;
  for (let s = 0; s < d; s++) {
    w[s] = 1 / (d * c);
    c = (c * (d - 1 - s)) / (s + 1);
  }
  return w;
}

/**
 * Shapley values of the game v[S] over d players (S a bitmask; v has 2^d entries):
 * phi_i = sum over S without i of |S|! (d - |S| - 1)! / d! * (v[S + i] - v[S]).
 *
 * @example shapleyFromTable(Float64Array.of(0, 1, 2, 4), 2) // Float64Array [1.5, 2.5]
 */
export function shapleyFromTable(v: ArrayLike<number>, d: number): Float64Array {
  const phi = new Float64Array(d);
  if (d === 0) return phi;
  const w = shapleyWeights(d), pc = popcountTable(d);
  const size = 1 << d;
  for (let i = 0; i < d; i++) {
    const bit = 1 << i;
    let sum = 0;
    for (let s = 0; s < size; s++) {
      if (s & bit) continue;
      sum += w[pc[s]] * (v[s | bit] - v[s]);
    }
    phi[i] = sum;
  }
  return phi;
}

/**
 * In-place subset-sum (zeta) transform: c[S] <- sum over R subset of S of c[R].
 *
 * @example subsetSums(Float64Array.of(1, 2, 3, 4), 2) // [1, 3, 4, 10]
 */
export function subsetSums(c: Float64Array, d: number): Float64Array {
  const size = 1 << d;
  for (let i = 0; i < d; i++) {
    const bit = 1 << i;
    for (let s = 0; s < size; s++) if (s & bit) c[s] += c[s ^ bit];
  }
  return c;
}
