/**
 * Issue 9 corpus: hostile audit files, run by `einblick audit` on the corpus' logistic model
 * and the good table. A wrong key or value in an audit file may be answered as a usage error
 * (exit 2, as the flag it mirrors) or as a bad input (exit 3); never exit 1.
 */
import { c, type AnswerClass, type Case, type Word } from './case.ts';
import { randomBytes } from './models.ts';
import { bytesConcat } from './table-data.ts';

/** The audit file every case starts from: fairness for gender, no explanations (fast). */
const BASE = { label: 'hired=1', favourable: '1', protected: ['gender'], bootstrap: 0, explain: false };
/** An audit file that asks for explanations of a few rows. */
const EXPLAIN = { ...BASE, explain: true, rows: [0, 1, 2], background: 10 };
const REFUSE: AnswerClass[] = ['usage', 'bad-input'];

type More = Omit<Partial<Case>, 'files'> & { model?: string; data?: string; extra?: string[] };

/** A case whose audit file is `content` (an object is written as JSON). */
function a(name: string, content: string | Uint8Array | object | (() => string), expect: Case['expect'], words: Word[] = [], more: More = {}): Case {
  const { model = '$W/logit2.onnx', data = '$W/base.csv', extra = [], ...rest } = more;
  const text = typeof content === 'string' || content instanceof Uint8Array || typeof content === 'function' ? (content as string | Uint8Array | (() => string)) : JSON.stringify(content);
  return c('audit', name, ['audit', '$D/audit.json', '--model', model, '--data', data, '--out', '$D/out', ...extra], expect, { files: { 'audit.json': text }, words, ...rest });
}
/** The base audit file with `change` applied (keys set to undefined are removed). */
const w = (change: Record<string, unknown>, base: object = BASE) => ({ ...base, ...change });

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);
const HEX = 'ab'.repeat(32);

