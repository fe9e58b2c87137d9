/**
 * Column names as every format ends up with them: trimmed, never empty, never twice.
 *
 * - Surrounding spaces are removed (" Age " and "Age" are the same name to a person).
 * - An empty name becomes "column_<position>" (UNNAMED_COLUMN).
 * - A name that occurs again keeps its first column; each later one gets ".1", ".2", ... as
 *   pandas and R name them (ProPublica's compas-scores-two-years.csv repeats "decile_score":
 *   the second is "decile_score.1", which is also the name a model trained in pandas or R on
 *   that file uses). A suffix that is already a name in the file is skipped ("a, a, a.1" gives
 *   "a", "a.2", "a.1"), and so is an automatic "column_<position>" that the file already uses
 *   for another column. Each repeated name gets one DUPLICATE_COLUMN_RENAMED warning naming
 *   the positions and the new names.
 */
import type { Warning } from '../errors.ts';

/**
 * Unique, trimmed, non-empty names for the given raw names, in the same order, with warnings.
 *
 * @example uniqueNames(['id', 'score', 'score ', '']).names // ['id', 'score', 'score.1', 'column_4']
 */
export function uniqueNames(raw: readonly string[]): { names: string[]; warnings: Warning[] } {
  const trimmed = raw.map((n) => n.trim());
  // every name the file itself gives is reserved before any column is renamed
  const taken = new Set(trimmed.filter((n) => n !== ''));
  const kept = new Set<string>();
  const names: string[] = [];
  const unnamed: number[] = [];
  const repeated = new Map<string, { positions: number[]; unnamed: number[] }>();
  for (let i = 0; i < trimmed.length; i++) {
    const given = trimmed[i];
    if (given !== '' && !kept.has(given)) {
      kept.add(given);
      names.push(given);
      continue;
    }
    const base = given === '' ? `column_${i + 1}` : given;
    if (given === '' && !taken.has(base)) {
      taken.add(base);
      names.push(base);
      unnamed.push(i + 1);
      continue;
    }
    let k = 1;
    while (taken.has(`${base}.${k}`)) k++;
    const name = `${base}.${k}`;
    taken.add(name);
    names.push(name);
    const group = repeated.get(base) ?? { positions: [], unnamed: [] };
    group.positions.push(i + 1);
    if (given === '') group.unnamed.push(i + 1);
    repeated.set(base, group);
  }
  const warnings: Warning[] = [];
  if (unnamed.length > 0) warnings.push(unnamedWarning(unnamed));
  for (const [base, g] of repeated) {
    // the column that kept the name comes first among the positions
    const first = names.indexOf(base) + 1;
    const positions = [first, ...g.positions].sort((a, b) => a - b);
    warnings.push(renamedWarning(base, positions, positions.map((p) => names[p - 1]), g.unnamed));
  }
  return { names, warnings };
}

function unnamedWarning(unnamed: number[]): Warning {
  const many = unnamed.length > 1;
  return {
    code: 'UNNAMED_COLUMN',
    message: `column${many ? 's' : ''} ${unnamed.join(', ')} had no name in the header and ${many ? 'were' : 'was'} named ${unnamed.map((p) => `column_${p}`).join(', ')}`,
    params: { positions: unnamed.map(String) },
  };
}

function renamedWarning(name: string, positions: number[], names: string[], unnamed: number[]): Warning {
  const later = positions.map((p, k) => ({ p, n: names[k] })).filter((x) => x.n !== name);
  const noName = unnamed.length > 0 ? ` (column${unnamed.length > 1 ? 's' : ''} ${unnamed.join(', ')} had no name)` : '';
  const params: Warning['params'] = { column: name, positions: positions.map(String), names };
  if (unnamed.length > 0) params.unnamed = unnamed.map(String);
  return {
    code: 'DUPLICATE_COLUMN_RENAMED',
    message: `the column name "${name}" occurs more than once (columns ${positions.join(', ')})${noName}; to keep them apart, ${later.map((x) => `column ${x.p} is now called "${x.n}"`).join(', ')}`,
    params,
  };
}
