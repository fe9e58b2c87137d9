/**
 * Issue 9 corpus: broken or hostile ONNX models. Each model (built in models.ts) is run by the
 * command(s) that must refuse it or cope with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { c, type Case } from './case.ts';
import { batchModel, hostileModels } from './models.ts';
import { BASE_CSV, FIX } from './table-data.ts';

const M = hostileModels();
const model = (name: string) => ({ [name]: M[name] });
const BASE = { 'data.csv': BASE_CSV };
const ANY_FAIL = /./; // any stderr: the class and the universal checks carry the case
/** A message about a tensor of more than two dimensions says so (its shape, or its dimensions). */
const DIMS = /dimension|\[N, ?\d+, ?\d+|shape|image|3-D|4-D/i;

/** `inspect` of a file that is not a usable model: bad input naming the file. */
const inspectBad = (name: string, words: (string | RegExp)[] = [name]): Case =>
  c('model', `inspect-${name.replace('.onnx', '')}`, ['inspect', '--model', `$D/${name}`], 'bad-input', { files: model(name), words });

/** `predict` of a model on the good table: columns x1, x2 per column; matrix models get --features x1,x2. */
const predict = (name: string, expect: Case['expect'], more: Partial<Case> & { extra?: string[]; matrix?: boolean } = {}): Case => {
  const { extra = [], matrix = true, ...rest } = more;
  const feats = matrix ? ['--features', 'x1,x2'] : [];
  return c('model', `predict-${name.replace('.onnx', '')}${extra.length ? '-' + extra.join('').replace(/[^a-z0-9]+/gi, '') : ''}`, ['predict', '--model', `$D/${name}`, '--data', '$D/data.csv', ...feats, ...extra], expect, { files: { ...model(name), ...BASE }, ...rest });
};

const fairness = (name: string, expect: Case['expect'], more: Partial<Case> & { matrix?: boolean } = {}): Case => {
  const { matrix = true, ...rest } = more;
  const feats = matrix ? ['--features', 'x1,x2'] : [];
  return c('model', `fairness-${name.replace('.onnx', '')}`, ['fairness', '--model', `$D/${name}`, '--data', '$D/data.csv', ...feats, '--label', 'hired=1', '--protected', 'gender', '--bootstrap', '0'], expect, { files: { ...model(name), ...BASE }, ...rest });
};

const explain = (name: string, expect: Case['expect'], more: Partial<Case> = {}): Case =>
  c('model', `explain-${name.replace('.onnx', '')}`, ['explain', '--model', `$D/${name}`, '--data', '$D/data.csv', '--features', 'x1,x2', '--rows', '0-2', '--background', '10', '--quiet'], expect, { files: { ...model(name), ...BASE }, ...more });

// a small slice of the German credit data for the real pipeline (skl2onnx, one input per column)
const germanLines = readFileSync(join(FIX, 'real_german_pipe_rf/data.csv'), 'utf8').trim().split('\n').slice(0, 81);
const germanHeader = germanLines[0].split(',');
function german(edit: (header: string[], rows: string[][]) => void): string {
  const header = [...germanHeader];
  const rows = germanLines.slice(1).map((l) => l.split(','));
  edit(header, rows);
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}
const setColumn = (col: string, f: (i: number, v: string) => string) => (h: string[], rows: string[][]) => {
  const j = h.indexOf(col);
  rows.forEach((r, i) => (r[j] = f(i, r[j])));
};
const RF = join(FIX, 'real_german_pipe_rf/model.onnx');
const rf = (name: string, data: string, expect: Case['expect'], more: Partial<Case> = {}, extra: string[] = []): Case =>
  c('model', `rf-${name}`, ['predict', '--model', RF, '--data', '$D/german.csv', ...extra], expect, { files: { 'german.csv': data }, ...more });

const GBM_DATA = join(FIX, 'german_credit_gbm_small/features.csv');

const garbage = ['empty.onnx', 'one-byte.onnx', 'zeros-4k.onnx', 'ff-4k.onnx', 'random-16.onnx', 'random-1k.onnx', 'random-64k.onnx', 'random-1m.onnx',
  'text.onnx', 'csv.onnx', 'json.onnx', 'html.onnx', 'png.onnx', 'zip-pytorch.onnx', 'gzip.onnx', 'pickle.onnx', 'hdf5-keras.onnx', 'utf16-text.onnx',
  'wrong-magic.onnx', 'doubled.onnx', 'trailing-garbage.onnx'];
const truncated = ['logit2-cut-50.onnx', 'logit2-cut-last.onnx', 'logreg-cut-10.onnx', 'logreg-cut-90.onnx', 'gbm-cut-1.onnx', 'gbm-cut-50.onnx', 'gbm-cut-99.onnx', 'rf-cut-25.onnx', 'rf-cut-75.onnx', 'rf-cut-last.onnx'];

export const modelCases: Case[] = [
  ...garbage.map((n) => inspectBad(n)),
  ...truncated.map((n) => inspectBad(n)),
  // the same bytes given to an analysis command
  predict('random-1k.onnx', 'bad-input', { words: ['random-1k.onnx'] }),
  predict('empty.onnx', 'bad-input', { words: ['empty.onnx'] }),
  fairness('rf-cut-75.onnx', 'bad-input', { words: ['rf-cut-75.onnx'] }),
  predict('gbm-cut-50.onnx', 'bad-input', { words: ['gbm-cut-50.onnx'] }),
  // versions and operator sets
  inspectBad('ir-99.onnx', ['99']),
  predict('ir-99.onnx', 'bad-input', { matrix: false, words: ['99'] }),
  c('model', 'inspect-ir-0', ['inspect', '--model', '$D/ir-0.onnx'], ['ok', 'bad-input'], { files: model('ir-0.onnx'), words: [/IR|version/i] }),
  inspectBad('opset-999.onnx', ['999']),
  predict('opset-999.onnx', 'bad-input', { matrix: false, words: ['999'] }),
  predict('opset-1.onnx', ['ok', 'bad-input'], { matrix: false, words: [/opset|operator|version/i] }),
  inspectBad('ml-opset-99.onnx', ['99']),
  inspectBad('no-opset.onnx', [/opset|operator set|version/i]),
  predict('tree-no-ml-opset.onnx', 'bad-input', { words: [/ai\.onnx\.ml|opset|operator set/i] }),
  inspectBad('unknown-op.onnx', ['FancySigmoid']),
  predict('unknown-op.onnx', 'bad-input', { matrix: false, words: ['FancySigmoid'] }),
  inspectBad('unknown-domain.onnx', ['CustomSigmoid']),
  predict('contrib-op.onnx', 'bad-input', { matrix: false, words: [ANY_FAIL] }),
  // graphs that are not well formed
  c('model', 'inspect-no-inputs', ['inspect', '--model', '$D/no-inputs.onnx'], ['ok', 'bad-input'], { files: model('no-inputs.onnx'), words: [/input/i] }),
  predict('no-inputs.onnx', 'bad-input', { matrix: false, words: [/no inputs?\b|takes no|without input/i] }),
  c('model', 'inspect-no-outputs', ['inspect', '--model', '$D/no-outputs.onnx'], ['ok', 'bad-input'], { files: model('no-outputs.onnx'), words: [/output/i] }),
  predict('no-outputs.onnx', 'bad-input', { matrix: false, words: [/output/i] }),
  inspectBad('no-graph.onnx', [/graph|empty|no model|nodes|inputs/i]),
  inspectBad('no-nodes.onnx', [/graph|output|node/i]),
  inspectBad('dangling-input.onnx', [/nowhere|broken|graph/i]),
  inspectBad('cycle.onnx', [/cycle|loop|graph|broken/i]),
  inspectBad('duplicate-input-names.onnx', ['x1']),
  inspectBad('initializer-short.onnx', [/\bw\b|weight|initializer|size/i]),
  inspectBad('initializer-huge-dims.onnx', [/\bw\b|weight|initializer|size/i]),
  inspectBad('external-data.onnx', ['external']),
  predict('external-data.onnx', 'bad-input', { matrix: false, words: ['external'] }),
  inspectBad('external-data-abs.onnx', ['external']),
  // inputs a table cannot fill
  c('model', 'inspect-image-224', ['inspect', '--model', '$D/image-224.onnx'], ['ok', 'bad-input'], { files: model('image-224.onnx'), words: ['pixel_values'] }),
  predict('image-224.onnx', 'bad-input', { matrix: false, words: ['pixel_values', DIMS] }),
  predict('image-224.onnx', 'bad-input', { extra: ['--features', 'x1,x2,age'], matrix: false, words: ['pixel_values', DIMS] }),
  fairness('image-224.onnx', 'bad-input', { matrix: false, words: ['pixel_values', DIMS] }),
  predict('input-3d.onnx', 'bad-input', { matrix: false, words: ['sequence', DIMS] }),
  predict('input-float16.onnx', ['ok', 'bad-input'], { matrix: false, words: ['x1'] }),
  predict('input-complex.onnx', 'bad-input', { matrix: false, words: ['x1'] }),
  predict('input-uint8.onnx', 'bad-input', { matrix: false, words: ['x1'] }),
  inspectBad('input-no-type.onnx', ['x1']),
  predict('input-width-0.onnx', 'bad-input', { words: ['input'] }),
  predict('input-width-huge.onnx', 'bad-input', { words: ['input'] }),
  predict('input-sequence.onnx', 'bad-input', { matrix: false, words: ['x1'] }),
  predict('batch-1.onnx', 'ok'),
  predict('batch-5.onnx', 'ok'),
  predict('batch-0.onnx', 'bad-input', { words: [/batch|rows?|0/i] }),
  c('model', 'predict-batch-7', ['predict', '--model', '$D/batch-7.onnx', '--data', '$D/data.csv', '--features', 'x1,x2'], 'bad-input', { files: { 'batch-7.onnx': batchModel(7), ...BASE }, words: ['7'] }),
  // outputs that are not a score
  predict('output-3d.onnx', 'bad-input', { words: ['probabilities', DIMS] }),
  predict('output-3d.onnx', ['usage', 'bad-input'], { extra: ['--output', 'probabilities:3'], words: ['probabilities', DIMS] }),
  fairness('output-3d.onnx', 'bad-input', { words: ['probabilities', DIMS] }),
  predict('output-string-only.onnx', ['ok', 'bad-input'], { words: [/score|float/i] }),
  fairness('output-string-only.onnx', ['ok', 'bad-input'], { words: [/score|float/i] }),
  predict('output-no-rows.onnx', 'bad-input', { words: ['probabilities'] }),
  predict('output-half-rows.onnx', 'bad-input', { extra: ['--output', 'y:0'], words: [/rows?/i] }),
  predict('output-int-scores.onnx', ['ok', 'bad-input'], { words: [/score|float|probabilities/i] }),
  predict('output-bool.onnx', 'bad-input', { words: ['output'] }),
  predict('probabilities-negative.onnx', ['ok', 'bad-input'], { words: ['probabilities'], note: ['probabilities'] }),
  fairness('probabilities-negative.onnx', ['ok', 'bad-input'], { words: ['probabilities'], note: ['probabilities'] }),
  explain('probabilities-negative.onnx', ['ok', 'bad-input'], { words: ['probabilities'] }),
  fairness('probabilities-above-1.onnx', ['ok', 'bad-input'], { words: ['probabilities'], note: ['probabilities'] }),
  fairness('probabilities-width-1-raw.onnx', ['ok', 'bad-input'], { words: ['probabilities'], note: ['probabilities'] }),
  predict('probabilities-nan.onnx', ['ok', 'bad-input'], { words: [/score|model/i], note: [/score|model/i] }),
  fairness('probabilities-nan.onnx', 'bad-input', { words: [/model/i], absent: [/outcome column/i] }),
  fairness('probabilities-inf.onnx', 'bad-input', { words: [/model|score/i] }),
  predict('probabilities-5.onnx', ['ok', 'bad-input'], { words: ['probabilities'] }),
  predict('probabilities-5.onnx', ['usage', 'bad-input'], { extra: ['--output', 'probabilities:7'], words: ['7'] }),
  predict('two-float-outputs.onnx', 'bad-input', { words: ['y1', 'y2'] }),
  predict('two-float-outputs.onnx', ['usage', 'bad-input'], { extra: ['--output', 'y3'], words: ['y3'] }),
  // corrupted tree ensembles: onnxruntime reads them for predictions, Einblick's own reader for tree SHAP
  predict('tree-mode-bogus.onnx', 'bad-input', { words: ['BRANCH_BOGUS'] }),
  explain('tree-mode-bogus.onnx', 'bad-input', { words: ['BRANCH_BOGUS'] }),
  // the tree reads feature 7 (0-based): the message counts columns from 1 ("input column 8")
  predict('tree-feature-out-of-range.onnx', 'bad-input', { words: [/feature|column 8/i] }),
  explain('tree-feature-out-of-range.onnx', 'bad-input', { words: [/feature|column 8/i] }),
  predict('tree-child-out-of-range.onnx', 'bad-input', { words: [/node|99/i] }),
  explain('tree-child-out-of-range.onnx', 'bad-input', { words: [/node|99/i] }),
  predict('tree-cycle.onnx', 'bad-input', { words: [/tree|node|cycle|loop/i] }),
  explain('tree-cycle.onnx', 'bad-input', { words: [/tree|node|cycle|loop/i] }),
  explain('tree-self-loop.onnx', 'bad-input', { words: [/tree|node|cycle|loop|itself/i] }),
  predict('tree-lengths-differ.onnx', 'bad-input', { words: [/tree|node|feature/i] }),
  explain('tree-lengths-differ.onnx', 'bad-input', { words: [/tree|node|feature/i] }),
  predict('tree-leaf-unknown.onnx', 'bad-input', { words: [/tree|node|leaf|5/i] }),
  explain('tree-leaf-unknown.onnx', 'bad-input', { words: [/tree|node|leaf|5/i] }),
  predict('tree-target-out-of-range.onnx', 'bad-input', { words: [/target|3/i] }),
  explain('tree-no-nodes.onnx', 'bad-input', { words: [/tree|node/i] }),
  explain('tree-nan-threshold.onnx', ['ok', 'bad-input'], { words: [/threshold|tree|node/i] }),
  // the runtime does not say which value it met; the graph's post_transform is named by its attribute
  predict('tree-post-bogus.onnx', 'bad-input', { words: [/MAGIC|post_transform/] }),
  c('model', 'predict-gbm-modes-bogus', ['predict', '--model', '$D/m.onnx', '--data', GBM_DATA], 'bad-input', { files: { 'm.onnx': M['gbm-modes-bogus.onnx'] }, words: ['BRANCH_XX'] }),
  c('model', 'explain-gbm-modes-bogus', ['explain', '--model', '$D/m.onnx', '--data', GBM_DATA, '--rows', '0-1', '--background', '10', '--quiet'], 'bad-input', { files: { 'm.onnx': M['gbm-modes-bogus.onnx'] }, words: ['BRANCH_XX'] }),
  c('model', 'predict-gbm-features-out-of-range', ['predict', '--model', '$D/m.onnx', '--data', GBM_DATA], 'bad-input', { files: { 'm.onnx': M['gbm-features-out-of-range.onnx'] }, words: [/feature|999|column 1000/i] }),
  c('model', 'explain-gbm-features-out-of-range', ['explain', '--model', '$D/m.onnx', '--data', GBM_DATA, '--rows', '0-1', '--background', '10', '--quiet'], 'bad-input', { files: { 'm.onnx': M['gbm-features-out-of-range.onnx'] }, words: [/feature|999|column 1000/i] }),
  predict('linear-coefficients-short.onnx', 'bad-input', { words: [/coefficient|weight|LinearClassifier/i] }),
  c('model', 'predict-rf-no-zipmap-labels', ['predict', '--model', '$D/m.onnx', '--data', join(FIX, 'real_german_pipe_rf/data.csv')], ['ok', 'bad-input'], { files: { 'm.onnx': M['rf-no-zipmap-labels.onnx'] }, words: [/ZipMap|class/i] }),
  c('model', 'predict-rf-renamed-input', ['predict', '--model', '$D/m.onnx', '--data', join(FIX, 'real_german_pipe_rf/data.csv')], 'bad-input', { files: { 'm.onnx': M['rf-renamed-input.onnx'] }, words: ['Duration'] }),
  // a real pipeline (one input per column, int64 and string inputs) fed the wrong values
  rf('good', german(() => {}), 'ok'),
  rf('string-input-fed-numbers', german(setColumn('CheckingAccountStatus', (i) => String(i % 4))), ['ok', 'bad-input'], { words: ['CheckingAccountStatus'] }),
  rf('string-input-empty-cells', german(setColumn('Purpose', (i, v) => (i % 9 === 0 ? '' : v))), ['ok', 'bad-input'], { words: ['Purpose'], note: ['Purpose'] }),
  rf('int-input-fed-text', german(setColumn('Duration', (i, v) => (i === 3 ? 'long' : v))), 'bad-input', { words: ['Duration', 'long'] }),
  rf('int-input-fed-fraction', german(setColumn('Duration', (i, v) => (i === 3 ? '12.5' : v))), 'bad-input', { words: ['Duration', '12.5'] }),
  rf('int-input-empty-cells', german(setColumn('Age', (i, v) => (i === 7 ? '' : v))), 'bad-input', { words: ['Age'] }),
  rf('int-input-huge', german(setColumn('Amount', (i, v) => (i === 2 ? '1e30' : v))), 'bad-input', { words: ['Amount'] }),
  rf('missing-column', german((h) => { h[h.indexOf('Purpose')] = 'Zweck'; }), 'bad-input', { words: ['Purpose'] }),
  rf('label-of-unknown-class', german(() => {}), ['ok', 'usage', 'bad-input'], { words: ['Maybe'], note: ['Maybe'] }, ['--label', 'Class=Maybe']),
  // ProPublica's table: the repeated header is loaded with a note
  c('model', 'compas-repeated-header-predict', ['predict', '--model', '$FIX/compas/decile_over_10.onnx', '--data', '$FIX/compas/compas-scores-two-years.csv', '--out', '$D/p.json'], 'ok', { note: ['decile_score'] }),
  c('model', 'compas-repeated-header-fairness', ['fairness', '--model', '$FIX/compas/decile_over_10.onnx', '--data', '$FIX/compas/compas-scores-two-years.csv', '--label', 'two_year_recid=1', '--protected', 'race', '--bootstrap', '0', '--out', '$D/f.json'], 'ok', { note: ['priors_count'] }),
];
