/**
 * Issue 9: the audit file reader (readAudit / parseAudit) refuses every hostile file with
 * INVALID_OPTION and a message that names the problem, never an internal error, a stack
 * overflow or a long wait: nesting 200,000 levels deep, numbers beyond the flags' limits,
 * empty names, huge texts and lists, a BOM, an empty file, duplicate keys. The number limits
 * are the flags' own (one definition, src/engine/audit/limits.ts).
 */
import { describe, expect, it } from 'vitest';
import { readAudit, parseAudit } from '../../../src/engine/audit/schema.ts';
import { LIMITS } from '../../../src/engine/audit/limits.ts';
import { scanJson } from '../../../src/engine/audit/json-scan.ts';
import { readGroupsFile } from '../../../src/engine/audit/groups-file.ts';
import { limitOption } from '../../../src/cli/options.ts';
import { EinblickError } from '../../../src/engine/errors.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';

/** The error readAudit throws for `text` (fails the test when it accepts it or throws anything else). */
function refusal(text: string): EinblickError {
  try {
    readAudit(text);
  } catch (err) {
    expect(err).toBeInstanceOf(EinblickError);
    expect((err as EinblickError).code).toBe('INVALID_OPTION');
    return err as EinblickError;
  }
  throw new Error(`accepted: ${text.slice(0, 80)}`);
}

describe('issue 9: hostile audit files are refused with a clear message', () => {
  it('nesting 200,000 levels deep (arrays, objects, inside a key) is refused before it is parsed', { timeout: 10_000 }, () => {
    expect(refusal('['.repeat(200_000) + ']'.repeat(200_000)).message).toBe('the audit file is nested more than 32 levels deep; an audit file has at most 3');
    expect(refusal('{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000)).params.detail).toBe('AUDIT_TOO_DEEP');
    expect(refusal('{"groups": {"g": ' + '['.repeat(5_000_000) + '}}').params.detail).toBe('AUDIT_TOO_DEEP');
    // strings with brackets do not count
    expect(readAudit(JSON.stringify({ title: '[[[[{{{{'.repeat(100) }))).toEqual({ title: '[[[[{{{{'.repeat(100) });
  });

  it.each([
    ['samples', 1e12, 'invalid samples: 1000000000000; expected a whole number from 1 to 10000000 (as for --samples)'],
    ['background', 1e9, 'invalid background: 1000000000; expected a whole number from 1 to 100000 (as for --background)'],
    ['bootstrap', 5, 'invalid bootstrap: 5; expected 0 or a whole number from 10 to 100000 (as for --bootstrap)'],
    ['bootstrap', 1e6, 'invalid bootstrap: 1000000'],
    ['seed', 2 ** 31, 'invalid seed: 2147483648; expected a whole number from -2147483648 to 2147483647 (as for --seed)'],
    ['seed', 1.5, 'invalid seed: 1.5'],
    ['threshold', 1.01, 'invalid threshold: 1.01; expected a number from 0 to 1 (as for --threshold; with "scores" any number in the score\'s units)'],
    ['min_group_size', 0, 'invalid min_group_size: 0; expected a whole number from 1 to 1000000000 (as for --min-group-size)'],
    ['top_k', [0], 'invalid top_k.0: 0'],
    ['rows', [0, -1], 'invalid rows.1: -1; expected a whole number from 0 to 2147483647 (as for --rows)'],
    ['background_rows', [2 ** 31], 'as for --background-rows'],
    ['rows', [], 'invalid rows: a list of 0 items; expected a list with at least 1 item'],
  ])('%s: %j is refused with the flag\'s limit', (key, value, message) => {
    const e = refusal(JSON.stringify({ [key]: value }));
    expect(e.message).toContain(message);
    expect(e.params.detail).toBe('AUDIT_INVALID');
  });

  it('the file and the flags share each limit: both take the maximum and refuse just above it', () => {
    const flags: [keyof typeof LIMITS, string, number][] = [['threshold', 'threshold', 0.001], ['bootstrap', 'bootstrap', 1], ['seed', 'seed', 1], ['min_group_size', 'min-group-size', 1], ['background', 'background', 1], ['samples', 'samples', 1]];
    for (const [key, flag, step] of flags) {
      const { max, min } = LIMITS[key];
      expect(parseAudit({ [key]: max })[key as 'seed']).toBe(max);
      expect(limitOption(String(max), flag)).toBe(max);
      expect(() => parseAudit({ [key]: max + step }), key).toThrow(`as for --${flag}`);
      expect(() => limitOption(String(max + step), flag), flag).toThrow(`invalid ${flag}`);
      expect(() => parseAudit({ [key]: min - step }), key).toThrow(`as for --${flag}`);
      expect(() => limitOption(String(min - step), flag), flag).toThrow(`invalid ${flag}`);
    }
  });

  it.each([
    ['{"protected": [""]}', 'invalid protected.0: ""; expected a name, not an empty text'],
    ['{"label": ""}', 'invalid label: ""; expected a name, not an empty text'],
    ['{"output": ""}', 'invalid output: ""'],
    ['{"features": ["a", ""]}', 'invalid features.1: ""'],
    ['{"reference": {"": "x"}}', 'the name "": expected a name'],
    ['{"language": "xx"}', 'invalid language: "xx"; expected "de" or "en"'],
    ['{"model": null}', 'invalid model: null'],
    ['{"protected": null}', 'invalid protected: null; expected a list of names'],
    ['null', 'the file holds null; expected one JSON object'],
    ['[1, 2]', 'the file holds a list of 2 items; expected one JSON object'],
    ['42', 'the file holds 42; expected one JSON object'],
    ['"audit"', 'the file holds "audit"; expected one JSON object'],
    ['{"threshhold": 0.5}', 'unknown key: threshhold; expected one of einblick, created'],
    ['{"bins": {"Age": "q99999"}}', 'expected qN with N from 2 to 100, e.g. q4'],
  ])('%s', (text, message) => {
    expect(refusal(text).message).toContain(message);
  });

  it('empty files, text that is not JSON and duplicate keys are named as such', () => {
    expect(refusal('').message).toBe('the audit file is empty');
    expect(refusal(' \n\t').params.detail).toBe('AUDIT_EMPTY');
    expect(refusal('\uFEFF').params.detail).toBe('AUDIT_EMPTY');
    expect(refusal('{"seed": 1,}').params.detail).toBe('AUDIT_NOT_JSON');
    expect(refusal('{"threshold": 0.3, "threshold": 0.7}').message).toBe('the audit file gives the key threshold twice');
    expect(refusal('{"checklist": {"q1": {"note": "a", "note": "b"}}}').message).toBe('the audit file gives the key checklist.q1.note twice');
    expect(refusal('{"seed": 1, "s\\u0065ed": 2}').message).toContain('key seed twice');
    // the same key in two different objects is fine
    expect(readAudit('{"model": {"name": "m", "sha256": "' + 'a'.repeat(64) + '"}, "data": {"name": "d", "sha256": "' + 'b'.repeat(64) + '"}}').data?.name).toBe('d');
  });

  it('a BOM before the JSON is skipped', () => {
    expect(readAudit('\uFEFF{"seed": 3}')).toEqual({ seed: 3 });
  });

  it('huge texts, lists and files give a short message, quickly', { timeout: 20_000 }, () => {
    const title = refusal(JSON.stringify({ title: 'x'.repeat(9_000_000) }));
    expect(title.message).toMatch(/^the audit file is not valid: invalid title: "x{60}…" \(9000000 characters\); expected at most 10000 characters$/);
    const rows = refusal(JSON.stringify({ rows: Array(1_000_000).fill(-1) }));
    expect(rows.message).toBe('the audit file is not valid: invalid rows.0: -1; expected a whole number from 0 to 2147483647 (as for --rows)');
    const names = refusal(JSON.stringify({ protected: Array(1_000_000).fill('') }));
    expect(names.message.length).toBeLessThan(200);
    const keys = refusal(JSON.stringify(Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]))));
    expect(keys.message).toContain('unknown keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 and 199990 more;');
    const many = refusal(JSON.stringify({ seed: 'a', threshold: 'b', samples: 'c', background: 'd', bootstrap: 'e', rows: 'f', label: 1, output: 2, task: 3, space: 4, method: 5, title: 6 }));
    expect(many.message).toContain('and 2 more problems');
    expect(many.params.count).toBe(12);
    expect(refusal(' '.repeat(10 * 1024 * 1024 + 1)).params.detail).toBe('AUDIT_TOO_LARGE');
    // a million valid rows are within the limits of --rows
    expect(readAudit(JSON.stringify({ rows: Array(1_000_000).fill(7) })).rows).toHaveLength(1_000_000);
  });

  it('the page shows the reason in German', () => {
    const e = refusal('{"seed": 1, "seed": 2}');
    expect(errorDetail(e.toInfo(), 'de')!.text).toBe('Die Prüfdatei nennt die Angabe „seed“ zweimal; es ist nicht klar, welcher Wert gemeint ist.');
    expect(errorDetail(refusal('{"seed": "x", "samples": 0}').toInfo(), 'de')!.text).toContain('2 ungültige Angaben');
  });
});

