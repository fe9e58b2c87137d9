/**
 * Issue 5: the audit file the app writes. Round trip: build -> JSON -> parseAudit -> apply ->
 * build gives the same file; a hand-written file's missing keys become the engine's defaults,
 * so that the app runs exactly what `einblick audit` runs for the same file (checked by running
 * both through the engine); problems that stop the file are named.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAudit, type Audit } from '../../../../src/engine/audit/schema.ts';
import { buildAudit, labelOf, type AuditChoices } from '../../../../src/ui/audit/build.ts';
import { applyAudit, reportOf, rowListText } from '../../../../src/ui/audit/apply.ts';
import { defaultSettings as fairDefaults } from '../../../../src/ui/fairness/settings.ts';
import { defaultSettings as explainDefaults } from '../../../../src/ui/explain/settings.ts';
import { EngineSession } from '../../../../src/engine/session.ts';
import { runAudit } from '../../../../src/engine/audit/run.ts';

const FIX = resolve(import.meta.dirname, '../../../fixtures/real_german_pipe_rf');

const columns = [
  { name: 'Age', kind: 'number' as const, distinct: 53 },
  { name: 'Duration', kind: 'number' as const, distinct: 33 },
  { name: 'Class', kind: 'category' as const, distinct: 2 },
  { name: 'sex', kind: 'category' as const, distinct: 2 },
  { name: 'age_group', kind: 'category' as const, distinct: 2 },
];

function choices(over: Partial<AuditChoices> = {}): AuditChoices {
  return {
    task: 'classification',
    columns,
    rows: 1000,
    features: undefined,
    output: undefined,
    fairness: { ...fairDefaults(columns, 'classification', ['Age', 'Duration']), outcome: 'Class', positive: 'Good', favourable: 'Good', protected: ['sex', 'age_group'] },
    explain: explainDefaults('classification'),
    includeExplain: true,
    title: '',
    language: 'de',
    checklist: {},
    carried: {},
    model: { name: 'model.onnx', sha256: 'a'.repeat(64) },
    data: { name: 'data.csv', sha256: 'b'.repeat(64) },
    einblick: '0.1.0',
    created: '2025-05-01T10:00:00.000Z',
    ...over,
  };
}

/** build -> JSON text -> parseAudit -> apply -> build */
function roundTrip(c: AuditChoices): { first: Audit; second: Audit } {
  const first = buildAudit(c).audit!;
  expect(first, JSON.stringify(buildAudit(c).problems)).not.toBeNull();
  const parsed = parseAudit(JSON.parse(JSON.stringify(first)));
  const a = applyAudit(parsed, c.task);
  const r = reportOf(parsed);
  const second = buildAudit({
    ...c,
    features: a.features,
    output: a.output,
    fairness: a.fairness,
    explain: a.explain,
    includeExplain: r.includeExplain,
    title: r.title,
    language: r.language ?? 'de',
    checklist: r.checklist,
    carried: r.carried,
  }).audit!;
  return { first, second };
}

