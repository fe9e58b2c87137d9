/**
 * Issue 5: the report. One self-contained HTML file along the seven value pairs, with the
 * hashes, every setting (defaults marked), the method and limits of each number, the warnings,
 * the checklist answers, and the fairness verdicts in the report's language: the CLI's German
 * report says what the German page says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { EngineSession } from '../../../../src/engine/session.ts';
import { runAudit, type AuditResults } from '../../../../src/engine/audit/run.ts';
import { parseAudit } from '../../../../src/engine/audit/schema.ts';
import { renderReport } from '../../../../src/report/report.ts';
import type { ExplainNote } from '../../../../src/engine/explain/notes.ts';
import { REPORT_TEXT } from '../../../../src/report/text.ts';
import { VERDICT_TEXT, verdictText } from '../../../../src/report/verdicts.ts';
import { VALUE_PAIRS } from '../../../../src/report/checklist.ts';
import { esc } from '../../../../src/report/html.ts';
import { explainNoteText } from '../../../../src/i18n/explain-notes.ts';
import { cli, tmp, writeTmp } from '../../cli/cli-helpers.ts';

const FIX = resolve(import.meta.dirname, '../../../fixtures/real_german_pipe_rf');
const MODEL = join(FIX, 'model.onnx');
const DATA = join(FIX, 'data.csv');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const AUDIT = {
  title: 'Prüfung <Kredit> & Co',
  label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], bootstrap: 200,
  rows: [0, 1, 2, 3, 4], background: 30,
  checklist: { 'human.participation': { answer: 'no', note: 'Betriebsrat nicht beteiligt' }, 'sustainability.resources': { answer: 'yes' } },
  model: { name: 'model.onnx', sha256: sha(MODEL) },
  data: { name: 'other.csv', sha256: '0'.repeat(64) },
};

let results: AuditResults;
let explainNotes: ExplainNote[];
beforeAll(async () => {
  const s = new EngineSession();
  await s.loadModel(readFileSync(MODEL), 'model.onnx');
  await s.loadData(readFileSync(DATA), 'data.csv');
  ({ results, explainNotes } = await runAudit(s, parseAudit(AUDIT), {}));
}, 120_000);

describe('the report (issue 5)', () => {
  it('German: seven value pairs, hashes, a hash warning, checklist answers, verdicts in German', () => {
    const html = renderReport(results, { lang: 'de', created: new Date('2025-05-02T09:30:00Z') });
    expect(html).toContain('<html lang="de">');
    VALUE_PAIRS.forEach((vp, i) => expect(html).toContain(`<h2>${i + 1}. ${vp.de}</h2>`));
    expect(html).toContain(sha(MODEL));
    expect(html).toContain(sha(DATA));
    expect(html).toContain('WEICHT von der Prüfdatei ab');
    expect(html).toContain('Die Datendatei „data.csv“ ist nicht die Datei, mit der die Prüfdatei erstellt wurde („other.csv“)');
    expect(html).toContain('Betriebsrat nicht beteiligt');
    // German dates and numbers
    expect(html).toContain('2. Mai 2025');
    expect(html).toContain('Prüfung &lt;Kredit&gt; &amp; Co');
    // the verdicts in German, each as the shared text renders it; none of the engine's English texts
    const sex = (results.fairness!.attributes as { name: string; verdicts: { code: string; text: string; params: Record<string, unknown>; caveats: unknown[] }[] }[])[0];
    expect(sex.verdicts.length).toBeGreaterThan(2);
    for (const v of sex.verdicts) {
      expect(html).toContain(verdictText('de', v).replace(/„/g, '„').replace(/"/g, '&quot;'));
      expect(html).not.toContain(v.text.slice(0, 40));
    }
    expect(html).toMatch(/Vier-Fünftel-Regel (erfüllt|nicht erfüllt)/);
    // methods and limits, every setting with the engine's defaults marked
    expect(html).toContain('Methoden und ihre Grenzen');
    expect(html).toContain('Bootstrap (200 Ziehungen, Startwert 1)');
    expect(html).toMatch(/<code>threshold<\/code><\/td><td>0.5 <span class="ci">\(Standard\)<\/span>/);
    // self-contained: no script, no address of anything elsewhere
    expect(html).not.toMatch(/<script|https?:\/\/|src=/);
  });

  it('English: the same sections in English, English verdicts', () => {
    const html = renderReport(results, { lang: 'en', created: new Date('2025-05-02T09:30:00Z') });
    expect(html).toContain('<html lang="en">');
    VALUE_PAIRS.forEach((vp, i) => expect(html).toContain(`<h2>${i + 1}. ${vp.en}</h2>`));
    expect(html).toContain('2 May 2025');
    expect(html).toContain('Methods and their limits');
    expect(html).toContain('four fifths');
    expect(html).not.toContain('Vier-Fünftel');
  });

  it('technical notes of the explanation in the report’s language; the results JSON keeps the English texts (issue: English-only notes)', () => {
    expect(explainNotes.map((n) => n.code)).toEqual(['STRUCTURE_CHECKED', 'METHOD_STRUCTURE', 'TREE_SHAP', 'TREE_ENSEMBLE']);
    expect(results.explain!.notes).toEqual(explainNotes.map((n) => n.message));
    const de = renderReport(results, { lang: 'de', created: new Date('2025-05-02T09:30:00Z'), explainNotes });
    expect(de).toContain('<h3 class="sub">Technische Hinweise der Berechnung</h3>');
    for (const n of explainNotes) {
      expect(de).toContain(`<li>${esc(explainNoteText(n, 'de'))}</li>`);
      expect(de).not.toContain(esc(n.message.slice(0, 30)));
    }
    expect(de).toContain('Automatisch gewählt: exaktes Baum-SHAP (TreeSHAP)');
    expect(de).not.toContain('lang="en"');
    const en = renderReport(results, { lang: 'en', created: new Date('2025-05-02T09:30:00Z'), explainNotes });
    for (const n of explainNotes) expect(en).toContain(`<li>${esc(explainNoteText(n, 'en'))}</li>`);
    // without the coded notes (a results file alone) the report lists the English texts, marked as English
    const plain = renderReport(results, { lang: 'de', created: new Date('2025-05-02T09:30:00Z') });
    for (const n of explainNotes) expect(plain).toContain(`<li lang="en">${esc(n.message)}</li>`);
  });

  it('both languages have the same report texts and verdict templates', () => {
    expect(Object.keys(REPORT_TEXT.en).sort()).toEqual(Object.keys(REPORT_TEXT.de).sort());
    expect(Object.keys(VERDICT_TEXT.en).sort()).toEqual(Object.keys(VERDICT_TEXT.de).sort());
  });

  it('the CLI’s German report has German verdicts (the report picks the language’s renderer itself)', async () => {
    const dir = tmp();
    const file = writeTmp(dir, 'audit.json', JSON.stringify({ label: 'Class=Good', protected: ['sex'], explain: false, bootstrap: 0 }));
    const r = await cli('audit', file, '--model', MODEL, '--data', DATA, '--out', join(dir, 'out'), '--quiet');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('Die Vier-Fünftel-Regel ist eine Faustregel aus der US-Personalpraxis');
    expect(html).not.toContain('rule of thumb');
  });
});
