// @ts-nocheck: AssemblyScript, not TypeScript. Compiled by scripts/build-wasm.mjs to
// src/wasm/fairness.wasm; the TypeScript compiler skips checking this file.
//
// Fairness kernels. Each one has a TypeScript twin in src/engine/fairness/ that must give the
// same numbers (test/unit/fairness/wasm.test.ts):
//   confusionCounts      <-> counts.ts predictAt + confusionCounts
//   disparityReplicates  <-> bootstrap.ts disparityReplicates (with random.ts rng, binomial.ts,
//                            disparity-kernel.ts disparityVector)
// Math: log, exp and log1p are imported from the host's JavaScript Math (built with
// --use Math=JSMath), so that they round exactly as in the TypeScript twin and the seeded draws
// are bit for bit the same; sqrt, floor, abs, min and max are exact wasm instructions.
// Memory: no managed objects and no allocation at all (runtime stub; tables in static data); the host writes inputs at byte offsets from
// heapBase() upwards, grows memory as needed, and reads the outputs back.

// ---- seeded generator: xoshiro128** seeded through splitmix32, exactly as random.ts ----

let sa: u32 = 0;
let sb: u32 = 0;
let sc: u32 = 0;
let sd: u32 = 0;
let sm: u32 = 0;

function splitmix(): u32 {
  sm += 0x9e3779b9;
  let z = sm;
  z = (z ^ (z >>> 16)) * 0x85ebca6b;
  z = (z ^ (z >>> 13)) * 0xc2b2ae35;
  return z ^ (z >>> 16);
}

function seedRng(seed: u32): void {
  sm = seed;
  sa = splitmix();
  sb = splitmix();
  sc = splitmix();
  sd = splitmix();
}

function nextU32(): u32 {
  const result = rotl<u32>(sb * 5, 7) * 9;
  const t = sb << 9;
  sc ^= sa;
  sd ^= sb;
  sb ^= sc;
  sa ^= sd;
  sc ^= t;
  sd = rotl<u32>(sd, 11);
  return result;
}

/** Uniform in the open interval (0, 1), as binomial.ts open01. */
@inline
function open01(): f64 {
  return (<f64>nextU32() + 0.5) / 4294967296.0;
}

// ---- binomial: inversion for n·p < 10, BTRS (Hörmann 1993) above; as binomial.ts ----

// 10 f64 in static data (below __heap_base, so the host's arrays never overlap it)
const TAIL: usize = memory.data(80, 8);
let tailReady = false;

function fillTail(): void {
  let logFact = 0.0;
  for (let k = 0; k < 10; k++) {
    if (k > 0) logFact += Math.log(<f64>k);
    store<f64>(TAIL + (<usize>k << 3), logFact - ((<f64>k + 0.5) * Math.log(<f64>k + 1.0) - (<f64>k + 1.0) + 0.5 * Math.log(2.0 * Math.PI)));
  }
  tailReady = true;
}

function stirlingTail(k: f64): f64 {
  if (k < 10.0) return load<f64>(TAIL + (<usize>k << 3));
  const kp1sq = (k + 1.0) * (k + 1.0);
  return (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / 1260.0 / kp1sq) / kp1sq) / (k + 1.0);
}

function inversion(n: f64, p: f64): f64 {
  const q = 1.0 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  const bound = min<f64>(n, np + 10.0 * sqrt<f64>(np * q + 1.0));
  const ratio = p / q;
  while (true) {
    let x = 0.0;
    let px = qn;
    let u = open01();
    while (u > px) {
      x += 1.0;
      if (x > bound) break;
      u -= px;
      px *= ((n - x + 1.0) * ratio) / x;
    }
    if (x <= bound) return x;
  }
  return 0.0;
}

