/**
 * `npm run bench`: runs the shared workloads (bench/workloads) in Node and in Chromium, then the
 * detailed Node benchmarks (bench/predict.ts, fairness.ts, treeshap.ts, data-load.ts), prints
 * everything with a side-by-side summary table, and keeps the full output in
 * bench/results/<stamp>.txt (plus <stamp>.json) and the summary in bench/results/latest.md
 * (latest-quick.md for a --quick run; a partial run, with names or --no-..., keeps only its own files).
 * Figures are medians of warm runs after one cold run; ratios are against a baseline measured
 * in the same run (raw onnxruntime-web inference, the model calls alone) or a stated anchor.
 *
 * Usage: npm run bench [-- --quick] [--no-node] [--no-chromium] [--no-detail] [name ...]
 *   --quick        100,000 instead of 1,000,000 rows, fewer runs, no detailed Node benchmarks
 *   --no-node, --no-chromium, --no-detail   leave out that part
 *   name ...       only these workloads / detailed benchmarks (predict, treeshap, sampling,
 *                  fairness, data-load)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runChromium, type ChromiumEnv } from './browser/run.ts';
import { formatResult } from './report.ts';
import { markdownTable, summaryRows } from './summary.ts';
import { WORKLOADS } from './workloads/index.ts';
import type { WorkloadResult } from './workloads/types.ts';

const DETAILED = ['predict', 'fairness', 'treeshap', 'data-load'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('-'));
const chosen = (id: string): boolean => names.length === 0 || names.includes(id);
const started = new Date();
const stamp = started.toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace(':', '');
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
let log = '';
const say = (s: string): void => {
  console.log(s);
  log += `${s}\n`;
};

/** One shared workload in a Node child process (so that its peak memory is its own). */
function nodeWorkload(id: string): WorkloadResult {
  const w = WORKLOADS.find((x) => x.id === id)!;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'suite-node.ts'), id, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) return { id, title: w.title, host: 'node', threads: 1, info: {}, steps: {}, error: `exit code ${r.status}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}` };
  return JSON.parse(line.slice(7)) as WorkloadResult;
}

/** One of the detailed Node benchmark scripts, its output passed through. */
function detailed(name: string): void {
  say(`\n=== detailed: ${name} (npx tsx bench/${name}.ts), load average ${load()} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  say(r.stdout.trimEnd());
  if (r.status !== 0) say(`(exit code ${r.status})`);
}

function cpuModel(): string {
  const m = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '');
  return m ? m[1].trim() : 'unknown CPU';
}

async function main(): Promise<void> {
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  say(`Einblick benchmarks, ${started.toISOString()}, ${command}`);
  say(`Node ${process.version}, ${cpus().length} cores (${cpuModel()}), shared with other jobs; load average ${load()} (1, 5, 15 min)`);
  say(quick ? 'QUICK run: 100,000 rows for predict, fairness and data load; the anchors for 1M rows do not apply.' : 'Full run: 1,000,000 rows for predict, fairness and data load.');
  say('Times: median of the warm runs after one cold run (steps of a workload take turns in each round); cpu = CPU time of all threads.');
  const results: WorkloadResult[] = [];
  const ids = WORKLOADS.map((w) => w.id).filter(chosen);
  if (!args.includes('--no-node')) {
    say('\n=== shared workloads in Node (one child process each, onnxruntime-web on 1 thread) ===');
    for (const id of ids) {
      const r = nodeWorkload(id);
      say(formatResult(r));
      results.push(r);
    }
  }
  let env: ChromiumEnv | null = null;
  if (!args.includes('--no-chromium') && ids.length) {
    say('\n=== shared workloads in Chromium (a Web Worker, a fresh page each) ===');
    try {
      const run = await runChromium({ quick, only: ids, log: say });
      env = run.env;
      results.push(...run.results);
    } catch (err) {
      say(`Chromium benchmark failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
  if (!quick && !args.includes('--no-detail')) for (const name of DETAILED.filter(chosen)) detailed(name);
  const minutes = ((Date.now() - started.getTime()) / 60000).toFixed(1);
  const table = markdownTable(summaryRows(results, quick, env?.appThreads ?? 1));
  say(`\n=== summary (${started.toISOString().slice(0, 16)}Z, ${minutes} min, load average now ${load()}) ===\n${table}`);
  keep(command, table, results, env, minutes);
}

function keep(command: string, table: string, results: WorkloadResult[], env: ChromiumEnv | null, minutes: string): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${stamp}.txt`), log);
  writeFileSync(join(dir, `${stamp}.json`), JSON.stringify({ started: started.toISOString(), command, quick, chromium: env, results }, null, 1));
  const loads = results.flatMap((r) => r.load ?? []);
  const md = [
    `# Latest benchmark summary`,
    '',
    `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, \`${command}\`, ${minutes} min. Node ${process.version}${env ? `, Chromium ${env.version} (cross-origin isolated: ${env.crossOriginIsolated})` : ''}, ${cpus().length} cores shared with other jobs; 1-minute load average during the workloads ${loads.length ? `${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}` : 'unknown'}.`,
    `Medians of the warm runs after one cold run; ratios of paired runs (same round) are medians too.${quick ? ' QUICK run (100,000 rows): the 1M-row anchors do not apply.' : ''}`,
    `Ratio column: Node / Chromium. Full output: \`bench/results/${stamp}.txt\`; what each workload is: \`bench/README.md\`.`,
    '',
    table,
    '',
  ].join('\n');
  // only a complete run replaces the summary; a quick one has its own
  const complete = names.length === 0 && !args.includes('--no-node') && !args.includes('--no-chromium');
  const latest = complete ? (quick ? 'latest-quick.md' : 'latest.md') : null;
  if (latest) writeFileSync(join(dir, latest), md);
  say(`\nkept in bench/results/${stamp}.txt, ${stamp}.json${latest ? ` and ${latest}` : ''}`);
}

await main();
