// Test inputs made from a shipped example with a few values changed, so each case shows only what it breaks.

/** Deletes the value at a path instead of setting it. */
export const DELETE = Symbol('delete');

/** `['calendars.0.week.mon', [...]]`: set (or DELETE) the value at a dotted path; list indexes are numbers in the path. */
export type Edit = [string, unknown];

/** A deep copy of `source` with the given edits. */
export function editedCopy(source: unknown, ...edits: Edit[]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(source));
  for (const [path, value] of edits) {
    const keys = path.split('.');
    let node = copy as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === DELETE) delete node[last];
    else node[last] = value;
  }
  return copy;
}
