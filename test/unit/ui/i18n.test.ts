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
