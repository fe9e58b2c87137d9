/**
 * Plain-language text for the engine's warnings (non-fatal problems), in German and English.
 * A warning with a code not listed here is shown with the engine's English message, so nothing
 * is hidden; a test lists the codes the engine can raise and checks they are all here.
 * Shared by the app and the report (src/report), so that both say the same.
 */
import type { Warning } from '../engine/errors.ts';
/** The languages Einblick speaks. */
export type Lang = 'de' | 'en';

type P = Record<string, unknown>;
type Render = (p: P) => string;

const list = (v: unknown): string => (Array.isArray(v) ? v.map((x) => `„${x}“`).join(', ') : `„${String(v)}“`);
const listEn = (v: unknown): string => (Array.isArray(v) ? v.map((x) => `"${x}"`).join(', ') : `"${String(v)}"`);
const col = (p: P) => String(p.column);

export const warningTexts: Record<string, Record<Lang, Render>> = {
  COLUMN_DROPPED: {
    de: (p) => `Die Spalte „${col(p)}“ wurde weggelassen: Ihr Typ (${p.type}) ist weder Zahl, Text, Kategorie noch Ja/Nein.`,
    en: (p) => `Column "${col(p)}" was left out: its type (${p.type}) is not a number, text, category or yes/no value.`,
  },
  INT64_PRECISION: {
    de: (p) => `Die Spalte „${col(p)}“ enthält ${p.count} sehr große ganze Zahlen (über 2^53); sie werden gerundet.`,
    en: (p) => `Column "${col(p)}" has ${p.count} very large whole numbers (beyond 2^53); they are rounded.`,
  },
  DATE_AS_CATEGORY: {
    de: (p) => `Die Spalte „${col(p)}“ enthält Datumswerte; sie werden als Text-Kategorien gelesen.`,
    en: (p) => `Column "${col(p)}" holds dates; they are read as text categories.`,
  },
  EMPTY_COLUMN: {
    de: (p) => `Die Spalte „${col(p)}“ hat keine Werte (alle Zellen sind leer).`,
    en: (p) => `Column "${col(p)}" has no values (every cell is empty).`,
  },
  THOUSANDS_POINT: {
    de: (p) => `${p.file}: Zahlen wie „1.500“ wurden als 1500 gelesen (der Punkt als Tausendertrennzeichen, wie deutsche Tabellen ihn schreiben). Sind es Dezimalzahlen (1,5), braucht die Datei ein anderes Dezimalzeichen.`,
    en: (p) => `${p.file}: numbers such as "1.500" were read as 1500 (the point as a thousands separator, as German spreadsheets write it). If they are decimals (1.5), the file needs another decimal mark.`,
  },
  MISSING_TOKEN_AS_CATEGORY: {
    de: (p) => `Die Spalte „${col(p)}“ enthält den Wert ${list(p.values)}; er wird als eigene Kategorie behandelt. Wenn er „kein Wert“ bedeutet, lassen Sie diese Zellen leer.`,
    en: (p) => `Column "${col(p)}" holds the value ${listEn(p.values)}; it is kept as a category of its own. If it means "no value", leave those cells empty.`,
  },
  COLUMN_BY_CASE: {
    de: (p) => `Die Modelleingabe „${p.input}“ wird aus der Datenspalte „${col(p)}“ gefüllt (die Namen unterscheiden sich nur in Groß- und Kleinschreibung).`,
    en: (p) => `The model input "${p.input}" is filled from the data column "${col(p)}" (the names differ only in upper and lower case).`,
  },
  CODES_AS_NUMBERS: {
    de: (p) => `Die Spalte „${col(p)}“ enthält Kennziffern mit führender Null (etwa „01067“); das Modell erhält sie als Zahlen (01067 → 1067).`,
    en: (p) => `Column "${col(p)}" holds codes with leading zeros (such as "01067"); the model takes them as numbers (01067 -> 1067).`,
  },
  MOSTLY_NUMERIC: {
    de: (p) => `Die Spalte „${col(p)}“ sieht nach Zahlen aus, aber ${p.text} von ${p.total} Werten sind keine Zahlen (z. B. ${list(p.values)} in Zeile ${(p.lines as string[] | undefined)?.join(', ')}). Sie wird deshalb als Kategorie gelesen. Korrigieren Sie diese Zellen oder lassen Sie sie leer.`,
    en: (p) => `Column "${col(p)}" looks numeric, but ${p.text} of ${p.total} values are not numbers (e.g. ${listEn(p.values)} on line ${(p.lines as string[] | undefined)?.join(', ')}). It is therefore read as a category. Fix those cells or leave them empty.`,
  },
  UNNAMED_COLUMN: {
    de: (p) => `Spalte(n) an Position ${(p.positions as string[]).join(', ')} hatten keinen Namen und heißen jetzt column_${(p.positions as string[]).join(', column_')}.`,
    en: (p) => `Column(s) at position ${(p.positions as string[]).join(', ')} had no name and are now called column_${(p.positions as string[]).join(', column_')}.`,
  },
  ENCODING_WINDOWS_1252: {
    de: (p) => `${p.file} ist kein UTF-8-Text; die Datei wurde als Windows-1252 gelesen (wie ältere Excel-Versionen CSV speichern). Prüfen Sie, ob Umlaute richtig aussehen.`,
    en: (p) => `${p.file} is not UTF-8 text; it was read as Windows-1252 (as older Excel versions save CSV). Check that umlauts look right.`,
  },
  MISSING_AS_NAN: {
    de: (p) => `Spalte „${col(p)}“: ${p.count} fehlende Werte wurden dem Modell als „keine Zahl“ (NaN) übergeben. Nicht jedes Modell kann damit umgehen.`,
    en: (p) => `Column "${col(p)}": ${p.count} missing values were given to the model as "not a number" (NaN). Not every model can handle that.`,
  },
  ZIPMAP_REMOVED: {
    de: (p) => `Die Ausgabe ${p.output} war eine „ZipMap“, die der Browser nicht lesen kann; Einblick liest stattdessen die Wahrscheinlichkeiten, aus denen sie gebildet wurde (Klassen ${(p.classes as string[]).join(', ')}). Die Werte sind dieselben.`,
    en: (p) => `Output ${p.output} was a "ZipMap", which the browser cannot read; Einblick reads the probabilities it was built from instead (classes ${(p.classes as string[]).join(', ')}). The values are the same.`,
  },
  OUTPUT_IGNORED: {
    de: (p) => `Die Ausgabe ${p.output} hat eine Form, die Einblick nicht liest; sie wird nicht verwendet.`,
    en: (p) => `Output ${p.output} has a form Einblick does not read; it is not used.`,
  },
  OUTPUT_PROBABILITIES: {
    de: (p) => `Die Ausgabe ${p.output} entsteht durch ${p.source} und wird als Wahrscheinlichkeiten gelesen.`,
    en: (p) => `Output ${p.output} comes from ${p.source} and is read as probabilities.`,
  },
  OUTPUT_DECISION_SCORES: {
    de: (p) => `Die Ausgabe ${p.output} entsteht durch ${p.source} ohne Umrechnung: Ihre Werte sind Entscheidungswerte, keine Wahrscheinlichkeiten.`,
    en: (p) => `Output ${p.output} comes from ${p.source} without transformation: its values are decision scores, not probabilities.`,
  },
  OUTPUT_WIDTH_UNKNOWN: {
    de: (p) => `Die Breite der Ausgabe ${p.output} steht nicht in der Datei, und ein Probelauf ist fehlgeschlagen.`,
    en: (p) => `The width of output ${p.output} is not stated in the file, and a trial run failed.`,
  },
  OUTPUT_SHAPE_PROBED: {
    de: (p) => `Die Form der Ausgabe ${p.output} steht nicht in der Datei; sie wurde durch einen Probelauf ermittelt.`,
    en: (p) => `The shape of output ${p.output} is not stated in the file; it was found by a trial run.`,
  },
  FEATURES_IGNORED: {
    de: () => 'Das Modell hat eine Eingabe je Spalte (Zuordnung über den Namen); die Spaltenauswahl wird nicht verwendet.',
    en: () => 'The model takes one input per column, matched by name; the column choice is not used.',
  },
  NUMBER_AS_TEXT: {
    de: (p) => `Die Spalte „${col(p)}“ enthält Zahlen; sie werden der Text-Eingabe ${p.input} als Text übergeben (1 → „1“).`,
    en: (p) => `Column "${col(p)}" holds numbers; they are given to the text input ${p.input} as text (1 → "1").`,
  },
  BOOLEAN_AS_TEXT: {
    de: (p) => `Die Spalte „${col(p)}“ enthält Ja/Nein-Werte; sie werden der Text-Eingabe ${p.input} als „True“/„False“ übergeben.`,
    en: (p) => `Column "${col(p)}" holds yes/no values; they are given to the text input ${p.input} as "True"/"False".`,
  },
  BOOLEAN_AS_NUMBER: {
    de: (p) => `Die Spalte „${col(p)}“ enthält Ja/Nein-Werte; sie werden dem Modell als 1/0 übergeben.`,
    en: (p) => `Column "${col(p)}" holds yes/no values; they are given to the model as 1/0.`,
  },
  ALL_COLUMNS_OPEN_WIDTH: {
    de: (p) => `Das Modell nennt seine Spaltenzahl nicht; alle ${p.count} Datenspalten werden in der Reihenfolge der Datei verwendet.`,
    en: (p) => `The model does not state its number of columns; all ${p.count} data columns are used in file order.`,
  },
  ALL_COLUMNS: {
    de: (p) => `Alle ${p.count} Datenspalten werden in der Reihenfolge der Datei an das Modell übergeben. Prüfen Sie, ob das die Reihenfolge beim Training war.`,
    en: (p) => `All ${p.count} data columns are given to the model in file order. Check that this was the order used in training.`,
  },
  MISSING_AS_EMPTY_TEXT: {
    de: (p) => `Spalte „${col(p)}“: ${p.count} fehlende Werte wurden dem Modell als leerer Text übergeben.`,
    en: (p) => `Column "${col(p)}": ${p.count} missing values were given to the model as empty text.`,
  },
  small_group: {
    de: (p) => `${p.attribute} = „${p.group}“: nur ${p.n} Fälle${p.n_positive !== undefined ? ` (${p.n_positive} tatsächlich positiv, ${p.n_negative} negativ)` : ''}. Die Zahlen dieser Gruppe sind unsicher; achten Sie auf die Bereiche.`,
    en: (p) => `${p.attribute} = "${p.group}": only ${p.n} cases${p.n_positive !== undefined ? ` (${p.n_positive} truly positive, ${p.n_negative} negative)` : ''}. This group's numbers are uncertain; look at the ranges.`,
  },
  missing_group_values: {
    de: (p) => `${p.rows} Fälle haben keinen Wert in „${p.attribute}“; sie bilden die eigene Gruppe „(missing)“.`,
    en: (p) => `${p.rows} cases have no value in "${p.attribute}"; they form a group of their own, "(missing)".`,
  },
  OUTCOME_MARK_AS_MISSING: {
    de: (p) => `Die Ergebnisspalte „${col(p)}“ enthält ${list(p.values)}; diese Fälle gelten als ohne Ergebnis (sie werden weggelassen), nicht als negative Fälle.`,
    en: (p) => `The outcome column "${col(p)}" holds ${listEn(p.values)}; those cases are taken as having no outcome (left out), not as negative cases.`,
  },
  OUTCOME_MANY_VALUES: {
    de: (p) => `Die Ergebnisspalte „${col(p)}“ hat mehr als zwei Werte; „${p.positive}“ wird mit allen anderen zusammen verglichen (${list(p.others)})${p.favourable ? `. Das günstige Ergebnis „${p.favourable}“ steht damit für jeden Wert außer „${p.positive}“` : ''}.`,
    en: (p) => `The outcome column "${col(p)}" has more than two values; "${p.positive}" is compared with all others together (${listEn(p.others)})${p.favourable ? `. The favourable outcome "${p.favourable}" therefore stands for every value other than "${p.positive}"` : ''}.`,
  },
  OUTCOME_AS_GROUP: {
    de: (p) => `„${col(p)}“ ist zugleich das tatsächliche Ergebnis und ein geschütztes Merkmal: Die Gruppen sind dann die Ergebnisse selbst, ihre Quoten sagen nichts über Fairness.`,
    en: (p) => `"${col(p)}" is both the outcome and a protected attribute: its groups are then the outcomes themselves, and their rates say nothing about fairness.`,
  },
  MISSING_NOT_COMPARED: {
    de: (p) => `${p.attribute}: Die Fälle ohne Wert (${(p.groups as string[]).join(', ')}) werden als eigene Zeile gezeigt, aber nicht mit den anderen Gruppen verglichen (Unterschiede, Verhältnisse, Vier-Fünftel-Regel).`,
    en: (p) => `${p.attribute}: the cases without a value (${(p.groups as string[]).join(', ')}) are shown in a row of their own but not compared with the other groups (differences, ratios, four-fifths rule).`,
  },
  POSITIVE_CLASS_ASSUMED: {
    de: (p) => `Der Wert des Modells ist die Wahrscheinlichkeit der Klasse „${p.modelClass}“ (Ausgabe ${p.output}); sie wird mit dem Ergebniswert „${p.positive}“ verglichen. Wenn das nicht dieselbe Klasse ist, wählen Sie in Schritt 2 die passende Ausgabe.`,
    en: (p) => `The model's score is the probability of class "${p.modelClass}" (output ${p.output}); it is compared with the outcome value "${p.positive}". If that is not the same class, choose the matching output in step 2.`,
  },
  FAVOURABLE_ASSUMED: {
    de: (p) => `Es wurde nicht angegeben, welches Ergebnis günstig ist; „${col(p)} = ${p.value}“ (der positive Wert) gilt als günstig.`,
    en: (p) => `The favourable outcome was not given; "${col(p)} = ${p.value}" (the positive value) is taken as favourable.`,
  },
  BINNED_BY_QUARTILES: {
    de: (p) => `„${col(p)}“ ist eine Zahl mit ${p.distinct} verschiedenen Werten; sie wird in vier etwa gleich große Gruppen eingeteilt (Quartile).`,
    en: (p) => `"${col(p)}" is a number with ${p.distinct} distinct values; it is cut into four groups of about equal size (quartiles).`,
  },
  ROWS_WITHOUT_OUTCOME: {
    de: (p) => `${p.count} Fälle haben keinen Wert in der Ergebnisspalte „${col(p)}“; sie werden bei der Fairness-Auswertung weggelassen.`,
    en: (p) => `${p.count} cases have no value in the outcome column "${col(p)}"; they are left out of the fairness analysis.`,
  },
  HASH_MISMATCH: {
    de: (p) => `Die ${p.what === 'model' ? 'Modelldatei' : 'Datendatei'} „${p.name}“ ist nicht die Datei, mit der die Prüfdatei erstellt wurde („${p.expectedName}“): Ihre SHA-256-Prüfsumme ist eine andere. Die Ergebnisse gelten für die jetzt geladene Datei.`,
    en: (p) => `The ${p.what === 'model' ? 'model' : 'data'} file "${p.name}" is not the one the audit file was made with ("${p.expectedName}"): its SHA-256 checksum differs. The results are for the file loaded now.`,
  },
  ROWS_WITHOUT_SCORE: {
    de: (p) => `Für ${p.count} Fälle hat das Modell keinen Wert geliefert (NaN); sie werden bei der Fairness-Auswertung weggelassen.`,
    en: (p) => `The model gave no score for ${p.count} cases (NaN); they are left out of the fairness analysis.`,
  },
  NOT_COMPARED: {
    de: (p) => (p.reason === 'only_missing'
      ? `„${p.attribute}“: Kein Fall hat hier einen Wert (alle gehören zu „${p.group}“): Es gibt nichts zu vergleichen; Unterschiede, Verhältnisse und die Vier-Fünftel-Regel bleiben leer.`
      : `„${p.attribute}“: Es gibt nur eine Gruppe („${p.group}“): Es gibt nichts zu vergleichen; Unterschiede, Verhältnisse und die Vier-Fünftel-Regel bleiben leer.`),
    en: (p) => (p.reason === 'only_missing'
      ? `"${p.attribute}": no case has a value here (all belong to "${p.group}"): there is nothing to compare; differences, ratios and the four-fifths rule are left empty.`
      : `"${p.attribute}": there is only one group ("${p.group}"): there is nothing to compare; differences, ratios and the four-fifths rule are left empty.`),
  },
  LABEL_NOT_A_CLASS: {
    de: (p) => `„${p.value}“ ist keine der Klassen, die das Modell benennt; der Wert ist deshalb die Wahrscheinlichkeit der Klasse „${p.modelClass}“, wie ohne Angabe des Ergebniswerts.`,
    en: (p) => `"${p.value}" is not one of the classes the model names; the score is therefore the probability of class "${p.modelClass}", as without an outcome value.`,
  },
  OUTCOME_ONE_VALUE: {
    de: (p) => `Alle Fälle mit Ergebnis haben in „${col(p)}“ denselben Wert („${p.value}“): Quoten, die das andere Ergebnis brauchen, sind nicht bestimmt (${p.positive ? 'Falsch-positiv-Rate, Richtig-negativ-Rate, negativer Vorhersagewert' : 'Richtig-positiv-Rate, Falsch-negativ-Rate, positiver Vorhersagewert'}), die AUC lässt sich nicht berechnen, und die Genauigkeit sagt nur, wie oft das Modell „${p.value}“ vorhersagt.`,
    en: (p) => `Every case with an outcome has the same value in "${col(p)}" ("${p.value}"): rates that need the other outcome are undefined (${p.positive ? 'false positive rate, true negative rate, negative predictive value' : 'true positive rate, false negative rate, precision'}), AUC cannot be computed, and accuracy only says how often the model predicts "${p.value}".`,
  },
  DUPLICATE_COLUMN_RENAMED: {
    de: (p) => `Der Spaltenname „${col(p)}“ kommt mehrfach vor (Spalten ${(p.positions as string[]).join(', ')}${p.unnamed ? `; Spalte ${(p.unnamed as string[]).join(', ')} hatte keinen Namen` : ''}). Damit jede Spalte eindeutig ist, heißen sie jetzt ${list(p.names)}.`,
    en: (p) => `The column name "${col(p)}" occurs more than once (columns ${(p.positions as string[]).join(', ')}${p.unnamed ? `; column ${(p.unnamed as string[]).join(', ')} had no name` : ''}). To keep every column distinct, they are now called ${listEn(p.names)}.`,
  },
  ARROW_STREAM_NO_END: {
    de: (p) => `${p.file} ist ein Arrow-Datenstrom ohne Endmarke: ${p.rows} Zeilen wurden gelesen. Wurde die Datei beim Herunterladen oder Kopieren abgeschnitten, fehlen Zeilen; vergleichen Sie die Zahl mit der Quelle.`,
    en: (p) => `${p.file} is an Arrow stream without its end marker: ${p.rows} rows were read. If the file was cut off in a download or copy, rows are missing; compare the number with the source.`,
  },
  ROWS_WITHOUT_SCORE_VALUE: {
    de: (p) => `${p.count} Fälle haben keinen Wert in der Bewertungsspalte „${col(p)}“; sie werden bei der Fairness-Auswertung weggelassen.`,
    en: (p) => `${p.count} cases have no value in the score column "${col(p)}"; they are left out of the fairness analysis.`,
  },
  DECISIONS_MANY_VALUES: {
    de: (p) => `Die Entscheidungsspalte „${col(p)}“ hat mehr als zwei Werte; „${p.positive}“ gilt als positive Entscheidung, jeder andere Wert (${list(p.others)}) als negative.`,
    en: (p) => `The decision column "${col(p)}" has more than two values; "${p.positive}" counts as the positive decision and every other value (${listEn(p.others)}) as negative.`,
  },
  COMPARE_ROWS_WITHOUT_SCORE: {
    de: (p) => `${p.count} Fälle haben keinen Wert von A oder von B; sie werden beim Vergleich weggelassen.`,
    en: (p) => `${p.count} cases have no score from A or from B; they are left out of the comparison.`,
  },
};

/** A warning in the given language; the engine's message when the code has no translation. */
export function warningText(w: Warning, lang: Lang): string {
  const render = warningTexts[w.code]?.[lang];
  if (!render || !w.params) return w.message;
  try {
    return render(w.params);
  } catch {
    return w.message;
  }
}
