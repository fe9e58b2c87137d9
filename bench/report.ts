/**
 * Plain-text form of one workload's results, the same for both hosts.
 */
import { median } from './driver.ts';
import type { WorkloadResult } from './workloads/types.ts';

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(8);

/**
 * The result as lines: a heading, the facts, then per step the cold run, the median, minimum
 * and maximum of the warm runs, the median CPU time and the medians of the step's extras.
 *
 * @example formatResult(r).split('\n')[0] // '--- treeshap in node (onnxruntime threads: 1): tree SHAP ...'
 */
export function formatResult(r: WorkloadResult): string {
  const lines = [`--- ${r.id} in ${r.host}${r.where === 'page' ? ' ON THE PAGE' : ''} (onnxruntime threads: ${r.threads}): ${r.title}`];
  if (r.error) return [...lines, `  FAILED: ${r.error}`].join('\n');
  lines.push(`  ${Object.entries(r.info).map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(3) : v}`).join(', ')}`);
  const facts = [
    r.peakRssMB !== undefined ? `peak RSS of the ${r.host === 'node' ? 'process' : 'renderer process'}: ${r.peakRssMB} MB` : '',
    r.load ? `load average ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end (2 cores)` : '',
  ].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join('; ')}`);
  lines.push(`  ${'step'.padEnd(18)} ${'cold'.padStart(8)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'cpu med'.padStart(8)}   (ms; median of ${Object.values(r.steps)[0]?.warmMs.length ?? 0} warm runs after 1 cold)`);
  for (const [name, t] of Object.entries(r.steps)) {
    const extras = Object.entries(t.extras).map(([k, v]) => `${k} ${Number.isInteger(median(v)) ? median(v) : median(v).toFixed(1)}`).join(', ');
    const cpu = t.cpuMs?.length ? ms(median(t.cpuMs)) : '       -';
    lines.push(`  ${name.padEnd(18)} ${ms(t.coldMs)} ${ms(median(t.warmMs))} ${ms(Math.min(...t.warmMs))} ${ms(Math.max(...t.warmMs))} ${cpu}${extras ? `   ${extras}` : ''}`);
  }
  return lines.join('\n');
}
