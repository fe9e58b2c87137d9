/**
 * The interventional masker: how a coalition builds a model input. Hybrid row k takes every
 * feature of the players in its coalition from explained row x[k] and every other feature from
 * background row b[k]. Explainers only produce coalition requests; the masker and the batched
 * evaluator turn them into model calls.
 */
import { throwIfAborted, type ProgressFn } from '../errors.ts';
import type { FeatureSet } from '../model/types.ts';
import { copyValue, emptyLike } from './featureset.ts';
import type { BatchModel, Game } from './types.ts';

/** Coalition requests: request k = (explained row, background row, members[k * nPlayers + p]). */
export interface Requests {
  count: number;
  xRow: Int32Array;
  bRow: Int32Array;
  /** 1 where the player is in the coalition (takes x's values). */
  members: Uint8Array;
}

/** An empty request list with room for n requests over p players. */
export function requests(n: number, p: number): Requests {
  return { count: 0, xRow: new Int32Array(n), bRow: new Int32Array(n), members: new Uint8Array(n * p) };
}

/**
 * Appends one request; `inS(p)` says whether player p is in the coalition.
 *
 * @example addRequest(req, 3, 0, 7, (p) => p < 2) // index of the new request
 */
export function addRequest(req: Requests, nPlayers: number, x: number, b: number, inS: (p: number) => boolean): number {
  const k = req.count++;
  req.xRow[k] = x;
  req.bRow[k] = b;
  for (let p = 0; p < nPlayers; p++) req.members[k * nPlayers + p] = inS(p) ? 1 : 0;
  return k;
}

/**
 * Hybrid rows for requests from..to (exclusive).
 *
 * @example maskRows(game, owner, req, 0, 10).rows // 10
 */
export function maskRows(game: Game, owner: Int32Array, req: Requests, from: number, to: number): FeatureSet {
  const n = to - from, nPlayers = game.players.length;
  const columns = game.explain.columns.map((c, j) => {
    const out = emptyLike(c, n);
    const bc = game.background.columns[j];
    const p = owner[j];
    for (let k = 0; k < n; k++) {
      const q = from + k;
      if (req.members[q * nPlayers + p]) copyValue(c, req.xRow[q], out, k);
      else copyValue(bc, req.bRow[q], out, k);
    }
    return out;
  });
  return { names: game.explain.names.slice(), columns, rows: n };
}

export interface EvaluateOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  stage?: string;
}

/**
 * g of every request's hybrid row, in batches; checks the signal and reports progress between batches.
 *
 * @example await evaluateRequests(game, owner, model, req) // Float64Array of req.count values
 */
export async function evaluateRequests(game: Game, owner: Int32Array, model: BatchModel, req: Requests, opts: EvaluateOptions = {}): Promise<Float64Array> {
  const size = Math.max(1, opts.batchSize ?? 4096);
  const out = new Float64Array(req.count);
  for (let from = 0; from < req.count; from += size) {
    throwIfAborted(opts.signal);
    const to = Math.min(req.count, from + size);
    const values = await model(maskRows(game, owner, req, from, to), opts.signal);
    if (values.length !== to - from) throw new Error(`the model returned ${values.length} values for ${to - from} rows`);
    out.set(values, from);
    opts.onProgress?.({ stage: opts.stage ?? 'explain', done: to, total: req.count });
  }
  return out;
}
