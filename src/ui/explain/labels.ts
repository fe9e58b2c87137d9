/**
 * Room for text in the charts without measuring the DOM: a conservative width estimate for the
 * 12 px system font, and shortening with an ellipsis (the full text stays in the <title>).
 */

/** Advance widths (em) close to DejaVu Sans, one of the widest common UI fonts: estimates err on the wide side. */
function advance(ch: string): number {
  if (/[ijl.,:;'|!]/.test(ch)) return 0.28;
  if (ch === ' ') return 0.32;
  if (/[ft()[\]r\-/]/.test(ch)) return 0.4;
  if (/[mw]/.test(ch)) return 0.9;
  if (/[MW%@…]/.test(ch)) return 0.95;
  if (/[=+<>]/.test(ch)) return 0.84;
  if (/[A-ZÄÖÜ]/.test(ch)) return 0.72;
  if (/[0-9]/.test(ch)) return 0.64;
  return 0.62;
}

/** Estimated width in px of a text at 12 px. */
export function textWidth(text: string, px = 12): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return Math.ceil(w * px);
}

/**
 * The text shortened with '…' to fit `max` px.
 *
 * @example fitText('OtherDebtorsGuarantors', 80) // 'OtherDebt…'
 */
export function fitText(text: string, max: number, px = 12): string {
  if (textWidth(text, px) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', px) > max) chars.pop();
  return chars.join('') + '…';
}

/**
 * A left margin wide enough for the longest label, between `min` and `max` px.
 *
 * @example labelMargin(['Age', 'Duration'], 60, 220) // 72
 */
export function labelMargin(labels: string[], min: number, max: number, px = 12): number {
  const widest = labels.reduce((m, l) => Math.max(m, textWidth(l, px)), 0);
  return Math.min(max, Math.max(min, widest + 12));
}
