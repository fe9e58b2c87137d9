/**
 * The engine's fairness verdicts (a stable code, params, English text, caveats) in plain German
 * and English. Shared by the app (merged into its message catalogue) and the report, so that the
 * CLI's German report says what the German page says. Params are formatted by their meaning:
 * rates as percentages, gaps in percentage points, ratios with two decimals; group names as they
 * are. An unknown code shows the engine's English text, so nothing is hidden.
 */

export type VerdictLang = 'de' | 'en';

/** What a verdict looks like (the engine's Verdict, structurally). */
export interface VerdictLike {
  code: string;
  params: Record<string, unknown>;
  text: string;
  caveats: readonly unknown[];
  /** A list the text names item by item ({items} in the template), e.g. each group's ratio to the reference group. */
  items?: readonly Record<string, unknown>[];
}

/** Number formatting the verdicts need (the app's Fmt has the same shape). */
export interface VerdictFormat {
  pct(x: number | null | undefined, digits?: number): string;
  pts(x: number | null | undefined, digits?: number): string;
  fix(x: number | null | undefined, digits: number): string;
  num(x: number | null | undefined, digits?: number): string;
}

const de = {
  'fair.v.selection_rate_gap': 'Das Modell sagt „positiv“ am häufigsten für „{highest}“ vorher ({highest_rate}) und am seltensten für „{lowest}“ ({lowest_rate}): ein Unterschied von {difference} Prozentpunkten.',
  'fair.v.selection_rate_gap_undefined': 'Die Auswahlquote ist für weniger als zwei Gruppen bestimmbar; sie lässt sich nicht vergleichen.',
  'fair.v.tpr_gap': 'Von den tatsächlich positiven Fällen erkennt das Modell bei „{highest}“ den größten Anteil ({highest_rate}), bei „{lowest}“ den kleinsten ({lowest_rate}): ein Unterschied von {difference} Prozentpunkten.',
  'fair.v.tpr_gap_undefined': 'Die Richtig-positiv-Rate ist für weniger als zwei Gruppen bestimmbar; sie lässt sich nicht vergleichen.',
  'fair.v.equalized_odds_gap_fpr': 'Größter Fehlerunterschied: Von den tatsächlich negativen Fällen sagt das Modell bei „{highest}“ den größten Anteil fälschlich als positiv vorher ({highest_rate}), bei „{lowest}“ den kleinsten ({lowest_rate}): {difference} Prozentpunkte.',
  'fair.v.equalized_odds_gap_fpr_undefined': 'Die Falsch-positiv-Rate ist für weniger als zwei Gruppen bestimmbar; sie lässt sich nicht vergleichen.',
  'fair.v.equalized_odds_gap_tpr': 'Größter Fehlerunterschied: die Richtig-positiv-Rate, am höchsten bei „{highest}“ ({highest_rate}), am niedrigsten bei „{lowest}“ ({lowest_rate}): {difference} Prozentpunkte.',
  'fair.v.equalized_odds_gap_tpr_undefined': 'Die Richtig-positiv-Rate ist für weniger als zwei Gruppen bestimmbar; sie lässt sich nicht vergleichen.',
  'fair.v.selection_rate_gap_equal': 'Das Modell sagt „positiv“ in jeder Gruppe gleich oft vorher ({rate_value}).',
  'fair.v.tpr_gap_equal': 'Von den tatsächlich positiven Fällen erkennt das Modell in jeder Gruppe denselben Anteil ({rate_value}).',
  'fair.v.equalized_odds_gap_fpr_equal': 'Die Falsch-positiv-Rate ist in jeder Gruppe gleich ({rate_value}).',
  'fair.v.equalized_odds_gap_tpr_equal': 'Die Richtig-positiv-Rate ist in jeder Gruppe gleich ({rate_value}).',
  'fair.v.four_fifths_pass': 'Jede Gruppe erhält das günstige Ergebnis mindestens vier Fünftel so oft wie „{most_favoured}“; das kleinste Verhältnis ist {ratio} („{group}“).',
  'fair.v.four_fifths_fail': '„{group}“ erhält das günstige Ergebnis nur {ratio}-mal so oft wie „{most_favoured}“; das liegt unter der Grenze von vier Fünfteln (0,8).',
  'fair.v.four_fifths_undefined': 'Die Vier-Fünftel-Regel ist nicht anwendbar: Keine Gruppe erhält das günstige Ergebnis.',
  'fair.v.gap_not_proof': 'Ein Unterschied in den Quoten ist für sich kein Beweis für Diskriminierung: Schon die tatsächlichen Anteile laut Daten unterscheiden sich zwischen „{group_a}“ und „{group_b}“ um {base_rate_gap} Prozentpunkte.',
  'fair.v.interval_contains_limit': 'Der Unsicherheitsbereich des Verhältnisses ({ci_low} bis {ci_high}) enthält 0,8: Bei Gruppen dieser Größe lässt sich nicht sicher sagen, ob die Regel eingehalten ist.',
  'fair.v.four_fifths_rule_of_thumb': 'Die Vier-Fünftel-Regel ist eine Faustregel aus der US-Personalpraxis, kein rechtlicher Maßstab nach deutschem oder EU-Recht; sie sagt nicht, warum sich die Quoten unterscheiden.',
  'fair.v.small_groups': 'Einige Gruppen sind klein ({groups}): Ihre Quoten sind unsicher; achten Sie auf die Bereiche.',
  'fair.v.not_compared': 'Nur eine Gruppe („{group}“) in „{attribute}“: Es gibt nichts zu vergleichen.',
  'fair.v.not_compared_missing': 'Kein Fall hat einen Wert in „{attribute}“ (alle gehören zu „{group}“): Es gibt nichts zu vergleichen.',
  'fair.v.missing_not_compared': 'Die Fälle ohne Wert ({groups}) stehen in der Tabelle, werden aber nicht verglichen.',
  'fair.v.four_fifths_reference_pass': 'Gegenüber der gewählten Vergleichsgruppe „{reference}“ erhält jede Gruppe das günstige Ergebnis mindestens vier Fünftel so oft: {items}.',
  'fair.v.four_fifths_reference_fail': 'Gegenüber der gewählten Vergleichsgruppe „{reference}“ erhält „{group}“ das günstige Ergebnis nur {ratio}-mal so oft; das liegt unter der Grenze von vier Fünfteln (0,8). Alle Verhältnisse: {items}.',
  'fair.v.four_fifths_reference_undefined': 'Die Vier-Fünftel-Regel ist gegenüber der gewählten Vergleichsgruppe „{reference}“ nicht anwendbar: Diese Gruppe erhält das günstige Ergebnis nie.',
  'fair.v.item.ratio': '„{group}“ {ratio}',
  'fair.v.item.ratio_ci': '„{group}“ {ratio} (Bereich {ci_low} bis {ci_high})',
};

