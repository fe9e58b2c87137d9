import { describe, expect, it } from 'vitest';
import { beeswarmParagraph, correlation, dependenceParagraph, direction, importanceParagraph, waterfallParagraph } from '../../../../src/ui/explain/text.ts';
import { methodInfo } from '../../../../src/ui/explain/method.ts';
import { explainView } from '../../../../src/ui/explain/view.ts';
import { waterfallLayout } from '../../../../src/ui/explain/waterfall.ts';
import { messages } from '../../../../src/ui/i18n/messages.ts';
import { fakeRun } from './fake-run.ts';
import { explainNote } from '../../../../src/engine/explain/notes.ts';

const xs = [1, 2, 3, 4, 5, 6];
const run = fakeRun({
  players: ['up', 'down', 'flat', 'cat'],
  values: xs.map((x) => [0.01 * x, -0.02 * x + 0.07, x % 2 ? 0.001 : -0.001, x <= 3 ? 0.05 : -0.03]),
  base: 0.5,
  data: { up: xs, down: xs, flat: xs, cat: xs.map((x) => (x <= 3 ? 'A' : 'B')) },
});
const view = explainView(run);
const p = (name: string) => view.players.find((q) => q.name === name)!;

describe('plain-language paragraphs', () => {
  it('direction from the correlation of value and SHAP value (hand-checked: +1, -1, about 0)', () => {
    expect(correlation(p('up'))).toBeCloseTo(1, 12);
    expect(correlation(p('down'))).toBeCloseTo(-1, 12);
    expect(direction(p('up'))).toBe('up');
    expect(direction(p('down'))).toBe('down');
    expect(direction(p('flat'))).toBe('mixed');
    expect(Number.isNaN(correlation(p('cat')))).toBe(true);
  });

  it('importance names the three largest; beeswarm the most important number column with a direction', () => {
    const imp = importanceParagraph(view, 'de');
    expect(imp.params.top).toBe('cat (4 Pp.), up (3,5 Pp.), down (3 Pp.)');
    expect(imp.params.count).toBe(4);
    expect(beeswarmParagraph(view)).toEqual({ key: 'explain.beeswarm.up', params: { player: 'up' } });
    expect(beeswarmParagraph(explainView(fakeRun({ players: ['a'], values: [[0]], base: 0 })))).toBeNull();
  });

  it('dependence: direction for numbers, highest and lowest category otherwise', () => {
    expect(dependenceParagraph(view, 'up', 'en')?.key).toBe('explain.dependence.up');
    expect(dependenceParagraph(view, 'down', 'en')?.key).toBe('explain.dependence.down');
    expect(dependenceParagraph(view, 'flat', 'en')?.key).toBe('explain.dependence.mixed');
    expect(dependenceParagraph(view, 'nope', 'en')).toBeNull();
    const c = dependenceParagraph(view, 'cat', 'de');
    expect(c?.key).toBe('explain.dependence.category');
    expect(c?.params).toMatchObject({ high: 'A', highValue: '+5 Pp.', low: 'B', lowValue: '-3 Pp.' });
  });

  it('waterfall names the case, f(x), the base and the strongest push each way', () => {
    const w = waterfallLayout(view, 5);
    const para = waterfallParagraph(view, w, 'de');
    expect(para.params).toMatchObject({ row: 5, base: '50 %', up: 'up = 6 (+6 Pp.)', down: 'down = 6 (-5 Pp.)' });
  });

  it('every key these functions use exists in both languages', () => {
    const keys = [importanceParagraph(view, 'de'), beeswarmParagraph(view), dependenceParagraph(view, 'cat', 'de'), dependenceParagraph(view, 'up', 'de'), dependenceParagraph(view, 'down', 'de'), dependenceParagraph(view, 'flat', 'de'), waterfallParagraph(view, waterfallLayout(view, 0), 'de')].map((x) => x!.key);
    const down = explainView(fakeRun({ players: ['d'], values: [[0.1], [0], [-0.1]], base: 0, data: { d: [1, 2, 3] } }));
    keys.push(beeswarmParagraph(down)!.key);
    expect(keys).toContain('explain.beeswarm.down');
    for (const k of keys) {
      expect(messages.de[k], k).toBeTruthy();
      expect(messages.en[k], k).toBeTruthy();
    }
  });
});

describe('method facts', () => {
  it('reads method, auto, kernel and budget from the result, never assumes them', () => {
    const tree = methodInfo(fakeRun({ players: ['a'], values: [[0.1]], base: 0, notes: [explainNote('METHOD_STRUCTURE', 'method auto: exact tree SHAP: ...', { method: 'tree', space: 'probability' }), explainNote('TREE_SHAP', 'interventional tree SHAP over 100 trees (path-wise, exact; kernel wasm)', { trees: 100, kernel: 'wasm' })] }).explanation);
    expect(tree).toMatchObject({ method: 'tree', sampling: false, auto: true, kernel: 'wasm', kernelFallback: false, errorEstimate: null, rowsSampled: false });
    const ts = methodInfo(fakeRun({ players: ['a'], values: [[0.1]], base: 0, notes: [explainNote('TREE_KERNEL_FALLBACK', 'tree SHAP ran in TypeScript ...', { error: 'x' }), explainNote('METHOD_ASKED', 'method tree: asked for', { method: 'tree' }), explainNote('TREE_SHAP', 'interventional tree SHAP over 3 trees (path-wise, exact; kernel ts)', { trees: 3, kernel: 'ts' })] }).explanation);
    expect(ts).toMatchObject({ auto: false, kernel: 'ts', kernelFallback: true });
    const perm = methodInfo(fakeRun({ players: ['a'], values: [[0.1]], base: 0, method: 'permutation', se: [[0.02]], notes: [explainNote('ROWS_SAMPLED', 'rows: a seeded sample of 1000 of the 5000 rows is explained (seed 2); choose rows with --rows', { count: 1000, total: 5000, seed: 2 })] }).explanation);
    expect(perm).toMatchObject({ method: 'permutation', sampling: true, kernel: null, evaluations: 1234, samplesPerRow: 64, errorEstimate: 0.02, rowsSampled: true });
  });
});
