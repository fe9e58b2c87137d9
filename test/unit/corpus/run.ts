/**
 * Issue 9 corpus: runs one case through the CLI (in process with captured output, or as a real
 * process when the case says so) and judges the outcome against the case's class and words.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';
import type { AnswerClass, Case, Outcome, Word } from './case.ts';
import { FIX } from './table-data.ts';

const BIN = resolve(import.meta.dirname, '../../../bin/einblick.js');
export const IN_PROCESS_MS = 20_000;
/** Starting the CLI through tsx alone takes 3 to 10 s on a loaded machine. */
export const PROCESS_MS = 60_000;

/** Fills $W, $D and $FIX in a case's arguments. */
export function expand(args: string[], w: string, d: string): string[] {
  return args.map((a) => a.replaceAll('$W', w).replaceAll('$D', d).replaceAll('$FIX', FIX));
}

export async function runCase(c: Case, args: string[]): Promise<Outcome> {
  return c.process ? runProcess(args, c.timeoutMs ?? PROCESS_MS, c.memoryMb) : runInProcess(args, c.timeoutMs ?? IN_PROCESS_MS);
}

async function runInProcess(args: string[], timeoutMs: number): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), tty: false };
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((done) => (timer = setTimeout(() => done(null), timeoutMs)));
  let code: number | null;
  try {
    code = await Promise.race([main(['node', 'einblick', ...args], io), timeout]);
  } catch (err) {
    // main() must never throw; an escaped exception is reported as exit 1 with its text
    stderr += `(escaped from main) ${err instanceof Error ? err.stack : String(err)}\n`;
    code = 1;
  } finally {
    clearTimeout(timer);
  }
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

/** Peak resident memory of a running process in MB (Linux /proc), or undefined elsewhere. */
function peakMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node bin/einblick.js ARGS`; killed at the time bound, and as soon as it holds more than `memoryMb` (a read without end must not take the machine's memory). */
function runProcess(args: string[], timeoutMs: number, memoryMb?: number): Promise<Outcome> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak: number | undefined;
    child.stdout.on('data', (b) => { if (stdout.length < 1e6) stdout += b; });
    child.stderr.on('data', (b) => { if (stderr.length < 1e6) stderr += b; });
    let killed: Outcome['killed'];
    const poll = setInterval(() => {
      const p = peakMb(child.pid!);
      if (p !== undefined) peak = Math.max(peak ?? 0, p);
      if (memoryMb !== undefined && peak !== undefined && peak > memoryMb && !killed) { killed = 'memory'; child.kill('SIGKILL'); }
    }, 50);
    const timer = setTimeout(() => { killed ??= 'time'; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      done({ code: killed ? null : code, stdout, stderr, ms: performance.now() - t0, peakMb: peak, killed });
    });
  });
}

/** Library internals a message must not show. */
export const INTERNALS: RegExp[] = [
  /\/mnt\//, /\.cc:/, /onnxruntime::/, /at Object\./, /at async/, /TypeError/, /RangeError/, /SyntaxError/,
  /\bundefined\b/, /\bNaN\b/, /\[object Object\]/, /Cannot read propert/, /\bat .*\(.*:\d+:\d+\)/,
  // onnxruntime's own wording
  /ERROR_CODE/, /OrtRun/, /ShapeInferenceError/,
];

/**
 * Phrases that may name NaN in a plain sentence (a note that missing values are given to the
 * model "as NaN", or that the model returned "(NaN)", is information, not an internal leaking out).
 */
const NAN_SENTENCES = /(as|handle|handles) NaN\b|\(NaN\)/g;

const CLASS_OF: Record<number, AnswerClass> = { 0: 'ok', 2: 'usage', 3: 'bad-input' };

export function answerClass(code: number | null, killed: Outcome['killed'] = 'time'): string {
  if (code === null) return `no answer (killed at the ${killed} bound)`;
  return CLASS_OF[code] ?? `exit ${code}`;
}

const has = (text: string, w: Word) => (typeof w === 'string' ? text.toLowerCase().includes(w.toLowerCase()) : w.test(text));
const show = (w: Word) => (typeof w === 'string' ? JSON.stringify(w) : String(w));

/** The problems of an outcome, empty when the case passes. */
export function judge(c: Case, o: Outcome, args: string[]): string[] {
  const problems: string[] = [];
  const expected = Array.isArray(c.expect) ? c.expect : [c.expect];
  const got = answerClass(o.code, o.killed);
  if (!expected.includes(got as AnswerClass)) problems.push(`expected ${expected.join(' or ')}, got ${got}`);
  if (o.code === 1) problems.push('exit code 1 (internal error)');
  const bound = c.timeoutMs ?? (c.process ? PROCESS_MS : IN_PROCESS_MS);
  if (o.killed !== 'memory' && (o.code === null || o.ms > bound)) problems.push(`took ${Math.round(o.ms)} ms (bound ${bound} ms)`);
  let visible = o.stderr.replace(NAN_SENTENCES, '');
  for (const text of c.allow ?? []) visible = visible.replaceAll(text, '');
  for (const re of INTERNALS) if (re.test(visible)) problems.push(`stderr shows internals: ${re}`);
  if (o.code !== 0 && o.code !== null) {
    if (!/^einblick: error: \S/m.test(o.stderr)) problems.push("stderr has no 'einblick: error:' line");
    if (!/^\s*what to do: \S/m.test(o.stderr)) problems.push("stderr has no 'what to do:' line");
    // the words must be in the error and its hint, not in a note printed before it
    const error = o.stderr.split('\n').filter((l) => !l.startsWith('einblick: note:')).join('\n');
    if (expected.some((e) => e !== 'ok')) for (const w of c.words ?? []) if (!has(error, w)) problems.push(`the error does not name ${show(w)}`);
  }
  for (const w of c.absent ?? []) if (has(o.stderr, w)) problems.push(`stderr says ${show(w)}, which is wrong here`);
  if (o.code === 0) {
    if (/^einblick: error:/m.test(o.stderr)) problems.push('exit 0 with an error line');
    if (c.note) {
      const notes = o.stderr.split('\n').filter((l) => l.startsWith('einblick: note:'));
      if (!notes.some((l) => c.note!.every((w) => has(l, w)))) problems.push(`no note with ${c.note.map(show).join(', ')}`);
    }
    const cmd = args[0];
    if (['inspect', 'predict', 'fairness', 'explain'].includes(cmd) && !args.includes('--out')) {
      try { JSON.parse(o.stdout); } catch { problems.push('exit 0 but stdout is not JSON'); }
    }
  }
  if (c.memoryMb !== undefined && o.peakMb !== undefined && o.peakMb > c.memoryMb) problems.push(`peak memory over ${Math.round(o.peakMb)} MB (bound ${c.memoryMb} MB)`);
  return problems;
}

/** One line per problem plus the first lines of stderr, for the report. */
export function describeFailure(c: Case, o: Outcome, problems: string[]): string {
  const head = o.stderr.split('\n').filter((l) => l.trim()).slice(0, 3).map((l) => `      | ${l.slice(0, 300)}`);
  return [`  ${c.name}  (expected ${[c.expect].flat().join('|')}, got ${answerClass(o.code, o.killed)}, ${Math.round(o.ms)} ms${o.peakMb ? `, ${Math.round(o.peakMb)} MB` : ''})`, ...problems.map((p) => `    - ${p}`), ...head].join('\n');
}
