/**
 * The glossary: every technical word the app and the report use, explained in plain German and
 * English for people who are not statisticians. Info buttons next to numbers and charts link
 * here by id. A test checks that both languages have every entry.
 */

export interface GlossaryEntry {
  id: string;
  de: { term: string; text: string };
  en: { term: string; text: string };
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'shap',
    de: { term: 'SHAP-Wert', text: 'Wie stark eine Spalte die Bewertung eines einzelnen Falls vom durchschnittlichen Fall weggeschoben hat, nach oben (+) oder unten (−). Die Werte eines Falls addieren sich genau zur Differenz zwischen seiner Bewertung und dem Ausgangswert. Sie beschreiben das Modell, nicht die Ursachen in der Wirklichkeit.' },
    en: { term: 'SHAP value', text: 'How far a column moved the score of one case away from the average case, upwards (+) or downwards (−). A case’s values add up exactly to the difference between its score and the base value. They describe the model, not causes in the real world.' },
  },
  {
    id: 'base-value',
    de: { term: 'Ausgangswert', text: 'Die durchschnittliche Bewertung der Vergleichsfälle (Hintergrundstichprobe). Jede Erklärung beginnt hier; die SHAP-Werte führen von hier zur Bewertung des Falls.' },
    en: { term: 'Base value', text: 'The average score of the comparison cases (background sample). Every explanation starts here; the SHAP values lead from here to the case’s score.' },
  },
  {
    id: 'background',
    de: { term: 'Hintergrundstichprobe (Vergleichsfälle)', text: 'Zufällig gezogene Fälle aus den Daten, die den „durchschnittlichen Fall“ bilden. Eine Spalte „auszuschalten“ heißt: ihren Wert durch die Werte dieser Fälle zu ersetzen. Mit demselben Zufallsstartwert wird dieselbe Stichprobe gezogen.' },
    en: { term: 'Background sample (comparison cases)', text: 'Cases drawn at random from the data that form the “average case”. Switching a column “off” means replacing its value with the values of these cases. The same random seed draws the same sample.' },
  },
  {
    id: 'log-odds',
    de: { term: 'Log-Odds', text: 'Eine andere Skala für eine Wahrscheinlichkeit: der Logarithmus der Chancen p/(1−p). 0 entspricht 50 %, +0,69 verdoppelt die Chancen, −0,69 halbiert sie. Viele Modelle rechnen intern auf dieser Skala.' },
    en: { term: 'Log-odds', text: 'Another scale for a probability: the logarithm of the odds p/(1−p). 0 means 50%, +0.69 doubles the odds, −0.69 halves them. Many models compute on this scale internally.' },
  },
  {
    id: 'exact-estimated',
    de: { term: 'Exakte und geschätzte SHAP-Werte', text: 'Für Entscheidungsbäume (TreeSHAP) und lineare Modelle rechnet Einblick die Werte exakt aus dem Aufbau des Modells; bei wenigen Spalten auch durch Durchrechnen aller Kombinationen. Sonst werden sie aus Stichproben geschätzt (Permutations- oder Kernel-SHAP) und mit ihrem Schätzfehler gezeigt.' },
    en: { term: 'Exact and estimated SHAP values', text: 'For decision trees (TreeSHAP) and linear models Einblick computes the values exactly from the model’s structure; with few columns also by computing every combination. Otherwise they are estimated from samples (permutation or kernel SHAP) and shown with their estimation error.' },
  },
  {
    id: 'threshold',
    de: { term: 'Schwelle', text: 'Ab diesem Wert gilt eine Vorhersage als „positiv“ (z. B. „wird ausgewählt“). Eine andere Schwelle ändert, wer ausgewählt wird, und damit alle Quoten und Fehlerraten.' },
    en: { term: 'Threshold', text: 'From this score on a prediction counts as “positive” (e.g. “is selected”). Another threshold changes who is selected, and with it every rate and error rate.' },
  },
  {
    id: 'positive-favourable',
    de: { term: 'Positiv und günstig', text: '„Positiv“ ist der Wert, dessen Wahrscheinlichkeit das Modell ausgibt; das heißt nicht „gut“. „Günstig“ ist das Ergebnis, das für die betroffene Person gut ist. Bei „Betrieb wird kontrolliert = ja“ ist die positive Vorhersage ungünstig.' },
    en: { term: 'Positive and favourable', text: '“Positive” is the value whose probability the model gives; it does not mean “good”. “Favourable” is the outcome that is good for the person concerned. For “company is inspected = yes” the positive prediction is unfavourable.' },
  },
  {
    id: 'accuracy',
    de: { term: 'Genauigkeit (Accuracy)', text: 'Anteil der Fälle, bei denen die Vorhersage (bei der gewählten Schwelle) mit dem tatsächlichen Ergebnis übereinstimmt. Bei seltenen Ergebnissen kann sie hoch sein, obwohl das Modell die wichtigen Fälle verfehlt.' },
    en: { term: 'Accuracy', text: 'Share of cases where the prediction (at the chosen threshold) agrees with the actual outcome. With rare outcomes it can be high although the model misses the cases that matter.' },
  },
  {
    id: 'auc',
    de: { term: 'AUC (Fläche unter der ROC-Kurve)', text: 'Die Wahrscheinlichkeit, dass das Modell einem zufällig gewählten tatsächlich positiven Fall einen höheren Wert gibt als einem zufällig gewählten negativen. 0,5 ist Raten, 1 ist eine perfekte Reihenfolge. Sie hängt nicht von der Schwelle ab.' },
    en: { term: 'AUC (area under the ROC curve)', text: 'The probability that the model gives a randomly chosen truly positive case a higher score than a randomly chosen negative one. 0.5 is guessing, 1 is a perfect ordering. It does not depend on the threshold.' },
  },
  {
    id: 'brier',
    de: { term: 'Brier-Wert', text: 'Mittlere quadrierte Abweichung zwischen vorhergesagter Wahrscheinlichkeit und tatsächlichem Ergebnis (1 oder 0). 0 ist perfekt; ein Modell, das immer 50 % sagt, erreicht 0,25.' },
    en: { term: 'Brier score', text: 'Mean squared difference between the predicted probability and the actual outcome (1 or 0). 0 is perfect; a model that always says 50% scores 0.25.' },
  },
  {
    id: 'calibration',
    de: { term: 'Kalibrierung', text: 'Ob die Wahrscheinlichkeiten des Modells stimmen: Von den Fällen mit etwa 70 % sollten etwa 70 % tatsächlich positiv sein. Die Grafik teilt die Fälle nach ihrer Wahrscheinlichkeit in zehn Bereiche und vergleicht je Bereich die mittlere Vorhersage mit dem beobachteten Anteil; Punkte auf der Diagonalen heißen: gut kalibriert.' },
    en: { term: 'Calibration', text: 'Whether the model’s probabilities are right: of the cases at about 70%, about 70% should actually be positive. The chart splits the cases by their probability into ten ranges and compares, per range, the mean prediction with the observed share; points on the diagonal mean well calibrated.' },
  },
  {
    id: 'ece',
    de: { term: 'Mittlere Kalibrierungsabweichung (ECE)', text: 'Der Abstand zwischen vorhergesagter und beobachteter Quote in den zehn Bereichen der Kalibrierungsgrafik, gemittelt und nach der Zahl der Fälle gewichtet. 0 ist perfekt.' },
    en: { term: 'Expected calibration error (ECE)', text: 'The gap between predicted and observed share in the ten ranges of the calibration chart, averaged and weighted by the number of cases. 0 is perfect.' },
  },
  {
    id: 'regression-errors',
    de: { term: 'Fehlermaße bei Zahlenwerten (MAE, RMSE, R²)', text: 'MAE: mittlere absolute Abweichung zwischen Vorhersage und tatsächlichem Wert. RMSE: Wurzel der mittleren quadrierten Abweichung; große Fehler zählen stärker. R²: Anteil der Streuung der tatsächlichen Werte, den das Modell erklärt (1 perfekt, 0 nicht besser als der Mittelwert).' },
    en: { term: 'Errors of numeric predictions (MAE, RMSE, R²)', text: 'MAE: mean absolute difference between prediction and actual value. RMSE: root of the mean squared difference; large errors count more. R²: share of the spread of the actual values that the model explains (1 perfect, 0 no better than the mean).' },
  },
  {
    id: 'share-flagged',
    de: { term: 'Anteil markiert', text: 'Bei einem Modell zur Auffälligkeitserkennung: der Anteil der Fälle, die das Modell selbst als auffällig kennzeichnet.' },
    en: { term: 'Share flagged', text: 'For an anomaly detector: the share of cases the model itself marks as unusual.' },
  },
  {
    id: 'base-rate',
    de: { term: 'Basisrate', text: 'Der tatsächliche Anteil positiver Fälle in einer Gruppe laut Daten. Unterscheiden sich die Basisraten, unterscheiden sich meist auch die Vorhersagen; ob die Daten selbst verzerrt sind, sagt die Basisrate nicht.' },
    en: { term: 'Base rate', text: 'The actual share of positive cases in a group according to the data. When base rates differ, predictions usually differ too; whether the data themselves are biased, the base rate does not say.' },
  },
  {
    id: 'selection-rate',
    de: { term: 'Auswahlquote', text: 'Der Anteil der Fälle einer Gruppe, die das Modell (bei der gewählten Schwelle) positiv vorhersagt, z. B. für eine Prüfung auswählt.' },
    en: { term: 'Selection rate', text: 'The share of a group’s cases that the model predicts positive (at the chosen threshold), e.g. selects for an inspection.' },
  },
  {
    id: 'tpr',
    de: { term: 'Richtig-positiv-Rate (TPR, Erkennungsrate)', text: 'Von den tatsächlich positiven Fällen der Anteil, den das Modell erkennt. Ist sie in einer Gruppe niedriger, übersieht das Modell dort mehr Fälle.' },
    en: { term: 'True positive rate (TPR, recall)', text: 'Of the truly positive cases, the share the model recognises. Where it is lower, the model misses more cases of that group.' },
  },
  {
    id: 'fpr',
    de: { term: 'Falsch-positiv-Rate (FPR, Fehlalarmquote)', text: 'Von den tatsächlich negativen Fällen der Anteil, den das Modell trotzdem positiv vorhersagt, z. B. unnötige Kontrollen. Ist sie in einer Gruppe höher, trifft der Fehlalarm diese Gruppe öfter.' },
    en: { term: 'False positive rate (FPR)', text: 'Of the truly negative cases, the share the model still predicts positive, e.g. needless inspections. Where it is higher, false alarms hit that group more often.' },
  },
  {
    id: 'ppv',
    de: { term: 'Positiver Vorhersagewert (PPV, Präzision, Trefferquote)', text: 'Von den positiv vorhergesagten Fällen der Anteil, der tatsächlich positiv ist: Wie oft stimmt eine Auswahl?' },
    en: { term: 'Positive predictive value (PPV, precision)', text: 'Of the cases predicted positive, the share that is truly positive: how often is a selection right?' },
  },
  {
    id: 'demographic-parity',
    de: { term: 'Demografische Parität', text: 'Alle Gruppen haben dieselbe Auswahlquote. Gemessen als Unterschied (größte minus kleinste Quote) oder Verhältnis (kleinste durch größte). Sie fragt nicht, ob die Gruppen sich tatsächlich unterscheiden.' },
    en: { term: 'Demographic parity', text: 'All groups have the same selection rate. Measured as a difference (largest minus smallest rate) or a ratio (smallest over largest). It does not ask whether the groups actually differ.' },
  },
  {
    id: 'equal-opportunity',
    de: { term: 'Chancengleichheit (Equal Opportunity)', text: 'Alle Gruppen haben dieselbe Richtig-positiv-Rate: Wer tatsächlich positiv ist, wird in jeder Gruppe gleich oft erkannt. Gemessen als größter Unterschied der TPR.' },
    en: { term: 'Equal opportunity', text: 'All groups have the same true positive rate: those who are truly positive are recognised equally often in every group. Measured as the largest difference in TPR.' },
  },
  {
    id: 'equalized-odds',
    de: { term: 'Equalized Odds', text: 'Alle Gruppen haben dieselbe Richtig-positiv- und dieselbe Falsch-positiv-Rate. Gemessen als der größere der beiden Unterschiede.' },
    en: { term: 'Equalized odds', text: 'All groups have the same true positive and the same false positive rate. Measured as the larger of the two differences.' },
  },
  {
    id: 'four-fifths',
    de: { term: 'Vier-Fünftel-Regel', text: 'Eine Faustregel aus der US-Personalpraxis: Erhält eine Gruppe das günstige Ergebnis weniger als vier Fünftel (0,8) so oft wie die am meisten begünstigte, gilt das als Hinweis auf Benachteiligung. Kein rechtlicher Maßstab nach deutschem oder EU-Recht.' },
    en: { term: 'Four-fifths rule', text: 'A rule of thumb from US employment practice: if a group receives the favourable outcome less than four fifths (0.8) as often as the most favoured group, that is taken as a sign of disadvantage. Not a legal test under German or EU law.' },
  },
  {
    id: 'wilson',
    de: { term: 'Wilson-Intervall', text: 'Der Unsicherheitsbereich einer Quote (95 %): Bei einer kleinen Gruppe ist er breit, weil wenige Fälle die Quote stark schwanken lassen. Überlappen sich die Bereiche zweier Gruppen stark, ist ein Unterschied nicht belastbar.' },
    en: { term: 'Wilson interval', text: 'The uncertainty range of a rate (95%): for a small group it is wide, because a few cases move the rate a lot. Where two groups’ ranges overlap a lot, a difference is not reliable.' },
  },
  {
    id: 'bootstrap',
    de: { term: 'Bootstrap', text: 'Ein Verfahren für den Unsicherheitsbereich von Unterschieden und Verhältnissen: Die Fälle werden viele Male (z. B. 1000-mal) zufällig mit Zurücklegen neu gezogen und die Kennzahl jedes Mal neu berechnet. Mit demselben Startwert kommt dasselbe heraus.' },
    en: { term: 'Bootstrap', text: 'A method for the uncertainty range of differences and ratios: the cases are drawn again at random with replacement many times (e.g. 1000) and the measure is recomputed each time. The same seed gives the same result.' },
  },
  {
    id: 'intersection',
    de: { term: 'Schnittmenge (Intersektionalität)', text: 'Gruppen aus zwei oder drei Merkmalen zugleich, z. B. Frauen unter 25. Eine Benachteiligung kann dort auftreten, obwohl jedes Merkmal für sich unauffällig ist.' },
    en: { term: 'Intersection', text: 'Groups defined by two or three attributes at once, e.g. women under 25. A disadvantage can show there although each attribute on its own looks fine.' },
  },
  {
    id: 'reference-group',
    de: { term: 'Vergleichsgruppe', text: 'Die Gruppe, mit der die anderen verglichen werden. Ohne Wahl ist es die am meisten begünstigte Gruppe.' },
    en: { term: 'Reference group', text: 'The group the others are compared with. Unless chosen, it is the most favoured group.' },
  },
  {
    id: 'top-k',
    de: { term: 'Rangliste (die obersten k)', text: 'Wenn nur die Fälle mit den höchsten Werten bearbeitet werden (z. B. die obersten 10 % werden kontrolliert): Wer landet dort, gemessen an seinem Anteil an allen Fällen, und wie oft zu Recht?' },
    en: { term: 'Ranking (top k)', text: 'When only the cases with the highest scores are acted on (e.g. the top 10% are inspected): who ends up there, compared with their share of all cases, and how often rightly?' },
  },
  {
    id: 'proxy',
    de: { term: 'Stellvertretermerkmal (Proxy)', text: 'Eine Spalte, die mit einem geschützten Merkmal zusammenhängt, etwa der Stadtteil mit der Staatsangehörigkeit. Ein Modell kann so benachteiligen, ohne das geschützte Merkmal selbst zu kennen.' },
    en: { term: 'Proxy feature', text: 'A column related to a protected attribute, such as the district to nationality. A model can disadvantage a group this way without seeing the protected attribute itself.' },
  },
  {
    id: 'binning',
    de: { term: 'Einteilung in Gruppen (Binning)', text: 'Zahlenspalten wie das Alter werden für den Vergleich in Gruppen eingeteilt: in gleich große Gruppen (Quantile) oder an selbst gewählten Grenzen.' },
    en: { term: 'Binning', text: 'Number columns such as age are cut into groups for the comparison: into groups of equal size (quantiles) or at limits you choose.' },
  },
  {
    id: 'sha256',
    de: { term: 'SHA-256-Prüfsumme', text: 'Ein Fingerabdruck einer Datei: Schon eine kleine Änderung ergibt eine ganz andere Prüfsumme. Die Prüfdatei hält die Prüfsummen von Modell und Daten fest, damit später erkennbar ist, ob dieselben Dateien geprüft werden.' },
    en: { term: 'SHA-256 checksum', text: 'A fingerprint of a file: even a small change gives a completely different checksum. The audit file records the checksums of model and data, so that later one can tell whether the same files are being checked.' },
  },
  {
    id: 'audit-file',
    de: { term: 'Prüfdatei', text: 'Eine JSON-Datei mit allen Einstellungen einer Prüfung, den Dateinamen und Prüfsummen. Mit ihr lässt sich die Prüfung im Browser wieder öffnen oder mit „npx einblick audit“ ohne Browser wiederholen.' },
    en: { term: 'Audit file', text: 'A JSON file with every setting of an audit, the file names and checksums. With it the audit can be reopened in the browser or repeated without a browser with “npx einblick audit”.' },
  },
];

/**
 * An entry by id.
 *
 * @example glossaryEntry('auc')?.de.term // 'AUC (Fläche unter der ROC-Kurve)'
 */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.id === id);
}
