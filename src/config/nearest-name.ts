// The name a misspelt one most likely meant (`escalatoins` → `escalations`), for messages about unknown fields.
// Plain TypeScript without zod, so any check can word its message the same way.

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, ignoring letter case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // Three rows of the optimal-string-alignment table: two back (for swaps), one back, and the current one.
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/** Whether one name of three letters or more begins the other (`monday` and `mon`, `pauseInStatus` and `pauseInStatuses`). */
function beginsWith(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a.toLowerCase(), b.toLowerCase()] : [b.toLowerCase(), a.toLowerCase()];
  return short.length >= 3 && long.startsWith(short);
}

/**
 * The known name closest to `word`, when it is close enough to be a slip: at most one edit in three letters of the
 * longer name (always one edit), or one name beginning with the other; ties go to the name listed first.
 * Undefined when none is.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const distance = editDistance(word, name);
    const allowed = Math.max(1, Math.floor(Math.max(word.length, name.length) / 3));
    if ((distance <= allowed || beginsWith(word, name)) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** `unknown field; did you mean "escalations"?`, or the object's known fields when no name is close. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const near = nearestName(key, known);
  if (near !== undefined) return `unknown field; did you mean ${JSON.stringify(near)}?`;
  return known.length === 0 ? 'unknown field; this object has no fields' : `unknown field; known fields: ${known.join(', ')}`;
}
