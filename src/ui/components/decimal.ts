/**
 * Decimal numbers typed by a person, in German or English: "0,6" and "0.6" both mean 0.6 (a
 * number input follows the browser's language, not the page's, and turns "0,6" into 6 or
 * nothing). Text that is not a number gives NaN, which the form then names as a problem.
 */

/**
 * @example parseDecimal('0,65') // 0.65
 * @example parseDecimal('0.65') // 0.65
 * @example parseDecimal('1.000,5') // NaN (thousands separators are not expected here)
 */
export function parseDecimal(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/**
 * @example formatDecimal(0.5, 'de') // '0,5'
 */
export function formatDecimal(value: number, lang: 'de' | 'en'): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 6, useGrouping: false }).format(value);
}