const en: Record<keyof typeof de, string> = {
  'fair.v.selection_rate_gap': 'The model predicts “positive” most often for “{highest}” ({highest_rate}) and least often for “{lowest}” ({lowest_rate}): a difference of {difference} percentage points.',
  'fair.v.selection_rate_gap_undefined': 'The selection rate can be determined for fewer than two groups, so it cannot be compared.',
  'fair.v.tpr_gap': 'Of the truly positive cases, the model recognises the largest share for “{highest}” ({highest_rate}) and the smallest for “{lowest}” ({lowest_rate}): a difference of {difference} percentage points.',
  'fair.v.tpr_gap_undefined': 'The true positive rate can be determined for fewer than two groups, so it cannot be compared.',
  'fair.v.equalized_odds_gap_fpr': 'Largest error gap: of the truly negative cases, the model wrongly predicts the largest share as positive for “{highest}” ({highest_rate}) and the smallest for “{lowest}” ({lowest_rate}): {difference} percentage points.',
  'fair.v.equalized_odds_gap_fpr_undefined': 'The false positive rate can be determined for fewer than two groups, so it cannot be compared.',
  'fair.v.equalized_odds_gap_tpr': 'Largest error gap: the true positive rate, highest for “{highest}” ({highest_rate}) and lowest for “{lowest}” ({lowest_rate}): {difference} percentage points.',
  'fair.v.equalized_odds_gap_tpr_undefined': 'The true positive rate can be determined for fewer than two groups, so it cannot be compared.',
  'fair.v.selection_rate_gap_equal': 'The model predicts “positive” equally often in every group ({rate_value}).',
  'fair.v.tpr_gap_equal': 'Of the truly positive cases, the model recognises the same share in every group ({rate_value}).',
  'fair.v.equalized_odds_gap_fpr_equal': 'The false positive rate is the same in every group ({rate_value}).',
  'fair.v.equalized_odds_gap_tpr_equal': 'The true positive rate is the same in every group ({rate_value}).',
  'fair.v.four_fifths_pass': 'Every group receives the favourable outcome at least four fifths as often as “{most_favoured}”; the smallest ratio is {ratio} (“{group}”).',
  'fair.v.four_fifths_fail': '“{group}” receives the favourable outcome only {ratio} times as often as “{most_favoured}”, below the four-fifths (0.8) limit.',
  'fair.v.four_fifths_undefined': 'The four-fifths rule cannot be applied: no group receives the favourable outcome.',
  'fair.v.gap_not_proof': 'A difference in rates is not by itself proof of discrimination: the true shares in the data already differ between “{group_a}” and “{group_b}” by {base_rate_gap} percentage points.',
  'fair.v.interval_contains_limit': 'The range of the ratio ({ci_low} to {ci_high}) contains 0.8: with groups of this size the data cannot settle whether the rule is met.',
  'fair.v.four_fifths_rule_of_thumb': 'The four-fifths rule is a rule of thumb from US employment practice, not a legal test under German or EU law; it does not say why the rates differ.',
  'fair.v.small_groups': 'Some groups are small ({groups}): their rates are uncertain; look at the ranges.',
  'fair.v.not_compared': 'Only one group (“{group}”) in “{attribute}”: there is nothing to compare.',
  'fair.v.not_compared_missing': 'No case has a value in “{attribute}” (all belong to “{group}”): there is nothing to compare.',
  'fair.v.missing_not_compared': 'The cases without a value ({groups}) are shown in the table but not compared.',
  'fair.v.four_fifths_reference_pass': 'Against the chosen reference group “{reference}”, every group receives the favourable outcome at least four fifths as often: {items}.',
  'fair.v.four_fifths_reference_fail': 'Against the chosen reference group “{reference}”, “{group}” receives the favourable outcome only {ratio} times as often, below the four-fifths (0.8) limit. All ratios: {items}.',
  'fair.v.four_fifths_reference_undefined': 'The four-fifths rule cannot be applied against the chosen reference group “{reference}”: it never receives the favourable outcome.',
  'fair.v.item.ratio': '“{group}” {ratio}',
  'fair.v.item.ratio_ci': '“{group}” {ratio} (range {ci_low} to {ci_high})',
};

