/**
 * Issue 3 (sampling overhead in Chromium): the masker's fast path writes hybrid rows straight
 * into one reused row-major buffer. It must build exactly the rows of the generic path
 * (maskRows, then packRows as buildFeeds would), refuse to be read after its batch, and leave
 * permutation and Kernel SHAP bit for bit as they are on the generic path.
 */
import { describe, expect, it } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { gameFromRows } from '../../../src/engine/explain/game.ts';
import { kernelShap } from '../../../src/engine/explain/kernel.ts';
import { addRequest, evaluateRequests, maskRows, requests, type Requests } from '../../../src/engine/explain/masker.ts';
import { canPack, maskPacked, maskScratch } from '../../../src/engine/explain/packed-mask.ts';
import { permutationShap } from '../../../src/engine/explain/permutation.ts';
import { makePlayers, playerOfFeature } from '../../../src/engine/explain/players.ts';
import type { BatchModel, Game } from '../../../src/engine/explain/types.ts';
import { packRows } from '../../../src/engine/model/feeds.ts';
import { packedRows } from '../../../src/engine/model/packed.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { rng } from '../../../src/engine/random.ts';

/** Awkward float32 values: signed zeros, infinities, NaN, subnormals, large and small numbers. */
const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1e-45, -3e-39, 3.4e38, 1, -2.5];

function data(rows: number, cols: number, seed: number): FeatureSet {
  const r = rng(seed);
  const columns = Array.from({ length: cols }, () => ({ type: 'float32' as const, data: Float32Array.from({ length: rows }, () => (r.next() < 0.2 ? SPECIAL[r.int(SPECIAL.length)] : (r.next() - 0.5) * 1000)) }));
  return { names: Array.from({ length: cols }, (_, j) => `f${j}`), columns, rows };
}

/** 9 features, 5 players (two groups of features), 6 explained and 11 background rows. */
function grouped(seed: number): Game {
  const fs = data(40, 9, seed);
  const players = makePlayers(fs.names, { a: ['f0', 'f3', 'f4'], b: ['f1'], c: ['f2', 'f8'], d: ['f5', 'f6'], e: ['f7'] });
  return gameFromRows(fs, players, [0, 3, 5, 7, 11, 39], [1, 2, 4, 6, 8, 9, 10, 20, 30, 31, 38]);
}

function randomRequests(game: Game, count: number, seed: number): Requests {
  const r = rng(seed), n = game.players.length, req = requests(count, n), member = new Uint8Array(n);
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < n; p++) member[p] = r.next() < 0.5 ? 1 : 0;
    addRequest(req, r.int(game.explain.rows), r.int(game.background.rows), member);
  }
  return req;
}

