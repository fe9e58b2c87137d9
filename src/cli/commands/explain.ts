import { EinblickError } from '../../engine/errors.ts';
import type { Task } from '../../engine/model/types.ts';
import { METHODS, SPACES, type MethodOption, type Space } from '../../engine/explain/types.ts';
import type { Groups } from '../../engine/explain/players.ts';
import type { ExplainSpec } from '../../engine/analyses/explain-run.ts';
import { checkOut, writeJson, type Io } from '../io.ts';
import { readInput } from '../read-file.ts';
import { openSession } from '../session.ts';
import { limitOption, list, shown } from '../options.ts';
import { LIMITS, MAX_NAMED_ROWS } from '../../engine/audit/limits.ts';
import { readGroupsFile } from '../../engine/audit/groups-file.ts';

export interface ExplainCommandOptions {
  model: string;
  data: string;
  features?: string;
  output?: string;
  task?: string;
  label?: string;
  rows?: string;
  backgroundRows?: string;
  background?: string;
  seed?: string;
  space?: string;
  method?: string;
  groups?: string;
  samples?: string;
  out?: string;
  quiet?: boolean;
}

/** `einblick explain ...`: SHAP values per explained row and player (DESIGN.md explain contract). */
export async function explainCommand(o: ExplainCommandOptions, io: Io): Promise<void> {
  if (o.backgroundRows !== undefined && o.background !== undefined) {
    throw new EinblickError('INVALID_OPTION', 'both --background-rows and --background given', 'Give either the background rows themselves (--background-rows 1,2,3) or how many to sample (--background 100).');
  }
  const spec: ExplainSpec = {
    rows: o.rows === undefined ? undefined : parseRows(o.rows, 'rows'),
    backgroundRows: o.backgroundRows === undefined ? undefined : parseRows(o.backgroundRows, 'background-rows'),
    background: limitOption(o.background, 'background'),
    seed: limitOption(o.seed, 'seed'),
    space: oneOf(o.space, SPACES, 'space') as Space | undefined,
    method: oneOf(o.method, METHODS, 'method') as MethodOption | undefined,
    samples: limitOption(o.samples, 'samples'),
    groups: await groupsOption(o.groups),
  };
  const features = list(o.features, 'features');
  const task = oneOf(o.task, ['classification', 'regression', 'anomaly'], 'task') as Task | undefined;
  await checkOut(o.out);
  const { session, onProgress } = await openSession(o, io);
  const run = await session.explain({ features, output: o.output, task, label: o.label, spec }, { onProgress });
  await writeJson(run.json, o.out, io);
}

/**
 * '0,5,7-9' -> [0, 5, 7, 8, 9]: 0-based data rows.
 *
 * @example parseRows('3-5,1', 'rows') // [3, 4, 5, 1]
 */
const MAX_ROW = LIMITS.row.max, MAX_ROWS = MAX_NAMED_ROWS;

export function parseRows(text: string, flag: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) {
      throw new EinblickError('INVALID_OPTION', `invalid ${flag}: ${part}; expected row numbers like 0,5,7-9`, `Give 0-based row numbers and ranges, e.g. --${flag} 0,5,7-9.`, { option: flag, value: part });
    }
    const lo = Number(m[1]), hi = m[2] === undefined ? lo : Number(m[2]);
    // checked before the range is expanded: '0-300000000' or a 20-digit number must not exhaust memory
    if (hi > MAX_ROW || out.length + (hi - lo + 1) > MAX_ROWS) {
      throw new EinblickError('INVALID_OPTION', `invalid ${flag}: ${part}; ${hi > MAX_ROW ? `row numbers go up to ${MAX_ROW}` : `at most ${MAX_ROWS} rows can be named`}`, `Give 0-based row numbers of the data, e.g. --${flag} 0,5,7-9 (without --${flag}, up to 1000 rows are chosen for you).`, { option: flag, value: part });
    }
    for (let r = lo; r <= hi; r++) out.push(r);
  }
  if (out.length === 0) throw new EinblickError('INVALID_OPTION', `invalid ${flag}: no rows`, `Give at least one row, e.g. --${flag} 0.`);
  return out;
}

function oneOf(value: string | undefined, allowed: readonly string[], name: string): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw new EinblickError('INVALID_OPTION', `invalid ${name}: ${shown(value)}; expected one of ${allowed.join(', ')}`, `Pass --${name} with one of: ${allowed.join(', ')}.`, { option: name, value });
}

async function groupsOption(value: string | undefined): Promise<'auto' | 'none' | Groups | undefined> {
  if (value === undefined || value === 'auto' || value === 'none') return value;
  return readGroupsFile(new TextDecoder().decode(await readInput(value, 'groups')), value);
}
