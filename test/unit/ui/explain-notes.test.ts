/**
 * Issue: the explanation's technical notes were English-only in the German app and report.
 * Every note the engine can emit is coded (src/engine/explain/notes.ts) and has a German and an
 * English plain-language text (src/i18n/explain-notes.ts), with the numbers in the language's
 * format and the method names the report uses.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPLAIN_NOTE_CODES, explainNote, type ExplainNote, type ExplainNoteCode } from '../../../src/engine/explain/notes.ts';
import { chooseMethod, type MethodContext } from '../../../src/engine/explain/auto.ts';
import { logitPrecisionNote } from '../../../src/engine/explain/explain.ts';
import { explainNoteText, explainNoteTexts, METHOD, small } from '../../../src/i18n/explain-notes.ts';
import { named, REPORT_TEXT } from '../../../src/report/text.ts';

const ENGINE = resolve(import.meta.dirname, '../../../src/engine');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const context: MethodContext = { space: 'logit', nPlayers: 30, structure: null, structureReason: 'no structure was read from the graph', structureWhy: { structure: 'none-given' }, structurePairs: null, exactEvaluations: null, budget: 10_000 };

/** One note per code: the method notes and the log-odds note from the engine's own functions, the others as the engine builds them. */
const SAMPLES: ExplainNote[] = [
  explainNote('TREE_KERNEL_FALLBACK', 'tree SHAP ran in TypeScript (same numbers, slower): the WebAssembly kernel did not load (fetch failed)', { error: 'fetch failed' }),
  explainNote('ROWS_SAMPLED', 'rows: a seeded sample of 1000 of the 2380 rows is explained (seed 2); choose rows with --rows', { count: 1000, total: 2380, seed: 2 }),
  explainNote('STRUCTURE_NONE', 'exact structure: none (Cast to int64 of a score); a model-agnostic method is used', { reason: 'Cast to int64 of a score' }),
  explainNote('STRUCTURE_MISMATCH', 'exact structure: the trees read from the graph differs from onnxruntime by up to 3.20e-2; ...', { kind: 'trees', maxDiff: 0.032 }),
  explainNote('STRUCTURE_CHECKED', 'exact structure: tree ensemble read from the graph; agrees with onnxruntime on 1035 rows to 5.0e-7', { kind: 'trees', rows: 1035, maxDiff: 5.04e-7 }),
  chooseMethod({ ...context, structure: { kind: 'trees', additive: true } }).reason,
  chooseMethod({ ...context, space: 'probability', structure: { kind: 'linear', additive: false }, structurePairs: { maxPlayers: 16, coalitions: 1e5 } }).reason,
  chooseMethod({ ...context, exactEvaluations: 14_560 }).reason,
  chooseMethod({ ...context, structure: { kind: 'trees', additive: false }, structurePairs: { maxPlayers: 30, coalitions: 1e12 }, exactEvaluations: 5e6 }).reason,
  explainNote('METHOD_ASKED', 'method kernel: asked for', { method: 'kernel' }),
  explainNote('METHOD_ASKED_PAIRS', "method tree: asked for; the space is not additive in the margin, so each background row's game is enumerated", { method: 'tree' }),
  explainNote('STRUCTURE_EVALUATES', 'model evaluations use the structure read from the graph (float64, checked against onnxruntime)'),
  explainNote('SAMPLING_UNITS', '440 sampling units per row (seed 1); standard errors per value', { units: 440, seed: 1, method: 'kernel' }),
  ...logitPrecisionNote(Float64Array.of(10.3), 0),
  explainNote('TREE_SHAP', 'interventional tree SHAP over 100 trees (path-wise, exact; kernel wasm)', { trees: 100, kernel: 'wasm' }),
  explainNote('TREE_PAIRS', "pairwise enumeration of the trees' games, largest pair game 16 players", { players: 16 }),
  explainNote('LINEAR_SHAP', 'linear SHAP: closed form a_j (z_j(x) - mean z_j(b)) on the affine margin'),
  explainNote('LINEAR_PAIRS', "pairwise enumeration of the affine margin's games, largest pair game 16 players", { players: 16 }),
  explainNote('TREE_ENSEMBLE', 'tree ensemble TreeEnsembleClassifier: 100 trees, TreeEnsembleClassifier, post_transform NONE', { node: 'TreeEnsembleClassifier', trees: 100, op: 'TreeEnsembleClassifier', postTransform: 'NONE' }),
  explainNote('AFFINE_MAP', 'affine map matmul over 59 values', { node: 'matmul', values: 59 }),
];