/** Equal as float32 values, NaN equal to NaN, -0 distinct from 0. */
function sameFloats(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('packed hybrid rows (issue 3)', () => {
  it('equal packRows(maskRows(...)) for one feature per player and for grouped players, any range, with one reused buffer', () => {
    const fs = data(40, 9, 5);
    const single = gameFromRows(fs, makePlayers(fs.names, 'none'), [0, 3, 5, 7, 11, 39], [1, 2, 4, 6, 8, 9, 10, 20, 30, 31, 38]);
    for (const game of [single, grouped(1)]) {
      sameAsGeneric(game, randomRequests(game, 300, 2));
      sameAsGeneric(game, chainRequests(game, 300, 6));
      sameAsGeneric(game, pairedRequests(game, 300, 7));
    }
  });

  /** Permutation SHAP's pattern: chains that add or remove one player at a time, with repeats and jumps between chains. */
  function chainRequests(game: Game, count: number, seed: number): Requests {
    const r = rng(seed), n = game.players.length, req = requests(count, n), member = new Uint8Array(n);
    let x = 0, b = 0;
    for (let k = 0; k < count; k++) {
      if (r.next() < 0.1) { x = r.int(game.explain.rows); b = r.int(game.background.rows); } // a new chain
      if (r.next() < 0.8) member[r.int(n)] ^= 1; // else the same coalition again
      addRequest(req, x, b, member);
    }
    return req;
  }

  /** Kernel SHAP's pattern: a coalition and its complement, mostly (some pairs broken, some rows alone). */
  function pairedRequests(game: Game, count: number, seed: number): Requests {
    const r = rng(seed), n = game.players.length, req = requests(count, n), member = new Uint8Array(n);
    for (let k = 0; k < count; k++) {
      const x = r.int(game.explain.rows), b = r.int(game.background.rows);
      for (let p = 0; p < n; p++) member[p] = r.next() < 0.5 ? 1 : 0;
      addRequest(req, x, b, member);
      if (k + 1 === count || r.next() < 0.1) continue;
      for (let p = 0; p < n; p++) member[p] ^= 1;
      if (r.next() < 0.05) member[0] ^= 1; // not quite the complement
      addRequest(req, x, r.next() < 0.05 ? (b + 1) % game.background.rows : b, member); // or another background row
      k++;
    }
    return req;
  }

  function sameAsGeneric(game: Game, req: Requests): void {
    const owner = playerOfFeature(game.players, 9);
    expect(canPack(game, req)).toBe(true);
    const scratch = maskScratch();
    for (const [from, to] of [[0, 300], [17, 18], [5, 133], [250, 300], [0, 64]]) {
      const lease = { live: true };
      const fast = maskPacked(game, owner, req, from, to, scratch, lease);
      const slow = maskRows(game, owner, req, from, to);
      expect(sameFloats(packedRows(fast)!.data, packRows(slow.columns, 'float32', 0, to - from) as Float32Array)).toBe(true);
      expect(fast.columns.every((c, j) => sameFloats(c.data as Float32Array, slow.columns[j].data as Float32Array))).toBe(true);
      expect([fast.rows, fast.names]).toEqual([slow.rows, slow.names]);
      lease.live = false;
    }
  }

  it('cannot be read once its lease has ended (the buffer then holds other rows)', () => {
    const game = grouped(3), owner = playerOfFeature(game.players, 9), req = randomRequests(game, 10, 4);
    const lease = { live: true };
    const fs = maskPacked(game, owner, req, 0, 10, maskScratch(), lease);
    lease.live = false;
    expect(() => fs.columns).toThrow(EinblickError);
    expect(() => packedRows(fs)).toThrow(/after the model call/);
  });

  it('is not used for other column types or more than 31 players', () => {
    const game = grouped(5), req = randomRequests(game, 4, 6);
    const mixed: Game = { ...game, explain: { ...game.explain, columns: game.explain.columns.map((c, j) => (j === 2 ? { type: 'float64' as const, data: Float64Array.from(c.data as Float32Array) } : c)) } };
    expect(canPack(mixed, req)).toBe(false);
    expect(canPack(game, requests(4, 32))).toBe(false);
  });

  it('evaluateRequests gives every model the same rows, packed or not, with a scratch shared across calls', async () => {
    const game = grouped(7), owner = playerOfFeature(game.players, 9);
    // a model of the values themselves: a hash of each row's float32 bit patterns
    const hash: BatchModel = async (fs) => Float64Array.from({ length: fs.rows }, (_, i) => fs.columns.reduce((h, c) => (Math.imul(h, 31) + new Int32Array(Float32Array.of((c.data as Float32Array)[i]).buffer)[0]) | 0, 7));
    const asFloat64 = (fs: FeatureSet): FeatureSet => ({ ...fs, columns: fs.columns.map((c) => ({ type: 'float64', data: Float64Array.from(c.data as Float32Array) })) });
    const generic: Game = { ...game, explain: asFloat64(game.explain), background: asFloat64(game.background) };
    const scratch = maskScratch();
    let sawPacked = 0;
    const counting: BatchModel = async (fs) => { if (packedRows(fs)) sawPacked++; return hash(fs); };
    for (const [count, batchSize] of [[100, 7], [33, 64], [250, 250]]) {
      const req = randomRequests(game, count, count);
      const fast = Array.from(await evaluateRequests(game, owner, counting, req, { batchSize }, scratch));
      const slow = Array.from(await evaluateRequests(generic, owner, async (fs) => hash({ ...fs, columns: fs.columns.map((c) => ({ type: 'float32', data: Float32Array.from(c.data as Float64Array) })) }), req, { batchSize }));
      expect(fast).toEqual(slow);
    }
    expect(sawPacked).toBe(15 + 1 + 1);
  });

  it('a model that keeps its input and reads it later fails loudly', async () => {
    const game = grouped(9), owner = playerOfFeature(game.players, 9), req = randomRequests(game, 20, 10);
    const kept: FeatureSet[] = [];
    await evaluateRequests(game, owner, async (fs) => { kept.push(fs); return new Float64Array(fs.rows); }, req, { batchSize: 8 });
    expect(kept).toHaveLength(3);
    expect(() => kept[0].columns).toThrow(EinblickError);
  });

  for (const [label, run] of [['permutation', permutationShap], ['kernel', kernelShap]] as const) {
    it(`${label} SHAP: the packed path gives bit for bit the values of the generic path`, async () => {
      const game = grouped(11);
      const toF64 = (fs: FeatureSet): FeatureSet => ({ ...fs, columns: fs.columns.map((c) => ({ type: 'float64', data: Float64Array.from(c.data as Float32Array) })) });
      const generic: Game = { ...game, explain: toF64(game.explain), background: toF64(game.background) };
      // a non-additive model with interactions; reads columns of either type as numbers
      const model: BatchModel = async (fs) => Float64Array.from({ length: fs.rows }, (_, i) => {
        const v = fs.columns.map((c) => { const x = Number(c.data[i]); return Number.isFinite(x) ? Math.max(-1e3, Math.min(1e3, x)) : 0.5; });
        return Math.tanh(v[0] / 300 - v[1] / 700) + Math.sin(v[2] * v[5] / 1e5) + (v[3] > v[8] ? 0.3 : -0.1) * v[7] / 500;
      });
      let packedCalls = 0;
      const watch: BatchModel = (fs, s) => { if (packedRows(fs)) packedCalls++; return model(fs, s); };
      const fast = await run(game, watch, { samples: 1500, seed: 4, batchSize: 97 });
      const slow = await run(generic, model, { samples: 1500, seed: 4, batchSize: 97 });
      expect(packedCalls).toBeGreaterThan(6);
      expect([Array.from(fast.phi), Array.from(fast.se), Array.from(fast.fx), fast.base]).toEqual([Array.from(slow.phi), Array.from(slow.se), Array.from(slow.fx), slow.base]);
    });
  }
});
