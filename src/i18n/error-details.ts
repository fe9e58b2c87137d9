/**
 * Plain-language text for the specific reason behind an error, in German and English.
 *
 * An engine error names its reason in `params.detail` (a stable code) together with the values
 * the text needs ({ detail: 'PAIR_PLAYERS', players: 71, limit: 22 }). The page shows the reason
 * in its own language under the error's title; the engine's English message stays available as
 * the technical message. An error without a detail (or with one not listed here) is shown with
 * the title and hint of its code (src/ui/i18n/errors.ts) and the English message.
 * Shared by the app and the report, like the warnings.
 */
import type { ErrorInfo } from '../engine/errors.ts';
import type { Lang } from './warnings.ts';

type P = Record<string, unknown>;

export interface DetailText {
  /** What is wrong, with the values that make it wrong. */
  text: (p: P) => string;
  /** What to do; the code's general hint is shown when absent. */
  hint?: (p: P) => string;
}

const de = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('de-DE') : String(n));
const en = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : String(n));

export const errorDetailTexts: Record<string, Record<Lang, DetailText>> = {
  PAIR_PLAYERS: {
    de: {
      text: (p) => `Für die exakte Rechnung auf der Wahrscheinlichkeitsskala darf sich ein Vergleichsfall vom erklärten Fall in höchstens ${de(p.limit)} Spalten unterscheiden; hier unterscheiden sich ${p.more ? 'mehr als ' : ''}${de(p.players)}. Der Aufwand wächst mit jeder weiteren Spalte auf das Doppelte.`,
      hint: () => 'Wählen Sie beim Verfahren „Automatisch“ oder „Permutations-SHAP“ (aus Stichproben geschätzt, mit Fehlerangabe), oder wählen Sie die Skala „Log-Odds“: Dort ist die Baum-Rechnung für beliebig viele Spalten exakt.',
    },
    en: {
      text: (p) => `For the exact computation on the probability scale, a comparison case may differ from the explained case in at most ${en(p.limit)} columns; here ${p.more ? 'more than ' : ''}${en(p.players)} differ. The work doubles with every further column.`,
      hint: () => 'Choose the method "Automatic" or "Permutation SHAP" (estimated from samples, with its error), or choose the scale "log-odds": there the tree computation is exact for any number of columns.',
    },
  },
  PATH_PLAYERS: {
    de: {
      text: (p) => `Ein Pfad in einem Baum des Modells liest ${de(p.players)} verschiedene Spalten; die exakte Rechnung auf der Wahrscheinlichkeitsskala schafft höchstens ${de(p.limit)}.`,
      hint: () => 'Wählen Sie beim Verfahren „Automatisch“ oder „Permutations-SHAP“, oder die Skala „Log-Odds“.',
    },
    en: {
      text: (p) => `A path in one of the model's trees reads ${en(p.players)} different columns; the exact computation on the probability scale manages at most ${en(p.limit)}.`,
      hint: () => 'Choose the method "Automatic" or "Permutation SHAP", or the scale "log-odds".',
    },
  },
  EXACT_EVALUATIONS: {
    de: {
      text: (p) => `Die exakte Rechnung bräuchte ${de(p.evaluations)} Modellaufrufe; mehr als ${de(p.limit)} würden den Browser zu lange beschäftigen.`,
      hint: () => 'Wählen Sie „Automatisch“ oder ein Stichprobenverfahren, erklären Sie weniger Fälle, nehmen Sie weniger Vergleichsfälle, oder fassen Sie zusammengehörige Modelleingaben zusammen.',
    },
    en: {
      text: (p) => `The exact computation would need ${en(p.evaluations)} model evaluations; more than ${en(p.limit)} would keep the browser busy for too long.`,
      hint: () => 'Choose "Automatic" or a sampling method, explain fewer cases, use fewer comparison cases, or merge model inputs that belong together.',
    },
  },
  EXACT_PLAYERS: {
    de: {
      text: (p) => `Alle Kombinationen von ${de(p.players)} Spalten durchzurechnen ist zu aufwendig; das geht für höchstens ${de(p.limit)} Spalten.`,
      hint: () => 'Wählen Sie „Automatisch“ oder „Permutations-SHAP“, oder fassen Sie zusammengehörige Modelleingaben zusammen.',
    },
    en: {
      text: (p) => `Computing every combination of ${en(p.players)} columns is too much work; it is possible for at most ${en(p.limit)} columns.`,
      hint: () => 'Choose "Automatic" or "Permutation SHAP", or merge model inputs that belong together.',
    },
  },
  COLUMN_LEFT_OUT: {
    de: {
      text: (p) => `Die Spalte „${p.column}“ steht in der Datei, wurde beim Einlesen aber weggelassen: Ihr Typ (${p.type}) ist weder Zahl, Text, Kategorie noch Ja/Nein.`,
      hint: (p) => `Wählen Sie eine andere Spalte, oder speichern Sie „${p.column}“ als einfache Spalte (ein Wert je Zelle: Zahl, Text oder Ja/Nein, keine Listen oder verschachtelten Einträge) und laden Sie die Datei erneut.`,
    },
    en: {
      text: (p) => `Column "${p.column}" is in the file but was left out when it was read: its type (${p.type}) is not a number, text, category or yes/no.`,
      hint: (p) => `Choose another column, or store "${p.column}" as a plain column (one value per cell: a number, text or yes/no, no lists or nested records) and load the file again.`,
    },
  },
  TABLE_MEMORY: {
    de: {
      text: (p) => `${p.file} hat ${p.estimated === 'yes' ? 'etwa ' : ''}${de(p.rows)} Zeilen mit ${de(p.columns)} Spalte${p.columns === 1 ? '' : 'n'}; als Tabelle bräuchte das ${p.estimated === 'yes' ? 'etwa ' : ''}${bytesText(p.bytes, 'de')} Arbeitsspeicher, mehr als die ${bytesText(p.limit, 'de')}, die Einblick dafür vorsieht.`,
      hint: (p) => `Laden Sie eine Stichprobe der Zeilen (etwa jede 10. Zeile) oder nur die Spalten, die die Auswertung braucht: Es passen höchstens ${de(p.maxRows)} Zeilen mit ${de(p.columns)} Spalte${p.columns === 1 ? '' : 'n'}.`,
    },
    en: {
      text: (p) => `${p.file} has ${p.estimated === 'yes' ? 'about ' : ''}${en(p.rows)} rows of ${en(p.columns)} column${p.columns === 1 ? '' : 's'}; as a table that needs ${p.estimated === 'yes' ? 'about ' : ''}${bytesText(p.bytes, 'en')} of memory, more than the ${bytesText(p.limit, 'en')} Einblick allows for it.`,
      hint: (p) => `Load a sample of the rows (for example every 10th row) or only the columns the analysis needs: at most ${en(p.maxRows)} rows of ${en(p.columns)} column${p.columns === 1 ? '' : 's'} fit.`,
    },
  },
};

/**
 * The specific reason of an error in the page's language, or null when the error names none.
 *
 * @example errorDetail({ code: 'EXPLAIN_LIMIT', message: '...', hint: '...', params: { detail: 'PAIR_PLAYERS', players: 71, limit: 22 } }, 'de')?.text
 * // 'Für die exakte Rechnung ... hier unterscheiden sich 71. ...'
 */
export function errorDetail(info: ErrorInfo, lang: Lang): { text: string; hint: string | null } | null {
  const params = info.params ?? {};
  const entry = typeof params.detail === 'string' ? errorDetailTexts[params.detail]?.[lang] : undefined;
  if (!entry) return null;
  return { text: entry.text(params), hint: entry.hint ? entry.hint(params) : null };
}

/** Bytes in GiB (one decimal), MiB, KiB or bytes, in the page's language. */
function bytesText(bytes: unknown, lang: Lang): string {
  const n = Number(bytes);
  const units: [number, string][] = [[2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  for (const [unit, name] of units) if (n >= unit) return `${(n / unit).toLocaleString(locale, { maximumFractionDigits: unit === 2 ** 30 ? 1 : 0 })} ${name}`;
  return `${n} ${lang === 'de' ? 'Bytes' : 'bytes'}`;
}
