/**
 * The CLI's --groups file: JSON {"player": ["feature", ...]}, read with the audit file's limits
 * (nesting, duplicate keys, names) so that a hostile file is a clear INVALID_OPTION.
 */
import { EinblickError } from '../errors.ts';
import type { Groups } from '../explain/players.ts';
import { MAX_AUDIT_DEPTH } from './limits.ts';
import { scanJson } from './json-scan.ts';
import { groupsMap } from './schema.ts';
import { describeIssues } from './issues.ts';

const HINT = 'The groups file is JSON: {"Purpose": ["Purpose=car", "Purpose=tv"], ...}, each player once, with the model inputs it owns.';

/**
 * @example readGroupsFile('{"Purpose": ["Purpose=car", "Purpose=tv"]}', 'g.json') // { Purpose: ['Purpose=car', 'Purpose=tv'] }
 */
export function readGroupsFile(text: string, file: string): Groups {
  const invalid = (why: string) => new EinblickError('INVALID_OPTION', `invalid groups file ${file}: ${why}`, HINT, { option: 'groups', file });
  const body = text.replace(/^\uFEFF/, '');
  const shape = scanJson(body, MAX_AUDIT_DEPTH);
  if (shape.tooDeep) throw invalid(`nested more than ${MAX_AUDIT_DEPTH} levels deep`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw invalid(`not JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  if (shape.duplicate) throw invalid(`the player ${shape.duplicate.key.slice(0, 80)} is given twice`);
  const r = groupsMap.safeParse(json);
  if (!r.success) throw invalid(describeIssues(r.error.issues, json, []).lines.join('; '));
  return r.data;
}
