/**
 * The engine's verdicts (a stable code, params, English text, caveats) in plain German or
 * English. Params are formatted by their meaning: rates as percentages, gaps in percentage
 * points, ratios as numbers; group names as they are. An unknown code shows the engine's
 * English text, so nothing is hidden.
 */
import type { Verdict } from '../../engine/fairness/index.ts';
import { messages, type MessageKey } from '../i18n/messages.ts';
import type { Fmt, Params } from './text.ts';

const RATES = new Set(['highest_rate', 'lowest_rate']);
const POINTS = new Set(['difference', 'base_rate_gap']);
const RATIOS = new Set(['ratio', 'ci_low', 'ci_high']);

/**
 * Verdict params as display strings.
 *
 * @example verdictParams(fmtFor('de'), { highest_rate: 0.8, difference: 0.6, ratio: 0.25 }) // { highest_rate: '80,0 %', difference: '60,0', ratio: '0,25' }
 */
export function verdictParams(f: Fmt, params: Verdict['params']): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = RATES.has(k) ? f.pct(v) : POINTS.has(k) ? f.pts(v) : RATIOS.has(k) ? f.fix(v, 2) : f.num(v);
    else if (v !== null) out[k] = String(v);
  }
  return out;
}

/**
 * The message key of a verdict code, if the catalogue has one.
 *
 * @example verdictKey('four_fifths_pass') // 'fair.v.four_fifths_pass'
 */
export function verdictKey(code: string): MessageKey | null {
  const key = `fair.v.${code}`;
  return key in messages.en ? (key as MessageKey) : null;
}

/**
 * A verdict in the formatter's language.
 *
 * @example verdictText(fmtFor('de'), { code: 'four_fifths_pass', params: { group: 'female', ratio: 0.942, most_favoured: 'male', ... }, ... })
 *   // "Jede Gruppe erhält das günstige Ergebnis mindestens vier Fünftel so oft wie „male“; ..."
 */
export function verdictText(f: Fmt, v: Verdict): string {
  const key = verdictKey(v.code);
  return key ? f.t(key, verdictParams(f, v.params)) : v.text;
}

/**
 * The caveats of several verdicts, each once (same code and params), in order of appearance:
 * one list of "what this does not prove" per attribute instead of the same sentence four times.
 *
 * @example uniqueCaveats([{ caveats: [a, b] }, { caveats: [a] }]) // [a, b]
 */
export function uniqueCaveats(verdicts: Pick<Verdict, 'caveats'>[]): Verdict[] {
  const seen = new Set<string>();
  const out: Verdict[] = [];
  for (const v of verdicts) {
    for (const c of v.caveats) {
      const key = `${c.code}\u0000${JSON.stringify(c.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}
