/**
 * Plain-language text for the explanation's notes (src/engine/explain/notes.ts), in German and
 * English, for the app and the report. The engine's English `message` stays what the CLI and the
 * results JSON say; these texts say the same for people who do not program, with the numbers in
 * the language's format and the method names the app uses.
 */
import type { Warning } from '../engine/errors.ts';
import type { ExplainNoteCode } from '../engine/explain/notes.ts';
import type { Lang } from './warnings.ts';

type P = Record<string, unknown>;
type Render = (p: P) => string;

const locale = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');

/** A count: 1013 -> '1.013' / '1,013'. */
const int = (lang: Lang, x: unknown) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(Number(x));

/** A number with one decimal: 10.25 -> '10,3' / '10.3'. */
const one = (lang: Lang, x: unknown) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Number(x));

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A small difference, two significant digits: 0.0013 -> '0,0013'; 2.1e-7 -> '2,1 · 10⁻⁷' / '2.1 × 10⁻⁷'.
 *
 * @example small('de', 2.1e-7) // '2,1 · 10⁻⁷'
 */
export function small(lang: Lang, x: unknown): string {
  const v = Number(x);
  if (!Number.isFinite(v) || v === 0 || Math.abs(v) >= 1e-3) return new Intl.NumberFormat(locale(lang), { maximumSignificantDigits: 2 }).format(v);
  const [mantissa, exponent] = v.toExponential(1).split('e');
  const power = `10${exponent.replace('+', '').replace('-', '⁻').replace(/\d/g, (d) => SUPER[Number(d)])}`;
  return `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1 }).format(Number(mantissa))} ${lang === 'de' ? '·' : '×'} ${power}`;
}

/** The method names of the report (src/report/text.ts methodNames); a test keeps them equal. */
export const METHOD: Record<Lang, Record<string, string>> = {
  de: { tree: 'exaktes Baum-SHAP (TreeSHAP)', linear: 'exaktes lineares SHAP', exact: 'exakte Aufzählung aller Koalitionen', permutation: 'Permutations-SHAP (Stichprobe)', kernel: 'Kernel-SHAP (Stichprobe)' },
  en: { tree: 'exact tree SHAP (TreeSHAP)', linear: 'exact linear SHAP', exact: 'exact enumeration of all coalitions', permutation: 'permutation SHAP (sampled)', kernel: 'Kernel SHAP (sampled)' },
};
const SPACE: Record<Lang, Record<string, string>> = {
  de: { probability: '„Wahrscheinlichkeit“', logit: '„Log-Odds“', raw: '„Wert des Modells“' },
  en: { probability: '"probability"', logit: '"log-odds"', raw: '"the model\'s value"' },
};
const POST: Record<Lang, Record<string, string>> = {
  de: { NONE: 'keine', LOGISTIC: 'logistische Funktion, ergibt eine Wahrscheinlichkeit' },
  en: { NONE: 'none', LOGISTIC: 'logistic function, giving a probability' },
};
const post = (lang: Lang, t: unknown) => POST[lang][String(t)] ?? String(t);
const method = (lang: Lang, m: unknown) => METHOD[lang][String(m)] ?? String(m);
const space = (lang: Lang, s: unknown) => SPACE[lang][String(s)] ?? String(s);
const isTrees = (p: P) => p.kind === 'trees' || p.method === 'tree';

/** What was read from the model file, and what the score is when it is additive. */
const read = { de: (p: P) => (isTrees(p) ? 'die Entscheidungsbäume des Modells' : 'die Gewichte des linearen Modells'), en: (p: P) => (isTrees(p) ? "the model's decision trees" : 'the weights of the linear model') };
const sum = { de: (p: P) => (isTrees(p) ? 'die Summe der Beiträge der einzelnen Bäume' : 'eine gewichtete Summe der Eingaben'), en: (p: P) => (isTrees(p) ? 'the sum of the individual trees\' contributions' : 'a weighted sum of the inputs') };

