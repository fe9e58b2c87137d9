/**
 * The einblick command line: the same engine as the browser app, for batch runs, CI and checks.
 * Contract: ../shared/DESIGN.md "Command line". Exit codes: see exit.ts.
 *
 * @example await main(['node', 'einblick', 'inspect', '--model', 'm.onnx']) // 0, JSON on stdout
 */
import { Command, CommanderError } from 'commander';
import { configureOrt } from '../engine/model/ort.ts';
import { EXIT } from './exit.ts';
import { processIo, reportError, type Io } from './io.ts';
import { checkNotBlank } from './options.ts';
import { inspectCommand } from './commands/inspect.ts';
import { predictCommand } from './commands/predict.ts';
import { fairnessCommand } from './commands/fairness.ts';
import { explainCommand } from './commands/explain.ts';
import { auditCommand } from './commands/audit.ts';
import { compareCommand } from './commands/compare.ts';
import { VERSION } from '../engine/version.ts';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  configureOrt({ numThreads: 1 });
  let code: number = EXIT.ok;
  /** Runs a command; every flag given must have a value that is not blank. */
  const run = (options: Record<string, unknown>, fn: () => Promise<void>) => async () => {
    try {
      checkNotBlank(options);
      await fn();
    } catch (err) {
      code = reportError(err, io);
    }
  };

  const program = new Command('einblick')
    .description('Einblick: explanations and fairness checks for ONNX models, computed locally.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text) => io.stderr(usageError(text, argv, surplus(program, argv))) });

  program
    .command('inspect')
    .description("print the model's inputs, outputs and task as JSON")
    .requiredOption('--model <file>', 'ONNX model file')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action((o) => run(o, () => inspectCommand(o, io))());

  program
    .command('predict')
    .description('predict every row of the data; writes {task, output, positive_index, scores, labels}')
    .requiredOption('--model <file>', 'ONNX model file')
    .requiredOption('--data <file>', 'data file: CSV, Arrow IPC or Parquet')
    .option('--features <a,b,c>', 'data columns that fill a matrix input, in order')
    .option('--output <name[:index]>', 'the output (and column) that holds the score')
    .option('--label <column=value>', "score the probability of this outcome value (when it is one of the model's classes)")
    .option('--out <file>', 'write the JSON here instead of stdout')
    .option('--quiet', 'no progress on stderr')
    .action((o) => run(o, () => predictCommand(o, io))());

  program
    .command('explain')
    .description('SHAP values: how much each column moved each explained prediction away from the average')
    .requiredOption('--model <file>', 'ONNX model file')
    .requiredOption('--data <file>', 'data file: CSV, Arrow IPC or Parquet')
    .option('--features <a,b,c>', 'data columns that fill a matrix input, in order')
    .option('--output <name[:index]>', 'the output (and column) that holds the score')
    .option('--task <task>', 'classification, regression or anomaly (default: detected)')
    .option('--label <column=value>', "explain the probability of this outcome value (when it is one of the model's classes)")
    .option('--rows <0,5,7-9>', 'rows to explain, 0-based (default: all, or a seeded sample of 1000)')
    .option('--background-rows <1,2,3>', 'the background rows themselves')
    .option('--background <n>', 'size of the seeded background sample (default 100)')
    .option('--seed <n>', 'seed of the samples (default 1)')
    .option('--space <space>', 'logit or probability for classifiers (default probability); raw otherwise')
    .option('--method <method>', 'auto, tree, linear, exact, permutation or kernel (default auto)')
    .option('--groups <auto|none|file.json>', "players: 'auto' merges column=value one-hot blocks (default)")
    .option('--samples <n>', 'sampling methods: model evaluations per explained row')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .option('--quiet', 'no progress on stderr')
    .action((o) => run(o, () => explainCommand(o, io))());

  const collect = (v: string, prev: string[]) => [...prev, v];
  program
    .command('fairness')
    .description('group metrics, disparities and their uncertainty, per protected attribute and intersection')
    .option('--model <file>', 'ONNX model file (or, without the model: --scores or --decisions)')
    .option('--scores <column>', "the data column with the model's score, instead of the model (threshold in the score's units)")
    .option('--higher-is <positive|negative>', 'with --scores: which end of the score means positive (default positive)')
    .option('--decisions <column[=value]>', 'the data column with the decision itself (and its positive value), instead of the model')
    .requiredOption('--data <file>', 'data file: CSV, Arrow IPC or Parquet')
    .option('--features <a,b,c>', 'data columns that fill a matrix input, in order')
    .option('--output <name[:index]>', 'the output (and column) that holds the score')
    .option('--task <task>', 'classification, regression or anomaly (default: detected)')
    .option('--label <column[=value]>', 'the true outcome column and its positive value')
    .option('--favourable <value>', 'the outcome value that is good for the person (default: the positive value)')
    .requiredOption('--protected <a,b>', 'columns that describe groups')
    .option('--intersect <a+b,...>', 'intersections of protected attributes')
    .option('--threshold <t>', 'score at or above which a case is predicted positive (default 0.5)')
    .option('--top-k <10%,50>', 'ranking cut-offs: counts or percentages')
    .option('--bins <column=edges|qN>', 'bins for a number column, e.g. Age=25,35,50 or Age=q4 (repeatable)', collect, [])
    .option('--reference <attribute=value>', 'reference group (default: the most favoured) (repeatable)', collect, [])
    .option('--bootstrap <n>', 'bootstrap samples for intervals (default 1000; 0 = none)')
    .option('--seed <n>', 'seed of the bootstrap (default 1)')
    .option('--min-group-size <n>', 'warn about groups smaller than this (default 30)')
    .option('--no-small-group-warnings', 'do not warn about small groups')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .option('--quiet', 'no progress or notes on stderr')
    .action((o) => run(o, () => fairnessCommand(o, io))());

  program
    .command('compare')
    .description('compare two models or versions (or score columns) on the same data: fairness of each, changed decisions, differences B - A with paired intervals')
    .requiredOption('--data <file>', 'data file: CSV, Arrow IPC or Parquet')
    .option('--model <file>', 'version A: ONNX model file (or --scores / --decisions)')
    .option('--scores <column>', "version A: the data column with its score (threshold in the score's units)")
    .option('--higher-is <positive|negative>', 'with --scores: which end of the score means positive (default positive)')
    .option('--decisions <column[=value]>', 'version A: the data column with its decision')
    .option('--features <a,b,c>', 'data columns that fill model A\'s matrix input, in order')
    .option('--output <name[:index]>', "model A's output (and column) that holds the score")
    .option('--model-b <file>', 'version B: ONNX model file (or --scores-b / --decisions-b)')
    .option('--scores-b <column>', 'version B: the data column with its score')
    .option('--higher-is-b <positive|negative>', 'with --scores-b: which end of the score means positive (default positive)')
    .option('--decisions-b <column[=value]>', 'version B: the data column with its decision')
    .option('--features-b <a,b,c>', 'data columns that fill model B\'s matrix input, in order')
    .option('--output-b <name[:index]>', "model B's output (and column) that holds the score")
    .option('--task <task>', 'classification (the only task compare takes)')
    .option('--label <column[=value]>', 'the true outcome column and its positive value')
    .option('--favourable <value>', 'the outcome value that is good for the person (default: the positive value)')
    .requiredOption('--protected <a,b>', 'columns that describe groups')
    .option('--intersect <a+b,...>', 'intersections of protected attributes')
    .option('--threshold <t>', "A's threshold (default 0.5 for a model)")
    .option('--threshold-b <t>', "B's threshold (default: A's, when both are models or both score columns)")
    .option('--bins <column=edges|qN>', 'bins for a number column, e.g. Age=25,35,50 or Age=q4 (repeatable)', collect, [])
    .option('--reference <attribute=value>', 'reference group (default: the most favoured) (repeatable)', collect, [])
    .option('--bootstrap <n>', 'paired bootstrap samples for the intervals of the differences (default 1000; 0 = none)')
    .option('--seed <n>', 'seed of the bootstrap (default 1)')
    .option('--min-group-size <n>', 'warn about groups smaller than this (default 30)')
    .option('--no-small-group-warnings', 'do not warn about small groups')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .option('--quiet', 'no progress or notes on stderr')
    .action((o) => run(o, () => compareCommand(o, io))());

  program
    .command('audit')
    .description('run the analysis an audit file describes; write results.json and report.html')
    .argument('<audit.json>', 'audit file (saved by the app, or written by hand with the documented keys)')
    .option('--model <file>', 'ONNX model file (not needed when the audit file names "scores" or "decisions")')
    .requiredOption('--data <file>', 'data file: CSV, Arrow IPC or Parquet')
    .requiredOption('--out <dir>', 'folder for results.json and report.html')
    .option('--lang <de|en>', 'language of the report (default: the audit file\'s, else de)')
    .option('--quiet', 'no progress or notes on stderr')
    .action((file, o) => run(o, () => auditCommand(file, o, io))());

  if (argv.length <= 2) {
    io.stderr(program.helpInformation());
    io.stderr(usageError('error: no command given', argv));
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(err, io);
  }
  return code;
}

