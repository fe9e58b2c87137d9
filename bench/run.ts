/**
 * `npm run bench`: runs every benchmark in Node, prints its output, and keeps a copy in
 * bench/results/<date>-node.txt. Each benchmark reports its figures as ratios against a baseline
 * measured in the same run where one exists (raw onnxruntime-web inference, or a stated anchor).
 * Usage: npm run bench [-- name ...]   (names: data-load, fairness, treeshap)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';

const ALL = ['predict', 'fairness', 'treeshap', 'data-load'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (wanted.length ? wanted : ALL).filter((n) => existsSync(join(import.meta.dirname, `${n}.ts`)));
const stamp = new Date().toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace(':', '');
let log = `Einblick benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`;
console.log(log.trimEnd());

for (const name of names) {
  const header = `\n=== ${name} (npx tsx bench/${name}.ts) ===`;
  console.log(header);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  process.stdout.write(r.stdout);
  log += `${header}\n${r.stdout}`;
  if (r.status !== 0) {
    log += `(exit code ${r.status})\n`;
    console.log(`(exit code ${r.status})`);
  }
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
const file = join(import.meta.dirname, 'results', `${stamp}-node.txt`);
writeFileSync(file, log);
console.log(`\nkept in ${file}`);
