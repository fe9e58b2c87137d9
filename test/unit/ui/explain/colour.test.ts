import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, GREY, HIGH, LOW, categoryScale, colourScale, contrast, luminance, numberScale, rampColour } from '../../../../src/ui/explain/colour.ts';

describe('explanation colours', () => {
  it('the number scale runs from LOW to HIGH and every step has at least 3:1 contrast on white', () => {
    expect(rampColour(0).toLowerCase()).toBe(LOW.toLowerCase());
    expect(rampColour(1).toLowerCase()).toBe(HIGH.toLowerCase());
    expect(rampColour(-5)).toBe(rampColour(0));
    expect(rampColour(NaN)).toBe(GREY);
    for (let k = 0; k <= 20; k++) expect(contrast(rampColour(k / 20), '#ffffff'), `t=${k / 20}`).toBeGreaterThanOrEqual(3);
    for (const c of [...CATEGORY_COLOURS, GREY]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('contrast and luminance agree with WCAG examples', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 12);
    expect(() => luminance('red')).toThrow(/invalid colour: red/);
  });

  it('number scale: 5th to 95th percentile, clamped; missing values grey', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i); // 0..100: 5th percentile 5, 95th 95
    const s = numberScale([...xs, null]);
    expect([s.lo, s.hi]).toEqual([5, 95]);
    expect(s.colour(0)).toBe(rampColour(0));
    expect(s.colour(50)).toBe(rampColour(0.5));
    expect(s.colour(100)).toBe(rampColour(1));
    expect(s.colour(null)).toBe(GREY);
    // two values only: min and max
    const two = numberScale([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9]);
    expect([two.lo, two.hi]).toEqual([1, 9]);
    expect(numberScale([3, 3]).colour(3)).toBe(rampColour(0.5));
  });

  it('categories: most frequent first, ties alphabetical; beyond six the rarest are grey "other"', () => {
    const s = categoryScale(['b', 'a', 'b', 'c', 'a', 'b', null]);
    expect(s.entries.map((e) => [e.label, e.count])).toEqual([['b', 3], ['a', 2], ['c', 1]]);
    expect(s.colour('b')).toBe(CATEGORY_COLOURS[0]);
    expect(s.colour(null)).toBe(GREY);
    const many = categoryScale(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'g', 'h']);
    expect(many.entries).toHaveLength(5);
    expect(many.other).toBe(3);
    expect(many.colour('h')).toBe(GREY);
    expect(colourScale([1, 'x']).kind).toBe('category');
    expect(colourScale([1, 2]).kind).toBe('number');
    expect(colourScale(null).kind).toBe('category');
  });
});
