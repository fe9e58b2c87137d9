/**
 * Issue 2: `einblick predict` on the model zoo (scripts/models: exports of the kinds people make,
 * built to imitate skl2onnx and onnxmltools) gives the training library's scores, to the
 * tolerance in the manifest (1e-5 for probabilities and scores, 1e-4 for wages).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, csvColumn, csvStrings, FIX, tmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';

interface Case {
  case: string;
  model: string;
  data: string;
  task: string;
  output: string;
  features?: string[];
  positive_index?: number;
  expected_error?: string;
  example_output?: string;
  reference: string;
  score_column: string;
  label_column_in_reference?: string | null;
  tolerance: number;
}

const ZOO = join(FIX, 'models');
const manifest: Case[] = JSON.parse(readFileSync(join(ZOO, 'manifest.json'), 'utf8'));

describe('einblick predict on the model zoo (issue 2)', () => {
  it('the manifest lists the kinds the issue names', () => {
    const tasks = new Set(manifest.map((c) => c.task));
    expect(tasks).toEqual(new Set(['classification', 'regression', 'anomaly']));
    expect(manifest.length).toBeGreaterThanOrEqual(9);
  });

  for (const c of manifest) {
    it(`${c.case}: ${c.task} scores equal the training library's to ${c.tolerance}`, async () => {
      const base = ['predict', '--model', join(ZOO, c.model), '--data', join(ZOO, c.data)];
      if (c.features) base.push('--features', c.features.join(','));
      if (c.expected_error) {
        const r = await cli(...base);
        expect(r.code).toBe(EXIT.badInput);
        expect(r.stderr).toMatch(/--output/);
        base.push('--output', c.example_output!);
      }
      const out = join(tmp(), 'p.json');
      const r = await cli(...base, '--out', out);
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      const p = JSON.parse(readFileSync(out, 'utf8'));
      expect(p.task).toBe(c.task);
      expect(p.output).toBe(c.output);
      const ref = csvColumn(join(ZOO, c.reference), c.score_column);
      expect(p.scores).toHaveLength(ref.length);
      const maxDiff = Math.max(...p.scores.map((s: number, i: number) => Math.abs(s - ref[i])));
      expect(maxDiff).toBeLessThanOrEqual(c.tolerance);
      if (c.label_column_in_reference) {
        const labels = csvStrings(join(ZOO, c.reference), c.label_column_in_reference);
        expect(p.labels.map(String)).toEqual(labels);
      }
    });
  }
});