/** Why no exact structured method: the space, too large an enumeration, or no usable structure. */
const why: Record<Lang, Render> = {
  de: (p) => {
    if (p.kind) {
      const large = p.pairPlayers === undefined ? '' : `, und die Aufzählung über ${isTrees(p) ? 'die Bäume' : 'die Gewichte'} wäre zu groß (bis zu ${int('de', p.pairPlayers)} Spalten je Paar aus erklärtem Fall und Vergleichsfall, ${int('de', p.pairCoalitions)} Kombinationen)`;
      return `Auf der Skala ${space('de', p.space)} ist die Bewertung nicht einfach ${sum.de(p)} (sie wird noch umgerechnet)${large}`;
    }
    if (p.structure === 'none-given') return 'Einblick rechnet hier ohne einen aus der Modelldatei gelesenen und geprüften Aufbau';
    if (p.structure === 'blocked') return `Ein Pfad in den Entscheidungsbäumen liest ${int('de', p.pathPlayers)} Spalten; das exakte Baum-Verfahren schafft höchstens ${int('de', p.maxPathPlayers)}`;
    return `Der Aufbau des Modells ließ sich nicht aus der Modelldatei lesen (technische Angabe auf Englisch: „${p.reason}“)`;
  },
  en: (p) => {
    if (p.kind) {
      const large = p.pairPlayers === undefined ? '' : `, and enumerating over the ${isTrees(p) ? 'trees' : 'weights'} would be too large (up to ${int('en', p.pairPlayers)} columns per pair of explained and comparison case, ${int('en', p.pairCoalitions)} combinations)`;
      return `On the ${space('en', p.space)} scale the score is not simply ${sum.en(p)} (it is converted further)${large}`;
    }
    if (p.structure === 'none-given') return 'Einblick works here without a structure read from the model file and checked';
    if (p.structure === 'blocked') return `A path in the decision trees reads ${int('en', p.pathPlayers)} columns; the exact tree method handles at most ${int('en', p.maxPathPlayers)}`;
    return `The model's structure could not be read from the model file (technical detail: "${p.reason}")`;
  },
};

const samplingUnits: Record<Lang, Render> = {
  de: (p) => {
    const what = p.method === 'kernel' ? `${int('de', p.units)} zufällige Kombinationen von Spalten je Fall, jede mit ihrem Gegenstück` : `${int('de', p.units)} zufällige Reihenfolgen der Spalten je Fall, jede auch rückwärts durchlaufen`;
    return `Stichprobe: ${what} (Zufallsstartwert ${p.seed}). Jeder Wert hat einen Standardfehler.`;
  },
  en: (p) => {
    const what = p.method === 'kernel' ? `${int('en', p.units)} random combinations of columns per case, each with its complement` : `${int('en', p.units)} random orders of the columns per case, each also run backwards`;
    return `Sample: ${what} (random seed ${p.seed}). Every value has a standard error.`;
  },
};

