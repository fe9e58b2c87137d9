/**
 * Similar column names, for "did you mean" hints: the same name in another case or spelling
 * (spaces, '_', '-', '.'), one name inside the other, or a few typing mistakes apart.
 */

/**
 * Up to `max` names from `available` that look like `name`, closest first.
 *
 * @example nearNames('age', ['Age', 'Amount', 'age_group']) // ['Age', 'age_group']
 */
export function nearNames(name: string, available: string[], max = 3): string[] {
  const key = normalise(name);
  const scored: { name: string; score: number }[] = [];
  for (const a of available) {
    if (a === name) continue;
    const k = normalise(a);
    let score = Infinity;
    if (a.toLowerCase() === name.toLowerCase()) score = 0;
    else if (k === key) score = 1;
    else if (key.length >= 3 && k.length >= 3 && (k.includes(key) || key.includes(k))) score = 2;
    else {
      const d = editDistance(key, k);
      if (d <= Math.min(2, Math.floor(Math.max(key.length, k.length) / 4))) score = 2 + d;
    }
    if (score < Infinity) scored.push({ name: a, score });
  }
  return scored.sort((x, y) => x.score - y.score).slice(0, max).map((s) => s.name);
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * Levenshtein distance (small strings only).
 *
 * @example editDistance('Purpse', 'Purpose') // 1
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