describe('issue 9: the scan before JSON.parse', () => {
  it('measures nesting outside strings and finds the first repeated key', () => {
    expect(scanJson('{"a": "[[[[", "b": [1, {"c": 2}]}', 3)).toEqual({ tooDeep: false, duplicate: null });
    expect(scanJson('[[[1]]]', 2).tooDeep).toBe(true);
    expect(scanJson('{"a": {"b": 1, "b": 2}}', 32).duplicate).toEqual({ key: 'b', path: ['a'] });
    expect(scanJson('{"a\\"": 1, "a\\"": 2}', 32).duplicate?.key).toBe('a"');
    expect(scanJson('[{"a": 1}, {"a": 1}]', 32).duplicate).toBeNull();
    // broken text never throws
    expect(scanJson('"unterminated \\', 32)).toEqual({ tooDeep: false, duplicate: null });
    expect(scanJson(']]]}}}{', 32).tooDeep).toBe(false);
  });
});

describe('issue 9: the --groups file has the same checks', () => {
  it('refuses nesting, duplicates, wrong types and empty names', () => {
    expect(readGroupsFile('{"Purpose": ["Purpose=car", "Purpose=tv"]}', 'g.json')).toEqual({ Purpose: ['Purpose=car', 'Purpose=tv'] });
    expect(() => readGroupsFile('['.repeat(100_000), 'g.json')).toThrow('invalid groups file g.json: nested more than 32 levels deep');
    expect(() => readGroupsFile('{"P": ["a"], "P": ["b"]}', 'g.json')).toThrow('the player P is given twice');
    expect(() => readGroupsFile('{"P": 1}', 'g.json')).toThrow('invalid P: 1; expected a list of names');
    expect(() => readGroupsFile('[1]', 'g.json')).toThrow('the file holds a list of 1 item; expected an object');
    expect(() => readGroupsFile('{"P": [""]}', 'g.json')).toThrow('invalid P.0: ""');
    expect(() => readGroupsFile('{', 'g.json')).toThrow('invalid groups file g.json: not JSON');
  });
});
