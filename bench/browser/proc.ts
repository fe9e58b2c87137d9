/**
 * CPU time and peak memory of the Chromium processes this runner started, read from /proc
 * (Linux only): every descendant process of this Node process, which launched the browser.
 */
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;

interface Proc { pid: number; ppid: number; cpuTicks: number }

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may hold spaces
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null; // the process ended while we looked
  }
}

/**
 * The live processes below `root` (default: this process).
 *
 * @example descendants().length // e.g. 6 while Chromium runs
 */
export function descendants(root = process.pid): Proc[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readProc(Number(d))).filter((p): p is Proc => p !== null);
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: Proc[] = [];
  const stack = [root];
  while (stack.length) for (const c of children.get(stack.pop()!) ?? []) (out.push(c), stack.push(c.pid));
  return out;
}

/**
 * CPU time (user + system, all threads) of the browser's processes so far, in ms; resolution
 * one clock tick (10 ms).
 *
 * @example browserCpuMs() // e.g. 5230
 */
export function browserCpuMs(): number {
  return descendants().reduce((s, p) => s + (p.cpuTicks * 1000) / TICKS, 0);
}

/**
 * Minor page faults of the browser's renderer processes so far (all threads). A fault is
 * taken on the first write to each fresh 4 KiB page, e.g. of a new typed array whose memory
 * the allocator had returned to the system; profile.ts reports them per run.
 *
 * @example rendererMinorFaults() // e.g. 183204
 */
export function rendererMinorFaults(): number {
  let faults = 0;
  for (const p of descendants()) {
    try {
      if (!readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
      faults += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
    } catch {
      continue; // the process ended while we looked
    }
  }
  return faults;
}

/**
 * The largest peak resident set (VmHWM) among the browser's renderer processes, in MB.
 *
 * @example rendererPeakRssMB() // e.g. 812
 */
export function rendererPeakRssMB(): number | undefined {
  let peak: number | undefined;
  for (const p of descendants()) {
    try {
      if (!readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak ?? 0, Math.round(Number(m[1]) / 1024));
    } catch {
      continue; // the process ended while we looked
    }
  }
  return peak;
}
