/**
 * Issue 9: property-based fuzzing of the ONNX signature reader (bytes -> ModelSignature without
 * running the model) and, with fewer runs, of loadModel (which starts onnxruntime). Random bytes
 * and damaged copies of the valid fixture models must end in a read model or an EinblickError
 * whose code is not INTERNAL and whose message and hint hold no runtime internals, within a time
 * bound. Seeded, with a fixed number of runs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { disposeModel, loadModel } from '../../../src/engine/model/index.ts';
import { readModelFile } from '../../../src/engine/model/load.ts';
import { hasRuntimeInternals } from '../../../src/engine/model/runtime-text.ts';
import { fixtureBytes } from './helpers.ts';
import { mutationsOf, randomFiles, structuralMutationsOf, type Mutation } from './mutate.ts';

const SMALL = ['hmda_logreg/model.onnx', 'german_credit_logreg_small/model.onnx', 'compas/decile_over_10.onnx', 'models/pipe_logreg_hmda/model.onnx', 'models/multiclass_logreg_benefits/model.onnx', 'models/linreg_cps_wage/model.onnx'];
const TREES = ['german_credit_gbm_small/model.onnx', 'models/xgb_german_missing/model.onnx'];
/** Per case: reading the signature of a file of at most ~25 KB takes milliseconds. */
const READ_BOUND_MS = 2_000;
/** Per case: starting the runtime on it. */
const LOAD_BOUND_MS = 15_000;

/**
 * What is wrong with one outcome, or null when it is acceptable: a read model, or an
 * EinblickError with a code other than INTERNAL and a message and hint free of runtime internals.
 */
function problemOf(outcome: { ok: true } | { ok: false; error: unknown }, ms: number, bound: number): string | null {
  if (ms > bound) return `took ${Math.round(ms)} ms (bound ${bound} ms)`;
  if (outcome.ok) return null;
  const err = outcome.error;
  if (!(err instanceof EinblickError)) return `not an EinblickError: ${String(err instanceof Error ? err.stack : err)}`;
  if (err.code === 'INTERNAL') return `INTERNAL: ${err.message}`;
  for (const text of [err.message, err.hint]) if (hasRuntimeInternals(text)) return `${err.code} with runtime internals: ${text}`;
  return null;
}

function readOnce(m: Mutation): string | null {
  const t0 = performance.now();
  let outcome: { ok: true } | { ok: false; error: unknown };
  try {
    readModelFile(m.bytes, 'fuzz.onnx');
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  }
  return problemOf(outcome, performance.now() - t0, READ_BOUND_MS);
}

async function loadOnce(m: Mutation): Promise<string | null> {
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${LOAD_BOUND_MS} ms`)), LOAD_BOUND_MS)));
  let outcome: { ok: true } | { ok: false; error: unknown };
  try {
    const model = await Promise.race([loadModel(m.bytes, 'fuzz.onnx'), timeout]);
    await disposeModel(model);
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
  return problemOf(outcome, performance.now() - t0, LOAD_BOUND_MS);
}

/** Every fixture's damaged copies as one arbitrary, tagged with the file's name. */
function damaged(paths: string[], how = mutationsOf): fc.Arbitrary<Mutation> {
  return fc.oneof(...paths.map((p) => how(fixtureBytes(p)).map((m) => ({ ...m, what: `${p}: ${m.what}` }))));
}

describe('fuzzing the ONNX signature reader (issue 9)', () => {
  test('the check rejects what it must: a TypeError, INTERNAL, a build path, a slow answer', () => {
    expect(problemOf({ ok: false, error: new TypeError("Cannot read properties of undefined (reading 'dim')") }, 1, 10)).toMatch(/^not an EinblickError/);
    expect(problemOf({ ok: false, error: new EinblickError('INTERNAL', 'x', 'y') }, 1, 10)).toMatch(/^INTERNAL/);
    expect(problemOf({ ok: false, error: new EinblickError('MODEL_LOAD_FAILED', 'failed: /mnt/vss/_work/onnxruntime/core/graph/model.cc:203', 'y') }, 1, 10)).toMatch(/runtime internals/);
    expect(problemOf({ ok: true }, 11, 10)).toMatch(/^took 11 ms/);
    expect(problemOf({ ok: false, error: new EinblickError('NOT_ONNX', 'x.onnx is not an ONNX model', 'y') }, 1, 10)).toBeNull();
  });

  test('random bytes, alone and behind the first bytes of a model', () => {
    const prefix = fixtureBytes('hmda_logreg/model.onnx');
    fc.assert(fc.property(randomFiles(prefix), (m) => {
      expect(readOnce(m), m.what).toBeNull();
    }), { seed: 9001, numRuns: 1000 });
  });

  test('damaged copies of the small fixture models', () => {
    fc.assert(fc.property(damaged(SMALL), (m) => {
      expect(readOnce(m), m.what).toBeNull();
    }), { seed: 9002, numRuns: 3000 });
  });

  test('damaged copies of tree-ensemble fixture models', () => {
    fc.assert(fc.property(damaged(TREES), (m) => {
      expect(readOnce(m), m.what).toBeNull();
    }), { seed: 9003, numRuns: 500 });
  });

  test('models that still decode but have one field changed (dimension, type, operator, attribute, opset, IR version)', () => {
    fc.assert(fc.property(damaged([...SMALL, ...TREES], structuralMutationsOf), (m) => {
      expect(readOnce(m), m.what).toBeNull();
    }), { seed: 9005, numRuns: 1000 });
  });

  test('loadModel (with the runtime) on models with one field changed', async () => {
    const cases = damaged(['hmda_logreg/model.onnx', 'compas/decile_over_10.onnx', 'models/pipe_logreg_hmda/model.onnx', 'models/multiclass_logreg_benefits/model.onnx', 'german_credit_gbm_small/model.onnx'], structuralMutationsOf);
    await fc.assert(fc.asyncProperty(cases, async (m) => {
      expect(await loadOnce(m), m.what).toBeNull();
    }), { seed: 9006, numRuns: 250 });
  }, 120_000);

  test('loadModel (with the runtime) on damaged copies and random bytes', async () => {
    const cases = fc.oneof(damaged(['hmda_logreg/model.onnx', 'compas/decile_over_10.onnx', 'models/pipe_logreg_hmda/model.onnx', 'german_credit_gbm_small/model.onnx']), randomFiles(fixtureBytes('compas/decile_over_10.onnx')));
    await fc.assert(fc.asyncProperty(cases, async (m) => {
      expect(await loadOnce(m), m.what).toBeNull();
    }), { seed: 9004, numRuns: 150 });
  }, 120_000);
});
