/** Terminal output of the CLI (and JSON to --out); files are read in read-file.ts and written in write-file.ts. */
import { toErrorInfo, type Progress } from '../engine/errors.ts';
import { exitCodeFor } from './exit.ts';
import { prepareOutput, writeOutput } from './write-file.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress is drawn only then). */
  tty: boolean;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

/** Writes JSON to --out, or to stdout when no path is given (or '-'). */
export async function writeJson(value: unknown, out: string | undefined, io: Io): Promise<void> {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (out === undefined || out === '-') io.stdout(text);
  else await writeOutput(out, text);
}

/** Before the work: checks that --out can be written (nothing to check for stdout). */
export async function checkOut(out: string | undefined): Promise<void> {
  if (out !== undefined && out !== '-') await prepareOutput(out);
}

/** Prints an error as two lines (message, hint) and returns the exit code for it. */
export function reportError(err: unknown, io: Io): number {
  const info = toErrorInfo(err);
  io.stderr(`einblick: error: ${clip(info.message)}\n`);
  io.stderr(`  what to do: ${clip(info.hint)}\n`);
  return exitCodeFor(info.code);
}

/** A progress line on stderr when it is a terminal; nothing otherwise. */
export function progressPrinter(io: Io, quiet: boolean): ((p: Progress) => void) | undefined {
  if (quiet || !io.tty) return undefined;
  return (p) => {
    const pct = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : ` ${p.done}`;
    io.stderr(`\r${p.stage}${pct}   `);
    if (p.total && p.done >= p.total) io.stderr('\n');
  };
}

/** A message of at most MAX_MESSAGE characters: a 100,000-character flag value is not echoed whole. */
const MAX_MESSAGE = 2000;
export function clip(text: string): string {
  if (text.length <= MAX_MESSAGE) return text;
  const keep = MAX_MESSAGE / 2;
  return `${text.slice(0, keep)} … (${text.length - 2 * keep} characters left out) … ${text.slice(-keep)}`;
}