function btrs(n: f64, p: f64): f64 {
  const spq = sqrt<f64>(n * p * (1.0 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const ratio = p / (1.0 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = floor<f64>((n + 1.0) * p);
  const hm = (m + 0.5) * Math.log((m + 1.0) / (ratio * (n - m + 1.0))) + stirlingTail(m) + stirlingTail(n - m);
  while (true) {
    const u = open01() - 0.5;
    let v = open01();
    const us = 0.5 - abs<f64>(u);
    const k = floor<f64>(((2.0 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0.0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      hm +
      (n + 1.0) * Math.log((n - m + 1.0) / (n - k + 1.0)) +
      (k + 0.5) * Math.log((ratio * (n - k + 1.0)) / (k + 1.0)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
  return 0.0;
}

function binomial(n: f64, p: f64): f64 {
  if (n <= 0.0 || p <= 0.0) return 0.0;
  if (p >= 1.0) return n;
  if (p > 0.5) return n - binomial(n, 1.0 - p);
  return n * p < 10.0 ? inversion(n, p) : btrs(n, p);
}

/** Multinomial(n, cells / sum) over 4 cells at `from`, written at `to` (f64 each); as binomial.ts multinomial. */
function multinomial4(n: f64, from: usize, to: usize): void {
  let total = 0.0;
  for (let k: usize = 0; k < 4; k++) total += load<f64>(from + (k << 3));
  let left = n;
  for (let k: usize = 0; k < 4; k++) {
    const c = load<f64>(from + (k << 3));
    let x = 0.0;
    if (left == 0.0 || c <= 0.0) {
      x = 0.0;
    } else if (c >= total) {
      x = left;
    } else {
      x = binomial(left, c / total);
    }
    store<f64>(to + (k << 3), x);
    left -= x;
    total -= c;
  }
}

// ---- disparity vector, as disparity-kernel.ts ----

const S: i32 = 18;

@inline
function rd(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

@inline
function wr(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}

function fillRates(c: usize, G: i32, favPos: bool, rates: usize): void {
  for (let g = 0; g < G; g++) {
    const tn = rd(c, 4 * g);
    const fp = rd(c, 4 * g + 1);
    const fn = rd(c, 4 * g + 2);
    const tp = rd(c, 4 * g + 3);
    const n = tn + fp + fn + tp;
    const P = tp + fn;
    const N = tn + fp;
    wr(rates, g, n > 0 ? (tp + fp) / n : NaN);
    wr(rates, G + g, P > 0 ? tp / P : NaN);
    wr(rates, 2 * G + g, N > 0 ? fp / N : NaN);
    wr(rates, 3 * G + g, N > 0 ? tn / N : NaN);
    wr(rates, 4 * G + g, P > 0 ? fn / P : NaN);
    wr(rates, 5 * G + g, n > 0 ? (tp + tn) / n : NaN);
    wr(rates, 6 * G + g, n > 0 ? (favPos ? tp + fp : tn + fn) / n : NaN);
  }
}

let spreadDiff = 0.0;
let spreadRatio = 0.0;

function spread(rates: usize, from: i32, G: i32): void {
  let lo = Infinity;
  let hi = -Infinity;
  let defined = 0;
  for (let g = from; g < from + G; g++) {
    const v = rd(rates, g);
    if (v != v) continue;
    defined++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (defined < 2) {
    spreadDiff = NaN;
    spreadRatio = NaN;
  } else {
    spreadDiff = hi - lo;
    spreadRatio = hi > 0 ? lo / hi : NaN;
  }
}

function worse(a: f64, b: f64, larger: bool): f64 {
  if (a != a) return b;
  if (b != b) return a;
  return larger ? max<f64>(a, b) : min<f64>(a, b);
}

function disparityVector(c: usize, G: i32, favPos: bool, ref: i32, out: usize, scratch: usize): void {
  fillRates(c, G, favPos, scratch);
  for (let m = 0; m < 6; m++) {
    spread(scratch, m * G, G);
    wr(out, 2 * m, spreadDiff);
    wr(out, 2 * m + 1, spreadRatio);
  }
  wr(out, 12, rd(out, 2));
  wr(out, 13, rd(out, 3));
  wr(out, 14, worse(rd(out, 2), rd(out, 4), true));
  wr(out, 15, worse(rd(out, 3), rd(out, 5), false));
  spread(scratch, 6 * G, G);
  wr(out, 16, spreadRatio);
  const favRef = rd(scratch, 6 * G + ref);
  let minRatio = Infinity;
  for (let g = 0; g < G; g++) {
    const fav = rd(scratch, 6 * G + g);
    const r = favRef > 0 ? fav / favRef : NaN;
    wr(out, S + g, r);
    wr(out, S + G + g, favRef - fav);
    if (g != ref && r < minRatio) minRatio = r;
  }
  wr(out, 17, minRatio == Infinity ? NaN : minRatio);
}

// ---- exported kernels ----

/** First free byte of linear memory; the host places its arrays from here (8-byte aligned). */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Confusion counts per group: counts (f64, 4 per group, zeroed by the host) at cell
 * 4·id + 2·y + (score >= threshold). scores f64, y u8, ids i32, n rows.
 */
export function confusionCounts(scores: usize, y: usize, ids: usize, n: i32, threshold: f64, counts: usize): void {
  for (let i = 0; i < n; i++) {
    const pred: i32 = load<f64>(scores + (<usize>i << 3)) >= threshold ? 1 : 0;
    const cell = (load<i32>(ids + (<usize>i << 2)) << 2) | (<i32>load<u8>(y + <usize>i) << 1) | pred;
    const at = counts + (<usize>cell << 3);
    store<f64>(at, load<f64>(at) + 1.0);
  }
}

/**
 * Bootstrap replicates of the disparity vector: entry s of replicate b at out[s·samples + b].
 * counts: 4·G f64; work: (4·G + 18 + 2·G + 7·G) f64 of scratch space.
 */
export function disparityReplicates(counts: usize, G: i32, favPos: i32, ref: i32, samples: i32, seed: u32, out: usize, work: usize): void {
  if (!tailReady) fillTail();
  seedRng(seed);
  const L = S + 2 * G;
  const rep = work;
  const vec = rep + (<usize>(4 * G) << 3);
  const scratch = vec + (<usize>L << 3);
  for (let b = 0; b < samples; b++) {
    for (let g = 0; g < G; g++) {
      const from = counts + (<usize>(4 * g) << 3);
      const n = load<f64>(from) + load<f64>(from + 8) + load<f64>(from + 16) + load<f64>(from + 24);
      multinomial4(n, from, rep + (<usize>(4 * g) << 3));
    }
    disparityVector(rep, G, favPos != 0, ref, vec, scratch);
    for (let s = 0; s < L; s++) wr(out, s * samples + b, rd(vec, s));
  }
}

/** `count` Binomial(n, p) draws from a fresh generator seeded with `seed`, written to out (f64); for tests. */
export function binomialDraws(n: f64, p: f64, seed: u32, count: i32, out: usize): void {
  if (!tailReady) fillTail();
  seedRng(seed);
  for (let i = 0; i < count; i++) wr(out, i, binomial(n, p));
}
