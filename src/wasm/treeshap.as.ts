// @ts-nocheck: AssemblyScript, not TypeScript. Compiled by scripts/build-wasm.mjs to
// src/wasm/treeshap.wasm; the TypeScript compiler skips checking this file.
//
// Exact interventional tree SHAP, dense path tables. TypeScript twin:
//   treeShapDense <-> src/engine/explain/tree-shap-dense.ts denseTreeShap
// The same operations in the same order, in f64, so that both give the same numbers bit for bit
// (test/unit/explain/wasm.test.ts). No Math imports: trunc, abs, popcnt are wasm instructions.
// Memory: no allocation (runtime stub). The host lays every array out from heapBase() upwards,
// 8-byte aligned, grows the memory as needed, and copies the outputs back.

// node modes, as src/engine/model/trees/types.ts MODE
const LEQ: u8 = 0;
const LT: u8 = 1;
const GTE: u8 = 2;
const GT: u8 = 3;
const EQ: u8 = 4;
const NEQ: u8 = 5;
const MEMBER: u8 = 6;
const LEAF: u8 = 7;

export function heapBase(): usize {
  return __heap_base;
}

// ---- the ensemble (set by setEnsemble) ----
let nNodes: i32 = 0;
let pFeature: usize = 0; // i32 per node
let pThreshold: usize = 0; // f64 per node
let pMode: usize = 0; // u8 per node
let pMissing: usize = 0; // u8 per node
let pMemberStart: usize = 0; // i32 per node
let pMemberCount: usize = 0; // i32 per node
let pMembers: usize = 0; // f64

export function setEnsemble(n: i32, feature: usize, threshold: usize, mode: usize, missing: usize, memberStart: usize, memberCount: usize, members: usize): void {
  nNodes = n;
  pFeature = feature;
  pThreshold = threshold;
  pMode = mode;
  pMissing = missing;
  pMemberStart = memberStart;
  pMemberCount = memberCount;
  pMembers = members;
}

// ---- the paths (set by setPaths) ----
let nPaths: i32 = 0;
let pCondStart: usize = 0; // i32 per path + 1
let pCondNode: usize = 0; // i32 per condition
let pCondTrue: usize = 0; // u8 per condition
let pCondLocal: usize = 0; // u8 per condition
let pPlayerStart: usize = 0; // i32 per path + 1
let pLocalPlayers: usize = 0; // i32
let pValue: usize = 0; // f64 per path
let pHistStart: usize = 0; // i32 per path
let pTableStart: usize = 0; // i32 per path
let pCoef: usize = 0; // f64 [31 * 31 * 2]

export function setPaths(n: i32, condStart: usize, condNode: usize, condTrue: usize, condLocal: usize, playerStart: usize, localPlayers: usize, value: usize, histStart: usize, tableStart: usize, coef: usize): void {
  nPaths = n;
  pCondStart = condStart;
  pCondNode = condNode;
  pCondTrue = condTrue;
  pCondLocal = condLocal;
  pPlayerStart = playerStart;
  pLocalPlayers = localPlayers;
  pValue = value;
  pHistStart = histStart;
  pTableStart = tableStart;
  pCoef = coef;
}

