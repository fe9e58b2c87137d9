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
  UNSCORED_EMPTY_CELLS: {
    de: {
      text: (p) => `Das Modell gibt für ${rowsDe(p)} keinen Wert aus: Dort sind Zellen leer (${cellsDe(p)}), und das Modell kann mit fehlenden Werten nicht umgehen. Solche Fälle lassen sich weder erklären noch als Vergleichsfälle verwenden.`,
      hint: () => 'Füllen Sie die leeren Zellen in der Datei (oder entfernen Sie diese Zeilen) und laden Sie sie erneut, oder wählen Sie andere Fälle.',
    },
    en: {
      text: (p) => `The model gives no score for ${rowsEn(p)}: they have empty cells (${cellsEn(p)}), and the model cannot handle missing values. Such cases can be neither explained nor used as comparison cases.`,
      hint: () => 'Fill in the empty cells in the file (or remove those rows) and load it again, or choose other cases.',
    },
  },
  UNSCORED_ROWS: {
    de: {
      text: (p) => `Das Modell gibt für ${rowsDe(p)} keinen gültigen Wert aus, obwohl alle Zellen gefüllt sind.`,
      hint: () => 'Prüfen Sie diese Zeilen auf extreme oder ungewöhnliche Werte, oder wählen Sie andere Fälle.',
    },
    en: {
      text: (p) => `The model gives no valid score for ${rowsEn(p)}, although all their cells are filled.`,
      hint: () => 'Check these rows for extreme or unusual values, or choose other cases.',
    },
  },
  NO_COMPLETE_ROW: {
    de: {
      text: (p) => [
        'Kein Fall hat zugleich einen Wert des Modells und ein tatsächliches Ergebnis.',
        Number(p.no_score) > 0 ? `${de(p.no_score)} von ${de(p.rows)} Fällen fehlt der Wert des Modells (es lieferte NaN)${p.empty_feature ? `; die Modelleingabe „${p.empty_feature}“ ist leer` : ''}.` : '',
        Number(p.no_outcome) > 0 ? `${de(p.no_outcome)} von ${de(p.rows)} Fällen fehlt das tatsächliche Ergebnis${p.column ? ` in „${p.column}“` : ''}.` : '',
      ].filter(Boolean).join(' '),
      hint: (p) => (p.no_score === p.rows
        ? p.empty_feature ? `Füllen Sie die Spalte „${p.empty_feature}“ aus oder ordnen Sie dieser Modelleingabe eine andere Spalte zu.` : 'Prüfen Sie die Eingaben des Modells auf fehlende oder ungültige Werte.'
        : p.no_outcome === p.rows ? `Prüfen Sie die Ergebnisspalte${p.column ? ` „${p.column}“` : ''}: Sie enthält keinen Wert.` : 'Die Fälle mit Modellwert haben kein Ergebnis und umgekehrt: Prüfen Sie die Ergebnisspalte und die Eingaben des Modells.'),
    },
    en: {
      text: (p) => [
        'No case has both a score from the model and an actual outcome.',
        Number(p.no_score) > 0 ? `${en(p.no_score)} of ${en(p.rows)} cases have no score (the model gave no number)${p.empty_feature ? `; the model input "${p.empty_feature}" is empty` : ''}.` : '',
        Number(p.no_outcome) > 0 ? `${en(p.no_outcome)} of ${en(p.rows)} cases have no actual outcome${p.column ? ` in "${p.column}"` : ''}.` : '',
      ].filter(Boolean).join(' '),
      hint: (p) => (p.no_score === p.rows
        ? p.empty_feature ? `Fill in column "${p.empty_feature}", or give this model input another column.` : 'Check the model inputs for missing or invalid values.'
        : p.no_outcome === p.rows ? `Check the outcome column${p.column ? ` "${p.column}"` : ''}: it holds no value.` : 'The cases with a score have no outcome and the other way round: check the outcome column and the model inputs.'),
    },
  },
  OUTCOME_NO_VALUES: {
    de: {
      text: (p) => `Die Ergebnisspalte „${p.column}“ enthält keine Werte${Array.isArray(p.marks) && p.marks.length ? ` (nur leere Zellen und Markierungen für „kein Wert“ wie ${p.marks.map((m) => `„${m}“`).join(', ')})` : ' (alle Zellen sind leer oder als fehlend markiert)'}.`,
      hint: () => 'Wählen Sie die Spalte mit dem tatsächlichen Ergebnis, oder tragen Sie die Werte ein.',
    },
    en: {
      text: (p) => `The outcome column "${p.column}" holds no values${Array.isArray(p.marks) && p.marks.length ? ` (only empty cells and marks for "no value" such as ${p.marks.map((m) => `"${m}"`).join(', ')})` : ' (every cell is empty or marked as missing)'}.`,
      hint: () => 'Choose the column with the actual outcome, or fill in its values.',
    },
  },
  OUTCOME_VALUE_SPELLING: {
    de: {
      text: (p) => `Den Wert „${p.value}“ gibt es in der Spalte „${p.column}“ nicht; meinten Sie „${p.meant}“?`,
      hint: (p) => `Schreiben Sie den Wert genau wie in den Daten, mit denselben Groß- und Kleinbuchstaben und Leerzeichen: „${p.meant}“.`,
    },
    en: {
      text: (p) => `The value "${p.value}" does not occur in column "${p.column}"; did you mean "${p.meant}"?`,
      hint: (p) => `Write the value exactly as in the data, with the same capitals and spaces: "${p.meant}".`,
    },
  },
  AUDIT_INVALID: {
    de: {
      text: (p) => `Die Prüfdatei enthält ${de(p.count)} ungültige ${p.count === 1 ? 'Angabe' : 'Angaben'}; die technische Meldung unten nennt sie mit dem Namen der Angabe.`,
      hint: () => 'Korrigieren Sie die genannten Angaben in einem Texteditor. Die Prüfdatei verwendet dieselben Namen wie die Kommandozeile (z. B. "label": "Class=Good") und dieselben Grenzen (z. B. höchstens 100.000 Vergleichsfälle).',
    },
    en: {
      text: (p) => `The audit file holds ${en(p.count)} invalid ${p.count === 1 ? 'entry' : 'entries'}; the technical message below names ${p.count === 1 ? 'it' : 'them'} by key.`,
      hint: () => 'Correct the entries named in a text editor. The audit file uses the same names as the command line (e.g. "label": "Class=Good") and the same limits (e.g. at most 100,000 comparison cases).',
    },
  },
  AUDIT_TOO_LARGE: {
    de: { text: (p) => `Die Datei ist für eine Prüfdatei zu groß: Prüfdateien sind wenige Kilobyte groß, höchstens ${de(p.limit)} Zeichen.`, hint: () => 'Wählen Sie die Prüfdatei, die Einblick gespeichert hat (.json); diese Datei ist etwas anderes.' },
    en: { text: (p) => `The file is too large for an audit file: audit files are a few kilobytes, at most ${en(p.limit)} characters.`, hint: () => 'Choose the audit file Einblick saved (.json); this file is something else.' },
  },
  AUDIT_EMPTY: {
    de: { text: () => 'Die Prüfdatei ist leer.', hint: () => 'Wählen Sie die Prüfdatei erneut; vielleicht wurde sie nicht vollständig gespeichert.' },
    en: { text: () => 'The audit file is empty.', hint: () => 'Choose the audit file again; perhaps it was not saved completely.' },
  },
  AUDIT_TOO_DEEP: {
    de: { text: (p) => `Die Datei ist mehr als ${de(p.limit)} Ebenen tief verschachtelt; eine Prüfdatei hat höchstens drei.`, hint: () => 'Wählen Sie die Prüfdatei, die Einblick gespeichert hat (.json); diese Datei ist etwas anderes.' },
    en: { text: (p) => `The file is nested more than ${en(p.limit)} levels deep; an audit file has at most three.`, hint: () => 'Choose the audit file Einblick saved (.json); this file is something else.' },
  },
  AUDIT_NOT_JSON: {
    de: { text: () => 'Die Datei ist keine Prüfdatei im JSON-Format; die technische Meldung unten nennt die Stelle, an der das Lesen scheitert.', hint: () => 'Wählen Sie die Prüfdatei, die Einblick gespeichert hat (.json), oder prüfen Sie die genannte Stelle in einem Texteditor.' },
    en: { text: () => 'The file is not an audit file in JSON format; the technical message below names where reading fails.', hint: () => 'Choose the audit file Einblick saved (.json), or check the place named in a text editor.' },
  },
  AUDIT_DUPLICATE_KEY: {
    de: { text: (p) => `Die Prüfdatei nennt die Angabe „${p.key}“ zweimal; es ist nicht klar, welcher Wert gemeint ist.`, hint: () => 'Löschen Sie eine der beiden Angaben in einem Texteditor.' },
    en: { text: (p) => `The audit file gives "${p.key}" twice; it is not clear which value was meant.`, hint: () => 'Delete one of the two in a text editor.' },
  },
  REPEATED_FEATURE: {
    de: { text: (p) => `Die Spalte „${p.column}“ ist mehrfach als Modelleingabe gewählt; jede Eingabe des Modells braucht ihre eigene Spalte.`, hint: () => 'Wählen Sie jede Spalte nur einmal, in der Reihenfolge, in der das Modell trainiert wurde.' },
    en: { text: (p) => `The column "${p.column}" is chosen more than once as a model input; every input of the model needs its own column.`, hint: () => 'Choose each column once, in the order the model was trained on.' },
  },
  EXTERNAL_DATA: {
    de: {
      text: (p) => `Das Modell legt seine Gewichte${p.location ? ` in einer eigenen Datei („${p.location}“)` : ' in einer eigenen Datei'} ab. Einblick liest nur Modelle, die vollständig in einer einzigen .onnx-Datei gespeichert sind.`,
      hint: () => 'Speichern Sie das Modell als eine Datei: in Python mit onnx.save_model(model, "model.onnx", save_as_external_data=False) (bis 2 GB möglich), oder bitten Sie die Stelle, die es exportiert hat, um einen Export in einer Datei.',
    },
    en: {
      text: (p) => `The model keeps its weights in a separate file${p.location ? ` ("${p.location}")` : ''}. Einblick reads only models saved completely in one single .onnx file.`,
      hint: () => 'Save the model as one file: in Python with onnx.save_model(model, "model.onnx", save_as_external_data=False) (possible up to 2 GB), or ask whoever exported it for a single-file export.',
    },
  },
  IR_VERSION: {
    de: {
      text: (p) => `Die Modelldatei ist in der ONNX-Formatversion (IR-Version) ${de(p.version)} geschrieben; die Laufzeitumgebung von Einblick (${p.engine}) liest Versionen bis ${de(p.max)}.`,
      hint: (p) => `Speichern Sie das Modell mit IR-Version ${de(p.max)} oder niedriger (die Option target_opset des Konverters legt sie fest), oder bitten Sie die exportierende Stelle um eine solche Datei.`,
    },
    en: {
      text: (p) => `The model file is written in ONNX format version (IR version) ${en(p.version)}; Einblick's runtime (${p.engine}) reads versions up to ${en(p.max)}.`,
      hint: (p) => `Save the model with IR version ${en(p.max)} or lower (the converter's target_opset option sets it), or ask whoever exported it for such a file.`,
    },
  },
  OPSET_VERSION: {
    de: {
      text: (p) => `Das Modell braucht Version ${de(p.version)} der Operatoren ${p.domain}; die Laufzeitumgebung von Einblick (${p.engine}) kennt Versionen bis ${de(p.max)}.`,
      hint: (p) => `Exportieren Sie das Modell erneut mit Operator-Set ${de(p.max)} oder niedriger für ${p.domain} (Option target_opset bzw. opset_version des Konverters), oder bitten Sie die exportierende Stelle darum.`,
    },
    en: {
      text: (p) => `The model needs version ${en(p.version)} of the ${p.domain} operators; Einblick's runtime (${p.engine}) supports versions up to ${en(p.max)}.`,
      hint: (p) => `Export the model again with operator set ${en(p.max)} or lower for ${p.domain} (the converter's target_opset or opset_version option), or ask whoever exported it.`,
    },
  },
  UNKNOWN_OPERATOR: {
    de: {
      text: (p) => `Das Modell verwendet den Baustein (Operator) ${p.operator}${p.domain && p.domain !== 'ai.onnx' ? ` aus ${p.domain}` : ''}, den die Laufzeitumgebung von Einblick (${p.engine}) nicht kennt.${custom(p.domain) ? ' Eigene Bausteine (Custom Operators) werden nicht unterstützt.' : ''}`,
      hint: () => 'Exportieren Sie das Modell nur mit Standard-ONNX-Bausteinen (ohne eigene Operatoren oder Konverter-Erweiterungen), oder bitten Sie die exportierende Stelle darum. „einblick inspect“ listet die Bausteine des Modells.',
    },
    en: {
      text: (p) => `The model uses the operator ${p.operator}${p.domain && p.domain !== 'ai.onnx' ? ` of ${p.domain}` : ''}, which Einblick's runtime (${p.engine}) does not have.${custom(p.domain) ? ' Custom operators are not supported.' : ''}`,
      hint: () => 'Export the model with standard ONNX operators only (no custom operators or converter extensions), or ask whoever exported it. "einblick inspect" lists the model\'s operators.',
    },
  },
  OPERATOR_VERSION: {
    de: {
      text: (p) => `Das Modell verwendet den Baustein ${p.operator} in Version ${de(p.version)} (mit diesen Datentypen); dafür hat die Laufzeitumgebung von Einblick (${p.engine}) keine Umsetzung.`,
      hint: () => 'Exportieren Sie das Modell mit einem aktuellen Konverter und einem neueren Operator-Set (target_opset) erneut, oder bitten Sie die exportierende Stelle darum.',
    },
    en: {
      text: (p) => `The model uses the operator ${p.operator} in version ${en(p.version)} (with these value types), for which Einblick's runtime (${p.engine}) has no implementation.`,
      hint: () => 'Export the model again with a current converter and a recent operator set (target_opset), or ask whoever exported it.',
    },
  },
  TREE_NODE_MODE: {
    de: {
      text: (p) => `Das Baummodell in der Datei ist beschädigt: Die Knotenart „${p.mode}“ gibt es nicht (erlaubt sind ${p.modes}).`,
      hint: () => TREE_HINT_DE,
    },
    en: {
      text: (p) => `The tree model in the file is damaged: the node mode "${p.mode}" does not exist (allowed are ${p.modes}).`,
      hint: () => TREE_HINT_EN,
    },
  },
  TREE_LENGTHS: {
    de: {
      text: (p) => `Das Baummodell in der Datei ist beschädigt: Die Listen ${p.first} (${de(p.firstCount)} Einträge) und ${p.second} (${de(p.secondCount)} Einträge) müssten gleich lang sein.`,
      hint: () => TREE_HINT_DE,
    },
    en: {
      text: (p) => `The tree model in the file is damaged: the lists ${p.first} (${en(p.firstCount)} entries) and ${p.second} (${en(p.secondCount)} entries) should be equally long.`,
      hint: () => TREE_HINT_EN,
    },
  },
  TREE_NODE_MISSING: {
    de: { text: () => 'Das Baummodell in der Datei ist beschädigt: Ein Baum verweist auf einen Knoten, den es nicht gibt, oder ein Knoten auf sich selbst.', hint: () => TREE_HINT_DE },
    en: { text: () => 'The tree model in the file is damaged: a tree refers to a node that does not exist, or a node to itself.', hint: () => TREE_HINT_EN },
  },
  TREE_INVALID: {
    de: { text: () => 'Das Baummodell in der Datei ist beschädigt oder in einer Form geschrieben, die die Laufzeitumgebung nicht annimmt.', hint: () => TREE_HINT_DE },
    en: { text: () => 'The tree model in the file is damaged or written in a form the runtime does not accept.', hint: () => TREE_HINT_EN },
  },
  GRAPH_SHAPES: {
    de: {
      text: (p) => `Die Teile des Modells passen nicht zusammen: ${p.operator ? `Der Schritt ${p.operator}` : 'Ein Schritt'} bekommt Werte in Größen, mit denen er nicht rechnen kann (zum Beispiel weicht die angegebene Eingabebreite von dem ab, was die Gewichte brauchen).`,
      hint: () => `Die Modelldatei ist in sich widersprüchlich. ${EXPORT_AGAIN_DE}`,
    },
    en: {
      text: (p) => `The parts of the model do not fit together: ${p.operator ? `the step ${p.operator}` : 'one step'} receives values of sizes it cannot work with (for example, the stated input width differs from what the weights need).`,
      hint: () => `The model file contradicts itself. ${EXPORT_AGAIN_EN}`,
    },
  },
  GRAPH_TYPES: {
    de: {
      text: (p) => `Die Teile des Modells passen nicht zusammen: ${p.operator ? `Der Schritt ${p.operator}` : 'Ein Schritt'} bekommt Werte eines Datentyps, mit dem er nicht rechnen kann.`,
      hint: () => `Die Modelldatei ist in sich widersprüchlich. ${EXPORT_AGAIN_DE}`,
    },
    en: {
      text: (p) => `The parts of the model do not fit together: ${p.operator ? `the step ${p.operator}` : 'one step'} receives values of a type it cannot work with.`,
      hint: () => `The model file contradicts itself. ${EXPORT_AGAIN_EN}`,
    },
  },
  MODEL_INVALID: {
    de: { text: () => 'Die Modelldatei verletzt die Regeln des ONNX-Formats (zum Beispiel liest ein Schritt einen Wert, den nichts erzeugt), deshalb lehnt die Laufzeitumgebung sie ab.', hint: () => EXPORT_AGAIN_DE },
    en: { text: () => 'The model file breaks the rules of the ONNX format (for example, a step reads a value that nothing produces), so the runtime refuses it.', hint: () => EXPORT_AGAIN_EN },
  },
  INFERENCE_FEATURES: {
    de: {
      text: (p) => `Das Modell konnte die Daten nicht verarbeiten: Seine Bäume lesen Eingabespalte ${de(p.needed)}, die Daten liefern aber nur ${de(p.columns)} Spalten je Fall.`,
      hint: () => SHAPE_HINT_DE,
    },
    en: {
      text: (p) => `The model could not process the data: its trees read input column ${en(p.needed)}, but the data gives only ${en(p.columns)} columns per case.`,
      hint: () => SHAPE_HINT_EN,
    },
  },
  INFERENCE_SHAPE: {
    de: {
      text: (p) => `Das Modell konnte die Daten nicht verarbeiten: ${p.operator ? `Der Schritt ${p.operator}` : 'Ein Schritt'} bekam Werte in Größen, die nicht passen${p.columns !== undefined ? ` (die Daten liefern ${de(p.columns)} Spalten je Fall)` : ''}.`,
      hint: () => SHAPE_HINT_DE,
    },
    en: {
      text: (p) => `The model could not process the data: ${p.operator ? `the step ${p.operator}` : 'one step'} received values of sizes that do not fit${p.columns !== undefined ? ` (the data gives ${en(p.columns)} columns per case)` : ''}.`,
      hint: () => SHAPE_HINT_EN,
    },
  },
  TENSOR_INPUT: {
    de: {
      text: (p) => `Die Modelleingabe ${p.input} hat die Form ${p.shape}: Sie nimmt je Fall ein Bild oder einen anderen Block von Zahlen, nicht eine Zeile einer Tabelle. Einblick erklärt Modelle über Tabellen (eine Zeile je Fall).`,
      hint: () => 'Bild-, Ton- und andere Tensor-Modelle kann Einblick nicht erklären. Verwenden Sie ein Modell, das je Fall eine Tabellenzeile nimmt: eine Eingabematrix [N, F] oder eine Eingabe je Spalte.',
    },
    en: {
      text: (p) => `The model input ${p.input} has the shape ${p.shape}: it takes an image or another block of numbers per case, not one row of a table. Einblick explains models over tables (one row per case).`,
      hint: () => 'Einblick cannot explain image, sound or other tensor models. Use a model that takes one table row per case: one input matrix [N, F] or one input per column.',
    },
  },
  OUTPUT_RANK: {
    de: {
      text: (p) => `Die Ausgabe ${p.output} hat die Form [${p.shape}]: Sie enthält je Fall eine ganze Tabelle von Werten, nicht einen Wert je Fall (oder je Klasse). Keine ihrer Spalten kann daher als Ergebnis des Modells ausgewertet werden.`,
      hint: () => 'Wählen Sie eine andere Ausgabe, oder bitten Sie die exportierende Stelle um eine Ausgabe der Form [N] oder [N, Klassen].',
    },
    en: {
      text: (p) => `The output ${p.output} has the shape [${p.shape}]: it holds a whole table of values per case, not one value per case (or per class). None of its columns can be evaluated as the model's result.`,
      hint: () => 'Choose another output, or ask whoever exported the model for an output of shape [N] or [N, classes].',
    },
  },
  ONNX_DAMAGED: {
    de: {
      text: () => 'Die Modelldatei ist beschädigt: Im Inneren des Modells bricht der Inhalt ab oder passt nicht zusammen.',
      hint: () => 'Die Datei wurde wahrscheinlich nicht vollständig kopiert oder von einem fehlerhaften Werkzeug verändert. Exportieren oder kopieren Sie das Modell erneut und prüfen Sie, ob die Dateigröße mit dem Original übereinstimmt.',
    },
    en: {
      text: () => 'The model file is damaged: inside the model, its content breaks off or does not hold together.',
      hint: () => 'The file was probably not copied completely or was changed by a faulty tool. Export or copy the model again and check that its size matches the original.',
    },
  },
  NO_INPUTS: {
    de: { text: () => 'Das Modell hat keine Eingaben: Sein Ergebnis hängt nicht von den Daten ab, es gibt also nichts zu erklären oder zu vergleichen.', hint: () => 'Prüfen Sie, ob dies die richtige Modelldatei ist; ein Modell, das Einblick prüfen kann, liest die Spalten einer Tabelle.' },
    en: { text: () => 'The model has no inputs: its result does not depend on the data, so there is nothing to explain or compare.', hint: () => 'Check that this is the right model file; a model Einblick can examine reads the columns of a table.' },
  },
  TREE_POST_TRANSFORM: {
    de: { text: (p) => `Das Baummodell ist beschädigt: Die Umrechnung seiner Ergebnisse (post_transform) ist keine der bekannten (${p.allowed}).`, hint: () => 'Die Datei wurde vermutlich von Hand oder mit einem fehlerhaften Werkzeug verändert. Lassen Sie das Modell mit einem aktuellen Konverter neu exportieren.' },
    en: { text: (p) => `The tree model is damaged: the transformation of its results (post_transform) is none of the known ones (${p.allowed}).`, hint: () => 'The file was probably changed by hand or by a faulty tool. Have the model exported again with a current converter.' },
  },
  SCORE_NOT_PROBABILITY: {
    de: {
      text: (p) => `Die Ausgabe „${p.output}“${p.index !== undefined ? ` (Spalte ${de(p.index)})` : ''} enthält Werte außerhalb von 0 bis 1 (${p.row !== undefined ? `Zeile ${de(p.row)}, gezählt ab 0: ${de(p.value)}` : `${de(p.value)} bei einem für die Erklärung berechneten Fall`}). Sie ist also ein Punktwert, keine Wahrscheinlichkeit; Einblick kann sie nicht als Wahrscheinlichkeit auswerten${p.row !== undefined ? ' und keine Schwelle darauf anwenden' : ''}.`,
      hint: () => 'Bitten Sie die Stelle, die das Modell erstellt hat, um einen Export, dessen Ausgabe Wahrscheinlichkeiten enthält (zum Beispiel mit predict_proba bei skl2onnx, oder mit einer abschließenden Sigmoid- oder Softmax-Funktion). Sind die Werte als Punktwerte gemeint, wertet das Kommandozeilenwerkzeug sie als Zahlenwerte aus (einblick fairness --task regression).',
    },
    en: {
      text: (p) => `The output "${p.output}"${p.index !== undefined ? ` (column ${en(p.index)})` : ''} holds values outside 0 to 1 (${p.row !== undefined ? `row ${en(p.row)}, counting from 0: ${en(p.value)}` : `${en(p.value)} for a case computed for the explanation`}). So it is a score, not a probability; Einblick cannot evaluate it as a probability${p.row !== undefined ? ' or apply a threshold to it' : ''}.`,
      hint: () => 'Ask whoever built the model for an export whose output holds probabilities (for example predict_proba with skl2onnx, or a final Sigmoid or Softmax). If the values are meant as scores, the command line tool analyses them as values (einblick fairness --task regression).',
    },
  },
  CSV_FIELD_COUNT: {
    de: {
      text: (p) => `Zeile ${de(p.line)} der Datei hat ${de(p.fields)} ${p.fields === 1 ? 'Feld' : 'Felder'}, die Kopfzeile aber ${de(p.expected)} Spalten (Trennzeichen ${separatorDe(p.delimiter)}).`,
      hint: (p) => `Jede Zeile braucht genau einen Wert je Spalte. Prüfen Sie Zeile ${de(p.line)} in einem Texteditor oder einer Tabellenkalkulation: Ein Wert, der das Trennzeichen enthält, muss in Anführungszeichen ("…") stehen, und ein fehlender Wert muss als leeres Feld erhalten bleiben. Speichern Sie die Datei dann erneut.`,
    },
    en: {
      text: (p) => `Line ${en(p.line)} of the file has ${en(p.fields)} field${p.fields === 1 ? '' : 's'}, but the header has ${en(p.expected)} columns (separator ${separatorEn(p.delimiter)}).`,
      hint: (p) => `Every line needs exactly one value per column. Check line ${en(p.line)} in a text editor or spreadsheet: a value that contains the separator must be put in double quotes ("…"), and a missing value must still be there as an empty field. Then save the file again.`,
    },
  },
  MATRIX_WIDTH_DATA: {
    de: {
      text: (p) => `Das Modell nimmt über seine Eingabe „${p.input}“ genau ${de(p.expected)} Spalten, die Daten haben aber ${de(p.actual)}. Welche Spalten in welcher Reihenfolge gemeint sind, steht nicht in der Modelldatei.`,
      hint: (p) => `Wählen Sie unten genau ${de(p.expected)} Spalten, in der Reihenfolge, in der das Modell trainiert wurde, und bestätigen Sie mit „Diese Spalten verwenden“ (fragen Sie im Zweifel die Stelle, die das Modell erstellt hat).`,
    },
    en: {
      text: (p) => `Through its input "${p.input}" the model takes exactly ${en(p.expected)} columns, but the data has ${en(p.actual)}. The model file does not say which columns in which order.`,
      hint: (p) => `Choose exactly ${en(p.expected)} columns below, in the order the model was trained on, and confirm with "Use these columns" (if in doubt, ask whoever built the model).`,
    },
  },
  MATRIX_WIDTH_CHOSEN: {
    de: {
      text: (p) => `Das Modell nimmt über seine Eingabe „${p.input}“ genau ${de(p.expected)} Spalten; gewählt sind ${de(p.actual)}.`,
      hint: (p) => `Wählen Sie genau ${de(p.expected)} Spalten, in der Reihenfolge, in der das Modell trainiert wurde.`,
    },
    en: {
      text: (p) => `Through its input "${p.input}" the model takes exactly ${en(p.expected)} columns; ${en(p.actual)} are chosen.`,
      hint: (p) => `Choose exactly ${en(p.expected)} columns, in the order the model was trained on.`,
    },
  },
  GROUP_MISSING_NAME: {
    de: {
      text: (p) => `In der Gruppenspalte „${p.attribute}“ steht der Wert „${p.value}“, und die Spalte hat auch leere Zellen. „${p.value}“ ist der Name, unter dem Einblick die Fälle ohne Wert als eigene Gruppe zeigt; beide Gruppen wären nicht zu unterscheiden.`,
      hint: (p) => `Benennen Sie den Wert „${p.value}“ in der Datei um (zum Beispiel in „fehlt“) oder füllen Sie die leeren Zellen, und laden Sie die Datei erneut; oder wählen Sie eine andere Gruppenspalte.`,
    },
    en: {
      text: (p) => `The group column "${p.attribute}" holds the value "${p.value}" and also has empty cells. "${p.value}" is the name under which Einblick shows the cases without a value as a group of their own; the two groups could not be told apart.`,
      hint: (p) => `Rename the value "${p.value}" in the file (for example to "unknown") or fill in the empty cells, and load the file again; or choose another group column.`,
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
  SCORES_NOT_NUMBERS: {
    de: { text: (p) => `Die Bewertungsspalte „${p.column}“ enthält Text, keine Zahlen.`, hint: () => 'Wählen Sie die Spalte mit dem Wert des Modells (eine Zahl je Fall), oder werten Sie die Spalte als Entscheidung aus, wenn sie die Entscheidung selbst enthält (z. B. ja/nein).' },
    en: { text: (p) => `The score column "${p.column}" holds text, not numbers.`, hint: () => "Choose the column with the model's score (a number per case), or analyse the column as decisions if it holds the decision itself (e.g. yes/no)." },
  },
  SCORE_COLUMN_EMPTY: {
    de: { text: (p) => `Die Bewertungsspalte „${p.column}“ enthält keine Werte.`, hint: () => 'Wählen Sie die Spalte, die die Bewertungen oder Entscheidungen enthält.' },
    en: { text: (p) => `The score column "${p.column}" holds no values.`, hint: () => 'Choose the column that holds the scores or decisions.' },
  },
  DECISION_VALUE_NEEDED: {
    de: { text: (p) => `Welcher Wert der Entscheidungsspalte „${p.column}“ ist die positive Entscheidung? Sie enthält ${Array.isArray(p.values) ? p.values.map((v) => `„${v}“`).join(', ') : ''}.`, hint: () => 'Wählen Sie den Wert, der die Entscheidung bedeutet, um die es geht (z. B. „prüfen“ oder „ja“).' },
    en: { text: (p) => `Which value of the decision column "${p.column}" is the positive decision? It holds ${Array.isArray(p.values) ? p.values.map((v) => `"${v}"`).join(', ') : ''}.`, hint: () => 'Choose the value that means the decision in question (e.g. "inspect" or "yes").' },
  },
  DECISION_VALUE_UNKNOWN: {
    de: { text: (p) => `Den Wert „${p.value}“ gibt es in der Entscheidungsspalte „${p.column}“ nicht.`, hint: () => 'Wählen Sie einen der Werte der Spalte (genau so geschrieben).' },
    en: { text: (p) => `The value "${p.value}" does not occur in the decision column "${p.column}".`, hint: () => 'Choose one of the values of the column (spelt exactly the same).' },
  },
  COMPARE_REGRESSION: {
    de: { text: () => 'Der Vergleich von Regressionsmodellen (Zahlenwerte statt Entscheidungen) wird noch nicht unterstützt.', hint: () => 'Vergleichen Sie Klassifikationsmodelle oder Bewertungsspalten mit Schwelle; für Regressionsmodelle werten Sie beide einzeln aus und vergleichen die mittleren Fehler je Gruppe.' },
    en: { text: () => 'Comparing regression models (values instead of decisions) is not supported yet.', hint: () => 'Compare classifiers or score columns with a threshold; for regression models, audit each one and compare their mean errors per group.' },
  },
  COMPARE_NO_ROW: {
    de: { text: () => 'Kein Fall hat zugleich einen Wert von A, einen von B und ein tatsächliches Ergebnis.', hint: () => 'Prüfen Sie, ob beide Versionen dieselben Daten bewerten, und die Ergebnisspalte.' },
    en: { text: () => 'No case has a score from A, one from B and an actual outcome.', hint: () => 'Check that both versions score the same data, and the outcome column.' },
  },
};

/** 'Zeile 3' / 'den Zeilen 3, 7 und 2 weiteren' from params rows (shown) and count (all). */
function rowsDe(p: P): string {
  const rows = (p.rows as string[] | undefined) ?? [];
  const more = Number(p.count ?? rows.length) - rows.length;
  return `${rows.length === 1 && more === 0 ? 'Zeile' : 'die Zeilen'} ${rows.join(', ')}${more > 0 ? ` und ${de(more)} weitere` : ''} (gezählt ab 0)`;
}

function rowsEn(p: P): string {
  const rows = (p.rows as string[] | undefined) ?? [];
  const more = Number(p.count ?? rows.length) - rows.length;
  return `${rows.length === 1 && more === 0 ? 'row' : 'rows'} ${rows.join(', ')}${more > 0 ? ` and ${en(more)} more` : ''} (counting from 0)`;
}

/** Empty cells from params cellColumns and cellRows: '„Amount“ in Zeile 3'. */
const cells = (p: P, say: (column: string, row: string) => string) => {
  const rows = (p.cellRows as string[] | undefined) ?? [];
  return ((p.cellColumns as string[] | undefined) ?? []).map((c, i) => say(c, rows[i])).join(', ');
};
const cellsDe = (p: P) => cells(p, (c, r) => `„${c}“ in Zeile ${r}`);
const cellsEn = (p: P) => cells(p, (c, r) => `"${c}" in row ${r}`);

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

/** Texts shared by several details of issue 9 (model files the runtime refuses). */
const TREE_HINT_DE = 'Die Datei wurde vermutlich von Hand oder von einem fehlerhaften Werkzeug verändert. Exportieren Sie das Modell erneut aus dem Original, oder bitten Sie die Stelle, die es erstellt hat, um einen neuen Export.';
const TREE_HINT_EN = 'The file was probably changed by hand or by a faulty tool. Export the model again from the original, or ask whoever built it for a new export.';
const EXPORT_AGAIN_DE = 'Exportieren Sie das Modell mit einem aktuellen Konverter (skl2onnx, onnxmltools, torch.onnx) erneut aus dem Original, oder bitten Sie die Stelle, die es erstellt hat, um einen neuen Export.';
const EXPORT_AGAIN_EN = 'Export the model again from the original with a current converter (skl2onnx, onnxmltools, torch.onnx), or ask whoever built it for a new export.';
const SHAPE_HINT_DE = 'Die Modelldatei gibt vermutlich eine andere Zahl oder Form von Eingaben an, als das Modell wirklich verwendet, oder die gewählten Spalten sind nicht die, mit denen es trainiert wurde. Prüfen Sie die Spalten und fragen Sie die exportierende Stelle, wie viele Eingabespalten das Modell nimmt.';
const SHAPE_HINT_EN = 'The model file probably states another number or shape of inputs than the model really uses, or the chosen columns are not those it was trained on. Check the columns and ask whoever exported the model how many input columns it takes.';
const custom = (domain: unknown) => typeof domain === 'string' && domain !== '' && domain !== 'ai.onnx' && domain !== 'ai.onnx.ml';

/** A CSV separator in words (CSV_FIELD_COUNT). */
const SEPARATORS: Record<string, [string, string]> = { ',': ['Komma', 'comma'], ';': ['Semikolon', 'semicolon'], '\t': ['Tabulator', 'tab'], '|': ['senkrechter Strich', 'vertical bar'] };
const separatorDe = (d: unknown) => SEPARATORS[String(d)]?.[0] ?? `„${String(d)}“`;
const separatorEn = (d: unknown) => SEPARATORS[String(d)]?.[1] ?? `"${String(d)}"`;

/** Bytes in GiB (one decimal), MiB, KiB or bytes, in the page's language. */
function bytesText(bytes: unknown, lang: Lang): string {
  const n = Number(bytes);
  const units: [number, string][] = [[2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  for (const [unit, name] of units) if (n >= unit) return `${(n / unit).toLocaleString(locale, { maximumFractionDigits: unit === 2 ** 30 ? 1 : 0 })} ${name}`;
  return `${n} ${lang === 'de' ? 'Bytes' : 'bytes'}`;
}
