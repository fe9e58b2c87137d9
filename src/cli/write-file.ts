/**
 * Writing the CLI's results (--out): missing folders are created one by one, and every refusal
 * of the system is WRITE_FAILED (exit 3) naming the path and the reason.
 *
 * Node's `mkdir(path, { recursive: true })` is not used: on /proc (where mkdir answers ENOENT
 * although the parent exists) it retries the parent forever, so `--out /proc/nope/x.json`
 * never returned. Here each missing folder is created once, from the top down.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import { EinblickError } from '../engine/errors.ts';
import { fsReason } from './fs-reason.ts';

/**
 * Makes sure `dir` is a folder, creating it and its missing parents.
 *
 * @example await ensureFolder('out/report') // creates out/ and out/report/ when missing
 */
export async function ensureFolder(dir: string, flag = 'out', given = dir): Promise<void> {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const s = await stat(d).catch((err: NodeJS.ErrnoException) => err);
    if (!(s instanceof Error)) {
      if (!s.isDirectory()) throw writeFailed(given, flag, `${d} is a file, not a folder`);
      break;
    }
    if (s.code !== 'ENOENT' && s.code !== 'ENOTDIR') throw writeFailed(given, flag, `${d} cannot be reached: ${fsReason(s)}`);
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) {
    await mkdir(m).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw writeFailed(given, flag, `the folder ${m} cannot be created: ${err.code === 'ENOENT' ? 'this place does not allow new folders (ENOENT)' : fsReason(err)}`);
    });
  }
}

/**
 * Checks, before any work, that `path` can become the output file: not a folder, its folder
 * there or creatable. The file itself is written by writeOutput.
 *
 * @example await prepareOutput('results/p.json') // creates results/ when missing
 */
export async function prepareOutput(path: string, flag = 'out'): Promise<void> {
  const s: Stats | NodeJS.ErrnoException = await stat(path).catch((err: NodeJS.ErrnoException) => err);
  if (!(s instanceof Error) && s.isDirectory()) throw writeFailed(path, flag, 'it is a folder; give the path of a file in it, e.g. ' + `${path.replace(/\/+$/, '')}/results.json`);
  if (s instanceof Error && s.code !== 'ENOENT' && s.code !== 'ENOTDIR') throw writeFailed(path, flag, fsReason(s));
  await ensureFolder(dirname(path), flag, path);
}

/**
 * Writes a text file (creating its folder).
 *
 * @example await writeOutput('out/results.json', '{}\n')
 */
export async function writeOutput(path: string, text: string, flag = 'out'): Promise<void> {
  await prepareOutput(path, flag);
  await writeFile(path, text).catch((err: NodeJS.ErrnoException) => {
    throw writeFailed(path, flag, fsReason(err));
  });
}

function writeFailed(path: string, flag: string, reason: string): EinblickError {
  return new EinblickError('WRITE_FAILED', `cannot write --${flag} ${path}: ${reason}`, `Give --${flag} a path in a folder where you may create files (e.g. in your home folder or the current folder).`, { file: path, option: flag });
}
