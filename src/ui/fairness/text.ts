/**
 * Language-bound formatting for the fairness views, as a plain object so that pure layout and
 * text functions can be unit-tested without Svelte. Same rules as i18n.svelte.ts: German number
 * formats (0,253 -> "25,3 %"), "–" for a value that is undefined, never "NaN".
 */
import { messages, type Lang, type MessageKey } from '../i18n/messages.ts';

export type Params = Record<string, string | number | undefined>;

export interface Fmt {
  lang: Lang;
  /** The message for a key in this language, with `{name}` placeholders filled. */
  t(key: MessageKey, params?: Params): string;
  /** A number with at most `digits` decimals: fmt.num(1234.5, 1) -> "1.234,5" (de). */
  num(x: number | null | undefined, digits?: number): string;
  /** A number with exactly `digits` decimals: fmt.fix(0.92, 3) -> "0,920" (de). */
  fix(x: number | null | undefined, digits: number): string;
  /** A share as a percentage, `digits` decimals (at least `min`): fmt.pct(0.253) -> "25,3 %" (de). */
  pct(x: number | null | undefined, digits?: number, min?: number): string;
  /** A difference of two shares in percentage points, one decimal: fmt.pts(0.11) -> "11,0" (de). */
  pts(x: number | null | undefined, digits?: number): string;
}

const locale = (lang: Lang): string => (lang === 'de' ? 'de-DE' : 'en-GB');
const bad = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

/**
 * Fills `{name}` placeholders; unknown ones stay visible so that a gap is noticed.
 *
 * @example fillTemplate('{a} and {b}', { a: 1 }) // '1 and {b}'
 */
export function fillTemplate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/**
 * The formatter for one language.
 *
 * @example fmtFor('de').pct(0.2534) // "25,3 %"
 */
export function fmtFor(lang: Lang): Fmt {
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (min: number, max: number, style: 'decimal' | 'percent' = 'decimal') => {
    const key = `${style}${min}:${max}`;
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale(lang), { style, minimumFractionDigits: min, maximumFractionDigits: max })));
    return f;
  };
  return {
    lang,
    t: (key, params) => fillTemplate(messages[lang][key], params),
    num: (x, digits = 3) => (bad(x) ? '–' : nf(0, digits).format(x)),
    fix: (x, digits) => (bad(x) ? '–' : nf(digits, digits).format(x)),
    pct: (x, digits = 1, min = digits) => (bad(x) ? '–' : nf(min, digits, 'percent').format(x)),
    pts: (x, digits = 1) => (bad(x) ? '–' : nf(digits, digits).format(100 * x)),
  };
}

/**
 * An interval as text: "80,1–88,1 %" for shares, "0,89–0,99" for numbers, "-1,15 bis -0,28" when an
 * end is negative; "–" when missing.
 *
 * @example intervalText(fmtFor('en'), [0.8, 0.88], 'pct') // "80.0–88.0%"
 */
export function intervalText(f: Fmt, ci: [number, number] | null, kind: 'pct' | 'num', digits?: number): string {
  if (!ci || bad(ci[0]) || bad(ci[1])) return '–';
  // "-1,2–-0,3" would be hard to read: with a negative end the range is written out
  if (ci[0] < 0 || ci[1] < 0) {
    const show = (x: number) => (kind === 'pct' ? f.pct(x, digits ?? 1) : f.fix(x, digits ?? 2));
    return f.t('fair.range', { lo: show(ci[0]), hi: show(ci[1]) });
  }
  if (kind === 'num') return `${f.fix(ci[0], digits ?? 2)}–${f.fix(ci[1], digits ?? 2)}`;
  // "80,1–88,1 %": the unit once, after the upper end
  const lo = f.fix(100 * ci[0], digits ?? 1);
  const hi = f.pct(ci[1], digits ?? 1);
  return `${lo}–${hi}`;
}