export const auditCases: Case[] = [
  // the good audit files (a case that must pass keeps the rest honest)
  a('good', BASE, 'ok'),
  a('good-with-explain', EXPLAIN, 'ok'),
  a('good-bom', bytesConcat(new Uint8Array([0xef, 0xbb, 0xbf]), JSON.stringify(BASE)), 'ok'),
  a('good-crlf-pretty', JSON.stringify(BASE, null, 2).replaceAll('\n', '\r\n'), 'ok'),
  a('good-language-en', w({ language: 'en' }), 'ok'),
  a('good-lang-flag', BASE, 'ok', [], { extra: ['--lang', 'en'] }),
  a('protected-empty', w({ protected: [] }), 'ok'),
  // a key given twice is ambiguous (JSON.parse would keep the last silently): refused, naming the key
  a('duplicate-keys', '{"label":"hired=1","protected":["gender"],"bootstrap":0,"explain":false,"threshold":0.3,"threshold":0.6}', 'usage', ['threshold']),
  a('hash-of-another-file', w({ model: { name: 'other.onnx', sha256: HEX } }), 'ok', [], { note: [/other\.onnx|SHA-256|not the one/i] }),
  a('newer-einblick-version', w({ einblick: '99.0.0' }), 'ok'),
  a('nul-in-title', w({ title: 'Prüfung\u0000 2025' }), 'ok'),
  a('notes-5mb', w({ notes: 'n'.repeat(5 << 20) }), ['ok', ...REFUSE], [/notes|large|long/i]),
  // files that are not an audit file
  a('empty', '', REFUSE, [/audit/i]),
  a('whitespace-only', ' \n\t\n', REFUSE, [/audit/i]),
  a('bom-only', new Uint8Array([0xef, 0xbb, 0xbf]), REFUSE, [/audit/i]),
  a('not-json', '{', REFUSE, [/audit/i, /JSON/]),
  a('json-comments', '// my audit\n' + JSON.stringify(BASE), REFUSE, [/audit/i, /JSON/]),
  a('json-trailing-comma', JSON.stringify(BASE).replace(/}$/, ',}'), REFUSE, [/audit/i, /JSON/]),
  a('single-quotes', JSON.stringify(BASE).replaceAll('"', "'"), REFUSE, [/audit/i, /JSON/]),
  a('array', '[]', REFUSE, [/audit/i]),
  a('array-of-audits', JSON.stringify([BASE, BASE]), REFUSE, [/audit/i]),
  a('number', '42', REFUSE, [/audit/i]),
  a('string', '"hello"', REFUSE, [/audit/i]),
  a('null', 'null', REFUSE, [/audit/i]),
  a('true', 'true', REFUSE, [/audit/i]),
  a('random-bytes', randomBytes(2048, 21), REFUSE, [/audit/i]),
  a('utf16-json', bytesConcat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Array.from(JSON.stringify(BASE), (ch) => [ch.charCodeAt(0), 0]).flat())), ['ok', ...REFUSE], [/audit/i]),
  a('csv-given-as-audit', 'x1,x2,hired\n1,2,0\n', REFUSE, [/audit/i]),
  a('nested-200000-arrays', `{"notes": ${nested(200_000, '[', ']')}}`, REFUSE, [/audit/i]),
  a('nested-200000-objects', nested(200_000, '{"a":', '}'), REFUSE, [/audit/i]),
  a('nested-5000-in-checklist', `{"checklist": ${nested(5000, '{"q":', '}', '{}')}}`, REFUSE, [/checklist|nested/i]),
  // sizes without a limit
  a('samples-1e12', w({ samples: 1e12 }, EXPLAIN), REFUSE, ['samples']),
  a('samples-0', w({ samples: 0 }, EXPLAIN), REFUSE, ['samples']),
  a('background-1e9', w({ background: 1e9 }, EXPLAIN), REFUSE, ['background']),
  a('background-0', w({ background: 0 }, EXPLAIN), REFUSE, ['background']),
  a('bootstrap-1e9', w({ bootstrap: 1e9 }), REFUSE, ['bootstrap']),
  a('bootstrap-negative', w({ bootstrap: -5 }), REFUSE, ['bootstrap']),
  a('min-group-size-1e12', w({ min_group_size: 1e12 }), REFUSE, ['min_group_size']),
  a('seed-1e300', w({ seed: 1e300 }), REFUSE, ['seed']),
  a('seed-fraction', w({ seed: 1.5 }), REFUSE, ['seed']),
  { ...a('rows-1e6-entries-one-out-of-range', () => JSON.stringify(w({ rows: Array.from({ length: 1_000_000 }, (_, i) => (i === 999_999 ? 99999 : i % 60)) }, EXPLAIN)), REFUSE, ['99999']), process: true, memoryMb: 1000 },
  a('samples-1e12-permutation', w({ samples: 1e12, method: 'permutation' }, EXPLAIN), REFUSE, ['samples']),
  a('samples-1e12-kernel', w({ samples: 1e12, method: 'kernel' }, EXPLAIN), REFUSE, ['samples']),
  // wrong types and values
  a('threshold-string', w({ threshold: '0.5' }), REFUSE, ['threshold']),
  a('threshold-decimal-comma', w({ threshold: '0,5' }), REFUSE, ['threshold']),
  a('threshold-1.5', w({ threshold: 1.5 }), REFUSE, ['threshold', '1.5']),
  a('threshold-negative', w({ threshold: -0.1 }), REFUSE, ['threshold']),
  a('threshold-null', w({ threshold: null }), REFUSE, ['threshold']),
  a('protected-string', w({ protected: 'gender' }), REFUSE, ['protected']),
  a('protected-numbers', w({ protected: [1, 2] }), REFUSE, ['protected']),
  a('protected-missing-column', w({ protected: ['nosuch'] }), REFUSE, ['nosuch']),
  a('protected-repeated', w({ protected: ['gender', 'gender'] }), ['ok', ...REFUSE], ['gender']),
  a('intersect-missing-column', w({ protected: ['gender', 'region'], intersect: ['gender+nosuch'] }), REFUSE, ['nosuch']),
  a('label-missing-column', w({ label: 'nosuch=1' }), REFUSE, ['nosuch']),
  a('label-missing-value', w({ label: 'hired=7' }), REFUSE, ['7']),
  a('label-empty', w({ label: '' }), REFUSE, ['label']),
  a('label-number', w({ label: 1 }), REFUSE, ['label']),
  a('favourable-missing-value', w({ favourable: '7' }), REFUSE, ['7']),
  a('reference-nobody', w({ reference: { gender: 'nobody' } }), REFUSE, ['nobody']),
  a('reference-missing-column', w({ reference: { nosuch: 'f' } }), REFUSE, ['nosuch']),
  a('reference-list', w({ reference: { gender: ['f'] } }), REFUSE, ['reference']),
  a('top-k-zero', w({ top_k: [0] }), REFUSE, ['top_k']),
  a('top-k-zero-percent', w({ top_k: ['0%'] }), REFUSE, ['0%']),
  a('top-k-text', w({ top_k: ['abc'] }), REFUSE, ['abc']),
  a('top-k-150-percent', w({ top_k: ['150%'] }), REFUSE, ['150%']),
  a('top-k-1e20', w({ top_k: [1e20] }), REFUSE, ['top_k']),
  a('top-k-more-than-rows', w({ top_k: [99999] }), ['ok', ...REFUSE], ['99999']),
  a('bins-q0', w({ protected: ['age'], bins: { age: 'q0' } }), REFUSE, [/\bbins\b|q0/]),
  a('bins-q-huge', w({ protected: ['age'], bins: { age: 'q99999999999' } }), REFUSE, ['age']),
  a('bins-empty-list', w({ protected: ['age'], bins: { age: [] } }), REFUSE, ['age']),
  a('bins-unsorted', w({ protected: ['age'], bins: { age: [50, 30] } }), ['ok', ...REFUSE], ['age']),
  a('bins-missing-column', w({ bins: { nosuch: [30] } }), REFUSE, ['nosuch']),
  a('bins-on-text-column', w({ bins: { gender: [1] } }), REFUSE, ['gender']),
  a('features-repeated', w({ features: ['x1', 'x1'] }), REFUSE, ['x1'], { model: '$W/matrix2.onnx' }),
  a('features-empty', w({ features: [] }), REFUSE, ['features'], { model: '$W/matrix2.onnx' }),
  a('features-missing-column', w({ features: ['nosuch', 'x2'] }), REFUSE, ['nosuch'], { model: '$W/matrix2.onnx' }),
  a('output-missing', w({ output: 'nosuch' }), REFUSE, ['nosuch']),
  a('output-index-out-of-range', w({ output: 'probabilities:5' }), REFUSE, ['5']),
  a('task-unknown', w({ task: 'clustering' }), REFUSE, ['clustering']),
  a('method-unknown', w({ method: 'magic' }, EXPLAIN), REFUSE, ['magic']),
  a('space-unknown', w({ space: 'banana' }, EXPLAIN), REFUSE, ['banana']),
  a('groups-unknown-word', w({ groups: 'weird' }, EXPLAIN), REFUSE, ['groups']),
  a('groups-missing-column', w({ groups: { x: ['nosuch'] } }, EXPLAIN), REFUSE, ['nosuch']),
  a('rows-out-of-range', w({ rows: [99999] }, EXPLAIN), REFUSE, ['99999']),
  a('rows-negative', w({ rows: [-1] }, EXPLAIN), REFUSE, ['rows']),
  a('rows-fraction', w({ rows: [1.5] }, EXPLAIN), REFUSE, ['rows']),
  a('rows-empty', w({ rows: [] }, EXPLAIN), REFUSE, ['rows']),
  a('background-rows-out-of-range', w({ background: undefined, background_rows: [99999] }, EXPLAIN), REFUSE, ['99999']),
  a('checklist-bad-answer', w({ checklist: { q1: { answer: 'maybe' } } }), REFUSE, ['maybe']),
  a('created-number', w({ created: 12 }), REFUSE, ['created']),
  a('language-fr', w({ language: 'fr' }), REFUSE, ['fr']),
  a('unknown-key', w({ thresold: 0.5 }), REFUSE, ['thresold']),
  a('unknown-nested-key', w({ model: { name: 'm.onnx', sha256: HEX, size: 3 } }), REFUSE, ['size']),
  a('sha256-malformed', w({ model: { name: 'm.onnx', sha256: 'xyz' } }), REFUSE, ['sha256']),
  a('proto-key', '{"label":"hired=1","protected":["gender"],"bootstrap":0,"explain":false,"__proto__":{"threshold":2}}', ['ok', ...REFUSE], ['__proto__']),
  a('constructor-key', w({ constructor: 1 }), REFUSE, ['constructor']),
  a('explain-string', w({ explain: 'yes' }), REFUSE, ['explain']),
  // the audit file itself cannot be read
  c('audit', 'file-missing', ['audit', '$D/nope.json', '--model', '$W/logit2.onnx', '--data', '$W/base.csv', '--out', '$D/out'], 'bad-input', { words: ['nope.json'] }),
  c('audit', 'file-is-folder', ['audit', '$D', '--model', '$W/logit2.onnx', '--data', '$W/base.csv', '--out', '$D/out'], 'bad-input', { words: [/folder|directory/i] }),
  // big inputs: the run must stay within a time and memory bound (real process, peak memory measured)
  { ...a('title-50mb', () => JSON.stringify(w({ title: 't'.repeat(50 << 20) })), ['ok', ...REFUSE], [/title|large|long/i]), process: true, memoryMb: 1500 },
];