const text = (code: ExplainNoteCode, lang: 'de' | 'en') => explainNoteText(SAMPLES.find((n) => n.code === code)!, lang);

/** Each sample note's text in the language contains the fragment. */
function expectTexts(cases: [ExplainNoteCode, 'de' | 'en', string][]): void {
  for (const [code, lang, fragment] of cases) expect(text(code, lang), `${code} ${lang}`).toContain(fragment);
}

describe('explanation notes in German and English (issue: English-only technical notes)', () => {
  it('every note code has a German and an English text, and every listed code is emitted somewhere in the engine', () => {
    // the engine builds notes only through explainNote(code, ...), whose code the type limits to this list
    expect(EXPLAIN_NOTE_CODES.length).toBeGreaterThan(15);
    const source = tsFiles(ENGINE).filter((f) => !f.endsWith('notes.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const code of EXPLAIN_NOTE_CODES) {
      expect(explainNoteTexts[code]?.de, code).toBeTypeOf('function');
      expect(explainNoteTexts[code]?.en, code).toBeTypeOf('function');
      expect(source, `${code} is never emitted`).toContain(`'${code}'`);
    }
  });

  it('renders every code in both languages from the params the engine gives, with no gaps', () => {
    expect(SAMPLES.map((n) => n.code).sort()).toEqual([...EXPLAIN_NOTE_CODES].sort());
    for (const n of SAMPLES) {
      const de = explainNoteText(n, 'de'), en = explainNoteText(n, 'en');
      for (const s of [de, en]) {
        expect(s, n.code).not.toMatch(/undefined|NaN|\[object|\{\w+\}/);
        expect(s, n.code).not.toBe(n.message);
      }
      expect(de, n.code).not.toBe(en);
    }
  });

  it('numbers in each language’s format: German decimal comma and thousands point, small differences as powers of ten', () => {
    expectTexts([
      ['STRUCTURE_CHECKED', 'de', 'auf 1.035 Fällen'],
      ['STRUCTURE_CHECKED', 'de', 'höchstens 5,0 · 10⁻⁷'],
      ['STRUCTURE_CHECKED', 'en', 'on 1,035 cases'],
      ['STRUCTURE_CHECKED', 'en', 'within 5.0 × 10⁻⁷'],
      ['ROWS_SAMPLED', 'de', '2.380 Zeilen'],
      ['LOGIT_PRECISION', 'de', 'Log-Odds bis 10,3'],
      ['LOGIT_PRECISION', 'de', 'um bis zu 0,0018 abweichen'],
      ['METHOD_EXACT', 'de', '14.560 Modellauswertungen'],
      ['METHOD_PERMUTATION', 'de', '5.000.000 Modellauswertungen'],
    ]);
    expect(small('de', 0.032)).toBe('0,032');
    expect(small('en', 1.3e-12)).toBe('1.3 × 10⁻¹²');
  });

  it('uses the method names of the report and the app’s terms', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const m of ['tree', 'linear', 'exact', 'permutation', 'kernel']) expect(METHOD[lang][m], `${lang} ${m}`).toBe(named(REPORT_TEXT[lang].methodNames, m));
    }
    expectTexts([
      ['METHOD_STRUCTURE', 'de', 'Automatisch gewählt: exaktes Baum-SHAP (TreeSHAP)'],
      ['METHOD_STRUCTURE', 'de', '„Log-Odds“'],
      ['METHOD_ASKED', 'de', 'Kernel-SHAP (Stichprobe)'],
      ['SAMPLING_UNITS', 'de', 'Standardfehler'],
      ['METHOD_EXACT', 'de', 'Stichprobenbudgets'],
      ['TREE_SHAP', 'de', 'Rechenkern: WebAssembly'],
    ]);
  });

  it('a note without a text keeps the engine’s English message', () => {
    expect(explainNoteText({ code: 'SOMETHING_NEW', message: 'engine text' }, 'de')).toBe('engine text');
  });
});
