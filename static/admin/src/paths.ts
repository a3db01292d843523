// JSON paths written the way the validator writes them (`calendars[0].week.mon[1]`), so an error from the backend
// lands on exactly the field that edits that value.

export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** True when `path` is `base` itself or lies inside it. */
export function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`);
}

/**
 * Resolvers prefix the paths of what they were given (`bundle.calendars[0]`, `timeline.events[2].at`); the forms
 * speak paths relative to the value they edit. The prefix alone names the whole value: `(root)`.
 */
export const ROOT = '(root)';

export function withoutPrefix(path: string | undefined, prefix: string): string | undefined {
  if (path === undefined) return undefined;
  if (path === prefix) return ROOT;
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return undefined;
}

/** The first segment of a path: the bundle section it belongs to. */
export function sectionOf(path: string): string {
  const match = /^[A-Za-z_$][\w$]*/.exec(path);
  return match ? match[0] : '';
}

/** `calendars[2].week` → `['calendars', 2, 'week']`. */
export function segmentsOf(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const pattern = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[3] !== undefined) out.push(JSON.parse(match[3]) as string);
  }
  return out;
}
