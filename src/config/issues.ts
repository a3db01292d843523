// The one error shape every validator returns, and how a JSON path is written for people
// (the CLI prints `calendars[0].week.mon[1]: end 07:00 is before start 09:00`, the admin page shows the same text).

export interface ValidationIssue {
  /** JSON path in the style `calendars[0].week.mon[1]`; `(root)` for the document itself. */
  path: string;
  /** Human-readable, names the offending value; never a raw library dump. */
  message: string;
  /** The offending value, when there is one (absent for missing fields). */
  value?: unknown;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export type PathSegment = string | number;
export type RawPath = ReadonlyArray<PathSegment>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['calendars', 0, 'week', 'mon', 1]` → `calendars[0].week.mon[1]`; `[]` → `(root)`. */
export function formatPath(path: RawPath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // Keys that are not identifiers (spaces, dots) are bracketed so the path stays unambiguous.
    else if (!IDENTIFIER.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/**
 * A value as it should appear inside a message: strings quoted (so `"9am"` and `""` are visible as written),
 * scalars as JSON, containers by kind (dumping a whole object into one line helps nobody).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Internal form while collecting: the path stays structured so issues can be ordered before formatting. */
export interface PathIssue {
  path: PathSegment[];
  message: string;
  value?: unknown;
}

export function issueAt(path: RawPath, message: string, value?: unknown): PathIssue {
  return value === undefined ? { path: [...path], message } : { path: [...path], message, value };
}

/**
 * Orders issues by where they are in the document: by top-level section (in the given order), then by the
 * element index inside it. Within one element the order of discovery is kept (the sort is stable), so an
 * admin reads the problems of `calendars[0]` together rather than scattered by kind of check.
 */
export function toValidationIssues(issues: PathIssue[], sections: readonly string[]): ValidationIssue[] {
  const rank = (issue: PathIssue): [number, number] => {
    const [first, second] = issue.path;
    const section = typeof first === 'string' ? sections.indexOf(first) : -1;
    return [section === -1 ? (issue.path.length === 0 ? -1 : sections.length) : section, typeof second === 'number' ? second : -1];
  };
  return issues
    .map((issue, order) => ({ issue, order, key: rank(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.order - b.order)
    .map(({ issue }) => {
      const out: ValidationIssue = { path: formatPath(issue.path), message: issue.message };
      if (issue.value !== undefined) out.value = issue.value;
      return out;
    });
}
