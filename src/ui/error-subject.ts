/**
 * What an error concerns, in the page's language, from the values the engine put in its
 * params (column, file, line, ...). Shown when the error names no detail (src/i18n/error-details.ts)
 * and the page is not English: the engine's English message is then folded away as the technical
 * message, and this line keeps the bad value visible. Only formats values; never computes.
 */
import type { ErrorParams } from '../engine/errors.ts';
import type { Lang } from './i18n/messages.ts';

type Say = (value: string) => string;

/** The params shown, in this order, with their words (values quoted in the language's quotes). */
const SUBJECTS: { key: string; de: Say; en: Say }[] = [
  { key: 'file', de: (v) => `Datei ${v}`, en: (v) => `file ${v}` },
  { key: 'column', de: (v) => `Spalte ${v}`, en: (v) => `column ${v}` },
  { key: 'columns', de: (v) => `Spalten ${v}`, en: (v) => `columns ${v}` },
  { key: 'attribute', de: (v) => `Gruppenspalte ${v}`, en: (v) => `group column ${v}` },
  { key: 'input', de: (v) => `Modelleingabe ${v}`, en: (v) => `model input ${v}` },
  { key: 'output', de: (v) => `Ausgabe ${v}`, en: (v) => `output ${v}` },
  { key: 'line', de: (v) => `Zeile ${v} der Datei`, en: (v) => `line ${v} of the file` },
];

const quote = (lang: Lang, s: string) => (lang === 'de' ? `„${s}“` : `"${s}"`);

/**
 * The subjects of an error as one line, or null when its params name none.
 *
 * @example errorSubject({ column: 'Age', file: 'data.csv' }, 'de') // 'Datei „data.csv“ · Spalte „Age“'
 */
export function errorSubject(params: ErrorParams | undefined, lang: Lang): string | null {
  if (!params) return null;
  const parts: string[] = [];
  for (const s of SUBJECTS) {
    const v = params[s.key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    const shown = s.key === 'line' ? (typeof v === 'number' ? v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB') : String(v))
      : Array.isArray(v) ? v.map((x) => quote(lang, String(x))).join(', ') : quote(lang, String(v));
    parts.push(s[lang](shown));
  }
  return parts.length ? parts.join(' · ') : null;
}
