/**
 * Issue 12, item 3: `einblick compare` through the command line. The engine's own tests
 * (test/unit/compare) check the paired intervals; these check the wiring: each side equals its
 * own `einblick fairness` run, a model compared with the score column it was built from changes
 * nothing (also at a threshold that float32 holds inexactly), and decisions are counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIX } from './cli-helpers.ts';

const COMPAS = join(FIX, 'compas/compas-scores-two-years.csv');
const DECILE = join(FIX, 'compas/decile_over_10.onnx');
const COMMON = ['--data', COMPAS, '--label', 'two_year_recid=1', '--protected', 'race', '--quiet'];

type Json = Record<string, any>;

async function run(...args: string[]): Promise<Json> {
  const r = await cli(...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** The fairness JSON without the keys that name the source or list notes. */
const core = (j: Json) => { const { score: _s, warnings: _w, ...rest } = j; return rest; };

describe('issue 12: einblick compare', () => {
  it('the model and the score column it was built from make the same decisions, at 0.5 / 5 and at 0.7 / 7', async () => {
    for (const [t, d] of [['0.5', '5'], ['0.7', '7']]) {
      const j = await run('compare', ...COMMON, '--model', DECILE, '--threshold', t, '--scores-b', 'decile_score', '--threshold-b', d, '--bootstrap', '0');
      expect(j.changes.changed, `${t} / ${d}`).toBe(0);
      for (const diff of j.differences) if (diff.difference !== null) expect(Math.abs(diff.difference), `${diff.metric} ${diff.group}`).toBeLessThan(1e-12);
    }
  });

  it('each side equals its own einblick fairness run; changed decisions match a hand count per group', async () => {
    const j = await run('compare', ...COMMON, '--scores', 'decile_score', '--threshold', '5', '--scores-b', 'v_decile_score', '--threshold-b', '5', '--bootstrap', '0');
    const fa = await run('fairness', ...COMMON, '--scores', 'decile_score', '--threshold', '5', '--bootstrap', '0');
    const fb = await run('fairness', ...COMMON, '--scores', 'v_decile_score', '--threshold', '5', '--bootstrap', '0');
    expect(core(j.a)).toEqual(core(fa));
    expect(core(j.b)).toEqual(core(fb));
    const lines = readFileSync(COMPAS, 'utf8').trim().split('\n');
    const h = lines[0].split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    const [race, d, v] = [h.indexOf('race'), h.indexOf('decile_score'), h.indexOf('v_decile_score')];
    const byRace = new Map<string, { changed: number; to_positive: number; to_negative: number }>();
    for (const r of rows) {
      const a = Number(r[d]) >= 5, b = Number(r[v]) >= 5;
      const g = byRace.get(r[race]) ?? { changed: 0, to_positive: 0, to_negative: 0 };
      if (a !== b) { g.changed++; if (b) g.to_positive++; else g.to_negative++; }
      byRace.set(r[race], g);
    }
    for (const g of j.changes.attributes[0].groups) expect({ changed: g.changed, to_positive: g.to_positive, to_negative: g.to_negative }, g.value).toEqual(byRace.get(g.value));
    expect(j.score_a.source).toEqual({ kind: 'scores', column: 'decile_score', higher_is: 'positive' });
  });

  it('a model compared with itself: no change, every difference 0 with interval [0, 0]', async () => {
    const j = await run('compare', ...COMMON, '--model', DECILE, '--model-b', DECILE, '--bootstrap', '50');
    expect(j.changes.changed).toBe(0);
    for (const diff of j.differences) {
      if (diff.difference === null) continue;
      expect(diff.difference).toBe(0);
      expect(diff.ci).toEqual([0, 0]);
    }
  });

  it('bad input: a missing side, both sources for one side, a regression task', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', DECILE], /no model B and no scores of B given/],
      [['--model', DECILE, '--model-b', DECILE, '--scores-b', 'decile_score'], /--model-b and --scores-b given together/],
      [['--scores', 'decile_score', '--scores-b', 'v_decile_score'], /no threshold for the score column decile_score/],
      [['--model', DECILE, '--scores-b', 'decile_score', '--threshold-b', 'x'], /invalid threshold-b: x/],
      [['--model', DECILE, '--model-b', DECILE, '--task', 'regression'], /compare takes classifiers/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('compare', ...COMMON, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toMatch(/what to do: /);
    }
  });
});
