/**
 * Issue 3: a sampling run reports one progress bar over all explained rows (it once restarted
 * for every row, so a bar sat at "14,400 of 14,400" for minutes).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEngine } from '../../../src/worker/local.ts';
import type { Progress } from '../../../src/engine/errors.ts';

const FIX = join(import.meta.dirname, '../../fixtures/german_credit_gbm_small');
const buf = (f: string) => {
  const b = readFileSync(join(FIX, f));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('progress of an explanation (issue 3)', () => {
  for (const method of ['permutation', 'kernel', 'exact'] as const) {
    it(`${method}: done rises from 0 to the number of explained rows, never back`, async () => {
      const e = new LocalEngine();
      await e.call({ kind: 'loadModel', bytes: buf('model.onnx'), fileName: 'model.onnx' });
      await e.call({ kind: 'loadData', bytes: buf('features.csv'), fileName: 'features.csv' });
      const seen: Progress[] = [];
      await e.call({ kind: 'explain', spec: { rows: [0, 1, 2, 3], background: 5, method, samples: method === 'exact' ? undefined : 200, space: 'probability' } }, { onProgress: (p) => seen.push(p) });
      const mine = seen.filter((p) => p.stage === method);
      expect(mine.length).toBeGreaterThan(3);
      expect(mine.every((p) => p.total === 4)).toBe(true);
      for (let i = 1; i < mine.length; i++) expect(mine[i].done).toBeGreaterThanOrEqual(mine[i - 1].done);
      expect(mine[mine.length - 1].done).toBe(4);
    });
  }
});