@inline function i32At(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
@inline function u8At(p: usize, i: i32): u8 { return load<u8>(p + <usize>i); }

// onnxruntime-web 1.30's set membership: sets of integers 0..30 test x exactly, others test
// x truncated to an int32 (saturating, NaN -> 0); as evaluate.ts isMember
function isMember(node: i32, x: f64): bool {
  const start = i32At(pMemberStart, node), end = start + i32At(pMemberCount, node);
  let small = true;
  for (let i = start; i < end; i++) {
    const m = f64At(pMembers, i);
    if (!(m >= 0.0 && m <= 30.0)) small = false;
  }
  let v = x;
  if (!small) {
    if (x != x) v = 0.0;
    else v = max<f64>(-2147483648.0, min<f64>(2147483647.0, trunc<f64>(x)));
  }
  for (let i = start; i < end; i++) if (f64At(pMembers, i) == v) return true;
  return false;
}

// as evaluate.ts decide
function decide(node: i32, x: f64): bool {
  const t = f64At(pThreshold, node);
  const m = u8At(pMode, node);
  let r = false;
  if (m == LEQ) r = x <= t;
  else if (m == LT) r = x < t;
  else if (m == GTE) r = x >= t;
  else if (m == GT) r = x > t;
  else if (m == EQ) r = x == t;
  else if (m == NEQ) r = x != t;
  else if (m == MEMBER) r = isMember(node, x);
  return r || (u8At(pMissing, node) == 1 && x != x);
}

// masks of every path for the row at `row` (f64 x nf); dec: u8 per node, masks: i32 per path
function rowMasks(row: usize, dec: usize, masks: usize): void {
  for (let n = 0; n < nNodes; n++) {
    if (u8At(pMode, n) != LEAF) store<u8>(dec + <usize>n, decide(n, load<f64>(row + (<usize>i32At(pFeature, n) << 3))) ? 1 : 0);
  }
  for (let l = 0; l < nPaths; l++) {
    let mask = (1 << (i32At(pPlayerStart, l + 1) - i32At(pPlayerStart, l))) - 1;
    const c1 = i32At(pCondStart, l + 1);
    for (let c = i32At(pCondStart, l); c < c1; c++) {
      if (u8At(dec, i32At(pCondNode, c)) != u8At(pCondTrue, c)) mask &= ~(1 << <i32>u8At(pCondLocal, c));
    }
    store<i32>(masks + (<usize>l << 2), mask);
  }
}

// as tree-shap-dense.ts fillTable
function fillTable(value: f64, d: i32, mx: i32, hist: usize, nb: f64, table: usize): void {
  const full = (1 << d) - 1, sbSet = full & ~mx, sb = popcnt<i32>(sbSet);
  for (let mb = 0; mb <= full; mb++) {
    const count = load<f64>(hist + (<usize>mb << 3));
    if (count == 0.0 || (mx | mb) != full) continue;
    const sxSet = full & ~mb, sx = popcnt<i32>(sxSet);
    if (sx == 0 && sb == 0) continue;
    const w = (value * count) / nb;
    if (sx > 0) {
      const a = w * f64At(pCoef, (sx * 31 + sb) * 2);
      for (let j = 0; j < d; j++) if (sxSet & (1 << j)) store<f64>(table + (<usize>j << 3), load<f64>(table + (<usize>j << 3)) + a);
    }
    if (sb > 0) {
      const a = w * f64At(pCoef, (sx * 31 + sb) * 2 + 1);
      for (let j = 0; j < d; j++) if (sbSet & (1 << j)) store<f64>(table + (<usize>j << 3), load<f64>(table + (<usize>j << 3)) - a);
    }
  }
}

/**
 * Background histograms: hist (f64, zeroed by the host) gets one count per background row and
 * path; returns the sum over background rows of their margins (offset included).
 */
export function backgroundPass(b: usize, nb: i32, nf: i32, offset: f64, hist: usize, dec: usize, masks: usize): f64 {
  let base = 0.0;
  for (let r = 0; r < nb; r++) {
    rowMasks(b + (<usize>(r * nf) << 3), dec, masks);
    let m = offset;
    for (let l = 0; l < nPaths; l++) {
      const mask = load<i32>(masks + (<usize>l << 2));
      const h = hist + (<usize>(i32At(pHistStart, l) + mask) << 3);
      store<f64>(h, load<f64>(h) + 1.0);
      if (mask == (1 << (i32At(pPlayerStart, l + 1) - i32At(pPlayerStart, l))) - 1) m += f64At(pValue, l);
    }
    base += m;
  }
  return base;
}

/**
 * SHAP values of rows x[0..nx): phi (f64, nx x nPlayers, zeroed by the host), fx (f64 per row);
 * table (f64) and done (u8, one per histogram entry) are the memo, zeroed by the host.
 */
export function explainPass(x: usize, nx: i32, nf: i32, nb: i32, nPlayers: i32, offset: f64, hist: usize, table: usize, done: usize, dec: usize, masks: usize, phi: usize, fx: usize): void {
  const nbf = <f64>nb;
  for (let r = 0; r < nx; r++) {
    rowMasks(x + (<usize>(r * nf) << 3), dec, masks);
    let m = offset;
    for (let l = 0; l < nPaths; l++) {
      const p0 = i32At(pPlayerStart, l), d = i32At(pPlayerStart, l + 1) - p0, mx = load<i32>(masks + (<usize>l << 2));
      if (mx == (1 << d) - 1) m += f64At(pValue, l);
      if (d == 0) continue;
      const t0 = table + (<usize>(i32At(pTableStart, l) + mx * d) << 3);
      const flag = done + <usize>(i32At(pHistStart, l) + mx);
      if (load<u8>(flag) == 0) {
        fillTable(f64At(pValue, l), d, mx, hist + (<usize>i32At(pHistStart, l) << 3), nbf, t0);
        store<u8>(flag, 1);
      }
      for (let j = 0; j < d; j++) {
        const out = phi + (<usize>(r * nPlayers + i32At(pLocalPlayers, p0 + j)) << 3);
        store<f64>(out, load<f64>(out) + load<f64>(t0 + (<usize>j << 3)));
      }
    }
    store<f64>(fx + (<usize>r << 3), m);
  }
}
