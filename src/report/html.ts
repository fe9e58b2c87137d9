/** Small, safe HTML building blocks for the report: every text goes through esc(). */

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table; cells are already-escaped HTML. */
export function table(head: string[], rows: string[][], opts: { caption?: string; cls?: string } = {}): string {
  const cap = opts.caption ? `<caption>${esc(opts.caption)}</caption>` : '';
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}>${cap}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>\n${body}\n</section>`;
}

export function p(text: string): string {
  return `<p>${esc(text)}</p>`;
}

export function list(items: string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
}

/** Number formats of the report's language. */
export function formats(lang: 'de' | 'en') {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const num = (x: unknown, digits = 3) => (typeof x === 'number' && Number.isFinite(x) ? new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(x) : '–');
  const pct = (x: unknown, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x) : '–');
  const fix = (x: unknown, digits: number) => (typeof x === 'number' && Number.isFinite(x) ? new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x) : '–');
  /** A difference of two rates in percentage points: 0.23 -> '23,0 Pp.' / '23.0 pp'. */
  const pts = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? `${fix(100 * x, 1)}\u00a0${lang === 'de' ? 'Pp.' : 'pp'}` : '–');
  /** An interval as a range with the unit once ('42,6–47,2 %'), short enough for nine columns on A4. */
  const range = (c: unknown[], asPct: boolean) => {
    if (!c.every((x) => typeof x === 'number' && Number.isFinite(x))) return '–';
    const [lo, hi] = c as number[];
    return asPct ? `${fix(100 * lo, 1)}–${fix(100 * hi, 1)}${lang === 'de' ? '\u00a0%' : '%'}` : `${num(lo)}–${num(hi)}`;
  };
  const ci = (v: unknown, c: unknown, asPct = true) => {
    const f = asPct ? pct : num;
    return Array.isArray(c) && c.length === 2 ? `${f(v)} <span class="ci">${range(c, asPct)}</span>` : f(v);
  };
  const date = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d);
  return { num, fix, pct, pts, ci, date };
}
