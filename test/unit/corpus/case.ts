/**
 * Issue 9 corpus: how a case is declared. See README.md in this folder.
 */

/** The class of answer a case must get: exit 0, exit 2 (a mistyped flag or option), exit 3 (a bad input file). */
export type AnswerClass = 'ok' | 'usage' | 'bad-input';

export type Kind = 'model' | 'table' | 'audit' | 'flag';

/** A word the output must contain: a string (case-insensitive) or a pattern. */
export type Word = string | RegExp;

export interface Case {
  /** Unique, '<kind>/<short-name>'; KNOWN_FAILING refers to it. */
  name: string;
  kind: Kind;
  /**
   * The command line after `einblick`. Tokens may use: $W the shared workspace (good models
   * logit2.onnx, matrix2.onnx, tree2.onnx, hostile models under $W/m/, the good table base.csv),
   * $D this case's own folder (holding `files`), $FIX test/fixtures.
   */
  args: string[];
  /** Files written into $D before the run (a function: made just before, for big files). */
  files?: Record<string, string | Uint8Array | (() => string | Uint8Array)>;
  /** The answer it must get; several when more than one is right (e.g. refuse, or accept with a note). */
  expect: AnswerClass | AnswerClass[];
  /** On exit 2 or 3: words the error line or its hint must contain (the bad value, the column, the flag...). */
  words?: Word[];
  /** Words stderr must not contain (a wrong lead, e.g. blaming the outcome column for the model's fault). */
  absent?: Word[];
  /** On exit 0: one 'einblick: note:' line must contain all these words. */
  note?: Word[];
  /** Run as a real `node bin/einblick.js` process (for reads without end, special files, memory). */
  process?: boolean;
  /** Time bound of the run, ms (default: 20 s in process, 60 s as a process). */
  timeoutMs?: number;
  /** Text the internals check skips (a value the person typed, e.g. 'threshold: NaN'). */
  allow?: string[];
  /** As a process: bound of the peak resident memory, MB (the run is stopped there). */
  memoryMb?: number;
}

/** What a run gave. `code` null: stopped at the time or memory bound. */
export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory (MB), for process runs. */
  peakMb?: number;
  /** Why a process run was stopped: at the time bound or at the memory bound. */
  killed?: 'time' | 'memory';
}

/** A short builder so that case lists stay one line per case. */
export function c(kind: Kind, name: string, args: string[], expect: Case['expect'], more: Omit<Partial<Case>, 'name' | 'kind' | 'args' | 'expect'> = {}): Case {
  return { name: `${kind}/${name}`, kind, args, expect, ...more };
}
