/**
 * Issue 9: paths the CLI cannot read or write end in exit 3 with a message naming the path and
 * the reason, never exit 1 and never a hang: --out on a folder, under a file, under /dev/null,
 * on /proc (where Node's recursive mkdir loops forever); --model /dev/zero, a pipe, a file above
 * the size limit; the audit command's missing or folder audit file and its --out folder. The
 * hang cases are bounded by each test's own timeout.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, FIX, tmp, writeTmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';
import { readInput, READ_LIMITS } from '../../../src/cli/read-file.ts';

const model = join(FIX, 'real_german_pipe_rf/model.onnx');
const data = join(FIX, 'real_german_pipe_rf/data.csv');
const README = join(import.meta.dirname, '../../../README.md');
const QUICK = { timeout: 15_000 };

describe('issue 9: an --out that cannot be written is exit 3 with the path and the reason', () => {
  it.each([
    ['a folder', () => tmp(), /cannot write --out .*: it is a folder; give the path of a file in it/],
    ['a path under /dev/null', () => '/dev/null/x.json', /cannot write --out \/dev\/null\/x.json: \/dev\/null is a file, not a folder/],
    ['a path under a file', () => join(README, 'x.json'), /README.md\/x.json: .*README.md is a file, not a folder/],
    ['a folder under a file, two levels down', () => join(README, 'a/b/x.json'), /README.md is a file, not a folder/],
    ['a new folder on /proc (mkdir recursive loops there)', () => '/proc/nope/x.json', /the folder \/proc\/nope cannot be created: this place does not allow new folders \(ENOENT\)/],
    ['deeper on /proc', () => '/proc/nope/a/b/x.json', /the folder \/proc\/nope cannot be created/],
  ])('inspect --out %s', QUICK, async (_, out, message) => {
    const r = await cli('inspect', '--model', model, '--out', out());
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/what to do: Give --out a path in a folder where you may create files/);
    expect(r.code).toBe(EXIT.badInput);
  });

  it('fails before the work: predict, explain and fairness check --out first', QUICK, async () => {
    for (const args of [['predict'], ['explain', '--rows', '0'], ['fairness', '--protected', 'sex', '--label', 'Class=Good']]) {
      const r = await cli(...args, '--model', model, '--data', data, '--out', '/proc/nope/x.json', '--quiet');
      expect(r.stderr, args[0]).toMatch(/cannot write --out \/proc\/nope\/x.json/);
      expect(r.code).toBe(EXIT.badInput);
    }
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission', QUICK, async () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    const r = await cli('inspect', '--model', model, '--out', join(dir, 'sub/x.json'));
    expect(r.stderr).toMatch(/cannot be created: no permission \(EACCES\)/);
    expect(r.code).toBe(EXIT.badInput);
  });

  it('a file the system refuses (/sys, even for root)', QUICK, async () => {
    const r = await cli('inspect', '--model', model, '--out', '/sys/x.json');
    expect(r.stderr).toMatch(/cannot write --out \/sys\/x.json: (no permission|the file system is read-only)/);
    expect(r.code).toBe(EXIT.badInput);
  });

  it('missing folders are still created, and --out - is stdout', QUICK, async () => {
    const out = join(tmp(), 'a/b/c/x.json');
    expect((await cli('inspect', '--model', model, '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).task).toBe('classification');
    const r = await cli('inspect', '--model', model, '--out', '-');
    expect(JSON.parse(r.stdout).task).toBe('classification');
  });

  it('audit --out: a file, a place without new folders, a path under a file; before the analysis runs', QUICK, async () => {
    const dir = tmp();
    const audit = writeTmp(dir, 'audit.json', JSON.stringify({ label: 'Class=Good', protected: ['sex'], bootstrap: 0, explain: false }));
    for (const [out, message] of [[README, /README.md is a file, not a folder/], ['/proc/nope', /the folder \/proc\/nope cannot be created/], [join(README, 'o'), /README.md is a file, not a folder/]] as const) {
      const r = await cli('audit', audit, '--model', model, '--data', data, '--out', out, '--quiet');
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(EXIT.badInput);
    }
  });
});

describe('issue 9: every read is bounded', () => {
  it('--model /dev/zero is refused at once (it read 1.76 GB in 20 s before)', QUICK, async () => {
    const r = await cli('inspect', '--model', '/dev/zero');
    expect(r.stderr).toMatch(/model path is not an ordinary file \(a device, a pipe or a socket\): \/dev\/zero/);
    expect(r.stderr).toMatch(/what to do: Save the model to a file first/);
    expect(r.code).toBe(EXIT.badInput);
  });

  it.skipIf(process.platform === 'win32')('a named pipe without a writer is refused, not waited for', QUICK, async () => {
    const fifo = join(tmp(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await cli('predict', '--model', model, '--data', fifo);
    expect(r.stderr).toMatch(/data path is not an ordinary file/);
    expect(r.code).toBe(EXIT.badInput);
  });

  it('files above the limit of their kind are TOO_LARGE with the limit and what to do (sparse files, no disk used)', QUICK, async () => {
    const dir = tmp();
    const big = join(dir, 'big.onnx');
    writeFileSync(big, '');
    truncateSync(big, READ_LIMITS.model.bytes + 1);
    const r = await cli('inspect', '--model', big);
    expect(r.stderr).toMatch(/model file is too large: .*big.onnx has 2 GB; Einblick reads model files of at most 2 GB/);
    expect(r.stderr).toMatch(/what to do: An ONNX model file holds at most 2 GB/);
    expect(r.code).toBe(EXIT.badInput);

    const audit = join(dir, 'audit.json');
    writeFileSync(audit, '');
    truncateSync(audit, READ_LIMITS.audit.bytes + 1);
    const a = await cli('audit', audit, '--model', model, '--data', data, '--out', join(dir, 'o'));
    expect(a.stderr).toMatch(/audit file is too large: .* has 10 MB; Einblick reads audit files of at most 10 MB/);
    expect(a.code).toBe(EXIT.badInput);
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('a file whose size the system does not know (/proc) is read to its end', QUICK, async () => {
    const bytes = await readInput('/proc/self/status', 'audit');
    expect(new TextDecoder().decode(bytes)).toMatch(/^Name:/);
  });

  it('missing files, folders and paths under a file are FILE_NOT_FOUND with the path', QUICK, async () => {
    const dir = tmp();
    const cases: [string[], RegExp][] = [
      [['inspect', '--model', join(dir, 'none.onnx')], /model file not found: .*none.onnx/],
      [['inspect', '--model', dir], /model path is a folder, not a file/],
      [['inspect', '--model', join(README, 'm.onnx')], /model file not found: .*README.md\/m.onnx \(a part of the path is a file, not a folder\)/],
      [['audit', join(dir, 'none.json'), '--model', model, '--data', data, '--out', join(dir, 'o')], /audit file not found: .*none.json\n.*what to do: Check the path given as the audit file \(the first argument of einblick audit\)/],
      [['audit', dir, '--model', model, '--data', data, '--out', join(dir, 'o')], /audit path is a folder, not a file/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(EXIT.badInput);
    }
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is READ_FAILED', QUICK, async () => {
    const dir = tmp();
    const f = writeTmp(dir, 'm.onnx', readFileSync(model));
    chmodSync(f, 0o000);
    const r = await cli('inspect', '--model', f);
    expect(r.stderr).toMatch(/cannot read the model file .*m.onnx: no permission \(EACCES\)/);
    expect(r.code).toBe(EXIT.badInput);
  });
});

describe('issue 9: the audit command names a bad language', () => {
  it('--lang xx and "language": "fr" are usage errors (exit 2) with the allowed values', QUICK, async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'o'));
    const ok = writeTmp(dir, 'a.json', JSON.stringify({ explain: false }));
    const lang = await cli('audit', ok, '--model', model, '--data', data, '--out', join(dir, 'o'), '--lang', 'xx');
    expect(lang.stderr).toMatch(/invalid lang: xx; expected de or en/);
    expect(lang.code).toBe(EXIT.usage);
    const fr = await cli('audit', writeTmp(dir, 'fr.json', '{"language": "fr"}'), '--model', model, '--data', data, '--out', join(dir, 'o'));
    expect(fr.stderr).toMatch(/invalid language: "fr"; expected "de" or "en"/);
    expect(fr.code).toBe(EXIT.usage);
  });

  it('hostile audit files on the command line: exit 2, never 1', QUICK, async () => {
    const dir = tmp();
    for (const [text, message] of [
      ['['.repeat(200_000) + ']'.repeat(200_000), /nested more than 32 levels deep/],
      ['{"samples": 1e12}', /invalid samples: 1000000000000; expected a whole number from 1 to 10000000 \(as for --samples\)/],
      ['{"background": 1000000000}', /invalid background: 1000000000/],
      ['', /the audit file is empty/],
    ] as const) {
      const r = await cli('audit', writeTmp(dir, 'a.json', text), '--model', model, '--data', data, '--out', join(dir, 'o'));
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(EXIT.usage);
    }
  });
});