/**
 * A usage error of commander ("error: unknown option '--foo'\n(Did you mean --for?)") in the
 * two lines every einblick error has: what is wrong, and what to do.
 *
 * @example usageError("error: unknown command 'fairnes'\n(Did you mean fairness?)\n", ['node', 'einblick', 'fairnes'])
 * // "einblick: error: unknown command 'fairnes' (did you mean fairness?)\n  what to do: ..."
 */
export function usageError(text: string, argv: string[], extra: string[] = []): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let message = (lines[0] ?? 'invalid command line').replace(/^error:\s*/, '');
  if (/^too many arguments/.test(message) && extra.length) message = `${message.replace(/\.$/, '')}: ${extra.map((a) => `'${a}'`).join(', ')}`;
  const suggestion = lines.slice(1).map((l) => l.replace(/^\((.*)\)$/, '$1')).map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join('; ');
  const command = COMMANDS.find((c) => argv.slice(2).includes(c));
  const help = command ? `einblick ${command} --help lists its options` : 'einblick --help lists the commands';
  return `einblick: error: ${message}${suggestion ? ` (${suggestion})` : ''}\n  what to do: Correct the command line; ${help}.\n`;
}

const COMMANDS = ['inspect', 'predict', 'explain', 'fairness', 'compare', 'audit'];

/** The words on the command line that are neither the command, a flag, a flag's value nor a declared argument. */
function surplus(program: Command, argv: string[]): string[] {
  const words = argv.slice(2);
  const command = program.commands.find((c) => words.includes(c.name()));
  if (!command) return [];
  const takesValue = new Set(command.options.filter((o) => o.required || o.optional).map((o) => o.long));
  const loose: string[] = [];
  for (let i = words.indexOf(command.name()) + 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (takesValue.has(w)) i++;
      continue;
    }
    loose.push(w);
  }
  return loose.slice(command.registeredArguments.length);
}
