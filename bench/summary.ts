/**
 * The side-by-side summary of one `npm run bench`: per workload the Node and Chromium medians,
 * the anchor or baseline, the ratio and whether the goal from the issues is met.
 */
import { median } from './driver.ts';
import type { StepTimes, WorkloadResult } from './workloads/types.ts';

/** Anchors from the issues (measured elsewhere on this machine kind). */
export const ANCHORS = { shapTreeSeconds: 0.31, fairlearnSeconds: 7.4, ortRowsPerSecond: 1e6 } as const;

export interface SummaryRow { workload: string; node: string; chromium: string; anchor: string; ratio: string; goal: string }

type Find = (id: string, threads?: number) => WorkloadResult | undefined;

const sec = (msValue: number): string => (msValue >= 1000 ? `${(msValue / 1000).toFixed(2)} s` : `${msValue.toFixed(msValue >= 100 ? 0 : 1)} ms`);
const x = (v: number): string => `${v.toFixed(v >= 10 ? 0 : 2)}x`;
const med = (t: StepTimes | undefined): number => (t ? median(t.warmMs) : NaN);
/** The median wall time, with the median CPU time after it when it is long enough to read (ticks are 10 ms in Chromium). */
const withCpu = (t: StepTimes | undefined): string => {
  const c = t?.cpuMs?.length ? median(t.cpuMs) : NaN;
  return `${sec(med(t))}${c >= 100 ? ` (cpu ${sec(c)})` : ''}`;
};

/** Median over the warm rounds of a / b (steps of the same round ran one after the other), by wall or CPU time. */
function pairedRatio(a: StepTimes | undefined, b: StepTimes | undefined, by: 'warmMs' | 'cpuMs' = 'warmMs'): number {
  const xa = a?.[by], xb = b?.[by];
  if (!xa || !xb) return NaN;
  return median(xa.map((v, i) => v / xb[i]));
}

const nodeOf = (find: Find, id: string, threads: number): WorkloadResult | undefined => find(`node:${id}`, threads);
const chromiumOf = (find: Find, id: string, threads: number): WorkloadResult | undefined => find(`chromium:${id}`, threads);

/** A cell per host: `f` of that host's result, '-' when it did not run, 'failed' when it failed. */
function both(find: Find, id: string, threads: number, f: (r: WorkloadResult) => string): [string, string] {
  const one = (r: WorkloadResult | undefined): string => (!r ? '-' : r.error ? 'failed' : f(r));
  return [one(nodeOf(find, id, threads)), one(chromiumOf(find, id, threads))];
}

function predictRows(find: Find, threads: number, quick: boolean): SummaryRow[] {
  const rows = (r: WorkloadResult): number => Number(r.info.rows);
  const label = `${threads} thread${threads > 1 ? 's' : ''}`;
  const size = quick ? '100k' : '1M';
  const [rn, rc] = both(find, 'predict', threads, (r) => `${withCpu(r.steps.raw)}, ${Math.round(rows(r) / (med(r.steps.raw) / 1000) / 1000)}k rows/s`);
  const [en, ec] = both(find, 'predict', threads, (r) => withCpu(r.steps.einblick));
  const [an, ac] = both(find, 'predict', threads, (r) => x(rows(r) / (med(r.steps.raw) / 1000) / ANCHORS.ortRowsPerSecond));
  const [pn, pc] = both(find, 'predict', threads, (r) => `${x(pairedRatio(r.steps.einblick, r.steps.raw))} (cpu ${x(pairedRatio(r.steps.einblick, r.steps.raw, 'cpuMs'))})`);
  return [
    { workload: `predict ${size} rows, raw onnxruntime-web session.run (${label})`, node: rn, chromium: rc, anchor: 'about 1M rows/s on 1 thread (issue 3)', ratio: `rows/s / 1M: ${an} / ${ac}`, goal: 'baseline' },
    { workload: `predict ${size} rows, Einblick encode + predict (${label})`, node: en, chromium: ec, anchor: 'raw session.run, same run', ratio: `${pn} / ${pc} of raw`, goal: 'none stated' },
  ];
}

function treeRows(find: Find): SummaryRow[] {
  const anchor = ANCHORS.shapTreeSeconds * 1000;
  return (['wasm', 'ts'] as const).map((k) => {
    const [n, c] = both(find, 'treeshap', 1, (r) => sec(med(r.steps[k])));
    const [sn, sc] = both(find, 'treeshap', 1, (r) => x(anchor / med(r.steps[k])));
    const r = chromiumOf(find, 'treeshap', 1);
    const met = r && !r.error ? (anchor / med(r.steps[k]) >= 2 ? 'yes' : 'NO') : 'not measured';
    return { workload: `tree SHAP 1000 x 100 background, ${k === 'wasm' ? 'wasm kernel (the app\'s)' : 'TypeScript twin'}`, node: n, chromium: c, anchor: 'shap C++ TreeExplainer 0.31 s', ratio: `speed-up ${sn} / ${sc}`, goal: `>= 2x in Chromium: ${met}` };
  });
}

type By = 'warmMs' | 'cpuMs';

/**
 * 'Node yes, Chromium NO' for a test on each host's result by wall time; when the same test by
 * CPU time comes out differently (a loaded machine stretches wall time), that is added.
 */
