import { describe, expect, it } from 'vitest';
import { num, scoreText, shapText, shapTick, signed, valueText } from '../../../../src/ui/explain/format.ts';

describe('explanation number formats', () => {
  it('German and English number formats, "–" for missing values', () => {
    expect(num(1234.5, 'de', 1)).toBe('1.234,5');
    expect(num(1234.5, 'en', 1)).toBe('1,234.5');
    expect(num(NaN, 'de')).toBe('–');
    expect(num(null, 'en')).toBe('–');
    expect(num(Infinity, 'en')).toBe('–');
  });

  it('signs: plus for positive, minus for negative, none for zero', () => {
    expect(signed(0.05, 'de', 2)).toBe('+0,05');
    expect(signed(-1.5, 'en', 1)).toBe('-1.5');
    expect(signed(0, 'en', 1)).toBe('0');
  });

  it('SHAP values in probability space are percentage points; log-odds as numbers', () => {
    expect(shapText(0.0534, 'probability', 'de')).toBe('+5,3 Pp.');
    expect(shapText(-0.0534, 'probability', 'en')).toBe('-5.3 pp');
    expect(shapText(0.21049, 'logit', 'de')).toBe('+0,21');
    expect(shapText(-12.5, 'raw', 'en')).toBe('-12.5');
    expect(shapTick(0.1, 'probability', 'de')).toBe('+10');
  });

  it('scores: a probability as a percentage, other spaces as numbers', () => {
    expect(scoreText(0.86830, 'probability', 'de')).toBe('86,8 %');
    expect(scoreText(0.86830, 'probability', 'en')).toBe('86.8%');
    expect(scoreText(1.8834, 'logit', 'en')).toBe('1.883');
  });

  it('data values: numbers localised, text as is, yes/no, missing', () => {
    expect(valueText(1169, 'de')).toBe('1.169');
    expect(valueText('lt.0', 'de')).toBe('lt.0');
    expect(valueText(true, 'de')).toBe('ja');
    expect(valueText(false, 'en')).toBe('no');
    expect(valueText(null, 'en')).toBe('–');
  });
});
