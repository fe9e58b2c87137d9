/** Issue 4, item 10: group colours readable on white and told apart in print. */
import { describe, expect, it } from 'vitest';
import { GROUP_COLOURS, GROUP_DASHES, contrast, groupStyle, luminance, textOn } from '../../../../src/ui/fairness/palette.ts';

describe('palette', () => {
  it('contrast follows WCAG: black on white is 21, a colour on itself 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#0072B2', '#0072B2')).toBeCloseTo(1, 12);
    // WCAG's own example value: #767676 on white is 4.54
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(() => luminance('blue')).toThrow(/invalid colour/);
  });

  it('every group colour has at least 3:1 contrast on white (lines and bars)', () => {
    for (const c of GROUP_COLOURS) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('the first groups differ in colour and in dash pattern (print)', () => {
    const styles = GROUP_COLOURS.map((_, i) => groupStyle(i));
    expect(new Set(styles.map((s) => s.colour)).size).toBe(GROUP_COLOURS.length);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(GROUP_COLOURS.length);
    // after the colours run out, the pair (colour, dash) is still new
    const pairs = Array.from({ length: 14 }, (_, i) => JSON.stringify(groupStyle(i)));
    expect(new Set(pairs).size).toBe(14);
    expect(GROUP_DASHES[0]).toBe('');
  });

  it('text on a fill is black or white, whichever reads better (at least 4.5:1 here)', () => {
    expect(textOn('#081d58')).toBe('#ffffff');
    expect(textOn('#ffffd9')).toBe('#000000');
    for (const bg of ['#081d58', '#225ea8', '#41b6c4', '#c7e9b4', '#ffffd9']) expect(contrast(textOn(bg), bg)).toBeGreaterThanOrEqual(4.5);
  });
});