function verdicts(find: Find, id: string, ok: (r: WorkloadResult, by: By) => boolean): string {
  const hosts = [['Node', nodeOf(find, id, 1)], ['Chromium', chromiumOf(find, id, 1)]] as const;
  const say = (by: By): string[] => hosts.map(([name, r]) => `${name} ${!r ? 'not run' : r.error ? 'failed' : ok(r, by) ? 'yes' : 'NO'}`);
  const wall = say('warmMs'), cpu = say('cpuMs');
  return wall.join(', ') + (cpu.join() !== wall.join() ? ` (by CPU time: ${cpu.join(', ')})` : '');
}

function samplingRows(find: Find): SummaryRow[] {
  return (['permutation', 'kernel'] as const).map((k) => {
    const m = `${k}Model`;
    // the model calls timed inside the explainer too: total - inside is the bookkeeping alone
    const inside = (r: WorkloadResult): string => {
      const v = r.steps[k]?.extras?.modelMs;
      return v?.length ? `, inside ${sec(median(v))}` : '';
    };
    const [n, c] = both(find, 'sampling', 1, (r) => `${sec(med(r.steps[k]))}, model alone ${sec(med(r.steps[m]))}${inside(r)}`);
    const ratios = both(find, 'sampling', 1, (r) => `${x(pairedRatio(r.steps[k], r.steps[m]))} (cpu ${x(pairedRatio(r.steps[k], r.steps[m], 'cpuMs'))})`);
    const goal = verdicts(find, 'sampling', (r, by) => pairedRatio(r.steps[k], r.steps[m], by) <= 1.3);
    // the same goal against the model calls timed inside the explainer (wall time only)
    const ofInside = (r: WorkloadResult): number => {
      const t = r.steps[k], v = t?.extras?.modelMs;
      return t && v?.length === t.warmMs.length ? median(t.warmMs.map((w, i) => w / v[i])) : NaN;
    };
    const [insideN, insideC] = both(find, 'sampling', 1, (r) => x(ofInside(r)));
    const insideOk = both(find, 'sampling', 1, (r) => (ofInside(r) <= 1.3 ? 'yes' : 'NO'));
    return { workload: `${k === 'permutation' ? 'permutation' : 'Kernel'} SHAP, 20 rows x 15,201 model evaluations`, node: n, chromium: c, anchor: 'its model calls replayed alone, same run', ratio: `${ratios[0]} / ${ratios[1]} of model; ${insideN} / ${insideC} of the calls inside`, goal: `<= 1.3x: ${goal}; of the calls inside: Node ${insideOk[0]}, Chromium ${insideOk[1]}` };
  });
}

function fairnessRows(find: Find, quick: boolean): SummaryRow[] {
  return (['ts', 'wasm'] as const).map((k) => {
    const [n, c] = both(find, 'fairness', 1, (r) => withCpu(r.steps[k]));
    const [sn, sc] = both(find, 'fairness', 1, (r) => x((ANCHORS.fairlearnSeconds * 1000) / med(r.steps[k])));
    const goal = quick ? 'n/a (quick run)' : verdicts(find, 'fairness', (r, by) => median(r.steps[k][by] ?? []) < 1000);
    return { workload: `fairness ${quick ? '100k' : '1M'} rows, 12 groups, all metrics + intervals, ${k === 'ts' ? 'TypeScript' : 'wasm'} kernels`, node: n, chromium: c, anchor: 'fairlearn MetricFrame 7.4 s (1M rows, no intervals)', ratio: quick ? 'n/a (quick run)' : `speed-up ${sn} / ${sc}`, goal: `< 1 s: ${goal}` };
  });
}

function loadRows(find: Find, quick: boolean): SummaryRow[] {
  const [n, c] = both(find, 'data-load', 1, (r) => `${withCpu(r.steps.csv)}, peak RSS ${r.peakRssMB ?? '?'} MB`);
  const [rn, rc] = both(find, 'data-load', 1, (r) => `${Math.round(Number(r.info.rows) / (med(r.steps.csv) / 1000) / 1000)}k rows/s`);
  return [{ workload: `data load: CSV ${quick ? '100k' : '1M'} x 30 (${quick ? '20' : '200'} MB) with loadTable`, node: n, chromium: c, anchor: 'none', ratio: `${rn} / ${rc}`, goal: 'none stated' }];
}

/**
 * The summary rows from both hosts' results (rows of workloads that did not run are left out).
 *
 * @example summaryRows(results, false)[0].workload // 'predict 1M rows, raw onnxruntime-web session.run (1 thread)'
 */
export function summaryRows(results: WorkloadResult[], quick: boolean, appThreads: number): SummaryRow[] {
  const find: Find = (key, threads = 1) => {
    const [host, id] = key.split(':');
    return results.find((r) => r.host === host && r.id === id && r.threads === threads && r.where !== 'page');
  };
  const threaded = appThreads > 1 && results.some((r) => r.id === 'predict' && r.threads === appThreads) ? predictRows(find, appThreads, quick) : [];
  const all = [...predictRows(find, 1, quick), ...threaded, ...treeRows(find), ...samplingRows(find), ...fairnessRows(find, quick), ...loadRows(find, quick)];
  return all.filter((r) => r.node !== '-' || r.chromium !== '-');
}

/**
 * The rows as a Markdown table.
 *
 * @example markdownTable(rows).split('\n')[0] // '| workload | Node | Chromium | anchor / baseline | ratio (Node / Chromium) | goal met? |'
 */
export function markdownTable(rows: SummaryRow[]): string {
  const head = '| workload | Node | Chromium | anchor / baseline | ratio (Node / Chromium) | goal met? |\n|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.workload} | ${r.node} | ${r.chromium} | ${r.anchor} | ${r.ratio} | ${r.goal} |`)].join('\n');
}
