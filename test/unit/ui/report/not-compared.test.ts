/**
 * Issue 9, item 3, in the report: an attribute with one group says "only one group ... nothing to
 * compare" in its summary line and its verdict, and shows no table of differences (which would be
 * all dashes), while an attribute with two groups keeps its four-fifths line and table.
 */
import { describe, expect, it } from 'vitest';
import { computeFairness, fairnessToJson } from '../../../../src/engine/fairness/index.ts';
import { fairnessEvidence } from '../../../../src/report/fairness-section.ts';
import { summaryItems } from '../../../../src/report/sections.ts';
import { formats } from '../../../../src/report/html.ts';
import { REPORT_TEXT } from '../../../../src/report/text.ts';
import { verdictText } from '../../../../src/report/verdicts.ts';
import type { AuditResults } from '../../../../src/engine/audit/run.ts';

const scores = Float64Array.from([0.9, 0.8, 0.3, 0.2, 0.7, 0.4]);
const yTrue = Uint8Array.from([1, 1, 0, 0, 1, 0]);
const result = computeFairness({
  task: 'classification', scores, yTrue,
  groups: [{ name: 'sex', codes: Int32Array.of(0, 0, 0, 0, 0, 0), levels: ['female'] }, { name: 'g', codes: Int32Array.of(0, 0, 0, 1, 1, 1), levels: ['a', 'b'] }],
}, { bootstrap: { samples: 50, seed: 1 } });
const json = fairnessToJson(result, { label: { column: 'y', positive: '1' }, favourable: '1' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('issue 9: the report says when an attribute was not compared', () => {
  it('the fairness section: the verdict, the group table, no table of differences for the one-group attribute', () => {
    const html = fairnessEvidence(json, REPORT_TEXT.de, formats('de'), (v) => verdictText('de', v));
    const [sex, g] = html.split('<h3>').slice(1);
    expect(text(sex)).toContain('Nur eine Gruppe („female“) in „sex“: Es gibt nichts zu vergleichen.');
    expect(sex).toContain('Falsch-negativ-Rate (FNR)');
    expect(sex).not.toContain(REPORT_TEXT.de.disparities);
    expect(sex).not.toContain(REPORT_TEXT.de.ff);
    expect(g).toContain(REPORT_TEXT.de.disparities);
    expect(g).toContain(REPORT_TEXT.de.ff);
  });

  it('the summary: "not compared" instead of "four-fifths rule met (ratio 1)"', () => {
    const r = { predict: { task: 'classification', scores: [...scores], output: 'p' }, files: { model: { name: 'm' }, data: { name: 'd' } }, model_check: null, fairness: json, explain: null, warnings: [] } as unknown as AuditResults;
    const items = summaryItems(r, REPORT_TEXT.en, formats('en'));
    expect(items).toContain('sex: not compared, as there is only one group (“female”).');
    expect(items.find((x) => x.startsWith('g: '))).toMatch(/^g: four-fifths rule (met|not met)/);
    expect(items.join(' ')).not.toMatch(/sex: four-fifths/);
  });
});
