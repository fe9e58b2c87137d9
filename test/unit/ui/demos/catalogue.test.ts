/**
 * Issue 5: the workshop demos. Every demo.json is valid and its settings are a valid audit file
 * whose columns exist in its data; the german-credit tour (written for this issue) states the
 * numbers the engine computes for it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { DEMO_IDS, demoAudit, demoFileNames, parseDemo } from '../../../../src/ui/demos/catalogue.ts';
import { EngineSession } from '../../../../src/engine/session.ts';
import { runAudit } from '../../../../src/engine/audit/run.ts';

const STATIC = resolve(import.meta.dirname, '../../../../static/demo');
const read = (id: string) => parseDemo(JSON.parse(readFileSync(join(STATIC, id, 'demo.json'), 'utf8')));

describe('bundled demos (issue 5)', () => {
  it.each(DEMO_IDS)('%s: demo.json is valid, its files exist, its columns are in its data', (id) => {
    const d = read(id);
    expect(d.id).toBe(id);
    expect(d.tour.length).toBeGreaterThan(2);
    const header = Papa.parse<string[]>(readFileSync(join(STATIC, id, d.data), 'utf8').split('\n')[0]).data[0];
    const a = demoAudit(d);
    for (const c of [d.outcome.column, ...d.protected, ...(d.intersect ?? []).flatMap((x) => x.split('+'))]) expect(header, c).toContain(c);
    expect(a.label).toBe(`${d.outcome.column}=${d.outcome.positive}`);
    expect(readFileSync(join(STATIC, id, d.model)).length).toBeGreaterThan(1000);
    expect(demoFileNames(d).model).toBe(`${id}-${d.model}`);
  });

  it('german-credit: the tour states the numbers the engine computes', async () => {
    const d = read('german-credit');
    const s = new EngineSession();
    await s.loadModel(readFileSync(join(STATIC, 'german-credit', d.model)), 'model.onnx');
    await s.loadData(readFileSync(join(STATIC, 'german-credit', d.data)), 'data.csv');
    const { results: r } = await runAudit(s, { ...demoAudit(d), bootstrap: 200 }, {});
    const de = d.tour.map((x) => x.de).join('\n');
    const en = d.tour.map((x) => x.en).join('\n');
    const pctDe = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;
    const pctEn = (x: number) => `${(100 * x).toFixed(1)}%`;
    const check = r.model_check!;
    if (check.task !== 'classification') throw new Error('expected a classifier');
    expect(de).toContain(`${pctDe(check.accuracy)} der Vorhersagen`);
    expect(en).toContain(`${pctEn(check.accuracy)} of the predictions`);
    expect(de).toContain(`AUC ist ${check.auc!.toFixed(3).replace('.', ',')}`);
    const bin = (lo: number) => check.calibration.find((b) => Math.abs(b.lo - lo) < 1e-9)!;
    expect(de).toContain(`${bin(0.5).n} Fällen mit einer Wahrscheinlichkeit zwischen 0,5 und 0,6 waren nur ${pctDe(bin(0.5).observed!)}`);
    expect(en).toContain(`${bin(0.8).n} cases between 0.8 and 0.9 as many as ${pctEn(bin(0.8).observed!)}`);
    type G = { value: string; n: number; selection_rate: number; base_rate: number; fpr: number };
    const attrs = r.fairness!.attributes as { name: string; groups: G[]; disparities: { four_fifths: { ratio: number; passes: boolean } } }[];
    const g = (a: string, v: string) => attrs.find((x) => x.name === a)!.groups.find((x) => x.value === v)!;
    const ratio = (a: string) => attrs.find((x) => x.name === a)!.disparities.four_fifths.ratio.toFixed(2);
    expect(de).toContain(`Frauen werden zu ${pctDe(g('sex', 'female').selection_rate)} als 'Good' eingestuft, Männer zu ${pctDe(g('sex', 'male').selection_rate)}; das Verhältnis ${ratio('sex').replace('.', ',')}`);
    expect(en).toContain(`base rate) are ${pctEn(g('sex', 'female').base_rate)} and ${pctEn(g('sex', 'male').base_rate)}`);
    expect(de).toContain(`unter 25 Jahren ${pctDe(g('age_group', 'under_25').selection_rate)} 'Good', ab 25 Jahren ${pctDe(g('age_group', '25_plus').selection_rate)} (Verhältnis ${ratio('age_group').replace('.', ',')})`);
    expect(en).toContain(`for ${pctEn(g('age_group', 'under_25').fpr)} of those under 25 and for ${pctEn(g('age_group', '25_plus').fpr)} of those 25 and over`);
    expect(de).toContain(`Frauen unter 25 werden zu ${pctDe(g('sex+age_group', 'female+under_25').selection_rate)}`);
    expect(de).toContain(`Mit nur ${g('sex+age_group', 'female+under_25').n} Frauen unter 25`);
    // the three strongest features of the explanation, in this order
    const e = r.explain as { players: string[]; values: number[][] };
    const mean = e.players.map((p, j) => ({ p, v: e.values.reduce((s, row) => s + Math.abs(row[j]), 0) }));
    const top = mean.sort((a, b) => b.v - a.v).slice(0, 3).map((x) => x.p);
    expect(top).toEqual(['CheckingAccountStatus', 'Duration', 'CreditHistory']);
  }, 180_000);
});