/** Verdict templates by message key ('fair.v.CODE'); the app merges them into its catalogue. */
export const VERDICT_TEXT = { de, en };

const RATES = new Set(['rate_value', 'highest_rate', 'lowest_rate']);
const POINTS = new Set(['difference', 'base_rate_gap']);
const RATIOS = new Set(['ratio', 'ci_low', 'ci_high']);

const locale = (lang: VerdictLang): string => (lang === 'de' ? 'de-DE' : 'en-GB');
const bad = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

/**
 * The verdicts' number formats for a language (the same rules as the app's fmtFor).
 *
 * @example verdictFormat('de').pct(0.253) // '25,3 %'
 */
export function verdictFormat(lang: VerdictLang): VerdictFormat {
  const nf = (min: number, max: number, style: 'decimal' | 'percent' = 'decimal') =>
    new Intl.NumberFormat(locale(lang), { style, minimumFractionDigits: min, maximumFractionDigits: max });
  return {
    pct: (x, digits = 1) => (bad(x) ? '–' : nf(digits, digits, 'percent').format(x)),
    pts: (x, digits = 1) => (bad(x) ? '–' : nf(digits, digits).format(100 * x)),
    fix: (x, digits) => (bad(x) ? '–' : nf(digits, digits).format(x)),
    num: (x, digits = 3) => (bad(x) ? '–' : nf(0, digits).format(x)),
  };
}

/**
 * Verdict params as display strings.
 *
 * @example verdictParams(verdictFormat('de'), { highest_rate: 0.8, difference: 0.6, ratio: 0.25 }) // { highest_rate: '80,0 %', difference: '60,0', ratio: '0,25' }
 */
export function verdictParams(f: VerdictFormat, params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = RATES.has(k) ? f.pct(v) : POINTS.has(k) ? f.pts(v) : RATIOS.has(k) ? f.fix(v, 2) : f.num(v);
    else if (v !== null && v !== undefined) out[k] = String(v);
  }
  return out;
}

/**
 * The template key of a verdict code, if there is a text for it.
 *
 * @example verdictTemplateKey('four_fifths_pass') // 'fair.v.four_fifths_pass'
 */
export function verdictTemplateKey(code: string): keyof typeof de | null {
  const key = `fair.v.${code}`;
  return key in de ? (key as keyof typeof de) : null;
}

/**
 * A verdict in plain language; the engine's English text when the code is unknown.
 *
 * @example verdictText('de', { code: 'four_fifths_rule_of_thumb', params: {}, text: '…', caveats: [] }) // 'Die Vier-Fünftel-Regel ist eine Faustregel …'
 */
export function verdictText(lang: VerdictLang, v: VerdictLike, f: VerdictFormat = verdictFormat(lang)): string {
  const key = verdictTemplateKey(v.code);
  if (!key) return v.text;
  const params = verdictParams(f, v.params);
  if (v.items) params.items = v.items.map((item) => itemText(lang, item, f)).join('; ');
  return fill(VERDICT_TEXT[lang][key], params);
}

const fill = (template: string, params: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);

/** One item of a verdict's list: a group and its ratio, with the interval when there is one. */
function itemText(lang: VerdictLang, item: Record<string, unknown>, f: VerdictFormat): string {
  const hasCi = typeof item.ci_low === 'number' && typeof item.ci_high === 'number';
  return fill(VERDICT_TEXT[lang][hasCi ? 'fair.v.item.ratio_ci' : 'fair.v.item.ratio'], { ratio: '–', ...verdictParams(f, item) });
}

/**
 * The caveats of several verdicts, each once (same code and params), in order of appearance:
 * one list of "what this does not prove" per attribute instead of the same sentence four times.
 *
 * @example uniqueCaveats([{ caveats: [a, b] }, { caveats: [a] }]) // [a, b]
 */
export function uniqueCaveats<C extends { code: string; params: unknown }>(verdicts: readonly { caveats?: readonly C[] }[]): C[] {
  const seen = new Set<string>();
  const out: C[] = [];
  for (const c of verdicts.flatMap((v) => v.caveats ?? [])) {
    const key = `${c.code}\u0000${JSON.stringify(c.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
