// The name a misspelt one most likely meant (`escalatoins` → `escalations`), for messages about unknown fields.
// Plain TypeScript without zod, so any check can word its message the same way.

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, ignoring letter case. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Math.max(a.length, b.length));
}

/**
 * The optimal-string-alignment distance of two lower-case names, or `limit + 1` as soon as it must exceed `limit`
 * (a bundle can hold very many unknown fields, and most are far from every known name).
 */
function boundedDistance(x: string, y: string, limit: number): number {
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  // Three rows of the table: two back (for swaps), one back, and the current one.
  let before = new Int32Array(y.length + 1);
  let previous = new Int32Array(y.length + 1);
  let current = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) previous[j] = j;
  let previousBest = 0;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x.charCodeAt(i - 1) === y.charCodeAt(j - 2) && x.charCodeAt(i - 2) === y.charCodeAt(j - 1)) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    // A row's least value is at least the one before's, or the one two before's plus one (a swap).
    if (rowBest > limit && previousBest >= limit) return limit + 1;
    previousBest = rowBest;
    [before, previous, current] = [previous, current, before];
  }
  return previous[y.length]!;
}

/** Whether one lower-case name of three letters or more begins the other (`monday` and `mon`, `pauseinstatus` and `pauseinstatuses`). */
function beginsWith(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

/**
 * The known name closest to `word`, when it is close enough to be a slip: at most one edit in three letters of the
 * longer name (always one edit), or one name beginning with the other; ties go to the name listed first.
 * Undefined when none is.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const known = name.toLowerCase();
    const stem = beginsWith(lower, known);
    const allowed = Math.max(1, Math.floor(Math.max(word.length, name.length) / 3));
    const distance = boundedDistance(lower, known, stem ? Math.max(word.length, name.length) : Math.min(allowed, bestDistance));
    if ((distance <= allowed || stem) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

const listings = new WeakMap<readonly string[], string>();

/** `unknown field; did you mean "escalations"?`, or the object's known fields when no name is close. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const near = nearestName(key, known);
  if (near !== undefined) return `unknown field; did you mean ${JSON.stringify(near)}?`;
  // One text per object kind, however many unknown fields share it.
  let listing = listings.get(known);
  if (listing === undefined) {
    listing = known.length === 0 ? 'unknown field; this object has no fields' : `unknown field; known fields: ${known.join(', ')}`;
    listings.set(known, listing);
  }
  return listing;
}