export const explainNoteTexts: Record<ExplainNoteCode, Record<Lang, Render>> = {
  TREE_KERNEL_FALLBACK: {
    de: (p) => `Baum-SHAP lief in der TypeScript-Fassung (gleiche Zahlen, langsamer), weil sich der WebAssembly-Rechenkern nicht laden ließ (Fehlermeldung: ${p.error}).`,
    en: (p) => `Tree SHAP ran in its TypeScript version (same numbers, slower) because the WebAssembly kernel could not be loaded (error: ${p.error}).`,
  },
  ROWS_SAMPLED: {
    de: (p) => `Die Daten haben ${int('de', p.total)} Zeilen; erklärt wird eine feste Zufallsstichprobe von ${int('de', p.count)} Fällen (Zufallsstartwert ${p.seed}). Welche Fälle erklärt werden, lässt sich auch selbst festlegen.`,
    en: (p) => `The data have ${int('en', p.total)} rows; a fixed random sample of ${int('en', p.count)} cases is explained (random seed ${p.seed}). You can also choose the cases yourself.`,
  },
  STRUCTURE_NONE: {
    de: (p) => `Einblick konnte aus der Modelldatei keinen Aufbau lesen, mit dem es exakt rechnen kann (Entscheidungsbäume oder ein lineares Modell). Deshalb wird ein Verfahren verwendet, das nur die Vorhersagen des Modells braucht. Technische Angabe auf Englisch: „${p.reason}“.`,
    en: (p) => `Einblick could not read a structure from the model file that it can compute with exactly (decision trees or a linear model). So a method is used that needs only the model's predictions. Technical detail: "${p.reason}".`,
  },
  STRUCTURE_MISMATCH: {
    de: (p) => `Einblick hat ${read.de(p)} aus der Modelldatei gelesen, aber nachgerechnet weichen sie um bis zu ${small('de', p.maxDiff)} vom Modell selbst (onnxruntime) ab. Sie werden deshalb nicht verwendet; stattdessen wird ein Verfahren verwendet, das nur die Vorhersagen des Modells braucht.`,
    en: (p) => `Einblick read ${read.en(p)} from the model file, but recomputed they differ from the model itself (onnxruntime) by up to ${small('en', p.maxDiff)}. So they are not used; instead a method is used that needs only the model's predictions.`,
  },
  STRUCTURE_CHECKED: {
    de: (p) => `Einblick hat ${read.de(p)} aus der Modelldatei gelesen und auf ${int('de', p.rows)} Fällen mit dem Modell selbst (onnxruntime) verglichen: Die Bewertungen stimmen bis auf höchstens ${small('de', p.maxDiff)} überein (Rundung). Erst nach dieser Prüfung wird damit gerechnet.`,
    en: (p) => `Einblick read ${read.en(p)} from the model file and compared them with the model itself (onnxruntime) on ${int('en', p.rows)} cases: the scores agree to within ${small('en', p.maxDiff)} (rounding). Only after this check are they used.`,
  },
  METHOD_STRUCTURE: {
    de: (p) => `Automatisch gewählt: ${method('de', p.method)}. Einblick hat ${read.de(p)} aus der Modelldatei gelesen; auf der Skala ${space('de', p.space)} ist die Bewertung ${sum.de(p)}. Deshalb lässt sich jeder Wert exakt berechnen.`,
    en: (p) => `Chosen automatically: ${method('en', p.method)}. Einblick read ${read.en(p)} from the model file; on the ${space('en', p.space)} scale the score is ${sum.en(p)}. So every value can be computed exactly.`,
  },
  METHOD_STRUCTURE_PAIRS: {
    de: (p) => `Automatisch gewählt: ${method('de', p.method)}, berechnet durch Aufzählung. Einblick hat ${read.de(p)} aus der Modelldatei gelesen; auf der Skala ${space('de', p.space)} ist die Bewertung aber nicht einfach ${sum.de(p)}. Deshalb werden für jeden Vergleichsfall alle Kombinationen der Spalten durchgerechnet, in denen er sich vom erklärten Fall unterscheidet (höchstens ${int('de', p.players)} Spalten). Die Werte sind exakt.`,
    en: (p) => `Chosen automatically: ${method('en', p.method)}, computed by enumeration. Einblick read ${read.en(p)} from the model file; on the ${space('en', p.space)} scale, however, the score is not simply ${sum.en(p)}. So for each comparison case every combination of the columns in which it differs from the explained case is computed (at most ${int('en', p.players)} columns). The values are exact.`,
  },
  METHOD_EXACT: {
    de: (p) => `Automatisch gewählt: ${method('de', 'exact')} (aller Kombinationen von Spalten), mit dem Modell selbst. ${why.de(p)}. Die Aufzählung braucht ${int('de', p.evaluations)} Modellauswertungen, höchstens das ${p.factor}-Fache des Stichprobenbudgets von ${int('de', p.budget)}; dafür sind die Werte exakt statt geschätzt.`,
    en: (p) => `Chosen automatically: ${method('en', 'exact')} (all combinations of columns), with the model itself. ${why.en(p)}. The enumeration needs ${int('en', p.evaluations)} model evaluations, at most ${p.factor} times the sampling budget of ${int('en', p.budget)}; in return the values are exact rather than estimated.`,
  },
  METHOD_PERMUTATION: {
    de: (p) => `Automatisch gewählt: ${method('de', 'permutation')}, mit einem Standardfehler für jeden Wert. ${why.de(p)}. ${p.evaluations === undefined ? 'Eine exakte Aufzählung ist hier nicht machbar' : `Eine exakte Aufzählung bräuchte ${int('de', p.evaluations)} Modellauswertungen, mehr als das ${p.factor}-Fache des Stichprobenbudgets von ${int('de', p.budget)}`}.`,
    en: (p) => `Chosen automatically: ${method('en', 'permutation')}, with a standard error for every value. ${why.en(p)}. ${p.evaluations === undefined ? 'An exact enumeration is out of reach here' : `An exact enumeration would need ${int('en', p.evaluations)} model evaluations, more than ${p.factor} times the sampling budget of ${int('en', p.budget)}`}.`,
  },
  METHOD_ASKED: {
    de: (p) => `Verfahren wie eingestellt (nicht automatisch gewählt): ${method('de', p.method)}.`,
    en: (p) => `Method as set (not chosen automatically): ${method('en', p.method)}.`,
  },
  METHOD_ASKED_PAIRS: {
    de: (p) => `Verfahren wie eingestellt (nicht automatisch gewählt): ${method('de', p.method)}. Auf dieser Skala ist die Bewertung nicht einfach eine Summe; deshalb werden für jeden Vergleichsfall die Kombinationen der Spalten durchgerechnet. Die Werte sind exakt.`,
    en: (p) => `Method as set (not chosen automatically): ${method('en', p.method)}. On this scale the score is not simply a sum, so for each comparison case the combinations of the columns are computed. The values are exact.`,
  },
  STRUCTURE_EVALUATES: {
    de: () => 'Die Modellauswertungen rechnet Einblick mit dem aus der Modelldatei gelesenen und mit dem Modell selbst (onnxruntime) geprüften Aufbau, in doppelter Genauigkeit (float64).',
    en: () => 'Einblick computes the model evaluations with the structure read from the model file and checked against the model itself (onnxruntime), in double precision (float64).',
  },
  SAMPLING_UNITS: samplingUnits,
  LOGIT_PRECISION: {
    de: (p) => `Genauigkeit der Log-Odds: Das Modell gibt Wahrscheinlichkeiten als float32-Zahlen (etwa 7 Stellen) aus, und einige erklärte Fälle liegen sehr nahe an 0 oder 1 (Log-Odds bis ${one('de', p.worst)}). Deren Log-Odds und die Werte, die darauf beruhen, können um bis zu ${small('de', p.bound)} abweichen. Auf der Skala „Wahrscheinlichkeit“ gibt es diese Ungenauigkeit nicht.`,
    en: (p) => `Precision of the log-odds: the model gives probabilities as float32 numbers (about 7 digits), and some explained cases lie very close to 0 or 1 (log-odds up to ${one('en', p.worst)}). Their log-odds, and the values that use them, may be off by up to ${small('en', p.bound)}. On the "probability" scale there is no such imprecision.`,
  },
  TREE_SHAP: {
    de: (p) => `Interventionelles Baum-SHAP über ${int('de', p.trees)} Entscheidungsbäume, exakt Pfad für Pfad berechnet (Rechenkern: ${p.kernel === 'wasm' ? 'WebAssembly' : 'TypeScript'}).`,
    en: (p) => `Interventional tree SHAP over ${int('en', p.trees)} decision trees, computed exactly path by path (computing kernel: ${p.kernel === 'wasm' ? 'WebAssembly' : 'TypeScript'}).`,
  },
  TREE_PAIRS: {
    de: (p) => `Aufzählung über die Entscheidungsbäume für jedes Paar aus erklärtem Fall und Vergleichsfall; die größte umfasste ${int('de', p.players)} Spalten.`,
    en: (p) => `Enumeration over the decision trees for each pair of explained and comparison case; the largest covered ${int('en', p.players)} columns.`,
  },
  LINEAR_SHAP: {
    de: () => 'Lineares SHAP in geschlossener Form: Beitrag einer Eingabe = Gewicht × (Wert des Falls − Mittelwert der Vergleichsfälle), gerechnet auf der Skala, auf der das Modell eine gewichtete Summe ist.',
    en: () => 'Linear SHAP in closed form: contribution of an input = weight × (value of the case − mean of the comparison cases), computed on the scale on which the model is a weighted sum.',
  },
  LINEAR_PAIRS: {
    de: (p) => `Aufzählung über die gewichtete Summe des linearen Modells für jedes Paar aus erklärtem Fall und Vergleichsfall; die größte umfasste ${int('de', p.players)} Spalten.`,
    en: (p) => `Enumeration over the linear model's weighted sum for each pair of explained and comparison case; the largest covered ${int('en', p.players)} columns.`,
  },
  TREE_ENSEMBLE: {
    de: (p) => `Aus der Modelldatei gelesen: ${int('de', p.trees)} Entscheidungsbäume im Baustein „${p.node}“ (${p.op}; Umrechnung der Summe: ${post('de', p.postTransform)}).`,
    en: (p) => `Read from the model file: ${int('en', p.trees)} decision trees in the node "${p.node}" (${p.op}; conversion of the sum: ${post('en', p.postTransform)}).`,
  },
  AFFINE_MAP: {
    de: (p) => `Aus der Modelldatei gelesen: eine gewichtete Summe (linear) über ${int('de', p.values)} Eingabewerte im Baustein „${p.node}“.`,
    en: (p) => `Read from the model file: a weighted sum (linear) over ${int('en', p.values)} input values in the node "${p.node}".`,
  },
};

/**
 * An explanation note in the given language; the engine's English message when the code has no
 * text (a note from elsewhere) or its params do not fit.
 *
 * @example explainNoteText({ code: 'TREE_PAIRS', message: '...', params: { players: 16 } }, 'de') // 'Aufzählung über die Entscheidungsbäume ... 16 Spalten.'
 */
export function explainNoteText(n: Warning, lang: Lang): string {
  const render = (explainNoteTexts as Record<string, Record<Lang, Render> | undefined>)[n.code]?.[lang];
  if (!render) return n.message;
  try {
    return render(n.params ?? {});
  } catch {
    return n.message;
  }
}

/** True when the note is shown in the given language (false: the engine's English message). */
export function hasExplainNoteText(n: Warning): boolean {
  return n.code in explainNoteTexts;
}
