/**
 * Issue 5: the audit file round trip on the command line: `einblick audit AUDIT.json` runs the
 * analysis the file describes (keys mirror the CLI flags) and its results equal what the
 * separate commands give; hashes are recorded and a mismatch is reported; bad keys are named.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cli, FIX, tmp, writeTmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';
import { parseAudit } from '../../../src/engine/audit/schema.ts';

const model = join(FIX, 'real_german_pipe_rf/model.onnx');
const data = join(FIX, 'real_german_pipe_rf/data.csv');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const AUDIT = {
  label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'],
  threshold: 0.3, top_k: ['10%', 50], bootstrap: 200, seed: 5, rows: [0, 1, 2, 3, 4], background: 40, space: 'logit',
};

describe('einblick audit (issue 5)', () => {
  it('equals predict, fairness and explain run with the same choices as flags', async () => {
    const dir = tmp();
    const file = writeTmp(dir, 'audit.json', JSON.stringify({ ...AUDIT, model: { name: 'model.onnx', sha256: sha(model) }, data: { name: 'data.csv', sha256: sha(data) } }));
    const r = await cli('audit', file, '--model', model, '--data', data, '--out', join(dir, 'out'), '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'));
    expect(res.files.model).toMatchObject({ name: 'model.onnx', sha256: sha(model), matches: true });
    expect(res.files.data.matches).toBe(true);

    const predict = JSON.parse((await cli('predict', '--model', model, '--data', data)).stdout);
    expect(res.predict).toEqual(predict);
    const fairness = JSON.parse((await cli('fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--favourable', 'Good', '--protected', 'sex,age_group',
      '--intersect', 'sex+age_group', '--threshold', '0.3', '--top-k', '10%,50', '--bootstrap', '200', '--seed', '5', '--quiet')).stdout);
    expect(res.fairness).toEqual(fairness);
    const explain = JSON.parse((await cli('explain', '--model', model, '--data', data, '--rows', '0-4', '--background', '40', '--seed', '5', '--space', 'logit', '--quiet')).stdout);
    expect(res.explain).toEqual(explain);

    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(sha(model));
    for (const pair of ['Menschenzentrierung', 'Fairness und Nichtdiskriminierung', 'Erklärbarkeit und Transparenz', 'Datenschutz', 'Sicherheit und Robustheit', 'Interventionsfähigkeit', 'Ökologische Nachhaltigkeit']) expect(html).toContain(pair);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('reports files that differ from the ones recorded in the audit file', async () => {
    const dir = tmp();
    const file = writeTmp(dir, 'audit.json', JSON.stringify({ protected: ['sex'], label: 'Class=Good', explain: false, bootstrap: 0, model: { name: 'model.onnx', sha256: '0'.repeat(64) } }));
    const r = await cli('audit', file, '--model', model, '--data', data, '--out', join(dir, 'out'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not the one the audit file was made with/);
    const res = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'));
    expect(res.files.model.matches).toBe(false);
    expect(res.files.data.matches).toBeNull();
    expect(res.explain).toBeNull();
    expect(readFileSync(join(dir, 'out/report.html'), 'utf8')).toContain('DIFFERS from the audit file');
  });

  it('names unknown keys and invalid values', async () => {
    const dir = tmp();
    const file = writeTmp(dir, 'audit.json', JSON.stringify({ protected: ['sex'], threshhold: 0.5, seed: 'one' }));
    const r = await cli('audit', file, '--model', model, '--data', data, '--out', join(dir, 'out'));
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/unknown key: threshhold/);
    expect(r.stderr).toMatch(/invalid seed: "one"/);
    const notJson = await cli('audit', writeTmp(dir, 'x.json', '{'), '--model', model, '--data', data, '--out', join(dir, 'o'));
    expect(notJson.stderr).toMatch(/not JSON/);
  });

  it('the schema accepts the documented keys (DESIGN.md example)', () => {
    const a = parseAudit({ features: ['a', 'b'], label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], threshold: 0.5, background: 100, seed: 1, space: 'probability', method: 'auto', groups: 'auto', top_k: ['10%', '20%', 50] });
    expect(a.top_k).toEqual(['10%', '20%', 50]);
    expect(() => parseAudit({ threshold: 1.5 })).toThrow(/invalid threshold: 1.5/);
    expect(() => parseAudit({ model: { name: 'm', sha256: 'xyz' } })).toThrow(/invalid model.sha256/);
  });
});
