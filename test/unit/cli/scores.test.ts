/**
 * Issue 12, item 1: audits of a score or decision column without the model. References are
 * ProPublica's published table (test/fixtures/compas/README.md) and hand counts over the CSV
 * read line by line here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIX, tmp, writeTmp } from './cli-helpers.ts';

const COMPAS = join(FIX, 'compas/compas-scores-two-years.csv');
const PROPUBLICA = {
  'African-American': { fp: 805, tn: 990, fn: 532, tp: 1369 },
  Caucasian: { fp: 349, tn: 1139, fn: 461, tp: 505 },
};

type Group = { value: string; n: number; tp: number; fp: number; tn: number; fn: number; n_predicted_positive: number; mean_score: number | null };
type Fair = { threshold: number | null; score: { source: unknown }; attributes: { name: string; groups: Group[] }[]; threshold_analysis?: { curves: { value: string; thresholds: number[]; selection_rate: number[] }[] }[] };

/** The COMPAS rows as {race, decile, recid}, from the file's text. */
function compasRows(): { race: string; decile: number; recid: number }[] {
  const lines = readFileSync(COMPAS, 'utf8').trim().split('\n');
  const h = lines[0].split(',');
  const [r, d, y] = [h.indexOf('race'), h.indexOf('decile_score'), h.indexOf('two_year_recid')];
  return lines.slice(1).map((l) => { const c = l.split(','); return { race: c[r], decile: Number(c[d]), recid: Number(c[y]) }; });
}

async function fairness(...args: string[]): Promise<Fair> {
  const r = await cli('fairness', '--data', COMPAS, '--protected', 'race', '--bootstrap', '0', '--quiet', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Fair;
}

const counts = (g: Group) => ({ fp: g.fp, tn: g.tn, fn: g.fn, tp: g.tp });

describe('issue 12: fairness from a score column, without the model', () => {
  it("ProPublica's table comes out of --scores decile_score --threshold 5 on their own file", async () => {
    const f = await fairness('--scores', 'decile_score', '--threshold', '5', '--label', 'two_year_recid=1');
    expect(f.threshold).toBe(5);
    expect(f.score.source).toEqual({ kind: 'scores', column: 'decile_score', higher_is: 'positive' });
    for (const [race, ref] of Object.entries(PROPUBLICA)) expect(counts(f.attributes[0].groups.find((g) => g.value === race)!), race).toEqual(ref);
  });

  it('--higher-is negative: positive at or below the threshold; group means stay in the score\'s units', async () => {
    const g = await fairness('--scores', 'decile_score', '--higher-is', 'negative', '--threshold', '4', '--label', 'two_year_recid=0');
    const rows = compasRows();
    for (const race of Object.keys(PROPUBLICA)) {
      const mine = rows.filter((x) => x.race === race);
      const sel = mine.filter((x) => x.decile <= 4);
      const got = g.attributes[0].groups.find((x) => x.value === race)!;
      expect(got.n_predicted_positive, race).toBe(sel.length);
      expect(got.tp, race).toBe(sel.filter((x) => x.recid === 0).length);
      expect(got.mean_score!, race).toBeCloseTo(mine.reduce((s, x) => s + x.decile, 0) / mine.length, 12);
    }
  });

  it('a decision column gives the counts of the scores it was cut from; no threshold', async () => {
    const rows = compasRows();
    const text = readFileSync(COMPAS, 'utf8').trim().split('\n');
    const withDecision = [text[0] + ',hoch', ...text.slice(1).map((l, i) => `${l},${rows[i].decile >= 5 ? 'ja' : 'nein'}`)].join('\n') + '\n';
    const path = writeTmp(tmp(), 'decided.csv', withDecision);
    const r = await cli('fairness', '--data', path, '--decisions', 'hoch=ja', '--label', 'two_year_recid=1', '--protected', 'race', '--bootstrap', '0', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as Fair;
    expect(f.threshold).toBeNull();
    expect(f.score.source).toEqual({ kind: 'decisions', column: 'hoch', positive: 'ja' });
    for (const [race, ref] of Object.entries(PROPUBLICA)) expect(counts(f.attributes[0].groups.find((g) => g.value === race)!), race).toEqual(ref);
    // 'ja'/'nein' is recognised without naming the value
    const bare = await cli('fairness', '--data', path, '--decisions', 'hoch', '--label', 'two_year_recid=1', '--protected', 'race', '--bootstrap', '0', '--quiet');
    expect(JSON.parse(bare.stdout).attributes).toEqual(f.attributes);
  });

  it('bad combinations are usage errors that say what to do', async () => {
    const cases: [string[], RegExp][] = [
      [['--decisions', 'race=x', '--threshold', '0.5'], /--threshold with --decisions/],
      [['--scores', 'decile_score', '--decisions', 'race'], /given together/],
      [['--higher-is', 'negative', '--model', 'm.onnx'], /--higher-is without --scores/],
      [['--scores', 'decile_score', '--higher-is', 'up'], /invalid higher-is: up/],
      [['--scores', 'decile_score', '--threshold', 'high'], /invalid threshold: high/],
      [[], /no model and no scores given/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('fairness', '--data', COMPAS, '--label', 'two_year_recid=1', '--protected', 'race', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toMatch(/what to do: /);
    }
    const text = await cli('fairness', '--data', COMPAS, '--scores', 'race', '--label', 'two_year_recid=1', '--protected', 'sex');
    expect(text.code).toBe(3);
    expect(text.stderr).toMatch(/score column race holds text/);
    const values = await cli('fairness', '--data', COMPAS, '--decisions', 'race=Martian', '--label', 'two_year_recid=1', '--protected', 'sex');
    expect(values.code).toBe(2);
    expect(values.stderr).toMatch(/invalid decision value: Martian/);
  });

  it('an audit file with "scores" runs without a model; the report says the model was not examined', async () => {
    const dir = tmp();
    const audit = writeTmp(dir, 'a.json', JSON.stringify({ scores: 'decile_score', threshold: 5, label: 'two_year_recid=1', protected: ['race'], bootstrap: 0, language: 'de' }));
    const r = await cli('audit', audit, '--data', COMPAS, '--out', join(dir, 'out'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'));
    expect(results.files.model).toBeNull();
    expect(results.explain).toBeNull();
    expect(results.model_check).toMatchObject({ threshold: 5, brier: null, ece: null, calibration: [] });
    // accuracy at decile >= 5, counted by hand
    const rows = compasRows();
    expect(results.model_check.accuracy).toBeCloseTo(rows.filter((x) => (x.decile >= 5 ? 1 : 0) === x.recid).length / rows.length, 12);
    for (const [race, ref] of Object.entries(PROPUBLICA)) expect(counts(results.fairness.attributes[0].groups.find((g: Group) => g.value === race)), race).toEqual(ref);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('Das Modell selbst wurde nicht geprüft');
    expect(html).toContain('Ohne das Modell lassen sich keine Erklärungen berechnen');
    const withModel = await cli('audit', audit, '--data', COMPAS, '--model', join(FIX, 'compas/decile_over_10.onnx'), '--out', join(dir, 'out2'));
    expect(withModel.code).toBe(2);
    expect(withModel.stderr).toMatch(/names the score column decile_score instead of a model/);
    const both = writeTmp(dir, 'b.json', JSON.stringify({ scores: 'decile_score', decisions: 'race=x', protected: ['race'] }));
    const bad = await cli('audit', both, '--data', COMPAS, '--out', join(dir, 'out3'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"scores" and "decisions" given together/);
  });
});
