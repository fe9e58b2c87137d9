/**
 * d3 axes as Svelte attachments: `<g {@attach bottomAxis(x, fmt)}>`. The only place where the
 * fairness charts let d3 touch the DOM; re-run whenever the scale or the formatter changes.
 */
import { axisBottom, axisLeft, select, type ScaleLinear } from 'd3';

type Format = (v: number) => string;

/**
 * A bottom axis for a linear scale.
 *
 * @example <g transform="translate(0,220)" {@attach bottomAxis(layout.x, (v) => f.pct(v, 0))}></g>
 */
export function bottomAxis(scale: ScaleLinear<number, number>, format: Format, ticks = 5) {
  return (node: SVGGElement): void => {
    select(node).call(axisBottom(scale).ticks(ticks).tickFormat((v) => format(Number(v)))).attr('font-size', 12).attr('font-family', null);
  };
}

/**
 * A left axis for a linear scale.
 *
 * @example <g transform="translate(66,0)" {@attach leftAxis(layout.y, (v) => f.pct(v, 0))}></g>
 */
export function leftAxis(scale: ScaleLinear<number, number>, format: Format, ticks = 5) {
  return (node: SVGGElement): void => {
    select(node).call(axisLeft(scale).ticks(ticks).tickFormat((v) => format(Number(v)))).attr('font-size', 12).attr('font-family', null);
  };
}
