/**
 * The plain-language paragraph under each chart: which message, with which numbers. Pure, so
 * that what a paragraph claims is tested against the data (e.g. "higher values raise the score"
 * only when the correlation says so).
 */
import type { MessageKey } from '../i18n/messages.ts';
import type { Lang } from '../i18n/messages.ts';
import { columnValue, magnitudeText, scoreText, shapText, valueText } from './format.ts';

export { columnValue };
import type { ExplainView, PlayerView } from './view.ts';
import type { WaterfallLayout } from './waterfall.ts';

export interface Paragraph {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Pearson correlation of a number column with its SHAP values (missing values left out); NaN if undefined. */
export function correlation(p: PlayerView): number {
  if (p.kind !== 'number' || !p.data) return NaN;
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  p.data.forEach((v, i) => {
    if (typeof v !== 'number') return;
    const y = p.shap[i];
    n++; sx += v; sy += y; sxx += v * v; syy += y * y; sxy += v * y;
  });
  const cov = sxy - (sx * sy) / n, vx = sxx - (sx * sx) / n, vy = syy - (sy * sy) / n;
  return n > 2 && vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN;
}

/**
 * The direction a number column pushes the score: 'up' when higher values go with higher SHAP
 * values (correlation >= 0.3), 'down' (<= -0.3), else 'mixed'.
 */
export function direction(p: PlayerView): 'up' | 'down' | 'mixed' {
  const r = correlation(p);
  return r >= 0.3 ? 'up' : r <= -0.3 ? 'down' : 'mixed';
}

/** Importance: the three most important columns and their mean |SHAP|. */
export function importanceParagraph(view: ExplainView, lang: Lang): Paragraph {
  const top = view.players.slice(0, 3);
  const list = top.map((p) => `${p.name} (${magnitudeText(p.meanAbs, view.space, lang, true)})`).join(', ');
  return { key: 'explain.importance.text', params: { top: list, count: view.players.length } };
}

/** Beeswarm: an example sentence for the most important number column with a direction, or null. */
export function beeswarmParagraph(view: ExplainView): Paragraph | null {
  const p = view.players.find((q) => q.kind === 'number' && direction(q) !== 'mixed');
  if (!p) return null;
  return { key: direction(p) === 'up' ? 'explain.beeswarm.up' : 'explain.beeswarm.down', params: { player: p.name } };
}

/** Dependence: the direction for a number column, the highest and lowest category otherwise; null if none. */
export function dependenceParagraph(view: ExplainView, player: string, lang: Lang): Paragraph | null {
  const p = view.players.find((q) => q.name === player);
  if (!p) return null;
  if (p.kind === 'number') {
    const d = direction(p);
    return { key: d === 'up' ? 'explain.dependence.up' : d === 'down' ? 'explain.dependence.down' : 'explain.dependence.mixed', params: { player } };
  }
  const means = new Map<string, { sum: number; n: number }>();
  p.shap.forEach((v, i) => {
    const key = valueText(p.data ? p.data[i] : null, lang);
    const m = means.get(key) ?? { sum: 0, n: 0 };
    m.sum += v;
    m.n++;
    means.set(key, m);
  });
  const ranked = [...means].map(([k, m]) => [k, m.sum / m.n] as const).sort((a, b) => b[1] - a[1]);
  if (ranked.length < 2 || !p.data) return null;
  const [hi, lo] = [ranked[0], ranked[ranked.length - 1]];
  return {
    key: 'explain.dependence.category',
    params: { high: hi[0], highValue: shapText(hi[1], view.space, lang), low: lo[0], lowValue: shapText(lo[1], view.space, lang) },
  };
}

/** Waterfall: the case's score, the base value, and the strongest push up and down. */
export function waterfallParagraph(view: ExplainView, w: WaterfallLayout, lang: Lang): Paragraph {
  const own = w.steps.filter((s) => s.name !== null);
  const up = own.filter((s) => s.shap > 0).sort((a, b) => b.shap - a.shap)[0];
  const down = own.filter((s) => s.shap < 0).sort((a, b) => a.shap - b.shap)[0];
  const params = {
    row: w.row,
    fx: scoreText(w.prediction, view.space, lang),
    base: scoreText(w.base, view.space, lang),
    up: up ? `${columnValue(up.name!, up.value, lang)} (${shapText(up.shap, view.space, lang)})` : '–',
    down: down ? `${columnValue(down.name!, down.value, lang)} (${shapText(down.shap, view.space, lang)})` : '–',
    rest: w.steps.find((s) => s.name === null)?.players ?? 0,
  };
  return { key: 'explain.waterfall.text', params };
}
