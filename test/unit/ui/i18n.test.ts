import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/ui/i18n/messages.ts';
import { errorTexts } from '../../../src/ui/i18n/errors.ts';
import { ERROR_CODES } from '../../../src/engine/errors.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('German and English have the same keys', () => {
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('each message has the same placeholders in both languages and no empty text', () => {
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect(placeholders(messages.de[key]), key).toEqual(placeholders(messages.en[key]));
      expect(messages.de[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it('every engine error code has a German and an English title and hint', () => {
    for (const code of ERROR_CODES) {
      for (const lang of ['de', 'en'] as const) {
        expect(errorTexts[code]?.[lang]?.title, `${code} ${lang}`).toBeTruthy();
        expect(errorTexts[code]?.[lang]?.hint, `${code} ${lang}`).toBeTruthy();
      }
      expect(errorTexts[code].de.title).not.toEqual(errorTexts[code].en.title);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { warningTexts, warningText } from '../../../src/ui/i18n/warnings.ts';

/** Warning and note codes raised by the engine parts the UI shows today. */
function engineWarningCodes(dirs: string[]): Set<string> {
  const codes = new Set<string>();
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/code: '([A-Z0-9_]+)'/g)) codes.add(m[1]);
    }
  }
  for (const c of ERROR_CODES) codes.delete(c);
  return codes;
}

describe('warning catalogue', () => {
  it('every warning code raised by the data, model and fairness layers has German and English text', () => {
    const root = join(import.meta.dirname, '../../../src/engine');
    const codes = engineWarningCodes([join(root, 'data'), join(root, 'model'), join(root, 'fairness'), join(root, 'analyses')]);
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      expect(warningTexts[code]?.de, code).toBeTypeOf('function');
      expect(warningTexts[code]?.en, code).toBeTypeOf('function');
    }
  });

  it('renders params in both languages and falls back to the engine message', () => {
    const w = { code: 'MOSTLY_NUMERIC', message: 'engine text', params: { column: 'Amount', values: ['n/a'], lines: ['17'], text: 1, total: 900 } };
    expect(warningText(w, 'de')).toBe('Die Spalte „Amount“ sieht nach Zahlen aus, aber 1 von 900 Werten sind keine Zahlen (z. B. „n/a“ in Zeile 17). Sie wird deshalb als Kategorie gelesen. Korrigieren Sie diese Zellen oder lassen Sie sie leer.');
    expect(warningText(w, 'en')).toContain('Column "Amount" looks numeric, but 1 of 900 values');
    expect(warningText({ code: 'SOMETHING_NEW', message: 'engine text' }, 'de')).toBe('engine text');
  });
});

import { errorDetailTexts, errorDetail } from '../../../src/i18n/error-details.ts';

describe('error details (issue 9: the reason of an error in the page language)', () => {
  /** Every `detail: 'CODE'` an engine or CLI error names. */
  function detailCodes(dir: string, codes = new Set<string>()): Set<string> {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) detailCodes(p, codes);
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/detail: '([A-Z0-9_]+)'/g)) codes.add(m[1]);
    }
    return codes;
  }

  it('every detail an error names has German and English text that uses its values', () => {
    const codes = detailCodes(join(import.meta.dirname, '../../../src'));
    expect(codes.size).toBeGreaterThan(3);
    for (const code of codes) {
      for (const lang of ['de', 'en'] as const) expect(errorDetailTexts[code]?.[lang]?.text, `${code} ${lang}`).toBeTypeOf('function');
    }
  });

  it('renders the limit of exact tree SHAP in German, with what to do', () => {
    const info = { code: 'EXPLAIN_LIMIT' as const, message: 'engine text', hint: 'engine hint', params: { detail: 'PAIR_PLAYERS', players: 22, limit: 22, more: 1 } };
    const de = errorDetail(info, 'de')!;
    expect(de.text).toContain('höchstens 22 Spalten');
    expect(de.text).toContain('mehr als 22');
    expect(de.hint).toContain('Log-Odds');
    expect(errorDetail(info, 'en')!.text).toContain('at most 22 columns');
    expect(errorDetail({ ...info, params: {} }, 'de')).toBeNull();
  });
});
