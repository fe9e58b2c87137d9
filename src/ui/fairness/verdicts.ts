/**
 * The engine's verdicts in the page's language. The templates and the formatting rules live in
 * src/report/verdicts.ts, shared with the report; this file binds them to the app's Fmt.
 */
import type { Verdict } from '../../engine/fairness/index.ts';
import { verdictParams as paramsOf, verdictTemplateKey, verdictText as textOf } from '../../report/verdicts.ts';

export { uniqueCaveats } from '../../report/verdicts.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Fmt, Params } from './text.ts';

/**
 * Verdict params as display strings.
 *
 * @example verdictParams(fmtFor('de'), { highest_rate: 0.8, difference: 0.6, ratio: 0.25 }) // { highest_rate: '80,0 %', difference: '60,0', ratio: '0,25' }
 */
export function verdictParams(f: Fmt, params: Verdict['params']): Params {
  return paramsOf(f, params);
}

/**
 * The message key of a verdict code, if the catalogue has one.
 *
 * @example verdictKey('four_fifths_pass') // 'fair.v.four_fifths_pass'
 */
export function verdictKey(code: string): MessageKey | null {
  return verdictTemplateKey(code);
}

/**
 * A verdict in the formatter's language.
 *
 * @example verdictText(fmtFor('de'), { code: 'four_fifths_pass', params: { group: 'female', ratio: 0.942, most_favoured: 'male', ... }, ... })
 *   // "Jede Gruppe erhält das günstige Ergebnis mindestens vier Fünftel so oft wie „male“; ..."
 */
export function verdictText(f: Fmt, v: Verdict): string {
  return textOf(f.lang, v, f);
}
