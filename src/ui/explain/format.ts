/**
 * Numbers of the explanation views as text, for one language (German formats: 1.234,5), as
 * plain functions so that the layout and table code can be unit-tested without Svelte.
 * SHAP values in probability space are differences of probabilities: shown in percentage points.
 */
import type { Space } from '../../engine/explain/types.ts';
import type { Lang } from '../i18n/messages.ts';

export type DataValue = number | string | boolean | null;

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number, sign: boolean): Intl.NumberFormat {
  const key = `${lang}|${digits}|${sign}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, signDisplay: sign ? 'exceptZero' : 'auto' });
    cache.set(key, f);
  }
  return f;
}

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

/**
 * A number: num(1234.5, 'de', 1) -> "1.234,5"; "–" for a missing or infinite value.
 *
 * @example num(0.12345, 'en') // "0.123"
 */
export function num(x: number | null | undefined, lang: Lang, digits = 3): string {
  return missing(x) ? '–' : nf(lang, digits, false).format(x);
}

/**
 * A number with its sign: signed(0.05, 'de', 2) -> "+0,05"; zero has no sign.
 *
 * @example signed(-1.5, 'en', 1) // "-1.5"
 */
export function signed(x: number | null | undefined, lang: Lang, digits = 3): string {
  return missing(x) ? '–' : nf(lang, digits, true).format(x);
}

/** The unit of SHAP values in a space ("Pp." / "pp" for percentage points, none otherwise). */
export function shapUnit(space: Space, lang: Lang): string {
  return space === 'probability' ? (lang === 'de' ? 'Pp.' : 'pp') : '';
}

/**
 * A SHAP value with sign and unit: probability space in percentage points, else as is.
 *
 * @example shapText(0.0534, 'probability', 'de') // "+5,3 Pp."
 * @example shapText(-0.2, 'logit', 'en') // "-0.2"
 */
export function shapText(v: number | null | undefined, space: Space, lang: Lang): string {
  if (space === 'probability') return missing(v) ? '–' : `${signed(100 * v, lang, 1)} ${shapUnit(space, lang)}`;
  return signed(v, lang, 3);
}

/** A SHAP value without sign or unit, for axis ticks: probability space in percentage points. */
export function shapTick(v: number, space: Space, lang: Lang): string {
  return space === 'probability' ? signed(100 * v, lang, 1) : signed(v, lang, 2);
}

/** A size of SHAP values (mean |SHAP|) without sign, for axis ticks and tables. */
export function magnitudeText(v: number, space: Space, lang: Lang, unit = false): string {
  if (space === 'probability') return `${num(100 * v, lang, unit ? 2 : 1)}${unit ? ` ${shapUnit(space, lang)}` : ''}`;
  return num(v, lang, unit ? 4 : 2);
}

/**
 * A score (base value, f(x)) in its space: a probability as a percentage, else a number.
 *
 * @example scoreText(0.8683, 'probability', 'de') // "86,8 %"
 */
export function scoreText(v: number | null | undefined, space: Space, lang: Lang): string {
  if (missing(v)) return '–';
  if (space === 'probability') return `${num(100 * v, lang, 1)}${lang === 'de' ? ' %' : '%'}`;
  return num(v, lang, 3);
}

/**
 * A data value as shown in tables and labels: numbers in the language's format, text as is.
 *
 * @example valueText(1169, 'de') // "1.169"
 */
export function valueText(v: DataValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return num(v, lang, 4);
  if (typeof v === 'boolean') return lang === 'de' ? (v ? 'ja' : 'nein') : v ? 'yes' : 'no';
  return v;
}

/**
 * "Column = value" for one case; just the column when it has no single column (a merged group).
 *
 * @example columnValue('Amount', 1169, 'de') // "Amount = 1.169"
 */
export function columnValue(name: string, value: DataValue | undefined, lang: Lang): string {
  return value === undefined ? name : `${name} = ${valueText(value, lang)}`;
}
