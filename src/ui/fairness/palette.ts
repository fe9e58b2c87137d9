/**
 * Colours and line patterns for groups: Okabe-Ito hues (distinguishable with the common forms
 * of colour blindness), darkened where needed so that every line and bar has at least 3:1
 * contrast against white (WCAG non-text contrast), plus a dash pattern per group so that the
 * lines stay apart in black-and-white print.
 */

/** Okabe-Ito blue, vermillion, bluish green, reddish purple, black, orange and sky blue (darkened). */
export const GROUP_COLOURS = ['#0072B2', '#C44E00', '#00805C', '#B0508A', '#1B1F24', '#9A6700', '#2F7FAF'] as const;

/** Dash patterns (SVG stroke-dasharray), '' = solid. */
export const GROUP_DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2', '12 4'] as const;

/**
 * Colour and dash of the i-th group; after seven groups colours repeat with other dashes.
 *
 * @example groupStyle(1) // { colour: '#C44E00', dash: '7 4' }
 */
export function groupStyle(i: number): { colour: string; dash: string } {
  const c = GROUP_COLOURS.length;
  return { colour: GROUP_COLOURS[i % c], dash: GROUP_DASHES[(i + Math.floor(i / c)) % GROUP_DASHES.length] };
}

/**
 * Relative luminance of a #rrggbb colour (WCAG 2).
 *
 * @example luminance('#ffffff') // 1
 */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`invalid colour: ${hex}; expected #rrggbb`);
  const lin = (s: string) => {
    const c = parseInt(s, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
}

/**
 * WCAG contrast ratio of two colours (1 to 21).
 *
 * @example contrast('#000000', '#ffffff') // 21
 */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/**
 * Black or white text, whichever contrasts more with the background.
 *
 * @example textOn('#08306b') // '#ffffff'
 */
export function textOn(background: string): '#000000' | '#ffffff' {
  return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}
