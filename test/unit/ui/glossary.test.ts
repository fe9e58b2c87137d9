/**
 * Issue 5, plain language: every glossary entry in German and English, and every explanation
 * button in the app points at an entry that exists.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GLOSSARY, glossaryEntry } from '../../../src/ui/glossary/entries.ts';

const UI = resolve(import.meta.dirname, '../../../src/ui');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? svelteFiles(p) : p.endsWith('.svelte') ? [p] : [];
  });
}

describe('glossary (issue 5)', () => {
  it('has every entry in both languages, with distinct ids and texts', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    for (const e of GLOSSARY) {
      for (const lang of ['de', 'en'] as const) {
        expect(e[lang].term.trim(), `${e.id} ${lang}`).not.toBe('');
        expect(e[lang].text.length, `${e.id} ${lang}`).toBeGreaterThan(40);
      }
      expect(e.de.text).not.toBe(e.en.text);
    }
  });

  it('covers the terms the issue names', () => {
    for (const id of ['shap', 'base-value', 'log-odds', 'selection-rate', 'tpr', 'fpr', 'ppv', 'auc', 'calibration', 'wilson', 'bootstrap', 'four-fifths', 'demographic-parity', 'equalized-odds', 'equal-opportunity', 'proxy', 'threshold', 'background']) {
      expect(glossaryEntry(id), id).toBeDefined();
    }
  });

  it('every InfoTip in the app names an existing entry', () => {
    const terms = new Set<string>();
    for (const f of svelteFiles(UI)) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/<InfoTip term=(?:"([a-z0-9-]+)"|\{([^}]+)\})/g)) {
        if (m[1]) terms.add(m[1]);
        else for (const q of m[2].matchAll(/[?:]\s*'([a-z0-9-]+)'/g)) terms.add(q[1]); // the results of a conditional
      }
    }
    expect(terms.size).toBeGreaterThan(8);
    for (const t of terms) expect(glossaryEntry(t), t).toBeDefined();
  });
});
