/**
 * Issue 9: the corpus of bad inputs (models, tables, audit files, flags), each with the class of
 * answer it must get, run through the CLI. See README.md in this folder.
 *
 * KNOWN_FAILING names the cases the product does not pass yet. A listed case that passes fails
 * this test (take it off the list), so the list can only shrink. The failures of the listed cases
 * are written to the report file (path printed at the end); CORPUS_REPORT=1 prints it too.
 * CORPUS_ONLY=<regex> runs only the cases whose names match; CORPUS_SHOW=1 prints every outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case, Kind, Outcome } from './case.ts';
import { describeFailure, expand, IN_PROCESS_MS, judge, runCase } from './run.ts';
import { modelCases } from './cases-models.ts';
import { tableCases } from './cases-tables.ts';
import { auditCases } from './cases-audits.ts';
import { flagCases } from './cases-flags.ts';
import { goodModels } from './models.ts';
import { BASE_CSV } from './table-data.ts';

const ALL: Case[] = [...modelCases, ...tableCases, ...auditCases, ...flagCases];

/** Cases the product fails today, grouped by cause. Only remove names from this list. */
const KNOWN_FAILING: string[] = [
  // empty: every case gets the answer it must get (2026-12-07). A case added here must name the
  // issue that will fix it; a listed case that passes fails the run, so the list only shrinks.
];

const only = process.env.CORPUS_ONLY ? new RegExp(process.env.CORPUS_ONLY) : null;
const selected = ALL.filter((k) => !only || only.test(k.name));
const known = new Set(KNOWN_FAILING);
const failures = new Map<string, string>();
let W = '';
const started = new Map<string, Promise<{ outcome: Outcome; args: string[] }>>();

async function prepareAndRun(k: Case, i: number): Promise<{ outcome: Outcome; args: string[] }> {
  const dir = join(W, String(i));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(k.files ?? {})) writeFileSync(join(dir, name), typeof content === 'function' ? content() : content);
  const args = expand(k.args, W, dir);
  return { outcome: await runCase(k, args), args };
}

