/**
 * The current language and the translation function. Language is chosen by the person (switch
 * in the header), remembered in localStorage, and defaults to German unless the browser prefers
 * English.
 */
import { messages, type Lang, type MessageKey } from './messages.ts';

export type Params = Record<string, string | number | undefined>;

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('einblick.lang');
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (privacy mode); fall through to the browser's preference
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export const i18n = $state({ lang: initialLang() });

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('einblick.lang', lang);
  } catch {
    // not remembered across visits; the switch still works for this page
  }
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible so that a gap is noticed. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/** The message for a key in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return fill(messages[i18n.lang][key], params);
}

/** Numbers in the current language's format (German: 1.234,5). */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return new Intl.NumberFormat(i18n.lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(x);
}

/** A share as a percentage in the current language's format: 0.253 -> "25,3 %". */
export function pct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return new Intl.NumberFormat(i18n.lang === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: digits }).format(x);
}
