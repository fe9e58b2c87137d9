/**
 * Issue 9, property-based fuzzing of the audit file reader: random JSON values, objects with the
 * audit keys and random values, random bytes, mutations of a valid audit file and deep nesting
 * each end in a valid Audit (within the flags' limits) or an EinblickError INVALID_OPTION, never
 * another exception. Seeded, with a fixed number of runs; each test has a time bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_KEYS, parseAudit, readAudit, type Audit } from '../../../src/engine/audit/schema.ts';
import { LIMITS, withinLimit } from '../../../src/engine/audit/limits.ts';
import { EinblickError } from '../../../src/engine/errors.ts';

const RUNS = { seed: 20250909, numRuns: 400 };

/** Every key, with a value the schema accepts. */
const VALID = {
  einblick: '0.1.0', created: '2025-09-09T10:00:00.000Z', title: 'Prüfung 2025', language: 'de',
  model: { name: 'model.onnx', sha256: 'a'.repeat(64) }, data: { name: 'data.csv', sha256: 'b'.repeat(64) },
  features: ['Age', 'Amount'], output: 'probabilities:1', task: 'classification',
  label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'],
  bins: { Age: [25, 35, 50], Amount: 'q4' }, reference: { sex: 'male' }, threshold: 0.5, top_k: ['10%', 50],
  bootstrap: 200, min_group_size: 30, rows: [0, 1, 2], background: 100, background_rows: null, seed: 1,
  space: 'logit', method: 'auto', groups: { Money: ['Amount'] }, samples: 1000, explain: true,
  checklist: { participation: { answer: 'partly', note: 'works council heard' } }, notes: 'free text',
};

type Outcome = 'accepted' | 'refused' | 'other';

/** How a read ends; an accepted audit outside the flags' limits counts as 'other'. */
function outcome(read: () => Audit): Outcome {
  try {
    const a = read();
    for (const key of ['threshold', 'bootstrap', 'seed', 'background', 'samples'] as const) {
      if (a[key] != null && !withinLimit(a[key], LIMITS[key])) return 'other';
    }
    if (typeof a.min_group_size === 'number' && !withinLimit(a.min_group_size, LIMITS.min_group_size)) return 'other';
    return 'accepted';
  } catch (err) {
    return err instanceof EinblickError && err.code === 'INVALID_OPTION' ? 'refused' : 'other';
  }
}

function ends(read: () => Audit): void {
  expect(outcome(read)).not.toBe('other');
}

/** Values a hostile file may hold: JSON of any shape, and numbers and texts at the edges. */
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -1, 1e12, 2 ** 31, -(2 ** 31) - 1, 1e308, '', ' ', 'q0', 'q4', 'auto', 'none', null, false, true),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 20 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/** One edit of a text: delete, insert, or repeat a piece. */
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'repeat'),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '-', '1e400', '0.5', 'null', '"seed": 2', '"threshold": 7', '\uFEFF', '\u0000', ' '),
});

function mutate(text: string, edits: { at: number; kind: string; length: number; text: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else t = t.slice(0, at) + t.slice(at, at + e.length).repeat(3) + t.slice(at + e.length);
  }
  return t;
}

describe('issue 9: fuzzing the audit file reader', () => {
  it('the full valid file is accepted as it is (the mutations start from a real audit)', () => {
    expect(outcome(() => readAudit(JSON.stringify(VALID, null, 2)))).toBe('accepted');
  });

  it('the check can fail: another exception, or a value beyond a limit that is let through, is caught', () => {
    expect(outcome(() => { throw new TypeError('boom'); })).toBe('other');
    expect(outcome(() => ({ samples: 1e12 }) as Audit)).toBe('other');
    expect(outcome(() => { throw new EinblickError('INTERNAL', 'x', 'y'); })).toBe('other');
  });

  it('random JSON values', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => ends(() => readAudit(JSON.stringify(v) ?? ''))), RUNS);
  });

  it('objects with the audit keys and random values', { timeout: 30_000 }, () => {
    const record = fc.record(Object.fromEntries(AUDIT_KEYS.map((k) => [k, hostile])), { requiredKeys: [] });
    fc.assert(fc.property(record, (r) => {
      ends(() => parseAudit(r));
      ends(() => readAudit(JSON.stringify(r)));
    }), RUNS);
  });

  it('one key of the valid file replaced by a random value', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.constantFrom(...AUDIT_KEYS), hostile, (key, value) => ends(() => parseAudit({ ...VALID, [key]: value }))), RUNS);
  });

  it('random bytes', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => ends(() => readAudit(new TextDecoder().decode(bytes)))), RUNS);
  });

  it('mutations of the valid file', { timeout: 30_000 }, () => {
    const text = JSON.stringify(VALID, null, 2);
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => ends(() => readAudit(mutate(text, edits)))), RUNS);
  });

  it('nesting of any depth, also inside a valid key', { timeout: 30_000 }, () => {
    const open = fc.constantFrom('[', '{"a":', '{"groups":{"g":[', '{"checklist":{"q":{"note":');
    fc.assert(fc.property(open, fc.integer({ min: 1, max: 300_000 }), fc.boolean(), (o, depth, closed) => {
      const close = closed ? (o.startsWith('[') ? ']' : '}').repeat(depth) : '';
      expect(outcome(() => readAudit(o.repeat(depth) + close))).toBe('refused');
    }), { ...RUNS, numRuns: 60 });
  });
});
