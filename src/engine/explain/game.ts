/**
 * Building and checking games: from one FeatureSet and row indices, or from separate sets.
 */
import { EinblickError } from '../errors.ts';
import type { FeatureSet } from '../model/types.ts';
import { sameLayout, takeRows } from './featureset.ts';
import { playerOfFeature } from './players.ts';
import type { Game, Player } from './types.ts';

function invalidRows(what: string, bad: number, n: number): EinblickError {
  return new EinblickError('INVALID_OPTION', `invalid ${what}: ${bad}; expected row indices 0..${n - 1}`, `Choose ${what} between 0 and ${n - 1}.`, { option: what });
}

/**
 * A game over rows of one data FeatureSet.
 *
 * @example gameFromRows(fs, players, [0, 5], [1, 2, 3]).explain.rows // 2
 */
export function gameFromRows(data: FeatureSet, players: Player[], rows: number[], backgroundRows: number[]): Game {
  for (const [what, list] of [['rows', rows], ['background rows', backgroundRows]] as const) {
    const bad = list.find((r) => !(Number.isInteger(r) && r >= 0 && r < data.rows));
    if (bad !== undefined) throw invalidRows(what, bad, data.rows);
  }
  return { players, explain: takeRows(data, rows), background: takeRows(data, backgroundRows), rows: rows.slice(), backgroundRows: backgroundRows.slice() };
}

/**
 * Checks a game: same columns in explained and background rows, at least one background row,
 * every column owned by exactly one player. Returns the player of every column.
 *
 * @example checkGame(game) // Int32Array [0, 1, 1, 2]
 */
export function checkGame(game: Game): Int32Array {
  if (!sameLayout(game.explain, game.background)) {
    throw new EinblickError('INVALID_OPTION', 'invalid background: its columns differ from the explained rows', 'Take the background rows from the same data as the explained rows.');
  }
  if (game.background.rows === 0) throw new EinblickError('INVALID_OPTION', 'invalid background: no rows', 'Choose at least one background row (default 100).', { option: 'background' });
  if (game.players.length === 0) throw new EinblickError('INVALID_OPTION', 'invalid players: none', 'Explain at least one feature.');
  if (game.rows.length !== game.explain.rows || game.backgroundRows.length !== game.background.rows) {
    throw new EinblickError('INTERNAL', 'the row indices do not match the rows of the game', 'This is a bug in Einblick.');
  }
  const owner = playerOfFeature(game.players, game.explain.names.length);
  const free = owner.indexOf(-1);
  if (free >= 0) {
    throw new EinblickError('INVALID_OPTION', `invalid players: feature ${game.explain.names[free]} belongs to no player`, 'Give every model feature to a player (groups may merge features, not drop them).');
  }
  return owner;
}
