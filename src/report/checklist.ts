/**
 * The questions Einblick cannot answer from the model and the data: the reader answers them in
 * the app; the answers are saved in the audit file ("checklist": {id: {answer, note}}) and
 * printed in the report. Grouped by the seven value pairs of the AI guidelines of the German
 * labour and social administration.
 */
export type ValuePair = 'human' | 'fairness' | 'transparency' | 'privacy' | 'safety' | 'responsibility' | 'sustainability';

export interface Question {
  id: string;
  pair: ValuePair;
  de: string;
  en: string;
}

export const VALUE_PAIRS: { id: ValuePair; de: string; en: string }[] = [
  { id: 'human', de: 'Menschenzentrierung und Gemeinwohlorientierung', en: 'Human-centred and common good' },
  { id: 'fairness', de: 'Fairness und Nichtdiskriminierung', en: 'Fairness and non-discrimination' },
  { id: 'transparency', de: 'Erklärbarkeit und Transparenz', en: 'Explainability and transparency' },
  { id: 'privacy', de: 'Datenschutz und Privatsphäre', en: 'Privacy and data protection' },
  { id: 'safety', de: 'Sicherheit und Robustheit', en: 'Safety and robustness' },
  { id: 'responsibility', de: 'Interventionsfähigkeit und Verantwortung', en: 'Intervenability and responsibility' },
  { id: 'sustainability', de: 'Ökologische Nachhaltigkeit', en: 'Ecological sustainability' },
];

export const QUESTIONS: Question[] = [
  { id: 'human.purpose', pair: 'human', de: 'Ist der Zweck des Modells schriftlich festgelegt und dient er den betroffenen Menschen oder dem Gemeinwohl?', en: 'Is the purpose of the model written down, and does it serve the people concerned or the common good?' },
  { id: 'human.participation', pair: 'human', de: 'Wurden Beschäftigte, Personal- oder Betriebsrat und Betroffene an der Einführung beteiligt?', en: 'Were staff, the works or staff council and the people concerned involved in introducing it?' },
  { id: 'human.alternatives', pair: 'human', de: 'Wurde geprüft, ob die Aufgabe ohne KI ebenso gut erfüllt werden kann?', en: 'Was it checked whether the task can be done as well without AI?' },
  { id: 'fairness.groups', pair: 'fairness', de: 'Sind alle Gruppen geprüft, die nach dem AGG geschützt sind und hier betroffen sein können?', en: 'Have all groups protected by anti-discrimination law that may be affected here been checked?' },
  { id: 'fairness.labels', pair: 'fairness', de: 'Ist bekannt, wie die „wahren“ Ergebnisse in den Daten entstanden sind (z. B. frühere Prüfentscheidungen, die selbst verzerrt sein können)?', en: 'Is it known how the "true" outcomes in the data came about (e.g. earlier inspection decisions, which may themselves be biased)?' },
  { id: 'transparency.information', pair: 'transparency', de: 'Werden Betroffene darüber informiert, dass und wie ein Modell an der Entscheidung beteiligt ist?', en: 'Are the people concerned told that, and how, a model takes part in the decision?' },
  { id: 'transparency.documentation', pair: 'transparency', de: 'Liegt eine Dokumentation des Modells vor (Trainingsdaten, Merkmale, Grenzen)?', en: 'Is there documentation of the model (training data, features, limits)?' },
  { id: 'privacy.legal_basis', pair: 'privacy', de: 'Gibt es eine Rechtsgrundlage für die Verarbeitung der Daten, und ist eine Datenschutz-Folgenabschätzung erfolgt?', en: 'Is there a legal basis for processing the data, and has a data protection impact assessment been done?' },
  { id: 'privacy.minimisation', pair: 'privacy', de: 'Nutzt das Modell nur die Merkmale, die für den Zweck nötig sind?', en: 'Does the model use only the features the purpose requires?' },
  { id: 'safety.monitoring', pair: 'safety', de: 'Wird die Qualität des Modells im Betrieb regelmäßig überprüft (z. B. mit Einblick und dem nächsten Datenstand)?', en: 'Is the model\'s quality checked regularly in use (e.g. with Einblick and the next data release)?' },
  { id: 'safety.fallback', pair: 'safety', de: 'Gibt es ein Verfahren, wenn das Modell ausfällt oder offensichtlich falsch liegt?', en: 'Is there a procedure for when the model fails or is obviously wrong?' },
  { id: 'responsibility.human_decision', pair: 'responsibility', de: 'Trifft ein Mensch die Entscheidung und kann vom Vorschlag des Modells abweichen?', en: 'Does a person make the decision and can they depart from the model\'s suggestion?' },
  { id: 'responsibility.contact', pair: 'responsibility', de: 'Ist eine verantwortliche Stelle benannt, an die sich Beschäftigte und Betroffene wenden können?', en: 'Is a responsible office named that staff and the people concerned can turn to?' },
  { id: 'sustainability.resources', pair: 'sustainability', de: 'Steht der Rechenaufwand (Training und Betrieb) in einem vertretbaren Verhältnis zum Nutzen?', en: 'Is the computing effort (training and use) reasonable for the benefit?' },
];

export const ANSWERS = { yes: { de: 'ja', en: 'yes' }, no: { de: 'nein', en: 'no' }, partly: { de: 'teilweise', en: 'partly' }, unknown: { de: 'unbekannt', en: 'unknown' }, '': { de: 'nicht beantwortet', en: 'not answered' } } as const;
