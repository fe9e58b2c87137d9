/** Issue 4, item 10: German number formats in the fairness views; undefined is "–", never NaN. */
import { describe, expect, it } from 'vitest';
import { fmtFor, intervalText, fillTemplate } from '../../../../src/ui/fairness/text.ts';

const NBSP = '\u00a0';

describe('fmtFor', () => {
  const de = fmtFor('de');
  const en = fmtFor('en');

  it('German: decimal comma, thousands dot, percent with a space', () => {
    expect(de.num(1234.5, 1)).toBe('1.234,5');
    expect(de.pct(0.2534)).toBe(`25,3${NBSP}%`);
    expect(de.pct(0.1, 1, 0)).toBe(`10${NBSP}%`);
    expect(de.fix(0.92, 3)).toBe('0,920');
    expect(de.pts(0.11)).toBe('11,0');
  });

  it('English: decimal point', () => {
    expect(en.num(1234.5, 1)).toBe('1,234.5');
    expect(en.pct(0.2534)).toBe('25.3%');
    expect(en.pts(0.052)).toBe('5.2');
  });

  it('null, undefined, NaN and infinities are "–"', () => {
    for (const x of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(de.num(x)).toBe('–');
      expect(de.pct(x)).toBe('–');
      expect(de.fix(x, 2)).toBe('–');
      expect(de.pts(x)).toBe('–');
    }
  });

  it('messages in the chosen language with placeholders filled', () => {
    expect(de.t('fair.pts', { value: '5,2' })).toBe('5,2 Prozentpunkte');
    expect(en.t('fair.pts', { value: '5.2' })).toBe('5.2 percentage points');
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('intervalText', () => {
  it('shares: both ends with one decimal, the unit once', () => {
    expect(intervalText(fmtFor('de'), [0.8006917, 0.8811811], 'pct')).toBe(`80,1–88,1${NBSP}%`);
    expect(intervalText(fmtFor('en'), [0.99, 0.999], 'pct')).toBe('99.0–99.9%');
  });

  it('numbers: fixed decimals', () => {
    expect(intervalText(fmtFor('de'), [0.891, 0.99], 'num', 2)).toBe('0,89–0,99');
  });

  it('with a negative end the range is written out, never "-1,15–-0,28"', () => {
    expect(intervalText(fmtFor('de'), [-1.151, -0.281], 'num', 3)).toBe('-1,151 bis -0,281');
    expect(intervalText(fmtFor('en'), [-0.308, 0.308], 'num', 3)).toBe('-0.308 to 0.308');
  });

  it('a missing interval is "–"', () => {
    expect(intervalText(fmtFor('de'), null, 'pct')).toBe('–');
    expect(intervalText(fmtFor('de'), [NaN, 1], 'num')).toBe('–');
  });
});
