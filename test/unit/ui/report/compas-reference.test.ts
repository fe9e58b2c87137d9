/**
 * Issue 9, item 6, on ProPublica's COMPAS table: with the reference group Caucasian (as
 * ProPublica compared), the report states the four-fifths ratios against it, in its summary,
 * its verdicts and its table of differences, and its group table has the false negative rate
 * (ProPublica's headline is FPR and FNR: African-American 44.85% / 27.99%, Caucasian 23.45% /
 * 47.72%, decile >= 5 as the positive prediction, two_year_recid as the outcome).
 * The table repeats two column names; the copy here gives the second ones a distinct name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, tmp, writeTmp } from '../../cli/cli-helpers.ts';

const FIX = resolve(import.meta.dirname, '../../../fixtures/compas');

/** The table with its repeated header names made distinct (decile_score.1, priors_count.1). */
function dedupedCsv(dir: string): string {
  const text = readFileSync(join(FIX, 'compas-scores-two-years.csv'), 'utf8');
  const end = text.indexOf('\n');
  const seen = new Set<string>();
  const header = text.slice(0, end).replace(/\r$/, '').split(',').map((h) => (seen.has(h) ? `${h}.1` : (seen.add(h), h)));
  return writeTmp(dir, 'compas.csv', `${header.join(',')}\n${text.slice(end + 1)}`);
}

const AUDIT = { features: ['decile_score'], label: 'two_year_recid=1', favourable: '0', protected: ['race'], reference: { race: 'Caucasian' }, threshold: 0.5, bootstrap: 200, seed: 1, explain: false };

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
let de: string;
let en: string;
let results: any;

beforeAll(async () => {
  const dir = tmp();
  const data = dedupedCsv(dir);
  const audit = writeTmp(dir, 'audit.json', JSON.stringify(AUDIT));
  for (const lang of ['de', 'en']) {
    const r = await cli('audit', audit, '--model', join(FIX, 'decile_over_10.onnx'), '--data', data, '--out', join(dir, lang), '--lang', lang, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  de = readFileSync(join(dir, 'de', 'report.html'), 'utf8');
  en = readFileSync(join(dir, 'en', 'report.html'), 'utf8');
  results = JSON.parse(readFileSync(join(dir, 'de', 'results.json'), 'utf8'));
}, 120_000);

describe('issue 9: the chosen reference group and the FNR in the report (COMPAS)', () => {
  it('results.json: the ratios against Caucasian, and a verdict that states them', () => {
    const race = results.fairness.attributes[0];
    const ref = race.disparities.reference;
    expect(ref).toMatchObject({ group: 'Caucasian', source: 'user', status: 'fail' });
    // favourable = not predicted to reoffend: African-American 1 - 2174/3696, Caucasian 1 - 854/2454
    expect(ref.ratio_to_reference['African-American']).toBeCloseTo((1522 / 3696) / (1600 / 2454), 12);
    const v = race.verdicts.find((x: { code: string }) => x.code === 'four_fifths_reference_fail');
    expect(v.items.find((i: { group: string }) => i.group === 'African-American')).toMatchObject({ ratio: ref.ratio_to_reference['African-American'], ci_low: ref.ratio_to_reference_ci['African-American'][0] });
  });

  it('the group table has the FNR column with ProPublica’s numbers', () => {
    // the row of a group in the group table (after the table's last header, AUC)
    const row = (html: string, group: string) => {
      const t = text(html);
      return t.slice(t.indexOf(' AUC ', t.indexOf('(FNR)'))).match(new RegExp(`${group} [\\d.,]+ (.*?) (?=[A-Z][a-z])`))?.[1] ?? '';
    };
    expect(text(de)).toContain('Falsch-negativ-Rate (FNR)');
    expect(text(en)).toContain('False negative rate (FNR)');
    // selection, favourable, TPR, FPR, FNR, accuracy: FPR 44.8 %, FNR 28.0 % / FPR 23.5 %, FNR 47.7 %
    expect(row(de, 'African-American')).toMatch(/44,8 % \S+ % 28,0 % /);
    expect(row(de, 'Caucasian')).toMatch(/23,5 % \S+ % 47,7 % /);
    expect(row(en, 'African-American')).toMatch(/44\.8% \S+% 28\.0% /);
  });

  it('German: summary, verdict and table name the reference group and its ratios', () => {
    const t = text(de);
    expect(t).toMatch(/race: gegenüber der gewählten Vergleichsgruppe „Caucasian“ Vier-Fünftel-Regel nicht erfüllt \(kleinstes Verhältnis 0,\d\d, „Native American“\)/);
    expect(t).toMatch(/Gegenüber der gewählten Vergleichsgruppe „Caucasian“ erhält „Native American“ das günstige Ergebnis nur 0,\d\d-mal so oft; .* Alle Verhältnisse: „African-American“ 0,63 \(Bereich 0,\d\d bis 0,\d\d\); „Asian“/);
    expect(t).toMatch(/Vier-Fünftel-Regel gegenüber der gewählten Vergleichsgruppe „Caucasian“: kleinstes Verhältnis 0,\d+ 0,\d+ – 0,\d+/);
  });

  it('English: the same', () => {
    const t = text(en);
    expect(t).toMatch(/race: against the chosen reference group “Caucasian”, four-fifths rule not met/);
    expect(t).toMatch(/All ratios: “African-American” 0\.63 \(range 0\.\d\d to 0\.\d\d\)/);
  });
});
