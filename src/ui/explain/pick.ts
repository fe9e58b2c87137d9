/**
 * Picking a case from a chart: one click and one hover listener on the <svg> (event delegation),
 * reading the data-i attribute of the dot and the data-row of its group. Attached with
 * {@attach pickable(...)}; keyboard users pick cases with the case picker instead.
 */
export interface Target {
  /** Row of the chart (data-row of the dot's group; 0 when there is none). */
  row: number;
  /** Position of the case among the explained rows. */
  i: number;
}

/** The target under an event, read from the DOM. */
export function targetOf(el: EventTarget | null): Target | null {
  if (!(el instanceof Element)) return null;
  const i = el.getAttribute('data-i');
  if (i === null) return null;
  const row = el.parentElement?.getAttribute('data-row');
  return { row: row ? Number(row) : 0, i: Number(i) };
}

/**
 * An attachment that reports clicks and hovers on dots.
 *
 * @example <svg {@attach pickable((row, i) => select(i), (t) => (hover = t))}>
 */
export function pickable(onpick: (row: number, i: number) => void, onhover?: (t: Target | null) => void) {
  return (node: Element) => {
    const click = (ev: Event) => {
      const t = targetOf(ev.target);
      if (t) onpick(t.row, t.i);
    };
    const over = (ev: Event) => onhover?.(targetOf(ev.target));
    const out = () => onhover?.(null);
    node.addEventListener('click', click);
    node.addEventListener('mouseover', over);
    node.addEventListener('mouseleave', out);
    return () => {
      node.removeEventListener('click', click);
      node.removeEventListener('mouseover', over);
      node.removeEventListener('mouseleave', out);
    };
  };
}
