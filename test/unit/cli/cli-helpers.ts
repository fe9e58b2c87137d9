import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';

export const FIX = resolve(import.meta.dirname, '../../fixtures');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), tty: false };
  const code = await main(['node', 'einblick', ...args], io);
  return { code, stdout, stderr };
}

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'einblick-cli-'));
}

export function writeTmp(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A column of a fixture CSV as numbers. */
export function csvColumn(path: string, column: string): number[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => Number(r[column]));
}

export function csvStrings(path: string, column: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => r[column]);
}
