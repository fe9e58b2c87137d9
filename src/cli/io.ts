/** File and terminal input/output of the CLI: the only place it touches the file system. */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EinblickError, toErrorInfo, type Progress } from '../engine/errors.ts';
import { exitCodeFor } from './exit.ts';

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

/** Reads a whole file; a missing file is FILE_NOT_FOUND with the path in the message. */
export async function readInput(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new EinblickError('FILE_NOT_FOUND', `${what} file not found: ${path}`, `Check the path given to --${what}.`, { file: path });
    if (code === 'EISDIR') throw new EinblickError('FILE_NOT_FOUND', `${what} path is a folder, not a file: ${path}`, `Give the path of a file to --${what}.`, { file: path });
    throw err;
  }
}

/** Writes JSON to --out, or to stdout when no path is given. */
export async function writeJson(value: unknown, out: string | undefined, io: Io): Promise<void> {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (!out || out === '-') {
    io.stdout(text);
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text);
}

/** Prints an error as two lines (message, hint) and returns the exit code for it. */
export function reportError(err: unknown, io: Io): number {
  const info = toErrorInfo(err);
  io.stderr(`einblick: error: ${info.message}\n`);
  io.stderr(`  what to do: ${info.hint}\n`);
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

/** Splits a comma-separated list flag: 'a, b,c' -> ['a', 'b', 'c']. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