describe('issue 9: corpus of bad inputs through the CLI', () => {
  beforeAll(() => {
    W = mkdtempSync(join(tmpdir(), 'einblick-corpus-'));
    for (const [name, bytes] of Object.entries(goodModels())) writeFileSync(join(W, name), bytes);
    writeFileSync(join(W, 'base.csv'), BASE_CSV);
    const queue = selected.map((k, i) => [k, i] as const).filter(([k]) => k.process);
    const slots = Array.from({ length: 2 }, () => Promise.resolve());
    queue.forEach(([k, i], j) => {
      const p = slots[j % 2].then(() => prepareAndRun(k, i));
      slots[j % 2] = p.then(() => undefined);
      started.set(k.name, p);
    });
  });

  afterAll(() => {
    if (W) rmSync(W, { recursive: true, force: true });
    const lines = [...failures.entries()].sort(([a], [b]) => a.localeCompare(b));
    const report = [
      `einblick corpus: ${selected.length} cases run, ${lines.length} failing (${lines.filter(([n]) => known.has(n)).length} of them in KNOWN_FAILING)`,
      ...lines.map(([, text]) => text),
      '',
      'KNOWN_FAILING as of this run:',
      ...lines.map(([n]) => `  '${n}',`),
    ].join('\n');
    const file = join(tmpdir(), 'einblick-corpus-report.txt');
    writeFileSync(file, report + '\n');
    console.log(process.env.CORPUS_REPORT ? report : `${report.split('\n')[0]}; report: ${file}`);
  });

  it('has at least 300 uniquely named cases of every kind, and KNOWN_FAILING names only cases', () => {
    const names = ALL.map((k) => k.name);
    expect(new Set(names).size, `repeated case names: ${names.filter((n, i) => names.indexOf(n) !== i).join(', ')}`).toBe(names.length);
    expect(ALL.length).toBeGreaterThanOrEqual(300);
    const kinds: Record<Kind, number> = { model: 0, table: 0, audit: 0, flag: 0 };
    for (const k of ALL) kinds[k.kind]++;
    for (const n of Object.values(kinds)) expect(n).toBeGreaterThanOrEqual(40);
    expect(KNOWN_FAILING.filter((n) => !names.includes(n)), 'KNOWN_FAILING names that are no case').toEqual([]);
    expect(new Set(KNOWN_FAILING).size).toBe(KNOWN_FAILING.length);
  });

  it('the judge rejects what the corpus is about (a deliberately broken outcome of each sort)', () => {
    const k = { name: 'flag/x', kind: 'flag', args: ['fairness'], expect: 'usage', words: ['threshold'] } as const satisfies Case;
    const good = { code: 2, stdout: '', stderr: 'einblick: error: invalid threshold: 1.5\n  what to do: Pass --threshold from 0 to 1.\n', ms: 5 };
    expect(judge(k, good, k.args)).toEqual([]);
    const bad: [Partial<Outcome>, RegExp][] = [
      [{ code: 1 }, /exit code 1/],
      [{ code: 3 }, /expected usage, got bad-input/],
      [{ code: null, ms: 30_000 }, /killed at the time bound/],
      [{ stderr: 'einblick: error: invalid threshold\n' }, /what to do/],
      [{ stderr: 'error: unknown option --x\n  what to do: x\n' }, /einblick: error/],
      [{ stderr: good.stderr + 'at Object.<anonymous> (/x.js:1:2)\n' }, /internals/],
      [{ stderr: good.stderr.replace('1.5', 'NaN') }, /internals/],
      [{ stderr: good.stderr.replace('1.5', '/mnt/azure/onnxruntime/core/graph/model.cc:203') }, /internals/],
      [{ stderr: 'einblick: note: threshold\neinblick: error: invalid value\n  what to do: fix it\n' }, /does not name "threshold"/],
      [{ stderr: good.stderr.replace('1.5', "Can't create a session. ERROR_CODE: 1") }, /internals/],
      [{ code: 0, stdout: 'not json', stderr: '' }, /stdout is not JSON/],
    ];
    for (const [change, problem] of bad) expect(judge(k, { ...good, ...change }, k.args).join('; ')).toMatch(problem);
    expect(judge({ ...k, expect: 'ok', note: ['gender'] }, { ...good, code: 0, stdout: '{}', stderr: 'einblick: note: something else\n' }, k.args).join()).toMatch(/no note/);
    expect(judge({ ...k, process: true, memoryMb: 100 }, { ...good, peakMb: 150 }, k.args).join()).toMatch(/peak memory/);
    expect(judge({ ...k, absent: [/outcome column/] }, { ...good, stderr: good.stderr + '  check the outcome column\n' }, k.args).join()).toMatch(/wrong here/);
  });

  // In-process cases run one after another: onnxruntime-web keeps one error text per process, and
  // concurrent sessions read each other's. Process cases start early, two at a time, beside them.
  describe.skipIf(selected.length === 0)('cases', () => {
    selected.forEach((k, i) => {
      // a process case may wait for its slot; its own bound is kept by the runner
      it(k.name, { timeout: k.process ? 600_000 : (k.timeoutMs ?? IN_PROCESS_MS) + 60_000 }, async () => {
        const { outcome, args } = await (k.process ? started.get(k.name)! : prepareAndRun(k, i));
        const problems = judge(k, outcome, args);
        if (problems.length > 0) failures.set(k.name, describeFailure(k, outcome, problems));
        if (process.env.CORPUS_SHOW) console.log(describeFailure(k, outcome, problems));
        if (known.has(k.name)) {
          if (problems.length === 0) throw new Error(`${k.name} passes now: take it off KNOWN_FAILING in ${import.meta.filename}`);
        } else if (problems.length > 0) {
          throw new Error(`corpus case failed:\n${describeFailure(k, outcome, problems)}`);
        }
      });
    });
  });
});
