/**
 * Players from feature names: each feature its own player ('none'), one-hot blocks
 * 'column=value' merged into one player named 'column' ('auto', the default), or custom groups.
 */
import { EinblickError } from '../errors.ts';
import type { Player } from './types.ts';

/** A groups file: player name -> the feature names it owns. Features not listed stay on their own. */
export type Groups = Record<string, string[]>;

function invalid(message: string, hint: string): EinblickError {
  return new EinblickError('INVALID_OPTION', message, hint, { option: 'groups' });
}

/** The source column of a one-hot feature name ('Purpose=car' -> 'Purpose'). */
export function sourceColumn(name: string): string {
  const i = name.indexOf('=');
  return i > 0 ? name.slice(0, i) : name;
}

/**
 * Players in order of their first feature.
 *
 * @example makePlayers(['Age', 'Purpose=car', 'Purpose=tv'], 'auto') // [{ name: 'Age', features: [0] }, { name: 'Purpose', features: [1, 2] }]
 */
export function makePlayers(names: string[], groups: 'auto' | 'none' | Groups = 'auto'): Player[] {
  const owner = names.map((n) => (groups === 'none' ? n : groups === 'auto' ? sourceColumn(n) : n));
  if (typeof groups === 'object') {
    const seen = new Map<string, string>();
    for (const [player, feats] of Object.entries(groups)) {
      if (!Array.isArray(feats) || feats.length === 0) throw invalid(`invalid group ${player}: it lists no features`, 'Give every group a list of feature names, e.g. {"Purpose": ["Purpose=car", "Purpose=tv"]}.');
      for (const f of feats) {
        const j = names.indexOf(f);
        if (j < 0) throw invalid(`invalid group ${player}: unknown feature ${f}`, `Use feature names of the model: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}.`);
        if (seen.has(f)) throw invalid(`invalid group ${player}: feature ${f} is already in group ${seen.get(f)}`, 'Put every feature into at most one group.');
        seen.set(f, player);
        owner[j] = player;
      }
    }
  }
  const players: Player[] = [];
  const index = new Map<string, number>();
  owner.forEach((name, j) => {
    let p = index.get(name);
    if (p === undefined) {
      p = players.length;
      index.set(name, p);
      players.push({ name, features: [] });
    }
    players[p].features.push(j);
  });
  return players;
}

/**
 * The player of every feature (-1 for a feature no player owns).
 *
 * @example playerOfFeature([{ name: 'a', features: [1] }], 2) // Int32Array [-1, 0]
 */
export function playerOfFeature(players: Player[], nFeatures: number): Int32Array {
  const out = new Int32Array(nFeatures).fill(-1);
  players.forEach((p, i) => {
    for (const f of p.features) {
      if (!(f >= 0 && f < nFeatures)) throw new EinblickError('INVALID_OPTION', `invalid player ${p.name}: feature index ${f} outside 0..${nFeatures - 1}`, 'Players must name columns of the feature set.');
      if (out[f] !== -1) throw new EinblickError('INVALID_OPTION', `invalid player ${p.name}: feature ${f} already belongs to ${players[out[f]].name}`, 'Every feature belongs to at most one player.');
      out[f] = i;
    }
  });
  return out;
}
