/** Inline SVG charts for the report: no scripts, no external resources, readable in print. */
import { esc } from './html.ts';
import type { CalibrationBin } from '../engine/analyses/model-check.ts';
import { calibrationLayout } from './calibration.ts';

export interface Bar {
  label: string;
  value: number;
  lo?: number | null;
  hi?: number | null;
}

/**
 * Horizontal bars (e.g. mean |SHAP| per column, or a rate per group with its interval).
 * `domain` fixes the axis (e.g. [0, 1] for rates); otherwise [0, max].
 */
export function barChart(bars: Bar[], opts: { title: string; format: (x: number) => string; domain?: [number, number] }): string {
  const width = 640, rowH = 22, left = 200, right = 80, top = 8;
  const height = top + bars.length * rowH + 24;
  const max = opts.domain?.[1] ?? Math.max(1e-12, ...bars.map((b) => Math.max(b.value, b.hi ?? 0)));
  const min = opts.domain?.[0] ?? Math.min(0, ...bars.map((b) => Math.min(b.value, b.lo ?? 0)));
  const x = (v: number) => left + ((v - min) / (max - min || 1)) * (width - left - right);
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const x0 = x(Math.max(min, Math.min(0, max))), x1 = x(b.value);
    const whisker = b.lo != null && b.hi != null
      ? `<line x1="${x(b.lo)}" x2="${x(b.hi)}" y1="${y + 9}" y2="${y + 9}" class="whisker"/><line x1="${x(b.lo)}" x2="${x(b.lo)}" y1="${y + 4}" y2="${y + 14}" class="whisker"/><line x1="${x(b.hi)}" x2="${x(b.hi)}" y1="${y + 4}" y2="${y + 14}" class="whisker"/>`
      : '';
    return `<text x="${left - 6}" y="${y + 13}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect x="${Math.min(x0, x1)}" y="${y + 3}" width="${Math.max(1, Math.abs(x1 - x0))}" height="${rowH - 8}" class="${b.value < 0 ? 'neg' : 'pos'}"/>${whisker}` +
      `<text x="${width - right + 6}" y="${y + 13}">${esc(opts.format(b.value))}</text>`;
  });
  const axisY = top + bars.length * rowH + 4;
  return `<figure><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.title)}" class="chart">` +
    `${rows.join('')}<line x1="${left}" x2="${width - right}" y1="${axisY}" y2="${axisY}" class="axis"/>` +
    `<text x="${left}" y="${axisY + 14}">${esc(opts.format(min))}</text><text x="${width - right}" y="${axisY + 14}" text-anchor="end">${esc(opts.format(max))}</text>` +
    `</svg><figcaption>${esc(opts.title)}</figcaption></figure>`;
}

/** Column chart of a histogram: counts per bin. */
export function histogramChart(bins: { x0: number; x1: number; count: number }[], opts: { title: string; format: (x: number) => string }): string {
  const width = 640, height = 200, left = 40, bottom = 28, top = 8;
  if (bins.length === 0) return '';
  const max = Math.max(1, ...bins.map((b) => b.count));
  const lo = bins[0].x0, hi = bins[bins.length - 1].x1 || lo + 1;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (width - left - 8);
  const y = (c: number) => height - bottom - (c / max) * (height - bottom - top);
  const bars = bins.map((b) => `<rect x="${x(b.x0) + 0.5}" y="${y(b.count)}" width="${Math.max(1, x(b.x1) - x(b.x0) - 1)}" height="${height - bottom - y(b.count)}" class="pos"><title>${esc(opts.format(b.x0))}–${esc(opts.format(b.x1))}: ${b.count}</title></rect>`);
  return `<figure><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.title)}" class="chart">${bars.join('')}` +
    `<line x1="${left}" x2="${width - 8}" y1="${height - bottom}" y2="${height - bottom}" class="axis"/>` +
    `<text x="${left}" y="${height - 10}">${esc(opts.format(lo))}</text><text x="${width - 8}" y="${height - 10}" text-anchor="end">${esc(opts.format(hi))}</text>` +
    `<text x="${left - 4}" y="${top + 10}" text-anchor="end">${max}</text></svg><figcaption>${esc(opts.title)}</figcaption></figure>`;
}

/**
 * The reliability diagram (layout shared with the app): points with Wilson error bars and the
 * diagonal of perfect calibration.
 */
export function calibrationChart(bins: CalibrationBin[], opts: { title: string; x: string; y: string; format: (x: number) => string }): string {
  const L = calibrationLayout(bins);
  const grid = [
    ...L.xTicks.map((t) => `<line x1="${t.x}" x2="${t.x}" y1="${L.y0}" y2="${L.y1}" class="grid"/><text x="${t.x}" y="${L.y0 + 16}" text-anchor="middle">${esc(opts.format(t.value))}</text>`),
    ...L.yTicks.map((t) => `<line x1="${L.x0}" x2="${L.x1}" y1="${t.y}" y2="${t.y}" class="grid"/><text x="${L.x0 - 6}" y="${t.y + 4}" text-anchor="end">${esc(opts.format(t.value))}</text>`),
  ];
  const marks = L.marks.map((m) =>
    `<line x1="${m.x}" x2="${m.x}" y1="${m.yTop}" y2="${m.yBottom}" class="whisker"/>` +
    `<line x1="${m.x - 4}" x2="${m.x + 4}" y1="${m.yTop}" y2="${m.yTop}" class="whisker"/><line x1="${m.x - 4}" x2="${m.x + 4}" y1="${m.yBottom}" y2="${m.yBottom}" class="whisker"/>` +
    `<circle cx="${m.x}" cy="${m.y}" r="4.5" class="pos"/>`);
  return `<figure><svg viewBox="0 0 ${L.width} ${L.height}" role="img" aria-label="${esc(opts.title)}" class="chart calibration">${grid.join('')}` +
    `<line x1="${L.diagonal.x1}" y1="${L.diagonal.y1}" x2="${L.diagonal.x2}" y2="${L.diagonal.y2}" class="diagonal"/>${marks.join('')}` +
    `<text x="${(L.x0 + L.x1) / 2}" y="${L.height - 8}" text-anchor="middle">${esc(opts.x)}</text>` +
    `<text transform="translate(14,${(L.y0 + L.y1) / 2}) rotate(-90)" text-anchor="middle">${esc(opts.y)}</text>` +
    `</svg><figcaption>${esc(opts.title)}</figcaption></figure>`;
}
