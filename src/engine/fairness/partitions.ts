/**
 * All partitions of an analysis: one per group column, then one per requested intersection,
 * plus warnings about missing values.
 */
import { EinblickError } from '../errors.ts';
import type { Warning } from '../errors.ts';
import { attributeGroups, intersectGroups } from './groups.ts';
import type { GroupIndex } from './groups.ts';
import type { FairnessOptions, GroupColumn } from './types.ts';

/**
 * Partitions for the group columns and the intersections in options.
 *
 * @example buildPartitions([sex, age], 1000, resolveOptions({ intersections: [['sex', 'age']] })).partitions.map((p) => p.name)
 *   // ['sex', 'age', 'sex+age']
 */
export function buildPartitions(
  columns: GroupColumn[],
  n: number,
  opts: FairnessOptions,
): { partitions: GroupIndex[]; warnings: Warning[] } {
  const names = columns.map((c) => c.name);
  if (new Set(names).size !== names.length) {
    throw new EinblickError('INVALID_OPTION', `invalid group columns: ${names.join(', ')}; a name occurs twice`, 'Give each protected attribute once.', { option: 'protected' });
  }
  const singles = columns.map((c) => attributeGroups(c, n, opts.binning[c.name]));
  const byName = new Map(singles.map((p) => [p.name, p]));
  const combos = opts.intersections.map((combo) =>
    intersectGroups(
      combo.map((name) => {
        const p = byName.get(name);
        if (!p) {
          throw new EinblickError(
            'INVALID_OPTION',
            `invalid intersections: ${name}; expected one of ${names.join(', ')}`,
            'Intersect only attributes that are listed as protected attributes.',
            { option: 'intersections', attribute: name },
          );
        }
        return p;
      }),
    ),
  );
  const warnings: Warning[] = [];
  for (const p of singles) {
    const g = p.missing.indexOf(true);
    if (g >= 0) {
      warnings.push({
        code: 'missing_group_values',
        message: `${p.sizes[g]} rows have no value for ${p.name}; they are shown as the group "${p.values[g]}"`,
        params: { attribute: p.name, rows: p.sizes[g] },
      });
    }
  }
  const partitions = [...singles, ...combos];
  for (const name of Object.keys(opts.reference)) {
    if (!partitions.some((p) => p.name === name)) {
      throw new EinblickError('INVALID_OPTION', `invalid reference: ${name}; expected one of ${partitions.map((p) => p.name).join(', ')}`, 'Choose reference groups only for analysed attributes.', { option: 'reference' });
    }
  }
  return { partitions, warnings };
}

/**
 * Index of the reference group: the person's choice, else the given default.
 *
 * @example referenceIndex(sexPartition, { sex: 'male' }, 0) // 1
 */
export function referenceIndex(p: GroupIndex, reference: Record<string, string>, fallback: number): { index: number; source: 'user' | 'most_favoured' } {
  const wanted = reference[p.name];
  if (wanted === undefined) return { index: fallback, source: 'most_favoured' };
  const index = p.values.indexOf(wanted);
  if (index < 0) {
    throw new EinblickError(
      'INVALID_OPTION',
      `invalid reference for ${p.name}: ${wanted}; expected one of ${p.values.join(', ')}`,
      'Choose the reference group among the groups that occur in the data.',
      { option: 'reference', attribute: p.name },
    );
  }
  return { index, source: 'user' };
}

/**
 * The groups that comparisons between groups use: every group but those standing for a missing
 * value ("(missing)", "female+(missing)"), unless no other group is left. Rows without a value
 * are no group of people; compared, "(missing)" could become the most favoured group and drive
 * every headline number. Their metrics stay in the group tables.
 *
 * @example comparedGroupIndices({ values: ['f', 'm', '(missing)'], missing: [false, false, true], ... }) // [0, 1]
 */
export function comparedGroupIndices(p: GroupIndex): number[] {
  const keep = p.values.map((_, g) => g).filter((g) => !p.missing[g]);
  return keep.length === 0 ? p.values.map((_, g) => g) : keep;
}

/** The note that a partition's missing-value groups are not compared (none when there are none). */
export function missingNotCompared(p: GroupIndex): Warning[] {
  const out = p.values.filter((_, g) => p.missing[g]);
  if (out.length === 0 || out.length === p.values.length) return [];
  const rows = p.values.reduce((s, _, g) => s + (p.missing[g] ? p.sizes[g] : 0), 0);
  return [{ code: 'MISSING_NOT_COMPARED', message: `${p.name}: the rows without a value (${out.join(', ')}, ${rows} rows) are shown as a group of their own but left out of the comparisons between groups (differences, ratios, four-fifths rule).`, params: { attribute: p.name, groups: out, rows } }];
}

/**
 * Why an attribute's groups were not compared with each other: fewer than two groups of people.
 * 'one_group': a single group (rows without a value, listed in left_out, are never compared);
 * 'only_missing': no row has a value, so the only group is "(missing)".
 */
export interface NotCompared {
  reason: 'one_group' | 'only_missing';
  /** The one group there is ("female", or "(missing)"). */
  group: string;
  /** The groups of rows without a value that were left out of the comparison. */
  left_out: string[];
}

/**
 * Null when at least two groups are compared; else why nothing is compared (issue 9: one group,
 * or one group plus "(missing)", used to pass the four-fifths rule with a ratio of 1).
 *
 * @example notCompared({ values: ['female', '(missing)'], missing: [false, true], ... }) // { reason: 'one_group', group: 'female', left_out: ['(missing)'] }
 */
export function notCompared(p: GroupIndex): NotCompared | null {
  const keep = comparedGroupIndices(p);
  if (keep.length >= 2) return null;
  const group = p.values[keep[0]];
  return { reason: p.missing[keep[0]] ? 'only_missing' : 'one_group', group, left_out: p.values.filter((v, g) => p.missing[g] && v !== group) };
}

/**
 * The warning that an attribute was not compared (none when it was).
 *
 * @example notComparedWarning('sex', { reason: 'one_group', group: 'female', left_out: [] })
 *   // [{ code: 'NOT_COMPARED', message: 'sex: only one group (female): there is nothing to compare; ...', params: {...} }]
 */
export function notComparedWarning(attribute: string, nc: NotCompared | null): Warning[] {
  if (!nc) return [];
  const what = nc.reason === 'only_missing' ? `every row lacks a value (all rows are in "${nc.group}")` : `only one group (${nc.group})`;
  return [{
    code: 'NOT_COMPARED',
    message: `${attribute}: ${what}: there is nothing to compare; its differences, ratios and the four-fifths rule are left empty (null).`,
    params: { attribute, group: nc.group, reason: nc.reason, left_out: nc.left_out },
  }];
}