describe('audit file round trip (issue 5)', () => {
  it('defaults: every key written out, the same after the round trip', () => {
    const { first, second } = roundTrip(choices());
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: [], bins: {}, reference: {}, threshold: 0.5,
      top_k: ['10%', '20%'], bootstrap: 1000, min_group_size: 30, seed: 1, rows: null, background: 100, space: 'probability', method: 'auto',
      groups: 'auto', samples: null, explain: true, features: null, output: null, checklist: {}, language: 'de',
      model: { name: 'model.onnx', sha256: 'a'.repeat(64) }, einblick: '0.1.0', created: '2025-05-01T10:00:00.000Z',
    });
    expect(first).not.toHaveProperty('title');
  });

  it('every choice the app can make survives: bins, intersections, references, top-k, rows, checklist, carried keys', () => {
    const c = choices({
      features: ['Age', 'Duration'],
      output: 'probabilities:1',
      fairness: {
        ...choices().fairness,
        favourable: 'Bad',
        protected: ['Age', 'sex'],
        bins: { Age: { mode: 'edges', quantiles: 4, edges: '25; 35,5' }, sex: { mode: 'quantiles', quantiles: 3, edges: '' } },
        intersect: ['Age+sex', 'sex+age_group'],
        reference: { sex: 'female', 'Age+sex': '25–35+male', age_group: 'under_25', Duration: '' },
        threshold: 0.35,
        topK: '12.5%, 50',
        smallGroups: false,
        bootstrap: 0,
        seed: 7,
      },
      explain: { ...explainDefaults('classification'), space: 'logit', method: 'permutation', background: '40', seed: '7', rows: 'list', rowList: '5, 0-3, 17', groups: 'none', samples: '800' },
      includeExplain: false,
      title: 'Prüfung Mai',
      language: 'en',
      checklist: { 'human.purpose': { answer: 'partly', note: 'noch offen' }, 'safety.fallback': { answer: 'no' }, 'privacy.minimisation': { note: '  ' }, 'responsibility.contact': { answer: '' } },
      carried: { task: 'classification', background_rows: [3, 4, 5], notes: 'by hand' },
    });
    // '25; 35,5' with a ';' means decimal commas: 25 and 35.5
    expect(buildAudit(c).problems).toEqual([]);
    const { first, second } = roundTrip(c);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      features: ['Age', 'Duration'], output: 'probabilities:1', favourable: 'Bad', protected: ['Age', 'sex'],
      bins: { Age: [25, 35.5] }, intersect: ['Age+sex'], reference: { sex: 'female', 'Age+sex': '25–35+male' },
      threshold: 0.35, top_k: ['12.5%', 50], min_group_size: false, bootstrap: 0, seed: 7,
      rows: [5, 0, 1, 2, 3, 17], background: 40, space: 'logit', method: 'permutation', groups: 'none', samples: 800, explain: false,
      title: 'Prüfung Mai', language: 'en', task: 'classification', background_rows: [3, 4, 5], notes: 'by hand',
      checklist: { 'human.purpose': { answer: 'partly', note: 'noch offen' }, 'safety.fallback': { answer: 'no' } },
    });
  });

  it('a seeded sample of rows is written as its rows, and stays those rows', () => {
    const c = choices({ explain: { ...explainDefaults('classification'), rows: 'sample', sampleSize: '25' } });
    const { first, second } = roundTrip(c);
    expect(first.rows).toHaveLength(25);
    expect(new Set(first.rows!).size).toBe(25);
    expect(second).toEqual(first);
  });

  it('a grouping file (groups as a list of players) is carried over unchanged', () => {
    const groups = { credit: ['Duration', 'Amount'], person: ['Age'] };
    const parsed = parseAudit({ label: 'Class=Good', groups });
    const r = reportOf(parsed);
    const a = applyAudit(parsed, 'classification');
    const built = buildAudit(choices({ fairness: a.fairness, explain: a.explain, carried: r.carried })).audit!;
    expect(built.groups).toEqual(groups);
  });

  it('names what stops the file: bad cut points, two different seeds, a missing positive value', () => {
    const edges = buildAudit(choices({ fairness: { ...choices().fairness, protected: ['Age'], bins: { Age: { mode: 'edges', quantiles: 4, edges: '40, 30' } } } }));
    expect(edges.audit).toBeNull();
    expect(edges.problems.map((p) => p.key)).toEqual(['fair.problem.edges']);
    const seeds = buildAudit(choices({ explain: { ...explainDefaults('classification'), seed: '2' } }));
    expect(seeds.problems).toEqual([{ key: 'audit.problem.seed', params: { fairness: 1, explain: 2 } }]);
    const positive = buildAudit(choices({ fairness: { ...choices().fairness, positive: '' } }));
    expect(positive.problems.map((p) => p.key)).toContain('fair.problem.positive');
  });

  it('no groups chosen is not a problem: the file then has no fairness part, and no outcome is needed', () => {
    const r = buildAudit(choices({ fairness: { ...choices().fairness, outcome: '', positive: '', favourable: '', protected: [] } }));
    expect(r.problems).toEqual([]);
    expect(r.audit).toMatchObject({ label: null, favourable: null, protected: [] });
  });

  it('labelOf: the CLI --label of each task', () => {
    expect(labelOf({ outcome: 'Class', positive: 'Good' }, 'classification')).toBe('Class=Good');
    expect(labelOf({ outcome: 'Class', positive: '' }, 'classification')).toBeNull();
    expect(labelOf({ outcome: 'wage', positive: 'x' }, 'regression')).toBe('wage');
    expect(labelOf({ outcome: 'Mangel', positive: 'ja' }, 'anomaly')).toBe('Mangel=ja');
    expect(labelOf({ outcome: '', positive: '' }, 'anomaly')).toBeNull();
    expect(rowListText([0, 1, 2, 3, 4, 17, 9, 10])).toBe('0-4, 17, 9-10');
  });

  it('a hand-written file with few keys: the app runs what `einblick audit` runs (same results through the engine)', async () => {
    const session = new EngineSession();
    await session.loadModel(readFileSync(join(FIX, 'model.onnx')), 'model.onnx');
    await session.loadData(readFileSync(join(FIX, 'data.csv')), 'data.csv');
    const byHand = parseAudit({ label: 'Class=Good', protected: ['sex', 'Age'], rows: [0, 1, 2], background: 20 });
    const applied = applyAudit(byHand, 'classification');
    // the engine bins a numeric protected column into quartiles; the app writes that as "q4"
    expect(applied.fairness.topK).toBe('');
    const ui = buildAudit(choices({ columns, fairness: applied.fairness, explain: applied.explain, model: null, data: null })).audit!;
    expect(ui).toMatchObject({ threshold: 0.5, bootstrap: 1000, min_group_size: 30, seed: 1, top_k: [], bins: { Age: 'q4' }, favourable: 'Good' });
    const [a, b] = [(await runAudit(session, byHand, {})).results, (await runAudit(session, ui, {})).results];
    expect(b.model_check).toEqual(a.model_check);
    expect(b.explain).toEqual(a.explain);
    // the hand-written file leaves the binning and the favourable outcome to the engine, which says so in warnings
    const strip = (f: Record<string, unknown> | null) => ({ ...f, warnings: undefined });
    expect(strip(b.fairness)).toEqual(strip(a.fairness));
  }, 120_000);
});
