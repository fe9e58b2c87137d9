/**
 * The engine session behind the worker protocol (issue 2): the same dispatch path as the worker,
 * run in-process; predictions are cached but never shared with what is handed out (the worker
 * transfers result buffers, which empties them on its side).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEngine } from '../../../src/worker/local.ts';
import { transferablesOf } from '../../../src/worker/dispatch.ts';
import { requestMessageSchema, PROTOCOL_VERSION } from '../../../src/worker/protocol.ts';
import { EngineError } from '../../../src/worker/client.ts';

const FIX = join(import.meta.dirname, '../../fixtures/real_german_pipe_rf');
const buf = (f: string) => {
  const b = readFileSync(join(FIX, f));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('engine session through the protocol dispatch (issue 2)', () => {
  it('loads, maps, predicts; a handed-out result can be emptied without harming the next', async () => {
    const e = new LocalEngine();
    const m = await e.call({ kind: 'loadModel', bytes: buf('model.onnx'), fileName: 'model.onnx' });
    expect(m.signature.task).toBe('classification');
    const d = await e.call({ kind: 'loadData', bytes: buf('data.csv'), fileName: 'data.csv' });
    expect(d.rows).toBe(1000);
    expect(d.preview.rows).toHaveLength(20);
    const check = await e.call({ kind: 'checkMapping' });
    expect(check.ok).toBe(true);
    const first = await e.call({ kind: 'predict' });
    const copy = first.predictions.scores.slice();
    first.predictions.scores.fill(-1); // what a transfer would do to the sender's view
    const second = await e.call({ kind: 'predict' });
    expect(second.predictions.scores).toEqual(copy);
    expect(transferablesOf(second)).toContain(second.predictions.scores.buffer);
  });

  it('errors come back as data with a code, a message and a hint', async () => {
    const e = new LocalEngine();
    const err = await e.call({ kind: 'predict' }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).info.code).toBe('INVALID_OPTION');
    expect((err as EngineError).info.hint).toMatch(/model/);
    const bad = await e.call({ kind: 'loadModel', bytes: buf('data.csv'), fileName: 'data.csv' }).catch((x: unknown) => x);
    expect((bad as EngineError).info.code).toBe('NOT_ONNX');
  });

  it('the request schema rejects malformed messages', () => {
    expect(requestMessageSchema.safeParse({ v: PROTOCOL_VERSION, id: 1, request: { kind: 'predict' } }).success).toBe(true);
    expect(requestMessageSchema.safeParse({ v: 99, id: 1, request: { kind: 'predict' } }).success).toBe(false);
    expect(requestMessageSchema.safeParse({ v: PROTOCOL_VERSION, id: 1, request: { kind: 'drop tables' } }).success).toBe(false);
    expect(requestMessageSchema.safeParse({ v: PROTOCOL_VERSION, id: 1, request: { kind: 'fairness', spec: { protected: [] } } }).success).toBe(false);
  });

  it('fairness reuses the cached predictions and gives the same scores as predict', async () => {
    const e = new LocalEngine();
    await e.call({ kind: 'loadModel', bytes: buf('model.onnx'), fileName: 'model.onnx' });
    await e.call({ kind: 'loadData', bytes: buf('data.csv'), fileName: 'data.csv' });
    const p = await e.call({ kind: 'predict' });
    const f = await e.call({ kind: 'fairness', spec: { label: 'Class=Good', protected: ['sex'], bootstrap: 0 } });
    expect(f.predictions.scores).toEqual(p.predictions.scores);
    expect((f.json.attributes as { name: string }[])[0].name).toBe('sex');
  });
});

describe('explained rows carry their data values (issue 3)', () => {
  it('a player merged from one-hot columns gets the category whose indicator is 1', async () => {
    const dir = join(import.meta.dirname, '../../fixtures/german_credit_logreg');
    const b = (f: string) => { const x = readFileSync(join(dir, f)); return x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength) as ArrayBuffer; };
    const e = new LocalEngine();
    await e.call({ kind: 'loadModel', bytes: b('model.onnx'), fileName: 'model.onnx' });
    await e.call({ kind: 'loadData', bytes: b('features.csv'), fileName: 'features.csv' });
    const run = await e.call({ kind: 'explain', spec: { rows: [0, 1], background: 10, space: 'logit' } });
    expect(run.explanation.players).toContain('Purpose');
    // data.csv rows 0 and 1: Purpose Radio.Television, Radio.Television; CheckingAccountStatus lt.0, 0.to.200
    expect(run.values.Purpose).toEqual(['Radio.Television', 'Radio.Television']);
    expect(run.values.CheckingAccountStatus).toEqual(['lt.0', '0.to.200']);
    expect(run.values.Duration).toEqual([6, 48]);
  });
});

describe('the class a number is about follows the outcome, not the model’s default column (issue 5)', () => {
  // the Arbeitsschutz demo: classes [ja, nein], the model's default score is P(nein), the outcome's positive value is ja
  const DEMO = join(import.meta.dirname, '../../../static/demo/arbeitsschutz');
  const demo = (f: string) => {
    const b = readFileSync(join(DEMO, f));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };

  it('predict, model check, fairness and explain all score and name P(ja)', async () => {
    const e = new LocalEngine();
    await e.call({ kind: 'loadModel', bytes: demo('model.onnx'), fileName: 'model.onnx' });
    await e.call({ kind: 'loadData', bytes: demo('data.csv'), fileName: 'data.csv' });
    const plain = await e.call({ kind: 'predict' });
    expect(plain.predictions.positiveLabel).toBe('nein');
    const pNein = plain.predictions.scores.slice();
    const p = await e.call({ kind: 'predict', label: 'Mangel_festgestellt=ja' });
    expect(p.predictions.positiveLabel).toBe('ja');
    for (let i = 0; i < pNein.length; i++) expect(p.predictions.scores[i]).toBeCloseTo(1 - pNein[i], 6);
    const f = await e.call({ kind: 'fairness', spec: { label: 'Mangel_festgestellt=ja', protected: ['Betriebsgroesse'], bootstrap: 0 } });
    expect(f.predictions.scores).toEqual(p.predictions.scores);
    const x = await e.call({ kind: 'explain', label: 'Mangel_festgestellt=ja', spec: { rows: [0, 1], background: 20, space: 'probability' } });
    expect(x.score.positiveLabel).toBe('ja');
    expect((x.json.score as { positive_label: string }).positive_label).toBe('ja');
    expect(Array.from(x.explanation.predictions)).toEqual([p.predictions.scores[0], p.predictions.scores[1]].map((v) => expect.closeTo(v, 6)));
  });
});

describe('issue 9: predict --label is not silently ignored', () => {
  it('a missing outcome column is refused; a value that is not a model class gets a note naming the class scored', async () => {
    const e = new LocalEngine();
    await e.call({ kind: 'loadModel', bytes: buf('model.onnx'), fileName: 'model.onnx' });
    await e.call({ kind: 'loadData', bytes: buf('data.csv'), fileName: 'data.csv' });
    const err = await e.call({ kind: 'predict', label: 'nosuch=1' }).catch((x: unknown) => x);
    expect((err as EngineError).info.code).toBe('MISSING_COLUMN');
    const maybe = await e.call({ kind: 'predict', label: 'Class=Maybe' });
    expect(maybe.warnings.map((w) => w.code)).toContain('LABEL_NOT_A_CLASS');
    expect(maybe.warnings.find((w) => w.code === 'LABEL_NOT_A_CLASS')!.message).toContain('class Good');
    const good = await e.call({ kind: 'predict', label: 'Class=Good' });
    expect(good.warnings.map((w) => w.code)).not.toContain('LABEL_NOT_A_CLASS');
    expect(Array.from(good.predictions.scores)).toEqual(Array.from(maybe.predictions.scores));
  });
});
