/** Issue 5: decimal numbers typed in German or English (the threshold field). */
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from '../../../src/ui/components/decimal.ts';

describe('decimal fields (issue 5)', () => {
  it('read a comma or a point, refuse other text', () => {
    expect(parseDecimal('0,65')).toBe(0.65);
    expect(parseDecimal(' 0.65 ')).toBe(0.65);
    expect(parseDecimal('1')).toBe(1);
    expect(parseDecimal(',5')).toBe(0.5);
    for (const bad of ['', 'abc', '0,6,1', '1.000,5', '0..5']) expect(parseDecimal(bad)).toBeNaN();
  });

  it('show the number in the page language', () => {
    expect(formatDecimal(0.5, 'de')).toBe('0,5');
    expect(formatDecimal(0.5, 'en')).toBe('0.5');
    expect(formatDecimal(1234.5, 'de')).toBe('1234,5');
    expect(formatDecimal(NaN, 'de')).toBe('');
  });
});
