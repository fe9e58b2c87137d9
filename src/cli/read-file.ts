/**
 * Reading the files the flags name, bounded. Only regular files are read (a device such as
 * /dev/zero or a pipe may never end: `inspect --model /dev/zero` had read 1.76 GB after 20 s),
 * each kind of file up to its own limit, checked on the size the system reports and again
 * while reading (a file that grows, or a /proc file that reports size 0, stops at the limit).
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { EinblickError } from '../engine/errors.ts';
import { MAX_AUDIT_BYTES } from '../engine/audit/limits.ts';
import { fsReason } from './fs-reason.ts';

export type InputKind = 'model' | 'model-b' | 'data' | 'audit' | 'groups';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

interface ReadLimit {
  bytes: number;
  /** What to do about a file above the limit. */
  hint: string;
}

/** The largest file of each kind that is read. */
export const READ_LIMITS: Record<InputKind, ReadLimit> = {
  model: { bytes: 2 * GB, hint: 'An ONNX model file holds at most 2 GB (a limit of the format); larger models keep their weights in separate files, which Einblick does not read yet.' },
  'model-b': { bytes: 2 * GB, hint: 'An ONNX model file holds at most 2 GB (a limit of the format); larger models keep their weights in separate files, which Einblick does not read yet.' },
  data: { bytes: 2 * GB, hint: 'Use a sample of the rows, or save only the columns the model and the analysis need, in a smaller file.' },
  audit: { bytes: MAX_AUDIT_BYTES, hint: 'An audit file saved by Einblick is a few kilobytes; check that the path names the audit file (.json).' },
  groups: { bytes: MAX_AUDIT_BYTES, hint: 'A groups file is a few kilobytes of JSON; check that --groups names it.' },
};

/** Bytes read at a time once the reported size has been read. */
const CHUNK = 4 * MB;

/**
 * A whole file's bytes; FILE_NOT_FOUND, READ_FAILED or TOO_LARGE (exit 3) with the path.
 *
 * @example await readInput('model.onnx', 'model') // Uint8Array of the file
 */
export async function readInput(path: string, kind: InputKind): Promise<Uint8Array> {
  const limit = READ_LIMITS[kind];
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw readFailed(err, path, kind);
  });
  if (info.isDirectory()) throw new EinblickError('FILE_NOT_FOUND', `${kind} path is a folder, not a file: ${path}`, `Give the path of a file ${where(kind)}.`, { file: path });
  if (!info.isFile()) {
    throw new EinblickError('READ_FAILED', `${kind} path is not an ordinary file (a device, a pipe or a socket): ${path}`, `Save the ${kind} to a file first and give its path ${where(kind)}.`, { file: path });
  }
  if (info.size > limit.bytes) throw tooLarge(path, kind, info.size);
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    return await readBounded(handle, info.size, path, kind);
  } catch (err) {
    throw readFailed(err, path, kind);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The reported size first, in one piece; then whatever follows, in chunks, up to the limit. */
async function readBounded(handle: FileHandle, size: number, path: string, kind: InputKind): Promise<Uint8Array> {
  const first = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(first, filled, Math.min(size - filled, GB), null);
    if (bytesRead === 0) return first.slice(0, filled); // the file shrank while it was read
    filled += bytesRead;
  }
  const more: Uint8Array[] = [];
  let total = size;
  for (;;) {
    const chunk = new Uint8Array(CHUNK);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > READ_LIMITS[kind].bytes) throw tooLarge(path, kind, READ_LIMITS[kind].bytes, true);
    more.push(chunk.subarray(0, bytesRead));
  }
  if (more.length === 0) return first;
  const all = new Uint8Array(total);
  all.set(first);
  let at = size;
  for (const m of more) {
    all.set(m, at);
    at += m.length;
  }
  return all;
}

/** `size` is the reported size, or (while reading) the bytes read so far. */
function tooLarge(path: string, kind: InputKind, size: number, reading = false): EinblickError {
  const limit = READ_LIMITS[kind];
  return new EinblickError('TOO_LARGE', `${kind} file is too large: ${path} has ${reading ? 'more than ' : ''}${bytes(size)}; Einblick reads ${kind} files of at most ${bytes(limit.bytes)}`, limit.hint, { file: path, limit: limit.bytes });
}

/** A read error as FILE_NOT_FOUND / READ_FAILED; EinblickErrors pass through. */
function readFailed(err: unknown, path: string, kind: InputKind): unknown {
  if (err instanceof EinblickError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new EinblickError('FILE_NOT_FOUND', `${kind} file not found: ${path}${code === 'ENOTDIR' ? ' (a part of the path is a file, not a folder)' : ''}`, `Check the path given ${where(kind)}.`, { file: path });
  }
  return new EinblickError('READ_FAILED', `cannot read the ${kind} file ${path}: ${fsReason(err)}`, `Check that the file exists, is an ordinary file and that you may read it; then give its path ${where(kind)}.`, { file: path });
}

function where(kind: InputKind): string {
  return kind === 'audit' ? 'as the audit file (the first argument of einblick audit)' : `to --${kind}`;
}

/** 2147483648 -> '2 GB', 10485760 -> '10 MB'. */
function bytes(n: number): string {
  if (n >= GB) return `${Math.round((n / GB) * 10) / 10} GB`;
  if (n >= MB) return `${Math.round((n / MB) * 10) / 10} MB`;
  return `${n} bytes`;
}
