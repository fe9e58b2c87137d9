/**
 * Plain-language text for every engine error code, in German and English. The engine's own
 * English message (which names the bad value) is shown under it as the technical message.
 * A test checks that every code in ERROR_CODES has both languages.
 */
import type { ErrorCode } from '../../engine/errors.ts';
import type { Lang } from './messages.ts';

interface Text {
  title: string;
  hint: string;
}

export const errorTexts: Record<ErrorCode, Record<Lang, Text>> = {
  FILE_NOT_FOUND: {
    de: { title: 'Die Datei wurde nicht gefunden.', hint: 'Prüfen Sie den Dateinamen und wählen Sie die Datei erneut.' },
    en: { title: 'The file was not found.', hint: 'Check the file name and choose the file again.' },
  },
  EMPTY_FILE: {
    de: { title: 'Die Datei ist leer.', hint: 'Wählen Sie die Datei erneut; diese enthält keine Daten. Vielleicht wurde sie nicht vollständig gespeichert.' },
    en: { title: 'The file is empty.', hint: 'Choose the file again; this one contains no data. Perhaps it was not saved completely.' },
  },
  UNKNOWN_FORMAT: {
    de: { title: 'Das Dateiformat wird nicht erkannt.', hint: 'Daten bitte als CSV, Apache Arrow oder Parquet speichern (z. B. in Excel „Speichern unter → CSV“).' },
    en: { title: 'The file format is not recognised.', hint: 'Save the data as CSV, Apache Arrow or Parquet (e.g. in Excel "Save as → CSV").' },
  },
  CSV_RAGGED: {
    de: { title: 'Die CSV-Datei hat Zeilen mit unterschiedlich vielen Feldern.', hint: 'Öffnen Sie die Datei in einer Tabellenkalkulation, prüfen Sie die genannte Zeile (oft ein Trennzeichen im Text ohne Anführungszeichen) und speichern Sie erneut.' },
    en: { title: 'The CSV file has rows with different numbers of fields.', hint: 'Open the file in a spreadsheet, check the row named below (often a separator inside text without quotes) and save it again.' },
  },
  CSV_NO_HEADER: {
    de: { title: 'Die CSV-Datei hat keine Kopfzeile oder keine Datenzeilen.', hint: 'Die erste Zeile muss die Spaltennamen enthalten, darunter mindestens eine Zeile mit Daten.' },
    en: { title: 'The CSV file has no header or no data rows.', hint: 'The first line must hold the column names, with at least one row of data below it.' },
  },
  ARROW_INVALID: {
    de: { title: 'Die Arrow-Datei ist beschädigt oder unvollständig.', hint: 'Die Datei wurde wahrscheinlich nicht vollständig gespeichert oder kopiert. Exportieren Sie die Daten erneut (zum Beispiel mit pandas to_feather), oder speichern Sie sie als CSV.' },
    en: { title: 'The Arrow file is damaged or incomplete.', hint: 'The file was probably not saved or copied completely. Export the data again (for example with pandas to_feather), or save them as CSV.' },
  },
  PARQUET_INVALID: {
    de: { title: 'Die Parquet-Datei ist beschädigt oder unvollständig.', hint: 'Die Datei wurde wahrscheinlich nicht vollständig gespeichert oder kopiert. Exportieren Sie die Daten erneut (zum Beispiel mit pandas to_parquet), oder speichern Sie sie als CSV.' },
    en: { title: 'The Parquet file is damaged or incomplete.', hint: 'The file was probably not saved or copied completely. Export the data again (for example with pandas to_parquet), or save them as CSV.' },
  },
  TOO_LARGE: {
    de: { title: 'Die Datei ist zu groß für diesen Browser.', hint: 'Verwenden Sie eine Stichprobe der Daten oder das Kommandozeilenwerkzeug.' },
    en: { title: 'The file is too large for this browser.', hint: 'Use a sample of the data or the command line tool.' },
  },
  NOT_ONNX: {
    de: { title: 'Diese Datei ist kein ONNX-Modell.', hint: 'Wählen Sie die Modelldatei im ONNX-Format (.onnx). Bitten Sie die Stelle, die das Modell erstellt hat, um einen ONNX-Export.' },
    en: { title: 'This file is not an ONNX model.', hint: 'Choose the model file in ONNX format (.onnx). Ask whoever built the model for an ONNX export.' },
  },
  ONNX_TRUNCATED: {
    de: { title: 'Die Modelldatei ist unvollständig.', hint: 'Die Datei wurde wahrscheinlich nicht vollständig kopiert oder heruntergeladen. Besorgen Sie sie erneut.' },
    en: { title: 'The model file is incomplete.', hint: 'The file was probably not copied or downloaded completely. Get it again.' },
  },
  MODEL_LOAD_FAILED: {
    de: { title: 'Das Modell lässt sich nicht starten.', hint: 'Das Modell verwendet vielleicht Bausteine, die im Browser nicht verfügbar sind. Die technische Meldung unten hilft den Fachleuten.' },
    en: { title: 'The model cannot be started.', hint: 'It may use operations that are not available in the browser. The technical message below helps specialists.' },
  },
  UNSUPPORTED_SIGNATURE: {
    de: { title: 'Die Eingaben dieses Modells werden noch nicht unterstützt.', hint: 'Einblick unterstützt eine Eingabematrix oder eine Eingabe je Spalte.' },
    en: { title: "This model's inputs are not supported yet.", hint: 'Einblick supports one input matrix or one input per column.' },
  },
  UNSUPPORTED_OUTPUT: {
    de: { title: 'Die Ausgaben dieses Modells werden noch nicht unterstützt.', hint: 'Einblick braucht eine Wahrscheinlichkeit, einen Zahlenwert oder einen Auffälligkeitswert.' },
    en: { title: "This model's outputs are not supported yet.", hint: 'Einblick needs a probability, a value or an anomaly score.' },
  },
  AMBIGUOUS_OUTPUT: {
    de: { title: 'Es ist nicht eindeutig, welche Ausgabe ausgewertet werden soll.', hint: 'Wählen Sie unten die Ausgabe (und bei mehreren Klassen die Klasse), die bewertet werden soll.' },
    en: { title: 'It is not clear which output should be evaluated.', hint: 'Choose the output below (and, for several classes, the class) to evaluate.' },
  },
  UNKNOWN_OUTPUT: {
    de: { title: 'Diese Ausgabe gibt es im Modell nicht.', hint: 'Wählen Sie eine der aufgeführten Ausgaben.' },
    en: { title: 'The model has no such output.', hint: 'Choose one of the outputs listed.' },
  },
  INFERENCE_FAILED: {
    de: { title: 'Das Modell konnte die Daten nicht verarbeiten.', hint: 'Prüfen Sie, ob die Spalten zum Modell passen. Die technische Meldung unten nennt den Grund.' },
    en: { title: 'The model could not process the data.', hint: 'Check that the columns fit the model. The technical message below gives the reason.' },
  },
  FIXED_BATCH: {
    de: { title: 'Das Modell nimmt immer genau gleich viele Fälle auf einmal.', hint: 'Die Modelldatei legt die Zahl der Fälle pro Aufruf fest. Bitten Sie die Stelle, die das Modell erstellt hat, um einen Export mit variabler Fallzahl (dynamische Batch-Dimension); ein Modell mit genau einem Fall pro Aufruf funktioniert schon jetzt.' },
    en: { title: 'The model always takes the same number of cases at once.', hint: 'The model file fixes the number of cases per call. Ask whoever built the model for an export with a variable number of cases (a dynamic batch dimension); a model that takes exactly one case per call already works.' },
  },
  MISSING_COLUMN: {
    de: { title: 'Dem Datensatz fehlen Spalten, die das Modell braucht.', hint: 'Ergänzen Sie die genannten Spalten in der Datei (gleiche Schreibweise) oder wählen Sie die passende Datei.' },
    en: { title: 'The data lacks columns that the model needs.', hint: 'Add the columns named below to the file (same spelling) or choose the matching file.' },
  },
  UNKNOWN_FEATURE: {
    de: { title: 'Eine gewählte Spalte gibt es in den Daten nicht.', hint: 'Wählen Sie nur Spalten aus der Liste.' },
    en: { title: 'A chosen column does not exist in the data.', hint: 'Choose only columns from the list.' },
  },
  WRONG_WIDTH: {
    de: { title: 'Die Zahl der Spalten passt nicht zum Modell.', hint: 'Wählen Sie genau so viele Spalten, wie das Modell Eingaben erwartet, in der Reihenfolge des Trainings.' },
    en: { title: 'The number of columns does not fit the model.', hint: 'Choose exactly as many columns as the model expects, in the order used in training.' },
  },
  TEXT_FOR_NUMBER: {
    de: { title: 'Eine Spalte enthält Text, wo das Modell Zahlen erwartet.', hint: 'Prüfen Sie die genannte Spalte: Vielleicht wurde die falsche Spalte zugeordnet oder Zahlen wurden als Text gespeichert.' },
    en: { title: 'A column holds text where the model expects numbers.', hint: 'Check the column named below: perhaps the wrong column was mapped or numbers were saved as text.' },
  },
  NOT_INTEGER: {
    de: { title: 'Eine Spalte enthält Kommazahlen, wo das Modell ganze Zahlen erwartet.', hint: 'Prüfen Sie die genannte Spalte und Zeile.' },
    en: { title: 'A column holds fractions where the model expects whole numbers.', hint: 'Check the column and row named below.' },
  },
  MISSING_VALUE: {
    de: { title: 'Eine Spalte hat leere Zellen, die das Modell nicht verarbeiten kann.', hint: 'Füllen Sie die leeren Zellen oder entfernen Sie diese Zeilen.' },
    en: { title: 'A column has empty cells the model cannot handle.', hint: 'Fill the empty cells or remove those rows.' },
  },
  EXPLAIN_LIMIT: {
    de: { title: 'Dieses Erklärungsverfahren ist für dieses Modell zu aufwendig.', hint: 'Wählen Sie beim Verfahren „Automatisch“ oder ein Stichprobenverfahren, oder fassen Sie zusammengehörige Modelleingaben zusammen.' },
    en: { title: 'This explanation method is too much work for this model.', hint: 'Choose the method "Automatic" or a sampling method, or merge model inputs that belong together.' },
  },
  INVALID_OPTION: {
    de: { title: 'Eine Einstellung ist ungültig.', hint: 'Prüfen Sie die genannte Einstellung.' },
    en: { title: 'A setting is invalid.', hint: 'Check the setting named below.' },
  },
  CANCELLED: {
    de: { title: 'Abgebrochen.', hint: 'Die Berechnung wurde auf Wunsch gestoppt.' },
    en: { title: 'Cancelled.', hint: 'The computation was stopped on request.' },
  },
  WORKER_DIED: {
    de: { title: 'Die Rechenkomponente ist abgestürzt.', hint: 'Laden Sie die Seite neu. Tritt das wieder auf, ist die Datei vielleicht zu groß für diesen Browser.' },
    en: { title: 'The computing component crashed.', hint: 'Reload the page. If it happens again, the file may be too large for this browser.' },
  },
  INTERNAL: {
    de: { title: 'Ein unerwarteter Fehler in Einblick.', hint: 'Bitte melden Sie ihn mit der technischen Meldung unten.' },
    en: { title: 'An unexpected error in Einblick.', hint: 'Please report it with the technical message below.' },
  },
  READ_FAILED: {
    de: { title: 'Die Datei lässt sich nicht lesen.', hint: 'Prüfen Sie, ob es eine gewöhnliche Datei ist und ob Sie sie lesen dürfen.' },
    en: { title: 'The file cannot be read.', hint: 'Check that it is an ordinary file and that you may read it.' },
  },
  WRITE_FAILED: {
    de: { title: 'Das Ergebnis lässt sich dort nicht speichern.', hint: 'Wählen Sie einen Ort, an dem Sie Dateien anlegen dürfen.' },
    en: { title: 'The result cannot be saved there.', hint: 'Choose a place where you may create files.' },
  },
  NOT_PROBABILITY: {
    de: { title: 'Die Ausgabe des Modells ist keine Wahrscheinlichkeit.', hint: 'Die gewählte Ausgabe enthält Werte unter 0 oder über 1. Sie ist ein Punktwert, keine Wahrscheinlichkeit, daher lässt sich keine Wahrscheinlichkeitsschwelle anwenden. Bitten Sie die Stelle, die das Modell erstellt hat, um einen Export mit Wahrscheinlichkeiten, oder werten Sie die Ausgabe als Zahlenwert aus (Aufgabe „Regression“).' },
    en: { title: "The model's output is not a probability.", hint: 'The chosen output holds values below 0 or above 1. It is a score, not a probability, so no probability threshold can be applied. Ask whoever built the model for an export with probabilities, or analyse the output as a value (task "regression").' },
  },
};
