/**
 * Protected attributes: data columns turned into the fairness engine's group columns.
 * Categories and yes/no columns are taken as they are; a number column with few distinct values
 * (e.g. 0/1) too; other number columns (age) are binned by the person's edges or quantiles,
 * and by quartiles when nothing is said (with a note, never silently).
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import { categoryColumn, numericColumn } from '../data/columns.ts';
import type { ColumnInfo } from '../data/types.ts';
import type { Binning, GroupColumn } from '../fairness/types.ts';
import { requireColumn } from './outcome.ts';

/** A number column with at most this many distinct values is used as categories. */
export const MAX_NUMERIC_LEVELS = 12;

/**
 * Parses a binning flag value: 'Age=25,35,50' (edges) or 'Age=q4' (quantiles).
 *
 * @example parseBins(['Age=25,35', 'Income=q5']) // { Age: { edges: [25, 35] }, Income: { quantiles: 5 } }
 */
export function parseBins(specs: string[]): Record<string, Binning> {
  const out: Record<string, Binning> = {};
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const name = spec.slice(0, at).trim();
    const rule = spec.slice(at + 1).trim();
    const q = /^q(\d+)$/i.exec(rule);
    const edges = rule.split(/[,;]/).map((s) => Number(s.trim()));
    if (at <= 0 || !rule) throw binError(spec);
    if (q && !(Number(q[1]) >= 2 && Number(q[1]) <= 100)) throw binError(spec);
    if (q) out[name] = { quantiles: Number(q[1]) };
    else if (edges.every((e) => Number.isFinite(e))) out[name] = { edges };
    else throw binError(spec);
  }
  return out;
}

function binError(spec: string): EinblickError {
  return new EinblickError('INVALID_OPTION', `invalid bins: ${spec}; expected COLUMN=EDGE,EDGE,... or COLUMN=qN with N from 2 to 100`, 'For example --bins Age=25,35,50 (groups below 25, 25 to 35, ...) or --bins Age=q4 (four groups of equal size).', { bins: spec });
}

/** The group columns for the protected attributes, plus the binning the engine should apply. */
export function protectedGroups(table: Table, columns: ColumnInfo[], names: string[], bins: Record<string, Binning>): { groups: GroupColumn[]; binning: Record<string, Binning>; warnings: Warning[] } {
  if (names.length === 0) {
    throw new EinblickError('INVALID_OPTION', 'no protected attribute given', 'Name at least one column that describes groups, e.g. --protected sex,age_group.');
  }
  for (const b of Object.keys(bins)) {
    if (!names.includes(b)) throw new EinblickError('INVALID_OPTION', `bins given for ${b}, which is not a protected attribute`, `Add ${b} to --protected or drop its --bins.`, { column: b });
  }
  const groups: GroupColumn[] = [];
  const binning: Record<string, Binning> = {};
  const warnings: Warning[] = [];
  for (const name of names) {
    const info = requireColumn(columns, name, 'protected attribute', table);
    const wantsBins = bins[name] !== undefined;
    if (info.kind === 'number' && (wantsBins || info.distinct > MAX_NUMERIC_LEVELS)) {
      if (!wantsBins) {
        warnings.push({
          code: 'BINNED_BY_QUARTILES',
          message: `${name} is a number with ${info.distinctCapped ? 'over ' : ''}${info.distinct} distinct values; it is split into four groups of about equal size (quartiles). Give your own limits with --bins ${name}=...`,
          params: { column: name, distinct: info.distinct },
        });
      }
      binning[name] = bins[name] ?? { quantiles: 4 };
      groups.push({ name, values: numericColumn(table, name) });
    } else {
      if (wantsBins) throw new EinblickError('INVALID_OPTION', `${name} is not a number column and cannot be binned`, `Drop --bins for ${name}; its values are used as groups as they are.`, { column: name });
      const { codes, levels } = categoryColumn(table, name);
      groups.push({ name, codes, levels });
    }
  }
  return { groups, binning, warnings };
}

/**
 * Parses intersections: ['sex+age_group'] -> [['sex', 'age_group']]; each part must be protected.
 */
export function parseIntersections(specs: string[], protectedNames: string[]): string[][] {
  return specs.map((spec) => {
    const parts = spec.split('+').map((s) => s.trim()).filter(Boolean);
    if (parts.length < 2 || parts.length > 3) {
      throw new EinblickError('INVALID_OPTION', `invalid intersection: ${spec}; expected two or three attributes joined by +`, 'For example --intersect sex+age_group.', { intersect: spec });
    }
    for (const p of parts) {
      if (!protectedNames.includes(p)) throw new EinblickError('INVALID_OPTION', `intersection ${spec} names ${p}, which is not a protected attribute`, `Add ${p} to --protected.`, { column: p });
    }
    return parts;
  });
}
