/**
 * The interventional masker: how a coalition builds a model input. Hybrid row k takes every
 * feature of the players in its coalition from explained row x[k] and every other feature from
 * background row b[k]. Explainers only produce coalition requests; the masker and the batched
 * evaluator turn them into model calls.
 */
import { throwIfAborted, type ProgressFn } from '../errors.ts';
import type { FeatureSet } from '../model/types.ts';
import { emptyLike } from './featureset.ts';
import type { BatchModel, Game } from './types.ts';
import { Pacer } from '../data/yield.ts';
import { canPack, maskPacked, maskScratch, type MaskScratch } from './packed-mask.ts';

/**
 * Coalition requests: request k = (explained row xRow[k], background row bRow[k], coalition).
 * Up to 31 players a coalition is a bitmask (bit p: player p takes x's values), beyond that one
 * byte per player.
 */
export interface Requests {
  count: number;
  nPlayers: number;
  xRow: Int32Array;
  bRow: Int32Array;
  bits: Int32Array | null;
  members: Uint8Array | null;
}

/** An empty request list with room for n requests over p players. */
export function requests(n: number, p: number): Requests {
  const small = p <= 31;
  return { count: 0, nPlayers: p, xRow: new Int32Array(n), bRow: new Int32Array(n), bits: small ? new Int32Array(n) : null, members: small ? null : new Uint8Array(n * p) };
}

/**
 * Appends one request; `members[from + p]` is 1 when player p is in the coalition.
 *
 * @example addRequest(req, 0, 7, Uint8Array.of(1, 1, 0)) // index of the new request
 */
export function addRequest(req: Requests, x: number, b: number, members: Uint8Array, from = 0): number {
  const k = req.count++, n = req.nPlayers;
  req.xRow[k] = x;
  req.bRow[k] = b;
  if (req.bits) {
    let bits = 0;
    for (let p = 0; p < n; p++) if (members[from + p]) bits |= 1 << p;
    req.bits[k] = bits;
  } else {
    const m = req.members!, at = k * n;
    for (let p = 0; p < n; p++) m[at + p] = members[from + p];
  }
  return k;
}

/**
 * Appends one request given as a bitmask (lists of at most 31 players).
 *
 * @example addBits(req, 0, 7, 0b011) // players 0 and 1 from x
 */
export function addBits(req: Requests, x: number, b: number, bits: number): number {
  const k = req.count++;
  req.xRow[k] = x;
  req.bRow[k] = b;
  req.bits![k] = bits;
  return k;
}

/** 1 when player p is in request q's coalition. */
export function isIn(req: Requests, q: number, p: number): number {
  return req.bits ? (req.bits[q] >>> p) & 1 : req.members![q * req.nPlayers + p];
}

/**
 * Hybrid rows for requests from..to (exclusive).
 *
 * @example maskRows(game, owner, req, 0, 10).rows // 10
 */
export function maskRows(game: Game, owner: Int32Array, req: Requests, from: number, to: number): FeatureSet {
  const n = to - from;
  const columns = game.explain.columns.map((c, j) => {
    const b = game.background.columns[j];
    if (c.type === 'float32' && b.type === 'float32' && req.bits) return { type: 'float32' as const, data: maskFloat32(c.data, b.data, owner[j], req, from, n) };
    const out = emptyLike(c, n);
    const xd = c.data as ArrayLike<unknown>, bd = b.data as ArrayLike<unknown>;
    const od = out.data as unknown as unknown[];
    const p = owner[j], { xRow, bRow } = req;
    for (let k = 0, q = from; k < n; k++, q++) od[k] = isIn(req, q, p) ? xd[xRow[q]] : bd[bRow[q]];
    return out;
  });
  return { names: game.explain.names.slice(), columns, rows: n };
}

/** The common case (a float matrix model, at most 31 players), with monomorphic typed-array access. */
function maskFloat32(xd: Float32Array, bd: Float32Array, p: number, req: Requests, from: number, n: number): Float32Array {
  const out = new Float32Array(n);
  const bits = req.bits!, { xRow, bRow } = req;
  for (let k = 0, q = from; k < n; k++, q++) out[k] = (bits[q] >>> p) & 1 ? xd[xRow[q]] : bd[bRow[q]];
  return out;
}

export interface EvaluateOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  stage?: string;
}

/**
 * Options for the evaluations of explained row `row` of `rows`, with progress reported over all
 * rows: done = rows finished + the share of this row's evaluations done, total = rows. Methods
 * that loop over the explained rows use it, so a progress bar runs once from 0 to the end.
 *
 * @example rowOptions({ onProgress }, 2, 10) // reports { done: 2.5, total: 10 } half-way through row 2
 */
export function rowOptions(opts: EvaluateOptions, row: number, rows: number): EvaluateOptions {
  const report = opts.onProgress;
  if (!report) return opts;
  return { ...opts, onProgress: (p) => report({ stage: p.stage, done: row + (p.total ? p.done / p.total : 0), total: rows }) };
}

/**
 * g of every request's hybrid row, in batches; checks the signal and reports progress between batches.
 * The values are valid until the next call with the same `scratch` (which reuses their buffer).
 * For float32 features and at most 31 players the rows are packed row-major into a buffer
 * that is reused from batch to batch (packed-mask.ts); pass the same `scratch` to every call
 * of one explainer run to reuse it across calls too. The model gets each batch's FeatureSet
 * only for the duration of its call: reading it after the call has answered throws.
 *
 * @example await evaluateRequests(game, owner, model, req) // Float64Array of req.count values
 */
export async function evaluateRequests(game: Game, owner: Int32Array, model: BatchModel, req: Requests, opts: EvaluateOptions = {}, scratch: MaskScratch = maskScratch()): Promise<Float64Array> {
  const size = Math.max(1, opts.batchSize ?? 4096);
  if (!scratch.values || scratch.values.length < req.count) scratch.values = new Float64Array(req.count);
  const out = scratch.values.length === req.count ? scratch.values : scratch.values.subarray(0, req.count);
  const pace = new Pacer(); // lets a Web Worker read a cancel message between model runs
  const packed = canPack(game, req);
  for (let from = 0; from < req.count; from += size) {
    await pace.tick();
    throwIfAborted(opts.signal);
    const to = Math.min(req.count, from + size);
    const lease = { live: true };
    let values: Float64Array;
    try {
      values = await model(packed ? maskPacked(game, owner, req, from, to, scratch, lease) : maskRows(game, owner, req, from, to), opts.signal);
    } finally {
      lease.live = false; // the next batch overwrites the buffer
    }
    if (values.length !== to - from) throw new Error(`the model returned ${values.length} values for ${to - from} rows`);
    out.set(values, from);
    opts.onProgress?.({ stage: opts.stage ?? 'explain', done: to, total: req.count });
  }
  return out;
}
